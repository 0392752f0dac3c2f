"""Machine formats under --lang: codes and numbers stay the same in every language, text
for reading follows the language (README, "Scripting")."""

from __future__ import annotations

import json

import pytest
from conftest import RunCli


def tsv(run_cli: RunCli, *args: str) -> list[list[str]]:
    result = run_cli(*args, "-f", "tsv")
    assert result.exit_code == 0, result.stderr
    return [line.split("\t") for line in result.stdout.splitlines()]


def rows_by_id(rows: list[list[str]]) -> dict[str, list[str]]:
    return {row[0]: row[1:] for row in rows[1:]}


FIELDS = ("--fields", "id,mineral,standing,rank,top,share")


@pytest.mark.parametrize(
    ("lang", "zinc", "gold", "uranium"),
    [
        (
            "ru",
            ["цинк", "1-е", "1", "", ""],
            ["золото", "в первой десятке", "", "10", ""],
            ["уран", "доля в мире ≈25\u00a0%", "", "", "25"],
        ),
        (
            "kk",
            ["мырыш", "1-орын", "1", "", ""],
            ["алтын", "алғашқы 10", "", "10", ""],
            ["уран", "әлемдегі үлесі ≈25\u00a0%", "", "", "25"],
        ),
        (
            "en",
            ["zinc", "1st", "1", "", ""],
            ["gold", "top 10", "", "10", ""],
            ["uranium", "≈25 % of world", "", "", "25"],
        ),
    ],
)
def test_a_standing_is_a_phrase_in_the_language_its_numbers_are_codes(
    run_cli: RunCli, lang: str, zinc: list[str], gold: list[str], uranium: list[str]
) -> None:
    rows = rows_by_id(tsv(run_cli, "resources", "--lang", lang, *FIELDS))
    assert rows["rank-zinc"] == zinc
    assert rows["rank-gold"] == gold
    assert rows["rank-uranium"] == uranium


@pytest.mark.parametrize(
    ("lang", "turnover", "imports", "total"),
    [
        (
            "kk",
            ["USD million", "млн АҚШ доллары", "экспорт + импорт = 10\u00a0215,1 ✓"],
            ["USD million", "млн АҚШ доллары", ""],
            ["USD million", "млн АҚШ доллары", "ТМД + басқа елдер = 32\u00a0877,5 ✓"],
        ),
        (
            "ru",
            ["USD million", "млн долл. США", "экспорт + импорт = 10\u00a0215,1 ✓"],
            ["USD million", "млн долл. США", ""],
            ["USD million", "млн долл. США", "СНГ + другие страны = 32\u00a0877,5 ✓"],
        ),
        (
            "en",
            ["USD million", "USD million", "exports + imports = 10,215.1 ✓"],
            ["USD million", "USD million", ""],
            ["USD million", "USD million", "CIS + other countries = 32,877.5 ✓"],
        ),
    ],
)
def test_a_sum_check_is_read_in_the_language_the_unit_stays_a_code(
    run_cli: RunCli, lang: str, turnover: list[str], imports: list[str], total: list[str]
) -> None:
    rows = rows_by_id(
        tsv(run_cli, "trade", "totals", "--lang", lang, "--fields", "id,unit,unit_text,sum_check")
    )
    assert rows["trade-cis-turnover-2004"] == turnover
    assert rows["trade-cis-imports-2004"] == imports
    assert rows["trade-all-turnover-2004"] == total


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "ru",
            {
                "world-gdp-eu-count": ["12", "countries", "стран"],
                "export-growth-goods-10y": ["3.8", "times", "раза"],
                "export-structure-food-share-2004": ["-2", "percentage points", "п. п."],
                "import-growth-europe-2004": ["28.9", "%", "%"],
            },
        ),
        (
            "kk",
            {
                "world-gdp-eu-count": ["12", "countries", "ел"],
                "export-growth-goods-10y": ["3.8", "times", "есе"],
                "export-structure-food-share-2004": ["-2", "percentage points", "пайыздық тармақ"],
                "import-growth-europe-2004": ["28.9", "%", "%"],
            },
        ),
    ],
)
def test_figures_keep_unit_codes_and_word_the_unit_beside_them(
    run_cli: RunCli, lang: str, expected: dict[str, list[str]]
) -> None:
    rows = rows_by_id(
        tsv(run_cli, "figures", "--lang", lang, "--fields", "id,value,unit,unit_text")
    )
    assert {key: rows[key] for key in expected} == expected


def test_json_carries_the_same_as_tsv(run_cli: RunCli) -> None:
    result = run_cli("figures", "--lang", "ru", "-f", "json", "--fields", "id,unit,unit_text")
    records = {r["id"]: r for r in json.loads(result.stdout)}
    assert records["history-new-history-years"] == {
        "id": "history-new-history-years",
        "unit": "years",
        "unit_text": "лет",
    }


def test_a_template_reads_the_same_words(run_cli: RunCli) -> None:
    result = run_cli(
        "resources", "--lang", "ru", "--top", "1", "--template", "{mineral}: {standing}"
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "цинк: 1-е"


def test_markdown_words_unit_text_as_the_unit_column(run_cli: RunCli) -> None:
    result = run_cli("figures", "--lang", "ru", "-f", "markdown", "--fields", "id,unit,unit_text")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[2] == "| ID | Ед. изм. | Ед. изм. (словами) |"
    assert lines[4] == "| history-new-history-years | лет | лет |"
