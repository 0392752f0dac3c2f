"""Small surprises: an explicit --color wins over NO_COLOR; date errors name every form."""

from __future__ import annotations

from click.testing import CliRunner

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
