"""Every command teaches by example and is in the README; docs/commands.md is current."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import click
import pytest
from conftest import RunCli

from cis_facts.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = cli.list_commands(click.Context(cli))


@pytest.mark.parametrize("name", COMMANDS)
def test_help_has_examples_and_exit_codes(run_cli: RunCli, name: str) -> None:
    result = run_cli(name, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert f"cis-facts {name}" in result.stdout.split("Examples:")[1]
    assert "Exit codes:" in result.stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_readme_shows_each_command(name: str) -> None:
    assert re.search(rf"^\$ cis-facts (--\S+ \S+ )?{name}\b", README, re.MULTILINE), name


NOT_QUERIES = ("check", "export", "completion", "browse", "mcp")


@pytest.mark.parametrize("name", [n for n in COMMANDS if n not in NOT_QUERIES])
def test_query_commands_document_json_fields(run_cli: RunCli, name: str) -> None:
    result = run_cli(name, "--help")
    assert "JSON fields" in result.stdout


def test_quickstart_has_two_commands_and_ci_runs_the_second() -> None:
    section = README.split("## Quickstart", 1)[1]
    block = re.search(r"```bash\n(.*?)```", section, re.DOTALL)
    assert block is not None
    commands = [line for line in block.group(1).splitlines() if line.strip()]
    assert len(commands) == 2
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_commands_md_is_current() -> None:
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    current = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    assert current == module.render(), "run: .venv/bin/python scripts/gen_docs.py"
