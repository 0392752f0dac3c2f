"""A cache of validated fact bases, keyed by the content of every file loaded.

Like PEP 552's hash-based ``.pyc`` files, an entry is found by a hash of the bytes of
each fact file (with its name and place in the list), the package version and the
schema, so an edited file, a swapped order, another ``--data`` set or another release
never reads a stale entry. Entries hold ``marshal`` data of plain values only (strings,
numbers, tuples), which cannot run code when read; records are rebuilt from them through
the schema's own field lists, so a new field or table needs no change here.

An entry is a sealed index followed by sections: per table, its ids and its records in
blocks of ``BLOCK``, column by column, each section with its own check in the index. A
base read from an entry (``LazyFactBase``) unpacks a table when it is first read, and
finds one fact by its id from the ids and one block, so a command pays for what it reads
(``members`` never unpacks 100,000 figures of the user's, ``show`` one block of them).

The cache trusts nothing it did not write. Its directory is its own (``cis-facts`` in
the platform's cache directory, or in ``CIS_FACTS_CACHE``), used only when it is owned by
the user and writable by no one else. Each entry is signed with an HMAC-SHA256 under a
per-user secret kept beside the entries (``key``, mode 0600, made on first use), and its
name is derived from that secret too, so no one without the secret can plant or predict
an entry. An entry is opened without following a symbolic link and without blocking, and
read only if it is a regular file of the user's, within a size bound.

A missing, unreadable, truncated, corrupt, foreign or unsigned entry is ignored (the files
are parsed and validated as usual, and the entry rewritten; a section found damaged only
when its table is read is replaced so too, with every table of the base); a cache
directory that cannot be created, written or trusted means no cache, never an error.
Entries are written atomically (a temporary file renamed into place), and pruning removes
only names of the cache's own pattern. Only bases whose user files add up to at least
``MIN_BYTES`` are cached, so everyday calls on the packaged base, or with a small notes
file, write nothing.
The packaged base alone is read from the entry the wheel ships beside it
(``data/facts.cache``, built and checked when the wheel is built, as trusted as the code).
"""

# Imported where used: hmac loads OpenSSL, about 11 million instructions (7 % of `import click`,
# benchmarks/instructions.py), needed for user entries only; tempfile and time only when an entry
# is written or pruned.

from __future__ import annotations

import contextlib
import marshal
import os
import re
import stat
import sys
from collections.abc import Callable, Mapping, Sequence
from importlib.util import source_hash
from typing import Any

from cis_facts import collector, model
from cis_facts.dates import parse_when
from cis_facts.frozen import from_rows, record_values
from cis_facts.schema import KIND_OF_TABLE, KINDS, TABLES
from cis_facts.version import __version__

ENV_VAR = "CIS_FACTS_CACHE"
ORIGIN = "origin"
PACKAGED = "<packaged>"  # the packaged base's name in a stamp, wherever it is installed
FORMAT = 2
MAGIC = b"cis-facts cache\n"
# Total size of the user's fact files from which a base is cached: about 130 facts. An
# entry pays from the smallest file (it skips the packaged base's checks too: ~15 ms saved
# with 24 KB of user facts, ~50 ms with 500 KB), so the limit is set by what a call may
# leave behind: small note files, edited often, are not worth an entry per version.
MIN_BYTES = 64 * 1024
MAX_ENTRIES = 8  # the most recently written entries kept in the directory
SUFFIX = ".cache"
TEMPORARY = ".tmp-"  # name prefix of an entry being written
PACKAGED_ENTRY = "facts.cache"
FOLDER = "cis-facts"  # the cache's own directory, inside the one the environment names
KEY_FILE = "key"
KEY_BYTES = 32
OFF = ("off", "0", "false", "no", "none", "disabled")  # CIS_FACTS_CACHE values that mean off
# The only names the cache writes, and so the only ones it ever removes.
ENTRY_NAME = re.compile(r"[0-9a-f]{32}\.cache")
TEMPORARY_NAME = re.compile(r"\.tmp-[A-Za-z0-9_]{8}\.cache")
# An entry is read only up to this many times the size of the files it was built from
# (a base's entry is about half their size, its search index about 1.2 times), plus 1 MiB.
SIZE_FACTOR = 8
BLOCK = 1024  # records per section of a table: what finding one record by its id unpacks
_LENGTH = 4  # bytes of the index's length, after the seal
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)

