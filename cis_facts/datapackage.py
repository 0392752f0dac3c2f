"""``export --to csv DIR``: one CSV file per table of the SQLite export and a Frictionless
``datapackage.json`` describing them (Tabular Data Package, frictionlessdata.io).

The tables, their columns, keys and rows are the SQLite export's (``export.COLUMNS`` and
``export.rows``, both generated from ``schema.KINDS``); each column's Table Schema type comes
from its field's type in ``KINDS``, its description from docs/fact-schema.md (through
``cis_facts.descriptions``). Cells are written as RFC 4180 CSV in UTF-8: fields quoted where
they hold a comma, a quote or a line break, lines ended by CRLF, numbers as in the JSON
export, booleans ``true``/``false``, a missing value as an empty cell. A text cell that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'`` (the
rule of ``--format csv``, so a spreadsheet shows it rather than runs it) unless
``raw_cells``; numbers are never changed (a negative number is not a formula).

DIR is created if it is missing (its parent must exist). No file in it is replaced unless
``force``; every file is written under a temporary name first and given its name only when
all of them are complete.
"""

# Imported where used: the package metadata (the licence) is read only when a data package is
# written.

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import tempfile
from collections.abc import Iterator
from typing import Any

from cis_facts import descriptions, export
from cis_facts.inert import clip, visible
from cis_facts.model import QUOTE_TRANSLATIONS, QUOTE_TRANSLATOR, FactBase
from cis_facts.render.machine import cell_text
from cis_facts.safety import neutralise
from cis_facts.schema import KIND_OF_TABLE, FieldSpec, Kind
from cis_facts.version import __version__

DESCRIPTOR = "datapackage.json"
PACKAGE_NAME = "cis-facts"
LANGUAGE_NAMES = {"en": "English", "kk": "Kazakh", "ru": "Russian"}

# Field type in ``KINDS`` -> Table Schema type. A date is a string: its precision varies
# (1993, 1993-12, 1993-12-24, or a span 1995/2004), given in <field>_precision.
TABLE_SCHEMA_TYPES = {
    "number": "number",
    "percent": "number",
    "rank": "integer",
    "bool": "boolean",
}
_SQL_TYPES = {"INTEGER": "integer", "NUMERIC": "number"}
_REFERENCE = re.compile(r"REFERENCES (\w+)\((\w+)\)")
_COMPOSITE_KEY = re.compile(r"PRIMARY KEY \(([^)]*)\)")


def file_names() -> tuple[str, ...]:
    """The files an export writes into DIR: one CSV per table, then the descriptor."""
    return (*(f"{table}.csv" for table in export.COLUMNS), DESCRIPTOR)


# ---------------------------------------------------------------------------------------------
# The descriptor
# ---------------------------------------------------------------------------------------------


def _owner(table: str) -> tuple[Kind | None, FieldSpec | None]:
    """The kind a table belongs to, and for a list field's child table that field."""
    if table in KIND_OF_TABLE:
        return KIND_OF_TABLE[table], None
    for kind, name, spec in export.LIST_FIELDS:
        if f"{kind.name}_{name}" == table:
            return kind, spec
    return None, None


COMMON = "*"  # descriptions.FIELDS' section of the fields every fact has


def _field_meaning(table: str, name: str) -> str | None:
    own = descriptions.FIELDS.get(table, {})
    return own.get(name) or descriptions.FIELDS[COMMON].get(name)


def _describe(kind: Kind | None, table: str, name: str) -> str:
    """A column's description: its field's meaning, or what a derived column holds."""
    if kind is not None and table == kind.table:
        if name.endswith("_precision") and name[: -len("_precision")] in kind.fields:
            return f"the precision of `{name[: -len('_precision')]}`: day, month or year"
        meaning = _field_meaning(table, name)
        if meaning is not None:
            if name in QUOTE_TRANSLATIONS:
                meaning += f" (translation by {QUOTE_TRANSLATOR})"
            return meaning
    if kind is not None and name == f"{kind.name}_{kind.key}":
        return f"the `{kind.key}` of the record in `{kind.table}` this row belongs to"
    if name == "position":
        return "the item's place in the list, from 1"
    if name == "country_code":
        return "the `code` of a record in `countries`"
    for field_name, spec in kind.fields.items() if kind is not None else ():
        if spec.item == name:
            meaning = _field_meaning(kind.table, field_name) if kind is not None else None
            return f"one of the {field_name}: {meaning}" if meaning else f"one of {field_name}"
    raise KeyError(f"no description for {table}.{name}")


