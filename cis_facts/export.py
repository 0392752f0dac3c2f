"""Write the whole fact base to an SQLite database or one JSON document, atomically.

Records are flattened the way the JSON answers are: dates become an ISO string with a
``<field>_precision`` sibling, country and source references stay codes and ids (the
referenced records are in the same export), lists stay lists in JSON and become child
tables in SQLite. The file appears at PATH complete or not at all.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import signal
import sqlite3
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any

from cis_facts.dates import When
from cis_facts.errors import FactsError, Terminated
from cis_facts.frozen import Frozen, field_types
from cis_facts.inert import clip, visible
from cis_facts.model import QUOTE_TRANSLATIONS, QUOTE_TRANSLATOR, FactBase
from cis_facts.safety import json_for_stream
from cis_facts.schema import (
    KIND_OF_TABLE,
    KINDS,
    LIST_KINDS,
    REFERENCES,
    SQL_TYPES,
    FieldSpec,
    Kind,
)

FORMATS = ("sqlite", "json")
TABLES = tuple(kind.table for kind in KINDS)


class Refusal(str):
    """Why a path cannot be written, in English, with the i18n key and fields that say the
    same in the user's language."""

    key: str | None = None
    fields: Mapping[str, object] = MappingProxyType({})


def refusal(text: str, key: str, **fields: object) -> Refusal:
    said = Refusal(text)
    said.key, said.fields = key, fields
    return said


class ExportError(FactsError):
    """PATH cannot be written: it exists (without --force), is not a regular file, or its
    directory does not exist."""

    def __init__(self, message: str) -> None:
        if isinstance(message, Refusal):
            self.key, self.fields = message.key, message.fields
        super().__init__(message)


def record(obj: Frozen) -> dict[str, Any]:
    """Every stored field of a source, country or fact; dates as ISO plus precision."""
    out: dict[str, Any] = {}
    for name, annotation in field_types(obj).items():
        value = getattr(obj, name)
        if name == "origin":
            continue
        if "When" in annotation:
            out[name] = value.iso() if isinstance(value, When) else None
            out[f"{name}_precision"] = value.precision if isinstance(value, When) else None
        elif isinstance(value, tuple):
            out[name] = list(value)
        else:
            out[name] = value
    return out


def document(base: FactBase) -> dict[str, list[dict[str, Any]]]:
    """The JSON export: one list of records per kind."""
    return {table: [record(r) for r in getattr(base, table)] for table in TABLES}


def export(
    base: FactBase,
    to: str,
    path: str | os.PathLike[str],
    *,
    force: bool = False,
    metadata: tuple[str | os.PathLike[str], str] | None = None,
) -> dict[str, int]:
    """Write ``base`` to ``path`` as ``to`` (sqlite or json); return the rows per kind.

    ``path`` ``-`` writes the JSON document to standard output. ``metadata`` is a file
    and its text (the Datasette metadata of an SQLite export), written after the database;
    both names are checked before either file is written.
    """
    writers: dict[str, Callable[[FactBase, str], None]] = {
        "sqlite": _write_sqlite,
        "json": _write_json,
    }
    name = os.fspath(path)
    descriptor = stream_descriptor(name)
    if descriptor is not None:
        if to != "json":
            raise ExportError("an SQLite database cannot go to standard output; name a file")
        _write_json_descriptor(base, descriptor)
        return base.counts()
    inexact = _inexact_number(base) if to == "sqlite" else None
    if inexact is not None:
        raise ExportError(f"cannot write {visible(clip(name, 200))}: {inexact}")
    meta = None if metadata is None else (os.fspath(metadata[0]), metadata[1])
    if meta is not None:
        # PATH's own refusal comes first, as without --metadata.
        reason = (
            _refusal(name, force, base)
            or side_file_refusal(name)
            or _metadata_refusal(base, name, meta[0], force)
        )
        if reason is not None:
            raise ExportError(reason)
    with _cleanup_on_termination():
        _write_atomically(
            name, lambda tmp: writers[to](base, tmp), force=force, base=base, sqlite=to == "sqlite"
        )
        if meta is not None:
            meta_name, text = meta
            _write_atomically(
                meta_name, lambda tmp: _write_text(tmp, text), force=force, base=base, sqlite=False
            )
    return base.counts()


