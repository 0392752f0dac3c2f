"""A cache of validated fact bases, keyed by the content of every file loaded.

Like PEP 552's hash-based ``.pyc`` files, an entry is found by a hash of the bytes of
each fact file (with its name and place in the list), the package version and the
schema, so an edited file, a swapped order, another ``--data`` set or another release
never reads a stale entry. Entries hold ``marshal`` data of plain values only (strings,
numbers, tuples), which cannot run code when read; records are rebuilt from them through
the schema's own field lists, so a new field or table needs no change here.

A missing, unreadable, truncated, corrupt or foreign entry is ignored (the files are
parsed and validated as usual, and the entry rewritten); a cache directory that cannot
be created or written means no cache, never an error. Entries are written atomically
(a temporary file renamed into place). Only bases whose user files add up to at least
``MIN_BYTES`` are cached, so everyday calls on the packaged base, or with a small notes
file, write nothing. The packaged base alone is read from the entry the wheel ships
beside it (``data/facts.cache``, built and checked when the wheel is built).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from importlib.util import source_hash
from typing import Any

from cis_facts import __version__, model
from cis_facts.dates import parse_when
from cis_facts.frozen import from_rows, record_values
from cis_facts.schema import TABLES

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

# A file as the cache knows it: name, size in bytes, hash of its bytes.
Stamp = tuple[str, int, bytes]
# Per kind of field, how a value is turned into plain data (``_records`` turns it back).
_ENCODE: dict[str, Callable[[Any], Any]] = {"when": lambda w: None if w is None else w.iso()}


def enabled(environ: Mapping[str, str]) -> bool:
    """False when ``CIS_FACTS_CACHE=off``: every call validates the files, nothing is written."""
    return environ.get(ENV_VAR, "").lower() != "off"


def directory(environ: Mapping[str, str]) -> str | None:
    """Where entries live: ``CIS_FACTS_CACHE``, else the platform's cache directory.

    None when ``CIS_FACTS_CACHE=off`` or no cache directory can be named.
    """
    chosen = environ.get(ENV_VAR, "")
    if chosen.lower() == "off":
        return None
    if chosen:
        return chosen
    xdg = environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        root = xdg
    elif sys.platform == "win32":
        root = environ.get("LOCALAPPDATA", "")
    else:
        home = environ.get("HOME", "")
        sub = ("Library", "Caches") if sys.platform == "darwin" else (".cache",)
        root = os.path.join(home, *sub) if home else ""
    return os.path.join(root, "cis-facts") if root else None


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


def entry_name(head: tuple[Any, ...]) -> str:
    return source_hash(marshal.dumps(head, 4)).hex() + SUFFIX


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


def encode(base: model.FactBase, stamps: Sequence[Stamp]) -> bytes:
    """An entry for ``base`` loaded from the files ``stamps`` describe, column by column."""
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
    return MAGIC + source_hash(payload) + payload


def decode(data: bytes, stamps: Sequence[Stamp], names: Sequence[str]) -> model.FactBase | None:
    """The base an entry holds, or None unless it is whole and was built from ``stamps``.

    ``names`` are the files' names now, one for each stamp.
    """
    tables = _unpack(data, stamps)
    return None if tables is None else _rebuild(tables, names)


def _unpack(data: bytes, stamps: Sequence[Stamp]) -> dict[str, Any] | None:
    """The tables of a whole entry built from ``stamps``, as plain values."""
    if not data.startswith(MAGIC):
        return None
    with memoryview(data) as view:
        check, payload = view[len(MAGIC) : len(MAGIC) + 8], view[len(MAGIC) + 8 :]
        if source_hash(payload) != check:
            return None
        try:
            head, tables = marshal.loads(payload)
        except (EOFError, ValueError, TypeError):
            return None
        finally:
            payload.release()
            check.release()
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
    for index, (_, kind) in enumerate(kinds):
        if kind == "when":
            dates = {iso: parse_when(iso) for iso in set(columns[index]) if iso is not None}
            columns[index] = [dates.get(iso) for iso in columns[index]]
        elif kind == ORIGIN:
            columns[index] = [files[i] for i in columns[index]]
    factory: Any = TABLES[table][0]
    return from_rows(factory, zip(*columns, strict=True))


def read(
    folder: str | None, stamps: Sequence[Stamp], names: Sequence[str], *, packaged_only: bool
) -> model.FactBase | None:
    """The cached base for ``stamps``, or None (too small to be cached, or no good entry).

    ``names`` are the files' names; ``packaged_only`` says they are the packaged base
    alone, which may have its entry shipped beside it.
    """
    if packaged_only:
        path = os.path.join(os.path.dirname(names[0]), PACKAGED_ENTRY)
    elif folder is None or not worth_caching(stamps):
        return None
    else:
        path = os.path.join(folder, entry_name(header(stamps)))
    tables = _unpack(_read_bytes(path), stamps)  # the bytes are freed once unpacked
    return None if tables is None else _rebuild(tables, names)


def read_derived(folder: str | None, stamps: Sequence[Stamp], kind: str) -> Any:
    """The plain data stored by ``write_derived`` for the base of ``stamps``, or None.

    A derived entry (such as the search index) sits beside the base's entry, keyed by the
    same files, version and schema plus its ``kind``, and is kept only where the base's
    entry would be.
    """
    if folder is None or not worth_caching(stamps):
        return None
    head = _derived_header(stamps, kind)
    data = _read_bytes(os.path.join(folder, entry_name(head)))
    if not data.startswith(MAGIC):
        return None
    with memoryview(data) as view:
        check, payload = view[len(MAGIC) : len(MAGIC) + 8], view[len(MAGIC) + 8 :]
        try:
            if source_hash(payload) != check:
                return None
            stored_head, plain = marshal.loads(payload)
        except (EOFError, ValueError, TypeError):
            return None
        finally:
            payload.release()
            check.release()
    return plain if stored_head == head else None


def write_derived(folder: str | None, stamps: Sequence[Stamp], kind: str, plain: Any) -> None:
    """Store ``plain`` (marshal data) for the base of ``stamps``, as ``write`` stores a base."""
    if folder is None or not worth_caching(stamps):
        return
    head = _derived_header(stamps, kind)
    payload = marshal.dumps((head, plain), 4)
    _store(folder, entry_name(head), MAGIC + source_hash(payload) + payload)


def _derived_header(stamps: Sequence[Stamp], kind: str) -> tuple[Any, ...]:
    return (*header(stamps), kind)


def _read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as file:
            return file.read()
    except (OSError, ValueError):
        return b""


def write(folder: str | None, stamps: Sequence[Stamp], base: model.FactBase) -> None:
    """Store ``base`` atomically, if it is large enough; any failure just means no entry."""
    if folder is None or not worth_caching(stamps):
        return
    _store(folder, entry_name(header(stamps)), encode(base, stamps))


def _store(folder: str, name: str, data: bytes) -> None:
    """Write ``data`` as the entry ``name`` atomically; any failure just means no entry."""
    import tempfile

    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
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

    Another call may be writing its temporary file right now: only those over an hour
    old (left by a process that was killed) are removed.
    """
    import time

    try:
        found = [(e, e.stat().st_mtime) for e in os.scandir(folder) if e.name.endswith(SUFFIX)]
    except OSError:
        return
    entries = sorted((f for f in found if not f[0].name.startswith(".")), key=lambda f: -f[1])
    stale = [f for f in found if f[0].name.startswith(TEMPORARY) and f[1] < time.time() - 3600]
    for old, _ in entries[MAX_ENTRIES:] + stale:
        _remove(old.path)


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.remove(path)
