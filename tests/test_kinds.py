"""Every kind of record declared in ``schema.KINDS`` reaches every consumer.

Each consumer either iterates the registry or keeps a table keyed by kind; this test fails
when one of them leaves a kind out, instead of the kind silently vanishing from export,
counts, search, show, the country profile or the browser.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from conftest import RunCli

from cis_facts import export, loader
from cis_facts.browse import catalog
from cis_facts.frozen import field_names
from cis_facts.model import FactBase
from cis_facts.query import profile, records, search
from cis_facts.render import views
from cis_facts.render.localized import localize
from cis_facts.schema import FACT_KINDS, KINDS, TABLES

DOC = (Path(__file__).parents[1] / "docs" / "fact-schema.md").read_text(encoding="utf-8")
TABLE_NAMES = [kind.table for kind in KINDS]
FACT_TABLES = [kind.table for kind in FACT_KINDS]


@pytest.fixture(scope="module")
def base() -> FactBase:
    packaged = loader.load()
    empty = [table for table in TABLE_NAMES if not getattr(packaged, table)]
    assert not empty, f"the packaged base has no {empty}: the checks below would prove nothing"
    return packaged


def test_the_fact_base_has_a_field_per_kind() -> None:
    assert list(field_names(FactBase)) == [*TABLE_NAMES, "files"]
    assert list(TABLES) == TABLE_NAMES


def test_counts_name_every_kind(base: FactBase) -> None:
    assert list(base.counts()) == TABLE_NAMES
    assert sum(len(getattr(base, t)) for t in FACT_TABLES) == len(list(base.facts()))


def test_export_holds_every_kind(base: FactBase, tmp_path: Path) -> None:
    assert list(export.document(base)) == TABLE_NAMES
    path = tmp_path / "facts.db"
    export.export(base, "sqlite", path)
    with sqlite3.connect(path) as db:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
        kinds = {kind for (kind,) in db.execute("SELECT DISTINCT kind FROM facts")}
    assert set(TABLE_NAMES) <= tables
    assert kinds == {kind.name for kind in FACT_KINDS}


def test_search_and_show_name_every_kind(run_cli: RunCli, base: FactBase) -> None:
    searched = {entry.kind for entry in search.searchable(base)}
    assert searched == {kind.name for kind in KINDS if kind.table != "sources"}
    assert set(records.KIND_NAMES.values()) == {kind.name for kind in FACT_KINDS}
    for kind in FACT_KINDS:
        fact = getattr(base, kind.table)[0]
        result = run_cli("show", fact.id, "--format", "json")
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)[0]["kind"] == kind.name


def test_the_country_profile_lists_every_kind_that_names_a_country(base: FactBase) -> None:
    """A country's profile holds the facts of every kind with a profile section."""
    sections = {kind.table: kind.profile for kind in FACT_KINDS}
    assert [t for t, s in sections.items() if s is not None] == [
        "events",
        "rankings",
        "trade_shares",
        "trade_totals",
        "figures",
        "statements",
    ]
    for kind in FACT_KINDS:
        if kind.profile is None:
            continue
        fact, code = next(
            (f, c.code)
            for f in getattr(base, kind.table)
            for c in base.countries
            if kind.profile.names(f, c)
        )
        listed = localize(profile.profile(base, base.country_index[code]), "en").records
        assert fact.id in {r["id"] for r in listed}, kind.table


def test_every_text_in_several_languages_has_all_three() -> None:
    for kind in KINDS:
        for stem, by_lang in kind.languages().items():
            assert sorted(by_lang) == ["en", "kk", "ru"], (kind.table, stem)


def test_the_browser_lists_every_kind_of_fact() -> None:
    assert all(kind.views for kind in FACT_KINDS)
    assert set(catalog.VIEWS) == set(catalog._view_queries(None))
    assert set(catalog.VIEWS) <= set(views.VIEWS)


def test_the_schema_document_describes_every_kind() -> None:
    layout = set(re.findall(r"^  \| `([a-z_]+)` \|", DOC, flags=re.MULTILINE))
    sections = set(re.findall(r"^### `([a-z_]+)`$", DOC, flags=re.MULTILINE))
    assert set(TABLE_NAMES) <= layout
    assert set(TABLE_NAMES) <= sections


def test_every_kind_is_searchable_in_every_language_it_is_written_in() -> None:
    for kind in KINDS:
        assert export.searched_fields(kind), kind.table
        for stem, by_lang in kind.languages().items():
            searched = {lang: kind.fields[name].search for lang, name in by_lang.items()}
            assert len(set(searched.values())) == 1, (kind.table, stem, searched)


def test_the_export_has_a_full_text_index_per_kind(base: FactBase, tmp_path: Path) -> None:
    """Each kind's ``<table>_fts`` holds its searched fields and finds its records."""
    path = tmp_path / "facts.db"
    export.export(base, "sqlite", path)
    with sqlite3.connect(path) as db:
        for kind in KINDS:
            fts = f"{kind.table}_fts"
            columns = [row[1] for row in db.execute(f"PRAGMA table_info({fts})")]
            assert columns == list(export.searched_fields(kind)), kind.table
            record = getattr(base, kind.table)[0]
            text = getattr(record, export.searched_fields(kind)[0])
            word = '"' + re.findall(r"\w+", text)[0] + '"'
            found = db.execute(
                f"SELECT {kind.key} FROM {kind.table} WHERE rowid IN "
                f"(SELECT rowid FROM {fts} WHERE {fts} MATCH ?)",
                (word,),
            ).fetchall()
            assert (getattr(record, kind.key),) in found, (kind.table, word)
        view = [row[1] for row in db.execute("PRAGMA table_info(facts_fts)")]
        assert (
            view
            == list(export.view_searched_fields())
            == [
                "label_en",
                "label_kk",
                "label_ru",
                "quote",
                "note",
            ]
        )