def _metadata_refusal(base: FactBase, name: str, meta_name: str, force: bool) -> str | None:
    """Why the metadata of the database ``name`` must not be written as ``meta_name``."""
    if stream_descriptor(meta_name) is not None:
        return "Datasette metadata cannot go to standard output; name a file"
    if os.path.abspath(meta_name) == os.path.abspath(name) or (
        os.path.exists(meta_name) and _same_file(os.stat(meta_name), name)
    ):
        shown = visible(clip(meta_name, 200))
        return f"--metadata {shown} names the database itself; name another file"
    return _refusal(meta_name, force, base)


def _inexact_number(base: FactBase) -> str | None:
    """Why a value cannot go into its REAL column unchanged: an integer a double cannot
    hold (above 2**53), which SQLite would round."""
    for kind in KINDS:
        real = [n for n, spec in kind.fields.items() if SQL_TYPES.get(spec.kind) == "REAL"]
        for item in getattr(base, kind.table) if real else ():
            for name in real:
                value = getattr(item, name)
                if isinstance(value, int) and not isinstance(value, bool) and float(value) != value:
                    return (
                        f"{kind.name} {getattr(item, kind.key)}: {name} {value} would be rounded "
                        "in SQLite's REAL column; --to json keeps it exact"
                    )
    return None


_DESCRIPTOR_NAME = re.compile(r"/(?:dev/fd|proc/self/fd)/([0-9]{1,9})")
_STANDARD_NAMES = {"-": 1, "/dev/stdout": 1, "/dev/stderr": 2}


def stream_descriptor(name: str) -> int | None:
    """The open file descriptor ``name`` stands for: 1 for ``-`` and ``/dev/stdout``, N for
    ``/dev/fd/N``; None for the name of a file. (Writing such a name as a file would
    replace the device's symbolic link, or write where the caller's redirection is not.)"""
    if name in _STANDARD_NAMES:
        return _STANDARD_NAMES[name]
    match = _DESCRIPTOR_NAME.fullmatch(name)
    return int(match.group(1)) if match else None


# ---------------------------------------------------------------------------------------------
# Publishing without replacing what was not checked
# ---------------------------------------------------------------------------------------------

_UNSAFE_KINDS = (
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
)


def _refusal(name: str, force: bool, base: FactBase) -> str | None:
    """Why ``name`` must not be written, or None."""
    shown = visible(clip(name, 200))
    if name.endswith(("/", os.sep)):
        return f"cannot write {shown}: a path ending in / names a directory, not a file"
    if os.path.islink(name):
        return f"cannot write {shown}: it is a symbolic link; name the file it points to instead"
    try:
        info = os.stat(name)
    except OSError:
        info = None
    if info is not None:
        for test, what in _UNSAFE_KINDS:
            if test(info.st_mode):
                return f"cannot write {shown}: it is {what}"
        if any(_same_file(info, loaded) for loaded in base.files):
            return refusal(
                f"cannot write {shown}: it is a fact file being exported", "fact_file", path=shown
            )
    if info is not None and not force:
        return refusal(f"{shown} already exists; use --force to overwrite it", "exists", path=shown)
    parent = os.path.dirname(name) or "."
    if not os.path.isdir(parent):
        folder = visible(clip(parent, 200))
        return refusal(
            f"cannot write {shown}: directory {folder} does not exist",
            "no_directory",
            path=shown,
            dir=folder,
        )
    return None


SIDE_FILES = ("-wal", "-shm", "-journal")


