"""A command line that forgives habits: case, option order, quotes, near-miss commands."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from conftest import RunCli

VALID_EXTRA = Path(__file__).parent / "fixtures" / "valid_extra.toml"


def as_json(result: Result) -> Any:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    "args",
    [
        ("members", "-f", "JSON"),
        ("members", "--format", "Json", "--color", "NEVER"),
        ("timeline", "--kind", "Founding", "-f", "json"),
        ("trade", "Exports", "-f", "json"),
        ("members", "--lang", "KK", "-f", "json"),
    ],
)
def test_choices_ignore_case(run_cli: RunCli, args: tuple[str, ...]) -> None:
    assert as_json(run_cli(*args))


def test_kind_is_matched_whatever_its_case(run_cli: RunCli) -> None:
    upper = as_json(run_cli("timeline", "--kind", "FOUNDING", "-f", "json"))
    lower = as_json(run_cli("timeline", "--kind", "founding", "-f", "json"))
    assert upper == lower
    assert {r["kind"] for r in upper} == {"founding"}


def test_fields_take_the_csv_header_names(run_cli: RunCli) -> None:
    result = run_cli(
        "trade", "exports", "--top", "2", "-f", "csv", "--fields", "country.name,share"
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == ["country.name,share", "Switzerland,18.7", "Italy,15.5"]
    records = as_json(
        run_cli("trade", "exports", "--top", "1", "-f", "json", "--fields", "Country.Code")
    )
    assert records == [{"country.code": "CH"}]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("members", "--fields", ""), "--fields: no field named in ''"),
        (("members", "--fields", ","), "--fields: no field named in ','"),
        (("trade", "exports", "--fields", "share,share"), "--fields: share given twice"),
        (("timeline", "--from", "2009", "--to", "2007"), "2009 is after --to 2007"),
        (("search", ""), "nothing to search for: the query is empty"),
        (("search", " "), "nothing to search for: the query is empty"),
        (("trade", "totals", "--country", "IT"), "not for totals"),
    ],
)
def test_usage_mistakes_exit_2(run_cli: RunCli, args: tuple[str, ...], message: str) -> None:
    result = run_cli(*args, "-f", "json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("where", ["before", "after"])
def test_group_options_before_or_after_the_command(run_cli: RunCli, where: str) -> None:
    group = ["--data", str(VALID_EXTRA)]
    command = ["check"]
    args = [*group, *command] if where == "before" else [*command, *group]
    result = run_cli(*args)
    assert result.exit_code == 0, result.stderr
    plain = run_cli("check")
    assert result.stdout != plain.stdout  # the extra file was loaded


def test_data_after_the_command_in_its_equals_form(run_cli: RunCli) -> None:
    assert (
        run_cli("check", f"--data={VALID_EXTRA}").stdout
        == run_cli("--data", str(VALID_EXTRA), "check").stdout
    )


def test_lang_after_a_command_without_its_own(run_cli: RunCli) -> None:
    result = run_cli("check", "--lang", "kk")
    assert result.exit_code == 0, result.stderr


def test_a_missing_data_file_after_the_command_is_reported_as_such(run_cli: RunCli) -> None:
    result = run_cli("members", "--data", "/nonexistent/my.toml")
    assert result.exit_code == 1
    assert "No such option" not in result.stderr
    assert "/nonexistent/my.toml" in result.stderr


def test_multi_word_country_without_quotes(run_cli: RunCli) -> None:
    unquoted = run_cli("country", "United", "Kingdom", "-f", "json")
    quoted = run_cli("country", "United Kingdom", "-f", "json")
    assert unquoted.exit_code == 0, unquoted.stderr
    assert unquoted.stdout == quoted.stdout
    assert as_json(unquoted)[0]["id"] == "GB"


@pytest.mark.parametrize(("typed", "meant"), [("memebers", "members"), ("serch", "search")])
def test_unknown_command_suggests_the_closest(run_cli: RunCli, typed: str, meant: str) -> None:
    result = run_cli(typed)
    assert result.exit_code == 2
    assert f"No such command '{typed}'. Did you mean '{meant}'?" in result.stderr


def test_a_query_without_words_finds_nothing(run_cli: RunCli) -> None:
    result = run_cli("search", "?!")
    assert result.exit_code == 1
    assert result.stderr == "cis-facts: nothing matches '?!': it holds no words or numbers\n"


def test_unknown_command_far_from_any_suggests_nothing(run_cli: RunCli) -> None:
    result = run_cli("xyzzy")
    assert result.exit_code == 2
    assert "No such command 'xyzzy'." in result.stderr
    assert "Did you mean" not in result.stderr


def test_figures_falls_back_to_topics_and_search(run_cli: RunCli) -> None:
    result = run_cli("figures", "fdi", "-f", "json")
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert records
    assert all(r["id"].startswith("fdi-") for r in records)
    assert result.stderr == (
        "cis-facts: No topic is named 'fdi'; these are the figures that match it.\n"
    )
    gdp = as_json(run_cli("figures", "gdp", "-f", "json"))
    assert {r["topic"] for r in gdp} == {"world-gdp", "kazakhstan-gdp"}


def test_unknown_mineral_lists_the_minerals(run_cli: RunCli) -> None:
    result = run_cli("resources", "--mineral", "coal")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "cis-facts: no ranking or reserve figure for 'coal'; minerals ranked: zinc, tungsten,"
    )
    assert "uranium" in result.stderr


@pytest.mark.parametrize("word", ["today", "now", "Today"])
def test_members_on_today(run_cli: RunCli, word: str) -> None:
    result = run_cli("members", "--on", word, "-f", "json")
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert {r["as_of"] for r in records} == {date.today().isoformat()}
    assert "after the latest membership event" in result.stderr  # a real warning


def test_members_is_quiet_when_nothing_is_wrong(run_cli: RunCli) -> None:
    result = run_cli("members", "-f", "json")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert {r["as_of"] for r in json.loads(result.stdout)} == {"2026-03-20"}


@pytest.mark.parametrize("given", ["IT", "italy", "Италия"])
def test_trade_country_filter(run_cli: RunCli, given: str) -> None:
    records = as_json(run_cli("trade", "exports", "--country", given, "-f", "json"))
    assert [(r["id"], r["share"]) for r in records] == [("export-share-italy", 15.5)]


def test_trade_country_not_a_partner(run_cli: RunCli) -> None:
    result = run_cli("trade", "exports", "--country", "Japan")
    assert result.exit_code == 1
    assert result.stderr == "cis-facts: Japan is not among the export partners in the fact base\n"


def test_members_chart_is_quiet_and_carries_as_of(run_cli: RunCli) -> None:
    result = run_cli("members", "--chart", "-f", "json")
    assert result.exit_code == 0
    assert result.stderr == ""
    records = json.loads(result.stdout)
    assert {(r["as_of"], r["as_of_precision"]) for r in records} == {("2026-03-20", "day")}