# A file as the cache knows it: name, size in bytes, hash of its bytes.
Stamp = tuple[str, int, bytes]
# Per kind of field, how a value is turned into plain data (``_records`` turns it back).
_ENCODE: dict[str, Callable[[Any], Any]] = {"when": lambda w: None if w is None else w.iso()}


def _is_off(value: str) -> bool:
    return value.strip().lower() in OFF


def enabled(environ: Mapping[str, str]) -> bool:
    """False when ``CIS_FACTS_CACHE`` is ``off`` (or 0, false, no, none, disabled)."""
    return not _is_off(environ.get(ENV_VAR, ""))


def directory(environ: Mapping[str, str]) -> str | None:
    """Where entries live: ``cis-facts`` in ``CIS_FACTS_CACHE``, else in the platform's
    cache directory.

    None when the cache is off, or no absolute directory can be named: a relative
    ``CIS_FACTS_CACHE``, ``XDG_CACHE_HOME`` or ``HOME`` is ignored (as the XDG rule says),
    so that no call writes into whatever the working directory happens to be.
    """
    chosen = environ.get(ENV_VAR, "")
    if _is_off(chosen):
        return None
    if chosen:
        return os.path.join(chosen, FOLDER) if os.path.isabs(chosen) else None
    xdg = environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        root = xdg
    elif sys.platform == "win32":
        root = environ.get("LOCALAPPDATA", "")
    else:
        home = environ.get("HOME", "")
        sub = ("Library", "Caches") if sys.platform == "darwin" else (".cache",)
        root = os.path.join(home, *sub) if os.path.isabs(home) else ""
    return os.path.join(root, FOLDER) if os.path.isabs(root) else None


def schema_signature() -> str:
    """The schema as text: every table, field, kind and choice, and the model's fields."""
    parts = [f"format {FORMAT}"]
    for table, (factory, specs) in TABLES.items():
        fields = getattr(factory, "_fields", ())
        declared = [(name, s.kind, s.required, s.choices) for name, s in specs.items()]
        parts.append(f"{table} {fields!r} {declared!r}")
    return "\n".join(parts)


def stamp(name: str, data: bytes) -> Stamp:
    """What the cache records of one file: the 64-bit SipHash of PEP 552's ``.pyc`` files."""
    return (name, len(data), source_hash(data))


def header(stamps: Sequence[Stamp]) -> tuple[Any, ...]:
    """What an entry must have been built from: format, version, schema, every file."""
    return (FORMAT, __version__, source_hash(schema_signature().encode()), tuple(stamps))


def entry_name(head: tuple[Any, ...], key: bytes) -> str:
    """The entry's file name: only the holder of ``key`` can tell which files it is for."""
    digest = _mac(key, b"name\0" + marshal.dumps(head, 4)).hex()
    return digest[:32] + SUFFIX


def _seal(payload: bytes | memoryview, key: bytes | None) -> bytes:
    """The check written before the payload: an HMAC under ``key``; for the packaged entry
    (no key), the SipHash of ``.pyc`` files, which only detects damage."""
    if key is None:
        return source_hash(payload)
    return _mac(key, payload)


# hmac is imported where a user entry is sealed or checked: importing it loads OpenSSL,
# about 11 million instructions or 7 % of ``import click`` (benchmarks/instructions.py),
# which a call on the packaged base never needs.
def _mac(key: bytes, payload: bytes | memoryview) -> bytes:
    """HMAC-SHA256 of ``payload`` under ``key``."""
    import hmac

    return hmac.new(key, payload, "sha256").digest()


def _same(check: bytes | memoryview, expected: bytes, key: bytes | None) -> bool:
    """Whether an entry's check is the one expected: in constant time under a key; the
    packaged entry's SipHash only detects damage, so plain equality does."""
    if key is None:
        return expected == check
    import hmac  # see _mac

    return hmac.compare_digest(expected, check)


