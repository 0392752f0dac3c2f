"""Small surprises: an explicit --color wins over NO_COLOR; date errors name every form."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner
from conftest import RunCli

from cis_facts.cli import cli

ARGS = ["members", "--on", "1995-01-01", "-f", "table"]


def test_color_always_wins_over_no_color() -> None:
    result = CliRunner().invoke(cli, [*ARGS, "--color", "always"], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    assert "\x1b[" in result.stdout


def test_no_color_still_holds_without_an_explicit_flag() -> None:
    result = CliRunner().invoke(cli, ARGS, env={"NO_COLOR": "1", "FORCE_COLOR": ""})
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.stdout


def test_a_date_option_error_lists_today_among_the_forms() -> None:
    result = CliRunner().invoke(cli, ["members", "--on", "yesterday"])
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
