"""Each record field is declared once, in ``cis_facts.schema.TABLES``; the model, the SQLite
DDL and the schema document are checked against that one declaration."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cis_facts import export, schema
from cis_facts.frozen import field_names

DOC = (Path(__file__).parents[1] / "docs" / "fact-schema.md").read_text(encoding="utf-8")
LIST_KINDS = ("texts", "codes")  # stored in side tables (country_aliases, event_participants)


def _column_names(table: str) -> set[str]:
    return {definition.split()[0] for definition in export.COLUMNS[table]}


@pytest.mark.parametrize("table", list(schema.TABLES))
def test_model_fields_are_the_schema_fields(table: str) -> None:
    cls, fields = schema.TABLES[table]
    assert isinstance(cls, type)
    assert set(field_names(cls)) - {"origin"} == set(fields)


@pytest.mark.parametrize("table", list(schema.TABLES))
def test_sqlite_columns_are_the_schema_fields(table: str) -> None:
    _, fields = schema.TABLES[table]
    scalar = {name for name, spec in fields.items() if spec.kind not in LIST_KINDS}
    dated = {f"{name}_precision" for name, spec in fields.items() if spec.kind == "when"}
    assert _column_names(table) == scalar | dated


@pytest.mark.parametrize("table", list(schema.TABLES))
def test_schema_document_names_every_field(table: str) -> None:
    _, fields = schema.TABLES[table]
    documented = set(re.findall(r"^\| `([a-z0-9_]+)` \|", DOC, flags=re.MULTILINE))
    missing = sorted(set(fields) - documented)
    assert not missing, f"docs/fact-schema.md does not describe {table} fields {missing}"