def _kinds(table: str) -> list[tuple[str, str]]:
    """Every field of the table's record class with its schema kind.

    ``origin`` (the file a record came from, set by the loader) is stored as the file's
    place in the list, so a moved installation still names its own files.
    """
    factory, specs = TABLES[table]
    fields = getattr(factory, "_fields", ())
    return [(n, specs[n].kind if n in specs else ORIGIN if n == ORIGIN else "") for n in fields]


def _column(values: list[Any], kind: str, files: dict[str, int]) -> list[Any]:
    if kind in _ENCODE:
        values = list(map(_ENCODE[kind], values))
    elif kind == ORIGIN:
        values = [files[v] for v in values]
    # Equal values stored once: marshal writes a repeated object as a reference. (A dict
    # keeps the last of equal values, so mapping through it picks one object for all.)
    shared = dict(zip(values, values, strict=True))
    if len(shared) * 2 < len(values):
        values = list(map(shared.__getitem__, values))
    return values


def encode(base: model.FactBase, stamps: Sequence[Stamp], key: bytes | None = None) -> bytes:
    """An entry for ``base`` loaded from the files ``stamps`` describe, sealed with ``key``
    (None: the packaged entry).

    Each table is stored as its keys (ids or codes) and blocks of ``BLOCK`` records, column
    by column, each a section of its own with its own check; the sealed index in front
    says where each section is and what its check is. A reader unpacks only the tables it
    reads, and finds one record by its id in the keys and one block.
    """
    files = {name: index for index, name in enumerate(base.files)}
    tables = {}
    for table in TABLES:
        records = getattr(base, table)
        kinds = _kinds(table)
        names = tuple(n for n, _ in kinds)
        keys = [getattr(r, KIND_OF_TABLE[table].key) for r in records]
        rows = list(map(record_values(names), records))
        blocks = []
        for start in range(0, len(rows), BLOCK):
            columns = [list(c) for c in zip(*rows[start : start + BLOCK], strict=True)]
            blocks.append([_column(c, k, files) for c, (_, k) in zip(columns, kinds, strict=True)])
        tables[table] = (names, len(records), keys, blocks)
    return _assemble(header(stamps), tables, key)


# One table as ``_assemble`` takes it: field names, record count, keys, and the columns of
# each block.
_PlainTable = tuple[tuple[str, ...], int, list[str], list[list[list[Any]]]]


def _assemble(head: tuple[Any, ...], tables: dict[str, _PlainTable], key: bytes | None) -> bytes:
    """The bytes of an entry: magic, the index's seal, its length, the index, the sections."""
    sections: list[bytes] = []
    size = 0

    def add(payload: bytes) -> tuple[int, int, bytes]:
        nonlocal size
        spot = (size, len(payload), _seal(payload, key))
        sections.append(payload)
        size += len(payload)
        return spot

    described = {}
    for table, (names, count, keys, blocks) in tables.items():
        keys_spot = add(marshal.dumps(keys, 4))
        spots = tuple((*add(marshal.dumps(c, 4)), len(c[0]) if c else 0) for c in blocks)
        described[table] = (names, count, keys_spot, spots)
    index = marshal.dumps((head, BLOCK, described), 4)
    return b"".join(
        (MAGIC, _seal(index, key), len(index).to_bytes(_LENGTH, "little"), index, *sections)
    )


def _plain(data: bytes, key: bytes | None) -> tuple[tuple[Any, ...], dict[str, _PlainTable]]:
    """What ``_assemble`` made ``data`` of, unchecked: for looking into an entry."""
    start = len(MAGIC) + len(_seal(b"", key)) + _LENGTH
    length = int.from_bytes(data[start - _LENGTH : start], "little")
    head, _, described = marshal.loads(data[start : start + length])
    rest = data[start + length :]

    def section(spot: tuple[int, ...]) -> Any:
        return marshal.loads(rest[spot[0] : spot[0] + spot[1]])

    tables = {
        table: (names, count, section(keys), [section(spot) for spot in spots])
        for table, (names, count, keys, spots) in described.items()
    }
    return head, tables


