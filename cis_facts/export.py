"""Write the whole fact base to an SQLite database or one JSON document, atomically.

Records are flattened the way the JSON answers are: dates become an ISO string with a
``<field>_precision`` sibling, country and source references stay codes and ids (the
referenced records are in the same export), lists stay lists in JSON and become child
tables in SQLite. The file appears at PATH complete or not at all.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from cis_facts.dates import When
from cis_facts.errors import FactsError
from cis_facts.frozen import Frozen, field_types
from cis_facts.model import FactBase

FORMATS = ("sqlite", "json")
TABLES = (
    "sources",
    "countries",
    "events",
    "rankings",
    "trade_shares",
    "trade_totals",
    "figures",
    "statements",
)


class ExportError(FactsError):
    """PATH cannot be written: it exists (without --force), or its directory does not."""


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


def export(base: FactBase, to: str, path: Path, *, force: bool = False) -> dict[str, int]:
    """Write ``base`` to ``path`` as ``to`` (sqlite or json); return the rows per kind."""
    writers: dict[str, Callable[[FactBase, str], None]] = {
        "sqlite": _write_sqlite,
        "json": _write_json,
    }
    _write_atomically(path, lambda tmp: writers[to](base, tmp), force=force)
    return base.counts()


# ---------------------------------------------------------------------------------------------
# Atomic replacement
# ---------------------------------------------------------------------------------------------


def _check_target(path: Path, force: bool) -> None:
    if path.is_dir():
        raise ExportError(f"cannot write {path}: it is a directory")
    if (path.exists() or path.is_symlink()) and not force:
        raise ExportError(f"{path} already exists; use --force to overwrite it")
    parent = path.parent
    if not parent.is_dir():
        raise ExportError(f"cannot write {path}: directory {parent} does not exist")


def _new_mode(path: Path) -> int:
    """Keep the mode of the file replaced; a new file gets the umask's default."""
    with contextlib.suppress(OSError):
        return stat.S_IMODE(path.stat().st_mode)
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _fsync(name: Path) -> None:
    fd = os.open(name, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_atomically(path: Path, write: Callable[[str], None], *, force: bool) -> None:
    """Write to a temporary file beside ``path``, sync it, then rename it over ``path``."""
    _check_target(path, force)
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
    os.close(fd)
    tmp = Path(name)
    try:
        write(name)
        _fsync(tmp)
        tmp.chmod(_new_mode(path))
        tmp.replace(path)
    except BaseException as exc:
        for leftover in (tmp, Path(name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        if isinstance(exc, OSError | sqlite3.Error | OverflowError):
            detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            raise ExportError(f"cannot write {path}: {detail}") from exc
        raise
    # The rename is durable only once the directory entry is on disk.
    with contextlib.suppress(OSError):
        _fsync(path.parent)


def _write_json(base: FactBase, tmp: str) -> None:
    with Path(tmp).open("w", encoding="utf-8") as file:
        json.dump(document(base), file, ensure_ascii=False, indent=2)
        file.write("\n")


# ---------------------------------------------------------------------------------------------
# SQLite
# ---------------------------------------------------------------------------------------------


def _date(name: str, required: bool = False) -> tuple[str, str]:
    null = " NOT NULL" if required else ""
    return (
        f"{name} TEXT{null}",
        f"{name}_precision TEXT{null} CHECK ({name}_precision IN ('day', 'month', 'year'))",
    )


def _flag(name: str) -> str:
    return f"{name} INTEGER NOT NULL CHECK ({name} IN (0, 1))"


_SOURCE_REFS = (
    "source TEXT NOT NULL REFERENCES sources(id)",
    "quote TEXT NOT NULL",
    "note TEXT",
    "note_kk TEXT",
    "note_ru TEXT",
    "note_source TEXT REFERENCES sources(id)",
)
_FACT = (
    "id TEXT NOT NULL PRIMARY KEY",
    "label_en TEXT NOT NULL",
    "label_kk TEXT NOT NULL",
    "label_ru TEXT",
    *_SOURCE_REFS,
    "period_en TEXT",
    "period_kk TEXT",
    "period_ru TEXT",
)

COLUMNS: dict[str, tuple[str, ...]] = {
    "sources": (
        "id TEXT NOT NULL PRIMARY KEY",
        "title TEXT NOT NULL",
        "language TEXT NOT NULL",
        "kind TEXT NOT NULL",
        "file TEXT",
        "citation TEXT",
    ),
    "countries": (
        "code TEXT NOT NULL PRIMARY KEY",
        "name_en TEXT NOT NULL",
        "name_kk TEXT NOT NULL",
        "name_ru TEXT NOT NULL",
        *_SOURCE_REFS,
    ),
    "events": (
        *_FACT,
        *_date("date", required=True),
        "kind TEXT NOT NULL",
        "initiator TEXT REFERENCES countries(code)",
        "status TEXT",
        "place_en TEXT",
        "place_kk TEXT",
        "place_ru TEXT",
        "short_en TEXT",
        "short_kk TEXT",
        "short_ru TEXT",
    ),
    "rankings": (
        *_FACT,
        "mineral_en TEXT NOT NULL",
        "mineral_kk TEXT NOT NULL",
        "mineral_ru TEXT",
        "rank INTEGER",
        "top INTEGER",
        "share REAL",
        _flag("approximate"),
        *_date("date"),
    ),
    "trade_shares": (
        *_FACT,
        "flow TEXT NOT NULL",
        "country TEXT NOT NULL REFERENCES countries(code)",
        "position INTEGER NOT NULL",
        "share REAL",
        *_date("date"),
    ),
    "trade_totals": (
        *_FACT,
        "partners TEXT NOT NULL",
        "flow TEXT NOT NULL",
        "value REAL NOT NULL",
        "unit TEXT NOT NULL",
        *_date("date", required=True),
        "growth REAL",
        *_date("growth_base"),
    ),
    "figures": (
        *_FACT,
        "topic TEXT NOT NULL",
        "measure TEXT NOT NULL",
        "value REAL NOT NULL",
        "unit TEXT NOT NULL",
        *_date("date"),
        "country TEXT REFERENCES countries(code)",
        _flag("approximate"),
    ),
    "statements": (
        *_FACT,
        "topic TEXT NOT NULL",
    ),
    "country_aliases": (
        "country_code TEXT NOT NULL REFERENCES countries(code)",
        "position INTEGER NOT NULL",
        "alias TEXT NOT NULL",
        "PRIMARY KEY (country_code, position)",
    ),
    "event_participants": (
        "event_id TEXT NOT NULL REFERENCES events(id)",
        "country_code TEXT NOT NULL REFERENCES countries(code)",
        "position INTEGER NOT NULL",
        "PRIMARY KEY (event_id, position)",
    ),
}

_VIEW_PARTS = (
    ("event", "NULL", "NULL", "events"),
    (
        "ranking",
        "COALESCE(share, rank, top)",
        "CASE WHEN share IS NOT NULL THEN '%' WHEN rank IS NOT NULL THEN '#' ELSE 'top' END",
        "rankings",
    ),
    (
        "trade_share",
        "COALESCE(share, position)",
        "CASE WHEN share IS NOT NULL THEN '%' ELSE '#' END",
        "trade_shares",
    ),
    ("trade_total", "value", "unit", "trade_totals"),
    ("figure", "value", "unit", "figures"),
    ("statement", "NULL", "NULL", "statements"),
)
FACTS_VIEW = "CREATE VIEW facts AS\n" + "\nUNION ALL\n".join(
    f"SELECT '{kind}' AS kind, id, label_en, label_kk, {value} AS value, {unit} AS unit, "
    f"{dates}, source, quote, note FROM {table}"
    for kind, value, unit, table in _VIEW_PARTS
    for dates in [
        "NULL AS date, NULL AS date_precision" if table == "statements" else "date, date_precision"
    ]
)


def schema() -> str:
    """The DDL of the export: one table per kind, two child tables and the ``facts`` view."""
    tables = [
        f"CREATE TABLE {name} (\n  " + ",\n  ".join(columns) + "\n);"
        for name, columns in COLUMNS.items()
    ]
    return "\n".join(tables) + "\n" + FACTS_VIEW + ";\n"


def _names(columns: Iterable[str]) -> list[str]:
    return [c.split()[0] for c in columns if not c.startswith("PRIMARY KEY")]


def _rows(base: FactBase) -> dict[str, list[tuple[Any, ...]]]:
    rows: dict[str, list[tuple[Any, ...]]] = {}
    for table in TABLES:
        names = _names(COLUMNS[table])
        records = (record(r) for r in getattr(base, table))
        rows[table] = [tuple(r[n] for n in names) for r in records]
    rows["country_aliases"] = [
        (c.code, i, alias) for c in base.countries for i, alias in enumerate(c.aliases, start=1)
    ]
    rows["event_participants"] = [
        (e.id, code, i) for e in base.events for i, code in enumerate(e.participants, start=1)
    ]
    return rows


def _write_sqlite(base: FactBase, tmp: str) -> None:
    connection = sqlite3.connect(tmp)
    try:
        # Checked on insert, so a dangling reference fails the export instead of shipping.
        connection.execute("PRAGMA foreign_keys = ON")
        connection.executescript(schema())
        with connection:
            for table, rows in _rows(base).items():
                names = _names(COLUMNS[table])
                connection.executemany(
                    f"INSERT INTO {table} ({', '.join(names)}) "
                    f"VALUES ({', '.join('?' for _ in names)})",
                    rows,
                )
    finally:
        connection.close()
