"""Datasette metadata for an SQLite export: titles, descriptions, units, search, source, licence.

Generated, never written by hand: the tables and columns from the export's DDL, what each
means from docs/fact-schema.md (``cis_facts.descriptions``, as the CSV data package describes
them), units and full-text tables from the kind registry (``FieldSpec.unit``,
``FieldSpec.search``), the value and unit of the ``facts`` view from ``Kind.answer``, the
sources from the base, the licence from the package's own metadata.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from cis_facts import datapackage, export
from cis_facts.model import QUOTE_TRANSLATOR, FactBase
from cis_facts.schema import FACT_KINDS, KIND_OF_TABLE, Kind

TITLE = "cis-facts"
DESCRIPTION = (
    "Facts about the Commonwealth of Independent States and Kazakhstan's place in the world "
    "economy, each with the verbatim quote of its source. One table per kind of record, the "
    "facts view of every fact, and a full-text index per table and for the view (search in "
    "English, Kazakh and Russian). Dates are ISO strings (YYYY, YYYY-MM, YYYY-MM-DD or "
    f"START/END) with a <field>_precision column; translations of quotes are by {QUOTE_TRANSLATOR}."
)


def database_name(path: str) -> str:
    """The name Datasette gives the database in ``path``: its file name without the last
    extension (``facts.db`` is ``facts``)."""
    return Path(path).stem


def _plain(text: str) -> str:
    """A description as Datasette shows it: plain text, a capital first and a full stop."""
    text = text.replace("`", "")
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _title(table: str) -> str:
    return table.replace("_", " ").capitalize()


def _label_column(kind: Kind) -> str | None:
    """The column Datasette shows for a row a foreign key points to: its first searched
    text (a country's English name, a source's title, a fact's English label)."""
    return next((name for name, spec in kind.fields.items() if spec.search), None)


def _table(table: str) -> dict[str, Any]:
    fields = datapackage.table_schema(table)["fields"]
    entry: dict[str, Any] = {
        "title": _title(table),
        "description": _plain(datapackage.table_description(table)),
        "columns": {field["name"]: _plain(field["description"]) for field in fields},
    }
    kind = KIND_OF_TABLE.get(table)
    if kind is None:
        return entry
    units = {name: spec.unit for name, spec in kind.fields.items() if spec.unit}
    if units:
        entry["units"] = units
    label = _label_column(kind)
    if label is not None:
        entry["label_column"] = label
    entry["fts_table"] = f"{table}_fts"
    return entry


def _answer_text(kind: Kind) -> tuple[str, str]:
    """What a kind's row of the ``facts`` view holds in ``value`` and in ``unit``."""
    if not kind.answer:
        return f"{kind.name}: none", f"{kind.name}: none"
    values = " or ".join(name for name, _ in kind.answer)
    units = " or ".join(
        f"{name} {'its own unit' if unit is None else repr(unit)}" for name, unit in kind.answer
    )
    return f"{kind.name}: {values}", f"{kind.name}: {units}"


def _facts_view() -> dict[str, Any]:
    """The ``facts`` view: its columns described as the fact tables describe them."""
    described: dict[str, str] = {}
    for kind in FACT_KINDS:
        for field in datapackage.table_schema(kind.table)["fields"]:
            described.setdefault(field["name"], _plain(field["description"]))
    answers = [_answer_text(kind) for kind in FACT_KINDS if kind.answer is not None]
    kinds = ", ".join(kind.name for kind in FACT_KINDS)
    columns = {
        "kind": _plain(f"the kind of fact: {kinds}"),
        "date": _plain("the date of the fact, at the precision the source gives (empty if none)"),
        "rowid": _plain(
            "the row's number in the view: its kind's place among the tables times 2**32 "
            "plus its rowid in its own table (facts_fts is keyed by it)"
        ),
        "value": _plain(
            "the fact's value, the first of its value fields that is set ("
            + "; ".join(value for value, _ in answers)
            + ")"
        ),
        "unit": _plain(
            "the unit of value, as search answers give it ("
            + "; ".join(u for _, u in answers)
            + ")"
        ),
    }
    return {
        "title": "Facts",
        "description": _plain(
            "every fact of every kind, one row each, with its value and unit in one form"
        ),
        "columns": {name: columns.get(name) or described[name] for name in _view_columns()},
        "fts_table": "facts_fts",
    }


def _view_columns() -> list[str]:
    """The columns of the ``facts`` view, as SQLite reads its definition."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.executescript(export.schema())
        return [row[1] for row in connection.execute("PRAGMA table_info(facts)")]
    finally:
        connection.close()


def _source(base: FactBase) -> str:
    texts = [s for s in base.sources if s.kind == "text"]
    documents = len(base.sources) - len(texts)
    shipped = "; ".join(
        f"«{s.title}», a {datapackage.LANGUAGE_NAMES.get(s.language, s.language)} text "
        f"shipped with cis-facts as {s.file}"
        for s in texts
    )
    return f"{shipped}; and {documents} named documents, each a row of the sources table"


def metadata(base: FactBase, database: str) -> dict[str, Any]:
    """Datasette's ``metadata.json`` for the SQLite export of ``base`` opened as ``database``."""
    tables = {table: _table(table) for table in export.COLUMNS}
    tables["facts"] = _facts_view()
    document: dict[str, Any] = {"title": TITLE, "description": DESCRIPTION}
    licences = datapackage.declared_licenses()
    if licences:
        document["license"] = f"{licences[0]['name']} (the licence the cis-facts package declares)"
    document["source"] = _source(base)
    document["databases"] = {
        database: {"title": TITLE, "description": DESCRIPTION, "tables": tables}
    }
    return document


def metadata_json(base: FactBase, path: str) -> str:
    """The metadata of the database written to ``path``, as the text of ``metadata.json``."""
    document = metadata(base, database_name(path))
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