def decode(
    data: bytes, stamps: Sequence[Stamp], names: Sequence[str], key: bytes | None = None
) -> model.FactBase | None:
    """The base an entry holds, every table unpacked, or None unless it is whole, sealed
    with ``key`` and was built from ``stamps``.

    ``names`` are the files' names now, one for each stamp.
    """
    entry = _Entry.of_bytes(data, stamps, names, key, None)
    if entry is None:
        return None
    try:
        tables = {table: entry.table(table) for table in TABLES}
    except _Damaged:
        return None
    return model.FactBase(**tables, files=tuple(names))


def _opened(data: bytes, key: bytes | None) -> Any:
    """The plain value a whole entry sealed with ``key`` holds, else None. Nothing in a
    damaged or foreign entry gets to ``marshal``; a sealed one that still fails to load
    (even by running out of memory) is a miss."""
    if not data.startswith(MAGIC):
        return None
    size = len(_seal(b"", key))
    with memoryview(data) as view:
        check, payload = view[len(MAGIC) : len(MAGIC) + size], view[len(MAGIC) + size :]
        try:
            return _checked_loads(check, payload, key)
        finally:
            payload.release()
            check.release()


def _checked_loads(
    check: bytes | memoryview, payload: bytes | memoryview, key: bytes | None
) -> Any:
    """``payload`` unmarshalled if ``check`` is its seal under ``key``, else None."""
    try:
        if not _same(check, _seal(payload, key), key):
            return None
        return marshal.loads(payload)
    except Exception:  # noqa: BLE001 - MemoryError included: any failure is a miss
        return None


class _Damaged(Exception):
    """A section of an entry that does not match its check or does not make records."""


# A section's place in an entry: offset from the end of the index, length, check.
_Spot = tuple[int, int, bytes]
# What reads an entry: its bytes from an offset, as many as asked (fewer at its end).
_Reader = Callable[[int, int], bytes | memoryview]


class _Entry:
    """A whole entry whose index was found sealed and built from the files: its tables are
    unpacked when first read, each section checked against the index before ``marshal``
    sees it."""

    def __init__(
        self,
        read: _Reader,
        origin: int,
        key: bytes | None,
        names: Sequence[str],
        block: int,
        tables: dict[str, Any],
        recover: Callable[[], model.FactBase] | None,
    ) -> None:
        self.read, self.origin, self.key, self.names = read, origin, key, tuple(names)
        self.block, self.tables, self.recover = block, tables, recover
        self.keys: dict[str, list[str]] = {}
        self.kept: dict[tuple[str, int], tuple[Any, ...]] = {}

    @classmethod
    def opened(
        cls,
        read: _Reader,
        total: int,
        stamps: Sequence[Stamp],
        names: Sequence[str],
        key: bytes | None,
        recover: Callable[[], model.FactBase] | None,
    ) -> _Entry | None:
        """The entry of ``total`` bytes that ``read`` gives if its index is whole, sealed
        with ``key`` and names ``stamps``, and every section it lists lies inside it;
        else None."""
        size = len(_seal(b"", key))
        start = len(MAGIC) + size + _LENGTH
        if total < start:
            return None
        front = bytes(read(0, start))
        if not front.startswith(MAGIC):
            return None
        length = int.from_bytes(front[-_LENGTH:], "little")
        if start + length > total:
            return None
        index = _checked_loads(front[len(MAGIC) : len(MAGIC) + size], read(start, length), key)
        if type(index) is not tuple or len(index) != 3:
            return None
        head, block, tables = index
        if head != header(stamps) or type(block) is not int or block < 1:
            return None
        if type(tables) is not dict or set(tables) != set(TABLES):
            return None
        room = total - start - length
        if not all(_well_formed(tables[t], block, size, room) for t in TABLES):
            return None
        return cls(read, start + length, key, names, block, tables, recover)

    @classmethod
    def of_bytes(
        cls,
        data: bytes,
        stamps: Sequence[Stamp],
        names: Sequence[str],
        key: bytes | None,
        recover: Callable[[], model.FactBase] | None,
    ) -> _Entry | None:
        """The entry ``data`` holds (as ``opened``)."""
        view = memoryview(data)
        return cls.opened(lambda at, n: view[at : at + n], len(data), stamps, names, key, recover)

    def count(self, table: str) -> int:
        count: int = self.tables[table][1]
        return count

    def _section(self, spot: _Spot) -> Any:
        offset, length, check = spot
        try:
            section = self.read(self.origin + offset, length)
        except OSError as exc:
            raise _Damaged(str(exc)) from exc
        loaded = _checked_loads(check, section, self.key)
        if loaded is None:
            raise _Damaged("a section does not match its check")
        return loaded

    def table_keys(self, table: str) -> list[str]:
        """The ids (codes) of the table's records, in order."""
        keys = self.keys.get(table)
        if keys is None:
            keys = self._section(self.tables[table][2])
            if type(keys) is not list or len(keys) != self.count(table):
                raise _Damaged(f"{table}: keys of another length")
            if not set(map(type, keys)) <= {str}:
                raise _Damaged(f"{table}: a key that is not a string")
            self.keys[table] = keys
        return keys

    def block_records(self, table: str, number: int) -> tuple[Any, ...]:
        """The records of one block of the table."""
        fields, _, _, blocks = self.tables[table]
        *spot, rows = blocks[number]
        try:
            return _records(table, self.names, fields, rows, self._section(tuple(spot)))
        except _Damaged:
            raise
        except Exception as exc:  # any malformed section is damage, never an error
            raise _Damaged(str(exc)) from exc

    def block_kept(self, table: str, number: int) -> tuple[Any, ...]:
        """``block_records``, kept for the next record asked for in the block."""
        key = (table, number)
        part = self.kept.get(key)
        if part is None:
            part = self.kept[key] = self.block_records(table, number)
        return part

    def table(self, table: str) -> tuple[Any, ...]:
        """Every record of the table, in order."""
        with collector.paused():
            records: list[Any] = []
            for number in range(len(self.tables[table][3])):
                part = self.kept.pop((table, number), None)
                records.extend(part if part is not None else self.block_records(table, number))
            return tuple(records)


