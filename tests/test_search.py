"""``cis-facts search``: English and Kazakh words, folded letters, typos, nothing found."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import RunCli

from cis_facts.loader import load
from cis_facts.model import FactBase
from cis_facts.text import fold

KINDS = {"event", "ranking", "trade_share", "trade_total", "figure", "statement", "country"}
MATCHED = {"label", "names", "quote", "note"}


@pytest.fixture(scope="module")
def base() -> FactBase:
    return load()


def search(run_cli: RunCli, *args: str) -> list[dict[str, Any]]:
    """Every hit (``--limit 0``) unless ``args`` set a limit."""
    every = () if "--limit" in args else ("--limit", "0")
    result = run_cli("search", *args, *every, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    records: list[dict[str, Any]] = json.loads(result.stdout)
    assert records
    return records


def ids(records: list[dict[str, Any]]) -> list[str]:
    return [r["id"] for r in records]


def test_english_word(run_cli: RunCli, base: FactBase) -> None:
    records = search(run_cli, "uranium")
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


def test_kazakh_word(run_cli: RunCli) -> None:
    records = search(run_cli, "уран")
    assert ids(records)[0] == "rank-uranium"
    assert "quote" in records[0]["matched"]  # "ураннан шамамен 25 %-ын құрайды"


def test_kazakh_letters_are_folded(run_cli: RunCli, base: FactBase) -> None:
    """ "казакстан" (Russian keyboard) finds "Қазақстан"."""
    folded = search(run_cli, "казакстан")
    exact = search(run_cli, "Қазақстан")
    assert ids(folded) == ids(exact)
    assert "KZ" in ids(folded)
    kz = next(c for c in base.countries if c.code == "KZ")
    assert next(r for r in folded if r["id"] == "KZ")["label"] == kz.name_en


def test_every_result_contains_the_word(run_cli: RunCli, base: FactBase) -> None:
    """No result is a false positive: each record's texts contain the folded word."""
    facts = {f.id: f for f in base.facts()}
    for record in search(run_cli, "Switzerland"):
        if record["kind"] == "country":
            assert record["id"] == "CH"
            continue
        fact = facts[record["id"]]
        texts = (fact.label_en, fact.label_kk, fact.quote, fact.note or "")
        names_it = getattr(fact, "country", None) == "CH"
        assert names_it or any("switzerland" in fold(t) for t in texts), fact.id


def test_typo_finds_the_close_word(run_cli: RunCli, base: FactBase) -> None:
    records = search(run_cli, "Caspain")
    expected = {f.id for f in base.figures if "caspian" in fold(f.label_en)}
    assert set(ids(records)[:2]) == expected  # a note that mentions it ranks below
    assert expected == {"reserves-caspian-oil", "reserves-caspian-oil-share"}


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("tungstn", "rank-tungsten"),
        ("molibdenum", "rank-molybdenum"),
        ("Switzerlnd", "export-share-switzerland"),
    ],
)
def test_other_typos(run_cli: RunCli, query: str, first: str) -> None:
    assert ids(search(run_cli, query))[0] == first


def test_phrase_ranks_first(run_cli: RunCli) -> None:
    """A whole phrase found together scores above its words found apart."""
    records = search(run_cli, "foreign investment")
    assert records[0]["score"] > records[-1]["score"]
    assert "foreign investment" in records[0]["label"].lower()


def test_results_are_best_first(run_cli: RunCli) -> None:
    records = search(run_cli, "Kazakhstan")
    scores = [r["score"] for r in records]
    assert scores == sorted(scores, reverse=True)
    for record in records:
        assert record["kind"] in KINDS
        assert isinstance(record["score"], float)
        assert record["score"] > 0
        assert set(record["matched"]) <= MATCHED
        assert record["matched"]


def test_limit(run_cli: RunCli) -> None:
    everything = search(run_cli, "Kazakhstan")
    assert len(everything) > 3
    limited = run_cli("search", "Kazakhstan", "--limit", "3", "--format", "json")
    assert ids(json.loads(limited.stdout)) == ids(everything)[:3]
    assert limited.stderr == (
        f"cis-facts: showing 3 of {len(everything)} results; --limit 0 shows them all\n"
    )


def test_every_word_is_optional_and_both_rank_first(run_cli: RunCli) -> None:
    """A record holding both words outranks one holding only one of them."""
    both = ids(search(run_cli, "oil", "gas"))
    assert set(ids(search(run_cli, "oil"))) <= set(both)
    assert set(ids(search(run_cli, "gas"))) <= set(both)
    assert both.index("reserves-oil-gas-2003") < both.index("rank-oil-exploration")
    assert both.index("reserves-oil-gas-2003") < both.index("reserves-natural-gas")


def test_kazakh_labels(run_cli: RunCli, base: FactBase) -> None:
    records = search(run_cli, "uranium", "--lang", "kk")
    uranium = next(r for r in base.rankings if r.id == "rank-uranium")
    assert records[0]["label"] == uranium.label_kk