def _field(kind: Kind | None, table: str, column: str) -> dict[str, Any]:
    """The Table Schema field of one SQLite column definition."""
    words = column.split()
    name, sql = words[0], words[1]
    spec = kind.fields.get(name) if kind is not None and table == kind.table else None
    field: dict[str, Any] = {"name": name}
    if spec is not None:
        field["type"] = TABLE_SCHEMA_TYPES.get(spec.kind, "string")
    else:
        field["type"] = _SQL_TYPES.get(sql, "string")
    field["description"] = _describe(kind, table, name)
    constraints: dict[str, Any] = {}
    if "NOT NULL" in column:
        constraints["required"] = True
    if "UNIQUE" in column:
        constraints["unique"] = True
    if spec is not None and spec.kind == "enum":
        constraints["enum"] = list(spec.choices)
    if name.endswith("_precision") and spec is None:
        constraints["enum"] = ["day", "month", "year"]
    if spec is not None and spec.kind in ("percent",):
        constraints.update(minimum=0, maximum=100)
    if spec is not None and spec.kind == "rank":
        constraints["minimum"] = 1
    if constraints:
        field["constraints"] = constraints
    return field


def table_schema(table: str) -> dict[str, Any]:
    """The Table Schema of one exported table: fields, primary key, foreign keys."""
    kind, _ = _owner(table)
    columns = export.COLUMNS[table]
    fields = [_field(kind, table, c) for c in columns if not c.startswith("PRIMARY KEY")]
    schema: dict[str, Any] = {"fields": fields}
    composite = next((_COMPOSITE_KEY.match(c) for c in columns if c.startswith("PRIMARY")), None)
    if composite is not None:
        schema["primaryKey"] = [n.strip() for n in composite.group(1).split(",")]
    else:
        schema["primaryKey"] = [c.split()[0] for c in columns if "PRIMARY KEY" in c]
    foreign = []
    for column in columns:
        reference = _REFERENCE.search(column)
        if reference is not None:
            foreign.append(
                {
                    "fields": column.split()[0],
                    "reference": {
                        # A table referring to itself is named by an empty resource.
                        "resource": "" if reference.group(1) == table else reference.group(1),
                        "fields": reference.group(2),
                    },
                }
            )
    if foreign:
        schema["foreignKeys"] = foreign
    schema["missingValues"] = [""]
    return schema


def table_description(table: str) -> str:
    kind, spec = _owner(table)
    if table in descriptions.TABLES:
        return descriptions.TABLES[table]
    if kind is not None and spec is not None:
        field_name = table[len(kind.name) + 1 :]
        meaning = _field_meaning(kind.table, field_name)
        return f"the `{field_name}` of each record in `{kind.table}`, one row per item: {meaning}"
    raise KeyError(f"no description for table {table}")


def declared_licenses() -> list[dict[str, str]]:
    """The licence the package declares in its metadata (pyproject.toml), if it is installed."""
    from importlib import metadata

    try:
        declared = metadata.metadata("cis-facts")
    except metadata.PackageNotFoundError:
        return []
    for key in ("License-Expression", "License"):
        try:
            name = declared[key]  # None in Python 3.10 and 3.11 when missing, else KeyError
        except KeyError:
            continue
        if name:
            return [{"name": name}]
    return []


def _sources(base: FactBase) -> list[dict[str, str]]:
    """The source records, as a data package lists its sources: title and, where the record
    gives one, the URL."""
    listed = []
    for source in base.sources:
        entry = {"title": source.title}
        if source.url:
            entry["path"] = source.url
        listed.append(entry)
    return listed


def descriptor(base: FactBase, raw_cells: bool = False) -> dict[str, Any]:
    """The ``datapackage.json`` of an export of ``base``."""
    cells = (
        "Text cells are as stored."
        if raw_cells
        else "A text cell that starts with =, +, -, @, a tab or a carriage return has a "
        "leading ' (so a spreadsheet shows it rather than runs it as a formula); numbers "
        "are as stored."
    )
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": "cis-facts: facts about the CIS and Kazakhstan, each with its source quote",
        "description": (
            "Every table of the cis-facts fact base, as the SQLite export holds it. Dates are "
            "ISO strings (YYYY, YYYY-MM, YYYY-MM-DD or START/END) with a <field>_precision "
            f"column. {cells} Translations of quotes (quote_en, quote_kk, quote_ru) are by "
            f"{QUOTE_TRANSLATOR}. The licence is the one the cis-facts package declares; the "
            "base does not record the licences of its sources."
        ),
        "version": __version__,
        "licenses": [
            {**licence, "title": f"{licence['name']} (the licence the cis-facts package declares)"}
            for licence in declared_licenses()
        ],
        "sources": _sources(base),
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": table,
                "path": f"{table}.csv",
                "title": table,
                "description": table_description(table),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"delimiter": ",", "quoteChar": '"', "doubleQuote": True},
                "schema": table_schema(table),
            }
            for table in export.COLUMNS
        ],
    }
    if not package["licenses"]:
        del package["licenses"]
    return package