def side_file_refusal(name: str) -> str | None:
    """Why an SQLite database must not be published as ``name``: SQLite would read a
    write-ahead log or hot journal left beside it into the new file (or a program still
    holding the old one open would write its own pages into it)."""
    for suffix in SIDE_FILES:
        side = name + suffix
        if os.path.lexists(side):
            return (
                f"cannot write {visible(clip(name, 200))}: {visible(clip(side, 200))} exists "
                "(the journal of an SQLite database still open, or not closed cleanly); "
                "close the program using it, or remove it"
            )
    return None


def _same_file(info: os.stat_result, other: str) -> bool:
    try:
        theirs = os.stat(other)
    except OSError:
        return False
    return (info.st_dev, info.st_ino) == (theirs.st_dev, theirs.st_ino)


def _new_mode(path: str) -> int:
    """Keep the mode of the file replaced; a new file gets the umask's default."""
    with contextlib.suppress(OSError):
        return stat.S_IMODE(os.stat(path).st_mode)
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _fsync(name: str) -> None:
    fd = os.open(name, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# Every signal whose default action ends the process and that a handler can catch (SIGINT
# already raises KeyboardInterrupt; SIGPIPE is ignored by Python; SIGKILL cannot be caught).
TERMINATING = (
    "SIGTERM",
    "SIGHUP",
    "SIGQUIT",
    "SIGUSR1",
    "SIGUSR2",
    "SIGALRM",
    "SIGVTALRM",
    "SIGPROF",
    "SIGXCPU",
    "SIGXFSZ",
    "SIGPOLL",
    "SIGPWR",
    "SIGSTKFLT",
    "SIGSYS",
)


@contextlib.contextmanager
def _cleanup_on_termination() -> Iterator[None]:
    """Turn every terminating signal into an exception, so the temporary files are removed.

    A signal the caller ignores (SIGHUP under ``nohup``) or handles stays as it was.
    """

    def raise_terminated(signum: int, frame: object) -> None:
        raise Terminated(signum)

    previous: dict[int, Any] = {}
    for signum in {getattr(signal, name) for name in TERMINATING if hasattr(signal, name)}:
        try:
            if signal.getsignal(signum) is signal.SIG_DFL:
                previous[signum] = signal.signal(signum, raise_terminated)
        except (ValueError, OSError):  # not the main thread, or not catchable here
            break
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _publish(tmp: str, path: str, force: bool) -> None:
    """Give the finished temporary file its name; without ``force`` never replace a file."""
    if force:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)
    except FileExistsError:
        shown = visible(clip(path, 200))
        raise ExportError(
            refusal(f"{shown} already exists; use --force to overwrite it", "exists", path=shown)
        ) from None
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        # No hard links here (FAT, some network file systems): claim the name first.
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            shown = visible(clip(path, 200))
            raise ExportError(
                refusal(
                    f"{shown} already exists; use --force to overwrite it", "exists", path=shown
                )
            ) from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


_NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EMLINK}


def _write_atomically(
    path: str, write: Callable[[str], None], *, force: bool, base: FactBase, sqlite: bool
) -> None:
    """Write to a temporary file beside ``path``, sync it, then publish it as ``path``.

    An SQLite database is checked for side files before writing and again just before
    publishing.
    """
    reason = _refusal(path, force, base) or (side_file_refusal(path) if sqlite else None)
    if reason is not None:
        raise ExportError(reason)
    shown = visible(clip(path, 200))
    parent = os.path.dirname(path) or "."
    try:
        # A short name: PATH itself may use all 255 bytes a file name may have.
        fd, tmp = tempfile.mkstemp(dir=parent, prefix=".cis-facts-", suffix=".tmp")
    except OSError as exc:
        raise ExportError(f"cannot write {shown}: {exc.strerror or exc}") from exc
    os.close(fd)
    try:
        write(tmp)
        _fsync(tmp)
        os.chmod(tmp, _new_mode(path))
        reason = side_file_refusal(path) if sqlite else None
        if reason is not None:
            raise ExportError(reason)
        _publish(tmp, path, force)
    except BaseException as exc:
        for leftover in (tmp, *(tmp + suffix for suffix in SIDE_FILES)):
            with contextlib.suppress(OSError):
                os.unlink(leftover)
        if isinstance(exc, OSError | sqlite3.Error | OverflowError):
            detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            raise ExportError(f"cannot write {shown}: {detail}") from exc
        raise
    # The new name is durable only once the directory entry is on disk.
    with contextlib.suppress(OSError):
        _fsync(parent)


