"""``cis-facts ask``: one answering fact in three languages, or a plain refusal; ``show``
opens every search hit; ``search`` has a default limit in every format."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import RunCli

from cis_facts.loader import load
from cis_facts.model import FactBase


@pytest.fixture(scope="module")
def base() -> FactBase:
    return load()


def answer(run_cli: RunCli, *args: str) -> dict[str, Any]:
    result = run_cli("ask", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    records: list[dict[str, Any]] = json.loads(result.stdout)
    assert len(records) == 1
    return records[0]


def test_ask_prints_sentence_quote_source_and_id(run_cli: RunCli, base: FactBase) -> None:
    result = run_cli("ask", "When", "did", "Georgia", "leave", "the", "CIS?", width=100)
    assert result.exit_code == 0, result.stderr
    fact = next(e for e in base.events if e.id == "georgia-withdrawal")
    source = next(s for s in base.sources if s.id == fact.source)
    assert fact.quote_en  # the quote is Kazakh: --lang en shows its translation
    assert result.stdout.splitlines() == [
        "Georgia left the CIS on 18 August 2009.",
        f"Quote: «{fact.quote}»",
        f"Translation (cis-facts): {fact.quote_en}",
        f"Source: {source.title}",
        "More: cis-facts show georgia-withdrawal",
    ]
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("lang", "question", "first", "sentence_start"),
    [
        (
            "en",
            "who bought most of Kazakhstan's exports in 2004?",
            "export-share-switzerland",
            "In 2004 Switzerland",
        ),
        ("kk", "Қазақстан мырыштан нешінші орында?", "rank-zinc", "Қазақстан мырыштан"),
        ("ru", "является ли СНГ государством?", "cis-not-a-state", "Содружество Независимых"),
    ],
)
def test_ask_in_three_languages(
    run_cli: RunCli, lang: str, question: str, first: str, sentence_start: str
) -> None:
    record = answer(run_cli, "--lang", lang, question)
    assert record["id"] == first
    assert record["question"] == question
    assert record["sentence"].startswith(sentence_start)
    assert record["matched_words"] >= 2 * record["question_words"] / 3


def test_ask_json_carries_the_answer_and_its_quote(run_cli: RunCli, base: FactBase) -> None:
    record = answer(run_cli, "Kazakhstan", "world", "rank", "in", "tungsten")
    fact = next(r for r in base.rankings if r.id == "rank-tungsten")
    assert (record["id"], record["value"], record["unit"], record["quote"]) == (
        "rank-tungsten",
        1,
        "place",
        fact.quote,
    )
    assert record["translation"] == fact.quote_en
    assert record["translation_lang"] == ("en" if fact.quote_en else None)


@pytest.mark.parametrize(
    ("lang", "question", "message"),
    [
        (
            "en",
            "What is the capital of France?",
            (
                "cis-facts: the fact base does not answer 'What is the capital of France?'; "
                "try cis-facts search"
            ),
        ),
        (
            "en",
            "when did Ukraine leave the CIS",
            (
                "cis-facts: the fact base does not answer 'when did Ukraine leave the CIS'; "
                "try cis-facts search"
            ),
        ),
        (
            "kk",
            "Қазақстанның астанасы қандай?",
            (
                "cis-facts: деректер қорында «Қазақстанның астанасы қандай?» сұрағына жауап жоқ; "
                "cis-facts search көріңіз"
            ),
        ),
        (
            "ru",
            "какая столица Казахстана",
            (
                "cis-facts: в базе фактов нет ответа на вопрос «какая столица Казахстана»; "
                "попробуйте cis-facts search"
            ),
        ),
    ],
)
def test_ask_says_plainly_when_the_base_does_not_answer(
    run_cli: RunCli, lang: str, question: str, message: str
) -> None:
    for extra in ((), ("--format", "json")):
        result = run_cli("--lang", lang, "ask", question, *extra, width=100)
        assert result.exit_code == 1
        assert result.stdout == ""
        assert result.stderr.splitlines() == [message]


def test_every_search_hit_opens_with_show(run_cli: RunCli) -> None:
    result = run_cli("search", "Georgia", "--limit", "0", "--format", "json")
    hits = json.loads(result.stdout)
    assert "GE" in [h["id"] for h in hits]
    for hit in hits:
        shown = run_cli("show", hit["id"], "--format", "json")
        assert shown.exit_code == 0, (hit["id"], shown.stderr)


def test_show_a_country_code_shows_the_country(run_cli: RunCli) -> None:
    for code in ("GE", "ge"):
        shown = run_cli("show", code, "--format", "json")
        profile = run_cli("country", "GE", "--format", "json")
        assert shown.exit_code == 0, shown.stderr
        assert json.loads(shown.stdout) == json.loads(profile.stdout)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "tsv", "plain", "table", "markdown"])
def test_search_has_a_default_limit_in_every_format(run_cli: RunCli, fmt: str) -> None:
    limited = run_cli("search", "CIS", "--format", fmt, "--fields", "id", width=100)
    everything = run_cli("search", "CIS", "--format", "json", "--limit", "0")
    total = len(json.loads(everything.stdout))
    assert total > 10
    assert limited.exit_code == 0
    assert limited.stderr.splitlines() == [
        f"cis-facts: showing 10 of {total} results; --limit 0 shows them all"
    ]
    assert everything.stderr == ""
    ids = [h["id"] for h in json.loads(everything.stdout)[:10]]
    assert all(i in limited.stdout for i in ids)
    assert json.loads(everything.stdout)[10]["id"] not in limited.stdout.split()


def test_search_limit_names_how_many_more_in_the_language(run_cli: RunCli) -> None:
    result = run_cli("--lang", "ru", "search", "CIS", "--limit", "3", "--format", "json")
    assert len(json.loads(result.stdout)) == 3
    assert result.stderr.startswith("cis-facts: показано 3 из ")
    assert run_cli("search", "zinc", "--format", "json").stderr == ""
