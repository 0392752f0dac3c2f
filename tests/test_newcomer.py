"""Small surprises: an explicit --color wins over NO_COLOR; date errors name every form."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from conftest import RunCli

from cis_facts.cli import cli

ARGS = ["members", "--on", "1995-01-01", "-f", "table"]


def test_color_always_wins_over_no_color(run_cli: RunCli) -> None:
    result = run_cli(
        *ARGS, "--color", "always", environ={"NO_COLOR": "1", "TERM": "xterm-256color"}
    )
    assert result.exit_code == 0, result.output
    assert "\x1b[" in result.stdout


def test_no_color_still_holds_without_an_explicit_flag(run_cli: RunCli) -> None:
    result = run_cli(*ARGS, environ={"NO_COLOR": "1", "FORCE_COLOR": ""})
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.stdout


def test_a_date_option_error_lists_today_among_the_forms(run_cli: RunCli) -> None:
    result = run_cli("members", "--on", "yesterday")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--on': 'yesterday' is not a date "
        "(expected YYYY, YYYY-MM, YYYY-MM-DD or today)"
    )


def test_a_missing_choice_lists_the_choices_on_one_line(run_cli: RunCli) -> None:
    result = run_cli("trade")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Missing argument '{exports|imports|totals}'. Choose from: exports, imports, totals."
    )


def test_completion_without_a_shell_lists_the_shells(run_cli: RunCli) -> None:
    result = run_cli("completion")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Missing argument '{bash|zsh|fish}'. Choose from: bash, zsh, fish."
    )


def test_a_close_choice_is_suggested(run_cli: RunCli) -> None:
    result = run_cli("trade", "export")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '{exports|imports|totals}': 'export' is not one of "
        "'exports', 'imports', 'totals'. Did you mean 'exports'?"
    )


@pytest.mark.parametrize(
    "before",
    [
        ("-f", "json"),
        ("--format", "json"),
        ("--format=json",),
        ("--lang", "en", "-f", "json"),
        ("-f", "json", "--lang", "en"),
    ],
)
def test_a_command_option_before_the_command_is_its_own(
    run_cli: RunCli, before: tuple[str, ...]
) -> None:
    expected = run_cli("members", "--on", "1995", "-f", "json")
    result = run_cli(*before, "members", "--on", "1995")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected.stdout


def test_an_option_no_command_has_is_still_an_error(run_cli: RunCli) -> None:
    result = run_cli("-x", "members")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: No such option '-x'."


def test_every_choice_of_every_command_words_its_errors_on_one_line() -> None:
    from cis_facts.options import Choice

    group = cli
    ctx = click.Context(group)
    plain = [
        f"{name} {param.name}"
        for name in group.list_commands(ctx)
        for command in [group.get_command(ctx, name)]
        if command is not None
        for param in command.params
        if isinstance(param.type, click.Choice) and not isinstance(param.type, Choice)
    ]
    assert plain == []


def test_a_reserve_row_names_no_mineral_and_its_label_says_what_it_measures(
    run_cli: RunCli,
) -> None:
    result = run_cli("resources", "-f", "json")
    rows = {r["id"]: r for r in json.loads(result.stdout)}
    reserve = rows["reserves-oil-gas-2003"]
    assert (reserve["mineral"], reserve["label"]) == (
        None,
        "Explored oil and gas reserves at the start of 2003: 4.6 billion tonnes",
    )
    assert rows["rank-zinc"]["mineral"] == "zinc"


def test_resources_help_does_not_call_a_share_one_of_world_reserves(run_cli: RunCli) -> None:
    result = run_cli("resources", "--help")
    assert "share of world reserves" not in result.stdout
    assert "(it does not say of world reserves or of output)" in result.stdout


@pytest.mark.parametrize(
    ("on", "lang", "line"),
    [
        ("1980", "en", "cis-facts: no state was a member of the CIS in 1980"),
        ("1980-05", "en", "cis-facts: no state was a member of the CIS in 1980-05"),
        ("1980-05-03", "en", "cis-facts: no state was a member of the CIS on 1980-05-03"),
        ("1980", "ru", "cis-facts: в 1980\u00a0г. ни одно государство не входило в СНГ"),
        ("1980-05", "ru", "cis-facts: в мае 1980\u00a0г. ни одно государство не входило в СНГ"),
    ],
)
def test_no_members_on_a_date_says_in_or_on_as_the_date_is_written(
    run_cli: RunCli, on: str, lang: str, line: str
) -> None:
    result = run_cli("members", "--on", on, "--lang", lang)
    assert result.exit_code == 1
    assert result.stderr == line + "\n"


def test_a_founding_state_before_the_charter_says_when_the_charter_was_adopted(
    run_cli: RunCli,
) -> None:
    result = run_cli("members", "--on", "1992-06-01", "-f", "json")
    kz = next(r for r in json.loads(result.stdout) if r["country"]["code"] == "KZ")
    assert kz["reason"] == (
        "Kazakhstan ratifies the Agreement (23 Dec 1991); the Charter, which defines the "
        "member states, was adopted later, on 22 Jan 1993"
    )


def test_cite_as_a_table_names_its_source_once_then_lists_it(run_cli: RunCli) -> None:
    result = run_cli("cite", "rank-uranium", "-f", "table", tty=True, width=200)
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines if line.startswith("Source")] == [
        "Source",
        "Sources",
    ]


def test_an_empty_data_file_is_a_file_to_start_from(run_cli: RunCli, tmp_path: Path) -> None:
    blank = tmp_path / "newsroom.toml"
    blank.write_text("", encoding="utf-8")
    with_blank = run_cli("--data", blank, "members", "--on", "1995", "-f", "json")
    assert (with_blank.exit_code, with_blank.stderr) == (0, "")
    assert with_blank.stdout == run_cli("members", "--on", "1995", "-f", "json").stdout


def test_a_country_record_is_called_a_country_in_problem_lines(
    run_cli: RunCli, tmp_path: Path
) -> None:
    path = tmp_path / "kosovo.toml"
    path.write_text(
        '[[countries]]\ncode = "XK"\nname_en = "Kosovo"\nname_kk = "Косово"\n'
        'name_ru = "Косово"\nsource = "no-such-source"\nquote = "Косово"\n',
        encoding="utf-8",
    )
    result = run_cli("--data", path, "check")
    assert result.exit_code == 1
    assert result.stderr == (
        f"cis-facts: {path}: country XK: source: unknown source 'no-such-source'\n"
    )


def _profile(run_cli: RunCli, name: str) -> dict[str, list[str]]:
    result = run_cli("country", name, "-f", "json")
    assert result.exit_code == 0, result.stderr
    sections: dict[str, list[str]] = {}
    for record in json.loads(result.stdout):
        sections.setdefault(record["section"], []).append(record["id"])
    return sections


def test_a_country_profile_lists_the_statements_naming_it(run_cli: RunCli) -> None:
    assert _profile(run_cli, "UK")["statement"] == ["export-buyers-europe"]
    germany = _profile(run_cli, "Germany")
    assert germany["import"] == ["import-supplier-germany"]
    assert germany["statement"] == ["export-buyers-europe", "import-growth-europe-goods"]


def test_kazakhstan_s_profile_lists_its_trade_totals(run_cli: RunCli) -> None:
    totals = _profile(run_cli, "KZ")["total"]
    assert len(totals) == 7
    assert "fx-cis-turnover-2005" not in totals


@pytest.mark.parametrize(
    ("name", "lang", "line"),
    [
        (
            "EU",
            "en",
            ("'EU' is the European Union, not a state: its facts: cis-facts search European Union"),
        ),
        (
            "Европейский союз",
            "ru",
            (
                "«Европейский союз» — Европейский союз, а не государство: его факты — "
                "cis-facts search Европейский союз"
            ),
        ),
        (
            "ТМД",
            "kk",
            (
                "«ТМД» – Тәуелсіз Мемлекеттер Достастығы, мемлекет емес: оның мүшелері – "
                "cis-facts members"
            ),
        ),
    ],
)
def test_a_grouping_is_no_state_and_the_error_says_where_its_facts_are(
    run_cli: RunCli, name: str, lang: str, line: str
) -> None:
    result = run_cli("country", name, "--lang", lang)
    assert result.exit_code == 1
    assert result.stderr == f"cis-facts: {line}\n"


def test_the_facts_a_grouping_error_points_to_exist(run_cli: RunCli) -> None:
    result = run_cli("search", "European", "Union", "-f", "json")
    assert "export-share-eu" in [r["id"] for r in json.loads(result.stdout)]


def test_suggestions_name_each_country_once(run_cli: RunCli) -> None:
    result = run_cli("country", "Kazakhztan")
    assert result.stderr == "cis-facts: unknown country 'Kazakhztan' (did you mean: Kazakhstan?)\n"


def test_the_chart_credits_every_document_its_marks_rest_on(run_cli: RunCli) -> None:
    result = run_cli("members", "--chart", "-f", "table", "--color", "never", tty=True, width=400)
    credits = " ".join(result.stdout.split("Sources: ", 1)[1].split("█", 1)[0].split())
    assert "AZERBAIJAN – CIS (azerbaijan.az" in credits
    assert "CIS Charter (English Wikipedia article)" in credits


def test_a_piped_chart_writes_each_span_as_text(run_cli: RunCli) -> None:
    first = run_cli("members", "--chart").stdout.splitlines()[0].split("\t")
    assert first[:3] == [
        "BY",
        "Belarus",
        "signatory 1991-12-08/1991-12-10;founder 1991-12-10/1994-01-22;member 1994-01-22/..",
    ]


def test_a_narrow_chart_writes_out_the_years_it_marks(run_cli: RunCli) -> None:
    shown = run_cli("members", "--chart", "-f", "table", "--color", "never", tty=True, width=60)
    lines = shown.stdout.splitlines()
    assert lines[1].strip() == "1991     2000      2010      2020"
    assert lines[2].split() == ["Country", "|", "|", "|", "|"]
    assert lines[1].index("2000") == lines[2].index("|", lines[2].index("|") + 1)


def test_chart_rows_of_one_day_are_in_the_order_of_their_names(run_cli: RunCli) -> None:
    lines = run_cli(
        "members", "--chart", "--lang", "kk", "-f", "table", "--color", "never", tty=True, width=80
    )
    names = [line.split(" (")[0] for line in lines.stdout.splitlines()[3:15]]
    assert names[3:] == [
        "Армения",
        "Әзірбайжан",
        "Қазақстан",
        "Қырғызстан",
        "Молдова",
        "Өзбекстан",
        "Тәжікстан",
        "Түрікменстан",
        "Грузия",
    ]


def test_ids_gives_tables_a_first_column_of_fact_ids(run_cli: RunCli) -> None:
    lines = run_cli("resources", "--top", "2", "-f", "markdown", "--ids").stdout.splitlines()
    assert lines[2:6] == [
        "| ID | Mineral | World rank |",
        "|---|---|---|",
        "| rank-zinc | zinc | 1st |",
        "| rank-tungsten | tungsten | 1st |",
    ]


def test_a_member_row_s_id_is_the_event_its_status_rests_on(run_cli: RunCli) -> None:
    result = run_cli("members", "--on", "1995", "-f", "table", "--ids", tty=True, width=160)
    georgia = next(line for line in result.stdout.splitlines() if "Georgia (GE)" in line)
    assert georgia.split("│")[1].strip() == "georgia-charter-1994"


def test_default_tables_stay_without_ids(run_cli: RunCli) -> None:
    lines = run_cli("resources", "--top", "2", "-f", "markdown").stdout.splitlines()
    assert lines[2] == "| Mineral | World rank |"


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ("trade", "--lang", "ru"),
            (
                "Ошибка: не указан аргумент '{exports|imports|totals}'. "
                "Допустимые значения: exports, imports, totals."
            ),
        ),
        (
            ("completion", "--lang", "kk"),
            "Қате: аргумент берілмеген: '{bash|zsh|fish}'. Рұқсат етілген мәндер: bash, zsh, fish.",
        ),
        (
            ("trade", "export", "--lang", "kk"),
            (
                "Қате: '{exports|imports|totals}' мәні жарамсыз: «export» – мына мәндердің бірі "
                "емес: 'exports', 'imports', 'totals'. Мүмкін, «exports» болар?"
            ),
        ),
    ],
)
def test_choice_errors_speak_the_chosen_language(args: tuple[str, ...], line: str) -> None:
    import os
    import subprocess
    import sys

    tool = Path(sys.executable).parent / "cis-facts"
    if not tool.exists():
        pytest.skip("the cis-facts command is not installed")
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    done = subprocess.run(
        [str(tool), *args], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == line


def test_a_topic_with_nothing_close_lists_the_topics_rather_than_guessing(
    run_cli: RunCli,
) -> None:
    result = run_cli("statements", "nope", "--lang", "ru")
    assert result.exit_code == 1
    assert result.stderr.startswith("cis-facts: нет темы «nope»; темы: cis-nature, ")
    english = run_cli("figures", "nonexist")
    assert english.stderr.startswith("cis-facts: no topic 'nonexist'; topics: history, ")
    assert "did you mean" not in english.stderr
