"""``cis-facts search``: English and Kazakh words, folded letters, typos, nothing found."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner, Result

from cis_facts.cli import cli
from cis_facts.loader import load
from cis_facts.model import FactBase
from cis_facts.text import fold

BASE_ENV: dict[str, str | None] = {
    "LANG": "",
    "LC_ALL": "",
    "LC_MESSAGES": "",
    "NO_COLOR": "1",
    "TERM": "dumb",
    "COLUMNS": "100",
    "FORCE_COLOR": None,
    "TTY_COMPATIBLE": None,
    "TTY_INTERACTIVE": None,
}
KINDS = {"event", "ranking", "trade_share", "trade_total", "figure", "statement", "country"}
MATCHED = {"label", "names", "quote", "note"}


@pytest.fixture(scope="module")
def base() -> FactBase:
    return load()


def invoke(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(cli, ["search", *args], env=BASE_ENV, prog_name="cis-facts")


def search(runner: CliRunner, *args: str) -> list[dict[str, Any]]:
    result = invoke(runner, *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    records: list[dict[str, Any]] = json.loads(result.stdout)
    assert records
    return records


def ids(records: list[dict[str, Any]]) -> list[str]:
    return [r["id"] for r in records]


def test_english_word(runner: CliRunner, base: FactBase) -> None:
    records = search(runner, "uranium")
    assert ids(records)[0] == "rank-uranium"
    uranium = next(r for r in base.rankings if r.id == "rank-uranium")
    first = records[0]
    assert (first["kind"], first["label"], first["quote"], first["source"]) == (
        "ranking",
        uranium.label_en,
        uranium.quote,
        uranium.source,
    )
    assert "label" in first["matched"]


def test_kazakh_word(runner: CliRunner) -> None:
    records = search(runner, "уран")
    assert ids(records)[0] == "rank-uranium"
    assert "quote" in records[0]["matched"]  # "ураннан шамамен 25 %-ын құрайды"


def test_kazakh_letters_are_folded(runner: CliRunner, base: FactBase) -> None:
    """ "казакстан" (Russian keyboard) finds "Қазақстан"."""
    folded = search(runner, "казакстан")
    exact = search(runner, "Қазақстан")
    assert ids(folded) == ids(exact)
    assert "KZ" in ids(folded)
    kz = next(c for c in base.countries if c.code == "KZ")
    assert next(r for r in folded if r["id"] == "KZ")["label"] == kz.name_en


def test_every_result_contains_the_word(runner: CliRunner, base: FactBase) -> None:
    """No result is a false positive: each record's texts contain the folded word."""
    facts = {f.id: f for f in base.facts()}
    for record in search(runner, "Switzerland"):
        if record["kind"] == "country":
            assert record["id"] == "CH"
            continue
        fact = facts[record["id"]]
        texts = (fact.label_en, fact.label_kk, fact.quote, fact.note or "")
        names_it = getattr(fact, "country", None) == "CH"
        assert names_it or any("switzerland" in fold(t) for t in texts), fact.id


def test_typo_finds_the_close_word(runner: CliRunner, base: FactBase) -> None:
    records = search(runner, "Caspain")
    expected = {f.id for f in base.figures if "caspian" in fold(f.label_en)}
    assert set(ids(records)[:2]) == expected
    assert expected == {"reserves-caspian-oil", "reserves-caspian-oil-share"}


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("tungstn", "rank-tungsten"),
        ("molibdenum", "rank-molybdenum"),
        ("Switzerlnd", "export-share-switzerland"),
    ],
)
def test_other_typos(runner: CliRunner, query: str, first: str) -> None:
    assert ids(search(runner, query))[0] == first


def test_phrase_ranks_first(runner: CliRunner) -> None:
    """A whole phrase found together scores above its words found apart."""
    records = search(runner, "foreign investment")
    assert records[0]["score"] > records[-1]["score"]
    assert "foreign investment" in records[0]["label"].lower()


def test_results_are_best_first(runner: CliRunner) -> None:
    records = search(runner, "Kazakhstan")
    scores = [r["score"] for r in records]
    assert scores == sorted(scores, reverse=True)
    for record in records:
        assert record["kind"] in KINDS
        assert isinstance(record["score"], int)
        assert record["score"] > 0
        assert set(record["matched"]) <= MATCHED
        assert record["matched"]


def test_limit(runner: CliRunner) -> None:
    everything = search(runner, "Kazakhstan")
    assert len(everything) > 3
    assert ids(search(runner, "Kazakhstan", "--limit", "3")) == ids(everything)[:3]


def test_all_words_must_match(runner: CliRunner) -> None:
    both = set(ids(search(runner, "oil", "gas")))
    assert both <= set(ids(search(runner, "oil")))
    assert both <= set(ids(search(runner, "gas")))
    assert "reserves-oil-gas-2003" in both


def test_kazakh_labels(runner: CliRunner, base: FactBase) -> None:
    records = search(runner, "uranium", "--lang", "kk")
    uranium = next(r for r in base.rankings if r.id == "rank-uranium")
    assert records[0]["label"] == uranium.label_kk


def test_nothing_found_suggests(runner: CliRunner) -> None:
    result = invoke(runner, "ураниум")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("cis-facts: nothing matches 'ураниум' (did you mean: ")
    assert "уран" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_nothing_found_without_a_close_word(runner: CliRunner) -> None:
    result = invoke(runner, "xyzzyq")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "cis-facts: nothing matches 'xyzzyq'\n"


def test_table(runner: CliRunner) -> None:
    result = invoke(runner, "uranium", "--format", "table", "--color", "never")
    assert result.exit_code == 0
    assert "Search results: uranium" in result.stdout
    assert "rank-uranium" in result.stdout
    assert "Kazakhstan accounts for about 25% of the world's uranium" in result.stdout