# ---------------------------------------------------------------------------------------------
# Cells and files
# ---------------------------------------------------------------------------------------------


def _cell(value: Any, raw_cells: bool) -> str:
    """The cell ``--format csv`` writes; text (never a number) neutralised as it does."""
    text = cell_text(value)
    return text if raw_cells or not isinstance(value, str) else str(neutralise(text))


def table_csv(header: list[str], rows: list[tuple[Any, ...]], raw_cells: bool = False) -> str:
    """One table as RFC 4180 CSV text: a header row, then a row per record."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows([_cell(value, raw_cells) for value in row] for row in rows)
    return buffer.getvalue()


def contents(base: FactBase, raw_cells: bool = False) -> dict[str, str]:
    """Every file of the export: name -> text."""
    files = {}
    rows = export._rows(base)
    for table, columns in export.COLUMNS.items():
        header = [c.split()[0] for c in columns if not c.startswith("PRIMARY KEY")]
        files[f"{table}.csv"] = table_csv(header, rows[table], raw_cells)
    text = json.dumps(descriptor(base, raw_cells), ensure_ascii=False, indent=2) + "\n"
    files[DESCRIPTOR] = text
    return files


def _directory(name: str) -> None:
    """DIR as a directory to write into: created if missing, refused if it is anything else."""
    shown = visible(clip(name, 200))
    if os.path.islink(name) and not os.path.isdir(name):
        raise export.ExportError(f"cannot write into {shown}: it is a broken symbolic link")
    if os.path.isdir(name):
        return
    if os.path.lexists(name):
        raise export.ExportError(f"cannot write into {shown}: it is not a directory")
    parent = os.path.dirname(name.rstrip("/" + os.sep)) or "."
    if not os.path.isdir(parent):
        raise export.ExportError(
            f"cannot create {shown}: directory {visible(clip(parent, 200))} does not exist"
        )
    try:
        os.mkdir(name)
    except OSError as exc:
        raise export.ExportError(f"cannot create {shown}: {exc.strerror or exc}") from exc


@contextlib.contextmanager
def _temporary(directory: str) -> Iterator[list[str]]:
    """Temporary files made in ``directory``, removed unless published."""
    made: list[str] = []
    try:
        yield made
    finally:
        for leftover in made:
            with contextlib.suppress(OSError):
                os.unlink(leftover)


def write_package(
    base: FactBase, directory: str, *, force: bool = False, raw_cells: bool = False
) -> dict[str, int]:
    """Write the CSV files and ``datapackage.json`` into ``directory``; the rows per kind."""
    if export.stream_descriptor(directory) is not None:
        raise export.ExportError("a CSV data package is a directory; name one, not standard output")
    _directory(directory)
    files = contents(base, raw_cells)
    targets = {name: os.path.join(directory, name) for name in files}
    for path in targets.values():
        reason = export._refusal(path, force, base)
        if reason is not None:
            raise export.ExportError(reason)
    with export._cleanup_on_termination(), _temporary(directory) as made:
        staged = {}
        for name, text in files.items():
            try:
                fd, tmp = tempfile.mkstemp(dir=directory, prefix=".cis-facts-", suffix=".tmp")
                made.append(tmp)
                with os.fdopen(fd, "w", encoding="utf-8", newline="") as file:
                    file.write(text)
                    file.flush()
                    os.fsync(file.fileno())
                os.chmod(tmp, export._new_mode(targets[name]))
            except OSError as exc:
                shown = visible(clip(targets[name], 200))
                raise export.ExportError(f"cannot write {shown}: {exc.strerror or exc}") from exc
            staged[name] = tmp
        for name, tmp in staged.items():
            try:
                export._publish(tmp, targets[name], force)
            except OSError as exc:
                shown = visible(clip(targets[name], 200))
                raise export.ExportError(f"cannot write {shown}: {exc.strerror or exc}") from exc
            made.remove(tmp)
    with contextlib.suppress(OSError):
        export._fsync(directory)
    return base.counts()