_INDEX_ITEM = (int, int, bytes)


def _well_formed(described: Any, block: int, check: int, room: int) -> bool:
    """Whether one table's part of the index has the shape ``encode`` writes, with every
    section inside the ``room`` after the index and full blocks but the last."""
    if type(described) is not tuple or len(described) != 4:
        return False
    fields, count, keys, blocks = described
    if type(fields) is not tuple or type(count) is not int or type(blocks) is not tuple:
        return False
    spots = [keys, *(b[:3] if type(b) is tuple else b for b in blocks)]
    for spot in spots:
        if type(spot) is not tuple or len(spot) != 3:
            return False
        if tuple(map(type, spot)) != _INDEX_ITEM or len(spot[2]) != check:
            return False
        if spot[0] < 0 or spot[1] < 0 or spot[0] + spot[1] > room:
            return False
    rows = [b[3] if len(b) == 4 and type(b[3]) is int else -1 for b in blocks]
    return sum(rows) == count and all(r == block for r in rows[:-1]) and all(r > 0 for r in rows)


def _lazy(entry: _Entry) -> model.FactBase:
    """A base whose tables are unpacked from ``entry`` when first read."""
    base = object.__new__(LazyFactBase)
    state = vars(base)
    state["files"] = entry.names
    state[_ENTRY] = entry
    return base


_ENTRY = "_entry"


