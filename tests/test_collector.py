"""A command that answers once runs with the cyclic collector paused, and leaves it as it was."""

from __future__ import annotations

import gc

import pytest
from conftest import RunCli

from cis_facts.commands import LAZY, RUNNING
from cis_facts.query import members


def test_a_one_shot_command_runs_with_the_collector_paused(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    query = members.members

    def watched(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return query(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(members, "members", watched)
    assert gc.isenabled()
    result = run_cli("members", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert seen == [False]
    assert gc.isenabled()  # back as it was, and after a failed command too
    assert run_cli("members", "--on", "1700").exit_code != 0
    assert gc.isenabled()


def test_the_browser_runs_with_the_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    """The browser runs until the user ends it: its cycles are collected as they come."""
    from click.testing import CliRunner

    from cis_facts.browse import app
    from cis_facts.cli import cli
    from cis_facts.environment import Environment

    seen: list[bool] = []
    monkeypatch.setattr(app, "run", lambda *args: seen.append(gc.isenabled()))
    env = Environment(stdin_isatty=True, stdout_isatty=True, width=100, environ={})
    result = CliRunner().invoke(cli, ["browse"], obj=env)
    assert result.exit_code == 0, result.output
    assert seen == [True]
    assert "browse" in RUNNING and "mcp" in RUNNING and LAZY.keys() >= RUNNING