def test_nothing_found_suggests(run_cli: RunCli) -> None:
    result = run_cli("search", "zink")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "cis-facts: nothing matches 'zink' (did you mean: zinc?)\n"


def test_nothing_found_without_a_close_word(run_cli: RunCli) -> None:
    result = run_cli("search", "xyzzyq")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "cis-facts: nothing matches 'xyzzyq'\n"


def test_table(run_cli: RunCli) -> None:
    result = run_cli("search", "uranium", "--format", "table", "--color", "never", width=100)
    assert result.exit_code == 0
    assert "Search results: uranium" in result.stdout
    assert "rank-uranium" in result.stdout
    assert "Kazakhstan accounts for about 25% of the world's uranium" in result.stdout


def test_every_hit_carries_its_answer(run_cli: RunCli) -> None:
    """Value and unit, or the date, beside each label; in JSON as the fact's own fields."""
    first = search(run_cli, "uranium")[0]
    assert (first["value"], first["unit"], first["date"]) == (25, "%", None)
    event = search(run_cli, "Georgia", "left")[0]
    assert event["id"] == "georgia-withdrawal"
    assert (event["value"], event["date"], event["date_precision"]) == (None, "2009-08-18", "day")


def test_the_answer_shows_in_the_table(run_cli: RunCli) -> None:
    result = run_cli("search", "Georgia left", "--format", "table", "--limit", "1")
    assert result.exit_code == 0, result.stderr
    assert "georgia-withdrawal" in result.stdout
    assert "2009" in result.stdout


@pytest.mark.parametrize("fmt", ["plain", "csv", "tsv", "markdown"])
def test_the_answer_shows_in_every_format(run_cli: RunCli, fmt: str) -> None:
    result = run_cli("search", "uranium", "--format", fmt, "--limit", "1")
    assert result.exit_code == 0, result.stderr
    assert "25" in result.stdout
    assert "%" in result.stdout


def test_numbers_match_as_numbers(run_cli: RunCli) -> None:
    """25 % finds 25, never 1225; 1225 finds 1225."""
    assert ids(search(run_cli, "25%"))[0] == "rank-uranium"
    assert "reserves-mineral-types" not in ids(search(run_cli, "25", "%"))
    assert ids(search(run_cli, "1225"))[0] == "reserves-mineral-types"


def test_cis_abbreviations_do_not_match_inside_words(run_cli: RunCli) -> None:
    """СНГ is the CIS (ТМД), not the letters inside «Соңғы»."""
    assert ids(search(run_cli, "СНГ")) == ids(search(run_cli, "ТМД")) == ids(search(run_cli, "CIS"))


def test_stop_words_alone_do_not_suggest_noise(run_cli: RunCli) -> None:
    result = run_cli("search", "when did the")
    assert result.exit_code == 1
    assert result.stderr == "cis-facts: nothing matches 'when did the'\n"


def test_suggestions_only_close_words_at_most_five(run_cli: RunCli) -> None:
    result = run_cli("search", "qqqq zink")  # too short to be matched as a typo: suggested
    assert result.stderr == "cis-facts: nothing matches 'qqqq zink' (did you mean: zinc?)\n"
    result = run_cli("search", "qqqq wxyz")
    assert result.stderr == "cis-facts: nothing matches 'qqqq wxyz'\n"


FIELD_WEIGHT_FACTS = """
[[figures]]
id = "fx-in-note"
label_en = "A figure about minerals"
label_kk = "Минералдар туралы көрсеткіш"
source = "kk-text"
quote = "Қазақстан"
note = "Mentions zeolite in passing."
topic = "fixture"
measure = "count"
value = 1
unit = "sites"

[[figures]]
id = "fx-in-label"
label_en = "A figure about zeolite"
label_kk = "Минералдар туралы көрсеткіш"
source = "kk-text"
quote = "Қазақстан"
note = "Mentions minerals in passing."
topic = "fixture"
measure = "count"
value = 2
unit = "sites"
"""


def test_a_word_in_the_label_outranks_it_in_a_note(run_cli: RunCli, tmp_path: Any) -> None:
    data = tmp_path / "weights.toml"
    data.write_text(FIELD_WEIGHT_FACTS, encoding="utf-8")
    records = search(run_cli, "zeolite", "--data", str(data))
    assert ids(records) == ["fx-in-label", "fx-in-note"]
    assert records[0]["matched"] == ["label"]
    assert records[1]["matched"] == ["note"]


@pytest.mark.parametrize(("typo", "word"), [("эксопрт", "export"), ("импрот", "import")])
def test_typo_of_a_word_a_synonym_maps(run_cli: RunCli, typo: str, word: str) -> None:
    """экспорт is indexed as export; a typo of экспорт still finds it."""
    records = search(run_cli, typo)
    assert word in records[0]["label"].lower()