def _write_text(tmp: str, text: str) -> None:
    with open(tmp, "w", encoding="utf-8") as file:
        file.write(text)


def _write_json(base: FactBase, tmp: str) -> None:
    with open(tmp, "w", encoding="utf-8") as file:
        json.dump(document(base), file, ensure_ascii=False, indent=2)
        file.write("\n")


def _write_json_descriptor(base: FactBase, descriptor: int) -> None:
    """The JSON document on standard output, or on another descriptor named /dev/fd/N."""
    text = json.dumps(document(base), ensure_ascii=False, indent=2) + "\n"
    if descriptor == 1:
        stream = sys.stdout
        text = json_for_stream(text, stream)
        try:
            descriptor = stream.fileno()
        except (OSError, ValueError, AttributeError):  # not a file (a test's capture)
            stream.write(text)
            stream.flush()
            return
        stream.flush()
        _write_all(descriptor, text.encode(stream.encoding or "utf-8", "backslashreplace"))
        return
    try:
        _write_all(descriptor, text.encode("utf-8"))
    except OSError as exc:
        raise ExportError(f"cannot write /dev/fd/{descriptor}: {exc.strerror or exc}") from exc


def _write_all(descriptor: int, data: bytes) -> None:
    """Every byte of ``data``, or OSError: a text stream over an unbuffered descriptor
    (``PYTHONUNBUFFERED``) drops the rest of a write the reader stopped taking."""
    with memoryview(data) as view:
        while view:
            written = os.write(descriptor, view)
            view = view[written:]


# ---------------------------------------------------------------------------------------------
# SQLite
# ---------------------------------------------------------------------------------------------


_PRECISION = "CHECK ({name}_precision IN ('day', 'month', 'year'))"
_BOOL = "CHECK ({name} IN (0, 1))"


def _column(kind: Kind, name: str, spec: FieldSpec) -> tuple[str, ...]:
    """The SQLite column(s) of one scalar field: NOT NULL when required or defaulted."""
    null = " NOT NULL" if spec.required or kind.record._defaults.get(name) is not None else ""
    sql = SQL_TYPES[spec.kind]
    if spec.kind in REFERENCES:
        target = KIND_OF_TABLE[REFERENCES[spec.kind]]
        return (f"{name} {sql}{null} REFERENCES {target.table}({target.key})",)
    if spec.kind == "when":
        return (
            f"{name} {sql}{null}",
            f"{name}_precision TEXT{null} " + _PRECISION.format(name=name),
        )
    if spec.kind == "bool":
        return (f"{name} {sql}{null} " + _BOOL.format(name=name),)
    if name in QUOTE_TRANSLATIONS:
        # SQLite keeps the comment in the schema it stores, so the credit travels with the file.
        return (f"{name} {sql}{null} /* translation: {QUOTE_TRANSLATOR} */",)
    return (f"{name} {sql}{null}" + (" PRIMARY KEY" if name == kind.key else ""),)


def _columns(kind: Kind) -> tuple[str, ...]:
    return tuple(
        column
        for name, spec in kind.fields.items()
        if spec.kind not in LIST_KINDS
        for column in _column(kind, name, spec)
    )


