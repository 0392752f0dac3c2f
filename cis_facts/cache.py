"""A cache of validated fact bases, keyed by the content of every file loaded.

Like PEP 552's hash-based ``.pyc`` files, an entry is found by a hash of the bytes of
each fact file (with its name and place in the list), the package version and the
schema, so an edited file, a swapped order, another ``--data`` set or another release
never reads a stale entry. Entries hold ``marshal`` data of plain values only (strings,
numbers, tuples), which cannot run code when read; records are rebuilt from them through
the schema's own field lists, so a new field or table needs no change here.

The cache trusts nothing it did not write. Its directory is its own (``cis-facts`` in
the platform's cache directory, or in ``CIS_FACTS_CACHE``), used only when it is owned by
the user and writable by no one else. Each entry is signed with an HMAC-SHA256 under a
per-user secret kept beside the entries (``key``, mode 0600, made on first use), and its
name is derived from that secret too, so no one without the secret can plant or predict
an entry. An entry is opened without following a symbolic link and without blocking, and
read only if it is a regular file of the user's, within a size bound.

A missing, unreadable, truncated, corrupt, foreign or unsigned entry is ignored (the files
are parsed and validated as usual, and the entry rewritten); a cache directory that cannot
be created, written or trusted means no cache, never an error. Entries are written
atomically (a temporary file renamed into place), and pruning removes only names of the
cache's own pattern. Only bases whose user files add up to at least ``MIN_BYTES`` are
cached, so everyday calls on the packaged base, or with a small notes file, write nothing.
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

from cis_facts import model
from cis_facts.dates import parse_when
from cis_facts.frozen import from_rows, record_values
from cis_facts.schema import TABLES
from cis_facts.version import __version__

ENV_VAR = "CIS_FACTS_CACHE"
ORIGIN = "origin"
PACKAGED = "<packaged>"  # the packaged base's name in a stamp, wherever it is installed
FORMAT = 1
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
    """An entry for ``base`` loaded from the files ``stamps`` describe, column by column,
    sealed with ``key`` (None: the packaged entry)."""
    tables = {}
    for table in TABLES:
        records = getattr(base, table)
        kinds = _kinds(table)
        names = tuple(n for n, _ in kinds)
        columns = [list(c) for c in zip(*map(record_values(names), records), strict=True)] or [
            [] for _ in names
        ]
        files = {name: index for index, name in enumerate(base.files)}
        columns = [_column(c, k, files) for c, (_, k) in zip(columns, kinds, strict=True)]
        tables[table] = (names, len(records), columns)
    payload = marshal.dumps((header(stamps), tables), 4)
    return MAGIC + _seal(payload, key) + payload


def decode(
    data: bytes, stamps: Sequence[Stamp], names: Sequence[str], key: bytes | None = None
) -> model.FactBase | None:
    """The base an entry holds, or None unless it is whole, sealed with ``key`` and was
    built from ``stamps``.

    ``names`` are the files' names now, one for each stamp.
    """
    tables = _unpack(data, stamps, key)
    return None if tables is None else _rebuild(tables, names)


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
            if not _same(check, _seal(payload, key), key):
                return None
            return marshal.loads(payload)
        except Exception:  # noqa: BLE001 - MemoryError included: any failure is a miss
            return None
        finally:
            payload.release()
            check.release()


def _unpack(data: bytes, stamps: Sequence[Stamp], key: bytes | None) -> dict[str, Any] | None:
    """The tables of a whole entry built from ``stamps``, as plain values."""
    opened = _opened(data, key)
    if type(opened) is not tuple or len(opened) != 2:
        return None
    head, tables = opened
    if head != header(stamps) or type(tables) is not dict or set(tables) != set(TABLES):
        return None
    return tables


def _rebuild(tables: dict[str, Any], names: Sequence[str]) -> model.FactBase | None:
    try:
        built = {table: _records(table, names, *tables.pop(table)) for table in TABLES}
    except Exception:  # noqa: BLE001 - any malformed entry is a miss, never an error
        return None
    return model.FactBase(**built, files=tuple(names))


def _records(
    table: str, files: Sequence[str], fields: tuple[str, ...], count: int, columns: list[Any]
) -> tuple[Any, ...]:
    kinds = _kinds(table)
    if fields != tuple(n for n, _ in kinds) or len(columns) != len(fields):
        raise ValueError(f"{table}: fields differ")
    if any(type(c) is not list or len(c) != count for c in columns):
        raise ValueError(f"{table}: columns of unequal length")
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
    folder: str | None, stamps: Sequence[Stamp], names: Sequence[str], *, packaged_only: bool
) -> model.FactBase | None:
    """The cached base for ``stamps``, or None (too small to be cached, or no good entry).

    ``names`` are the files' names; ``packaged_only`` says they are the packaged base
    alone, which may have its entry shipped beside it.
    """
    if packaged_only:
        path = os.path.join(os.path.dirname(names[0]), PACKAGED_ENTRY)
        data = _read_entry(path, _size_limit(stamps), owned=False)
        tables = _unpack(data, stamps, None)  # the bytes are freed once unpacked
        return None if tables is None else _rebuild(tables, names)
    key = _user_key(folder, stamps, create=False)
    if folder is None or key is None:
        return None
    head = header(stamps)
    data = _read_entry(os.path.join(folder, entry_name(head, key)), _size_limit(stamps))
    tables = _unpack(data, stamps, key)
    return None if tables is None else _rebuild(tables, names)


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