class _Table:
    """A table of a ``LazyFactBase``: unpacked on first read, then an attribute like any."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, base: Any, owner: type | None = None) -> Any:
        if base is None:
            return self
        state = vars(base)
        entry: _Entry = state[_ENTRY]
        try:
            state[self.name] = entry.table(self.name)
        except _Damaged:
            _recovered(base)
        return state[self.name]


def _recovered(base: LazyFactBase) -> None:
    """Replace every table of ``base`` by the files' own, validated again (a section of its
    entry was damaged after its index was read: the entry is rewritten)."""
    state = vars(base)
    entry: _Entry = state[_ENTRY]
    if entry.recover is None:
        raise RuntimeError("the packaged base's cache entry is damaged")
    full = entry.recover()
    state.update({table: getattr(full, table) for table in TABLES})


class LazyFactBase(model.FactBase):
    """A ``FactBase`` read from a cache entry: each table is unpacked when first read, so a
    command pays only for the tables it reads (``members`` never unpacks the figures), and
    ``fact`` finds one record by its id in the ids of each table and one block."""

    def fact(self, fact_id: str) -> model.AnyFact | None:
        state = vars(self)
        entry: _Entry | None = state.get(_ENTRY)
        if entry is None:  # a copy made by ``replace``: every table is in it
            return super().fact(fact_id)
        for kind in KINDS:
            if not kind.is_fact:
                continue
            try:
                keys = entry.table_keys(kind.table)
                if fact_id not in keys:
                    continue
                where = keys.index(fact_id)
                if kind.table in state:
                    found: model.AnyFact = state[kind.table][where]
                else:
                    part = entry.block_records(kind.table, where // entry.block)
                    found = part[where % entry.block]
            except _Damaged:
                _recovered(self)
                return super().fact(fact_id)
            return found
        return None

    def record_at(self, table: str, position: int) -> Any:
        state = vars(self)
        if table in state:
            return state[table][position]
        entry: _Entry = state[_ENTRY]  # a copy made by ``replace`` has every table
        count = entry.count(table)
        where = position + count if position < 0 else position
        if not 0 <= where < count:
            raise IndexError(f"{table}: no record {position}")
        try:
            part = entry.block_kept(table, where // entry.block)
        except _Damaged:
            _recovered(self)
            return state[table][where]
        return part[where % entry.block]

    def __eq__(self, other: object) -> bool:
        """Equal to a ``FactBase`` of the same records, however each was loaded."""
        if not isinstance(other, model.FactBase):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((model.FactBase.__name__, self._values()))

    def counts(self) -> dict[str, int]:
        state = vars(self)
        entry: _Entry | None = state.get(_ENTRY)
        if entry is None:
            return super().counts()
        return {
            table: len(state[table]) if table in state else entry.count(table) for table in TABLES
        }


for _name in TABLES:
    setattr(LazyFactBase, _name, _Table(_name))


def _records(
    table: str, files: Sequence[str], fields: tuple[str, ...], count: int, columns: list[Any]
) -> tuple[Any, ...]:
    kinds = _kinds(table)
    if (
        fields != tuple(n for n, _ in kinds)
        or type(columns) is not list
        or len(columns) != len(fields)
    ):
        raise _Damaged(f"{table}: fields differ")
    if any(type(c) is not list or len(c) != count for c in columns):
        raise _Damaged(f"{table}: columns of unequal length")
    specs = TABLES[table][1]
    for column, (name, kind) in zip(columns, kinds, strict=True):
        _check_types(column, kind, name not in specs or not specs[name].required)
    for index, (_, kind) in enumerate(kinds):
        if kind == "when":
            dates = {iso: parse_when(iso) for iso in set(columns[index]) if iso is not None}
            columns[index] = [dates.get(iso) for iso in columns[index]]
        elif kind == ORIGIN:
            columns[index] = [files[i] for i in columns[index]]
    factory: Any = TABLES[table][0]
    return from_rows(factory, zip(*columns, strict=True))


# The plain types each kind of field is stored as (``_column``); anything else in a sealed
# entry (which only a bug could write) makes it a miss, not a record of the wrong type.
_STORED: dict[str, tuple[type, ...]] = {
    "number": (int, float),
    "percent": (int, float),
    "rank": (int,),
    "bool": (bool,),
    "texts": (tuple,),
    "codes": (tuple,),
    ORIGIN: (int,),
}


def _check_types(column: list[Any], kind: str, optional: bool) -> None:
    if not kind:
        return
    allowed = set(_STORED.get(kind, (str,))) | ({type(None)} if optional else set())
    if not set(map(type, column)) <= allowed:
        raise TypeError(f"a {kind} column holds another type")
    if kind in ("texts", "codes"):
        items = {type(item) for value in column if value is not None for item in value}
        if not items <= {str}:
            raise TypeError(f"a {kind} column holds another type")


def read(
    folder: str | None,
    stamps: Sequence[Stamp],
    names: Sequence[str],
    *,
    packaged_only: bool,
    recover: Callable[[], model.FactBase] | None = None,
) -> model.FactBase | None:
    """The cached base for ``stamps``, or None (too small to be cached, or no good entry).

    ``names`` are the files' names; ``packaged_only`` says they are the packaged base
    alone, which may have its entry shipped beside it. The base's tables are unpacked
    when first read (``LazyFactBase``); should a table's section turn out damaged then,
    ``recover`` gives the base validated from the files (and rewrites the entry).
    """
    if packaged_only:
        path = os.path.join(os.path.dirname(names[0]), PACKAGED_ENTRY)
        data = _read_entry(path, _size_limit(stamps), owned=False)
        entry = _Entry.of_bytes(data, stamps, names, None, recover)
        return None if entry is None else _lazy(entry)
    key = _user_key(folder, stamps, create=False)
    if folder is None or key is None:
        return None
    path = os.path.join(folder, entry_name(header(stamps), key))
    if not hasattr(os, "pread"):  # read whole where a file cannot be read at an offset
        entry = _Entry.of_bytes(_read_entry(path, _size_limit(stamps)), stamps, names, key, recover)
        return None if entry is None else _lazy(entry)
    opened = _open_entry(path, _size_limit(stamps))
    if opened is None:
        return None
    descriptor, total = opened

    def read(at: int, count: int) -> bytes:
        return os.pread(descriptor, count, at)

    try:
        entry = _Entry.opened(read, total, stamps, names, key, recover)
    except OSError:
        entry = None
    if entry is None:
        os.close(descriptor)
        return None
    # The sections are read from the open file as their tables are (a base's entry is
    # about two thirds the size of its files, most of it in tables a command never reads);
    # the file is closed with the base. A file renamed over it meanwhile is another file.
    import weakref

    base = _lazy(entry)
    weakref.finalize(base, os.close, descriptor)
    return base


def read_derived(folder: str | None, stamps: Sequence[Stamp], kind: str) -> Any:
    """The plain data stored by ``write_derived`` for the base of ``stamps``, or None.

    A derived entry (such as the search index) sits beside the base's entry, keyed by the
    same files, version and schema plus its ``kind``, and is kept only where the base's
    entry would be.
    """
    key = _user_key(folder, stamps, create=False)
    if folder is None or key is None:
        return None
    head = _derived_header(stamps, kind)
    data = _read_entry(os.path.join(folder, entry_name(head, key)), _size_limit(stamps))
    opened = _opened(data, key)
    if type(opened) is not tuple or len(opened) != 2:
        return None
    stored_head, plain = opened
    return plain if stored_head == head else None


def write_derived(folder: str | None, stamps: Sequence[Stamp], kind: str, plain: Any) -> None:
    """Store ``plain`` (marshal data) for the base of ``stamps``, as ``write`` stores a base."""
    key = _user_key(folder, stamps, create=True)
    if folder is None or key is None:
        return
    head = _derived_header(stamps, kind)
    payload = marshal.dumps((head, plain), 4)
    _store(folder, entry_name(head, key), MAGIC + _seal(payload, key) + payload)


def _derived_header(stamps: Sequence[Stamp], kind: str) -> tuple[Any, ...]:
    return (*header(stamps), kind)


def _size_limit(stamps: Sequence[Stamp]) -> int:
    return SIZE_FACTOR * sum(size for _, size, _ in stamps) + (1 << 20)


def _trusted(info: os.stat_result) -> bool:
    """Owned by the user and writable by no one else (where the system has owners)."""
    if not hasattr(os, "geteuid"):
        return True
    return info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read_entry(path: str, limit: int, *, owned: bool = True) -> bytes:
    """The bytes of the regular file ``path``, or b"" for anything else: a symbolic link,
    a named pipe or device (opened without blocking, never read), a file of another user
    or one others may write (unless not ``owned``), or one larger than ``limit``."""
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except (OSError, ValueError):
        return b""
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return b""
        if owned and not _trusted(info):
            return b""
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            data = file.read(limit + 1)
        return data if len(data) <= limit else b""
    except (OSError, ValueError, MemoryError):
        return b""
    finally:
        os.close(descriptor)


def _open_entry(path: str, limit: int) -> tuple[int, int] | None:
    """An open descriptor of ``path`` and its size, if ``_read_entry`` would read it."""
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISREG(info.st_mode) and info.st_size <= limit and _trusted(info):
            return descriptor, info.st_size
    except OSError:
        pass
    os.close(descriptor)
    return None


def _folder_trusted(folder: str) -> bool:
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and _trusted(info)


def _user_key(folder: str | None, stamps: Sequence[Stamp], *, create: bool) -> bytes | None:
    """The secret that seals entries in ``folder``, if the base is worth caching and the
    folder can be trusted; with ``create``, the folder and secret are made when missing."""
    if folder is None or not worth_caching(stamps):
        return None
    if create:
        with contextlib.suppress(OSError, ValueError):
            os.makedirs(folder, mode=0o700, exist_ok=True)
    if not _folder_trusted(folder):
        return None
    path = os.path.join(folder, KEY_FILE)
    key = _read_key(path)
    if key is None and create and not os.path.lexists(path):
        _make_key(folder, path)
        key = _read_key(path)
    return key


def _read_key(path: str) -> bytes | None:
    key = _read_entry(path, KEY_BYTES)
    try:
        info = os.lstat(path)
    except OSError:
        return None
    private = not hasattr(os, "geteuid") or not info.st_mode & 0o077
    return key if len(key) == KEY_BYTES and private else None


def _make_key(folder: str, path: str) -> None:
    """A new secret, given its name whole (a hard link never replaces): of two processes
    making one at once, the first wins and the other reads it."""
    import tempfile

    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=TEMPORARY, suffix=SUFFIX)
    except (OSError, ValueError):
        return
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(os.urandom(KEY_BYTES))
        os.link(temporary, path)
    except OSError:
        pass
    finally:
        _remove(temporary)


def write(folder: str | None, stamps: Sequence[Stamp], base: model.FactBase) -> None:
    """Store ``base`` atomically, if it is large enough; any failure just means no entry."""
    key = _user_key(folder, stamps, create=True)
    if folder is None or key is None:
        return
    _store(folder, entry_name(header(stamps), key), encode(base, stamps, key))


def _store(folder: str, name: str, data: bytes) -> None:
    """Write ``data`` as the entry ``name`` atomically; any failure just means no entry."""
    import tempfile

    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=TEMPORARY, suffix=SUFFIX)
    except (OSError, ValueError):
        return
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, os.path.join(folder, name))
    except OSError:
        _remove(temporary)
        return
    _prune(folder)


def worth_caching(stamps: Sequence[Stamp]) -> bool:
    """Whether user files (the packaged base is never counted) reach ``MIN_BYTES``."""
    sizes = [size for name, size, _ in stamps if name != PACKAGED]
    return bool(sizes) and sum(sizes) >= MIN_BYTES


def _prune(folder: str) -> None:
    """Keep the ``MAX_ENTRIES`` most recently written entries; drop stale temporary files.

    Only names of the cache's own patterns are touched: anything else in the folder is
    left alone. Another call may be writing its temporary file right now: only those over
    an hour old (left by a process that was killed) are removed.
    """
    import time

    try:
        found = [
            (e, e.stat(follow_symlinks=False).st_mtime)
            for e in os.scandir(folder)
            if ENTRY_NAME.fullmatch(e.name) or TEMPORARY_NAME.fullmatch(e.name)
        ]
    except OSError:
        return
    entries = sorted((f for f in found if ENTRY_NAME.fullmatch(f[0].name)), key=lambda f: -f[1])
    stale = [f for f in found if TEMPORARY_NAME.fullmatch(f[0].name) and f[1] < time.time() - 3600]
    for old, _ in entries[MAX_ENTRIES:] + stale:
        _remove(old.path)


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.remove(path)