def _list_table(kind: Kind, name: str, spec: FieldSpec) -> tuple[str, tuple[str, ...]]:
    """A list field's child table: a link to countries (codes) or numbered items (texts)."""
    parent = f"{kind.name}_{kind.key}"
    owner = f"{parent} TEXT NOT NULL REFERENCES {kind.table}({kind.key})"
    key = f"PRIMARY KEY ({parent}, position)"
    if spec.kind == "codes":
        link = "country_code TEXT NOT NULL REFERENCES countries(code)"
        return f"{kind.name}_{name}", (owner, link, "position INTEGER NOT NULL", key)
    item = f"{spec.item} TEXT NOT NULL"
    return f"{kind.name}_{name}", (owner, "position INTEGER NOT NULL", item, key)


def _list_rows(kind: Kind, name: str, spec: FieldSpec, base: FactBase) -> list[tuple[Any, ...]]:
    rows = []
    for r in getattr(base, kind.table):
        owner = getattr(r, kind.key)
        for i, item in enumerate(getattr(r, name), start=1):
            rows.append((owner, item, i) if spec.kind == "codes" else (owner, i, item))
    return rows


def tables(kinds: Sequence[Kind] = KINDS) -> dict[str, tuple[str, ...]]:
    """The columns of every table: one per kind, then one per list field."""
    lists = [(k, n, s) for k in kinds for n, s in k.fields.items() if s.kind in LIST_KINDS]
    return {
        **{kind.table: _columns(kind) for kind in kinds},
        **dict(_list_table(kind, name, spec) for kind, name, spec in lists),
    }


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _answer_sql(answer: tuple[tuple[str, str | None], ...]) -> tuple[str, str]:
    """The SQL of a fact's value and unit: the first of its answer fields that is set."""
    if not answer:
        return "NULL", "NULL"
    if len(answer) == 1 and answer[0][1] is None:
        return answer[0][0], "unit"
    names = [name for name, _ in answer]
    value = names[0] if len(names) == 1 else f"COALESCE({', '.join(names)})"
    cases = " ".join(
        f"WHEN {name} IS NOT NULL THEN {'unit' if unit is None else _sql_text(unit)}"
        for name, unit in answer
    )
    return value, f"CASE {cases} END"


# The facts view's columns, as every fact has them; value, unit and the date between.
_VIEW_HEAD = ("id", "label_en", "label_kk", "label_ru")
_VIEW_TAIL = ("source", "quote", "note")
# A fact's number in the view: its kind's place in the registry times 2**32 plus its rowid
# in its own table, so that the view's full-text index can be keyed by it.
_KIND_STRIDE = 2**32


def facts_view(kinds: Sequence[Kind] = KINDS) -> str:
    """The ``facts`` view: one row per fact of every kind, its value and unit in one form
    (the form search answers give), and a ``rowid`` that keys ``facts_fts``."""
    return "CREATE VIEW facts AS\n" + "\nUNION ALL\n".join(
        f"SELECT '{kind.name}' AS kind, {', '.join(_VIEW_HEAD)}, {value} AS value, "
        f"{unit} AS unit, {dates}, {', '.join(_VIEW_TAIL)}, "
        f"{number} * {_KIND_STRIDE} + rowid AS rowid FROM {kind.table}"
        for number, kind in enumerate(kinds, start=1)
        if kind.answer is not None
        for value, unit in [_answer_sql(kind.answer)]
        for dates in [
            "date, date_precision"
            if "date" in kind.fields
            else "NULL AS date, NULL AS date_precision"
        ]
    )


# Case folded in every script and Latin diacritics removed: «ҚАЗАҚСТАН» finds «Қазақстан»;
# Kazakh and Russian letters stay apart (қ is not к, nor ё е).
FTS_TOKENIZER = "unicode61 remove_diacritics 2"


def searched_fields(kind: Kind) -> tuple[str, ...]:
    """The fields of a kind in its full-text index (``FieldSpec.search``)."""
    return tuple(name for name, spec in kind.fields.items() if spec.search)


