"""docs/extending.md against the code: the walks stay short, name real files, and what
they say needs no edit (export, loader) really follows from a ``Kind`` alone."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from cis_facts import export, model
from cis_facts.dates import When
from cis_facts.schema import KIND_OF_TABLE, KINDS, FieldSpec, Kind

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "extending.md").read_text(encoding="utf-8")


def walk(heading: str) -> list[str]:
    """The files of a walk: the first backticked path of each numbered step."""
    section = DOC.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\d+\. `([^`]+)`", section, flags=re.MULTILINE)


def test_adding_a_kind_takes_eight_package_files_that_exist() -> None:
    files = walk("Adding a kind")
    assert len(files) == 8
    for name in files:
        path = ROOT / name
        assert path.parent.is_dir() if f"`{name}` (new)" in DOC else path.is_file(), name


def test_adding_a_stored_column_takes_at_most_five_files() -> None:
    files = walk("Adding a stored column")
    assert 0 < len(files) <= 5
    assert all((ROOT / name).is_file() for name in files), files


class Treaty(model.Fact, kw_only=True):
    date: When
    signatories: tuple[str, ...] = ()


def _treaties() -> Kind:
    facts = KIND_OF_TABLE["statements"].fields
    return Kind(
        table="treaties",
        record=Treaty,
        fields={
            **{n: s for n, s in facts.items() if n != "topic"},
            "date": FieldSpec("when"),
            "signatories": FieldSpec("codes", False),
        },
        name="treaty",
        answer=(),
        profile=None,
        views=("treaties",),
    )


def test_a_new_kind_is_exported_with_no_edit_to_export() -> None:
    ddl = export.ddl((*KINDS, _treaties()))
    assert "CREATE TABLE treaties (\n  id TEXT NOT NULL PRIMARY KEY," in ddl
    assert "  date TEXT NOT NULL,\n  date_precision TEXT NOT NULL CHECK" in ddl
    assert (
        "CREATE TABLE treaty_signatories (\n"
        "  treaty_id TEXT NOT NULL REFERENCES treaties(id),\n"
        "  country_code TEXT NOT NULL REFERENCES countries(code),\n"
        "  position INTEGER NOT NULL,\n"
        "  PRIMARY KEY (treaty_id, position)\n);"
    ) in ddl
    assert (
        "SELECT 'treaty' AS kind, id, label_en, label_kk, label_ru, NULL AS value, "
        "NULL AS unit, date, date_precision, source, quote, note, 9 * 4294967296 + rowid "
        "AS rowid FROM treaties"
    ) in ddl
    assert (
        "CREATE VIRTUAL TABLE [treaties_fts] USING fts5 (\n  [label_en],\n  [label_kk],\n"
        "  [label_ru],\n  [quote],"
    ) in ddl
    assert "  content=[treaties]\n);" in ddl
    with sqlite3.connect(":memory:") as db:
        db.executescript(ddl)


class PricedShare(model.TradeShare, kw_only=True):
    value_usd: float | None = None


def test_a_new_stored_column_is_exported_with_no_edit_to_export() -> None:
    shares = KIND_OF_TABLE["trade_shares"]
    priced = shares.replace(
        record=PricedShare, fields={**shares.fields, "value_usd": FieldSpec("number", False)}
    )
    before = [line.rstrip(",") for line in export.ddl(KINDS).splitlines()]
    after = [
        line.rstrip(",")
        for line in export.ddl([priced if k is shares else k for k in KINDS]).splitlines()
    ]
    assert [line for line in after if line not in before] == ["  value_usd REAL"]
    assert len(after) == len(before) + 1