def view_searched_fields(kinds: Sequence[Kind] = KINDS) -> tuple[str, ...]:
    """The columns of the ``facts`` view in its full-text index: those every fact kind
    searches."""
    facts = [kind for kind in kinds if kind.answer is not None]
    return tuple(
        name
        for name in (*_VIEW_HEAD, *_VIEW_TAIL)
        if all(kind.fields[name].search for kind in facts)
    )


def _fts_table(table: str, fields: Sequence[str], rowid: str = "") -> str:
    keyed = f",\n  content_rowid=[{rowid}]" if rowid else ""
    return (
        f"CREATE VIRTUAL TABLE [{table}_fts] USING fts5 (\n  "
        + ",\n  ".join(f"[{name}]" for name in fields)
        + f",\n  tokenize='{FTS_TOKENIZER}',\n  content=[{table}]{keyed}\n);\n"
    )


def fts_tables(kinds: Sequence[Kind] = KINDS) -> str:
    """An FTS5 index per kind, ``<table>_fts``, over the table's searched fields, its content
    read from the table by rowid (the form sqlite-utils writes and Datasette detects), and
    ``facts_fts`` over the ``facts`` view, keyed by the view's ``rowid`` column."""
    return "".join(_fts_table(kind.table, searched_fields(kind)) for kind in kinds) + _fts_table(
        "facts", view_searched_fields(kinds), "rowid"
    )


FTS_TABLES = (*(kind.table for kind in KINDS), "facts")


def ddl(kinds: Sequence[Kind] = KINDS) -> str:
    """The DDL of an export of these kinds: their tables, child tables, ``facts`` view and
    full-text indexes."""
    created = [
        f"CREATE TABLE {name} (\n  " + ",\n  ".join(columns) + "\n);"
        for name, columns in tables(kinds).items()
    ]
    return "\n".join(created) + "\n" + facts_view(kinds) + ";\n" + fts_tables(kinds)


LIST_FIELDS = tuple(
    (kind, name, spec)
    for kind in KINDS
    for name, spec in kind.fields.items()
    if spec.kind in LIST_KINDS
)
COLUMNS = tables()


def schema() -> str:
    """The DDL of the export: one table per kind, a child table per list field, the
    ``facts`` view, a full-text index per kind."""
    return ddl()


def _column_names(columns: Iterable[str]) -> list[str]:
    return [c.split()[0] for c in columns if not c.startswith("PRIMARY KEY")]


def _rows(base: FactBase) -> dict[str, list[tuple[Any, ...]]]:
    rows: dict[str, list[tuple[Any, ...]]] = {}
    for table in TABLES:
        names = _column_names(COLUMNS[table])
        records = (record(r) for r in getattr(base, table))
        rows[table] = [tuple(r[n] for n in names) for r in records]
    for kind, name, spec in LIST_FIELDS:
        rows[f"{kind.name}_{name}"] = _list_rows(kind, name, spec, base)
    return rows


def _write_sqlite(base: FactBase, tmp: str) -> None:
    connection = sqlite3.connect(tmp)
    try:
        # Checked on insert, so a dangling reference fails the export instead of shipping.
        connection.execute("PRAGMA foreign_keys = ON")
        # The file is a temporary one, synced to disk once whole before it takes PATH's
        # name (_write_atomically): SQLite's own journal file and syncs after each statement
        # of the schema (84 of them) would add nothing to that, only time on a slow disk.
        connection.execute("PRAGMA journal_mode = MEMORY")
        connection.execute("PRAGMA synchronous = OFF")
        connection.executescript(schema())
        with connection:
            for table, rows in _rows(base).items():
                names = _column_names(COLUMNS[table])
                connection.executemany(
                    f"INSERT INTO {table} ({', '.join(names)}) "
                    f"VALUES ({', '.join('?' for _ in names)})",
                    rows,
                )
            for table in FTS_TABLES:
                connection.execute(f"INSERT INTO [{table}_fts]([{table}_fts]) VALUES ('rebuild')")
    finally:
        connection.close()
