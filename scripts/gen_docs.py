"""Write docs/commands.md: every command's --help, with its examples and JSON fields.

Run from the repository root:  .venv/bin/python scripts/gen_docs.py
tests/test_docs.py fails when the file is out of date.
"""

from __future__ import annotations

from pathlib import Path

import click

from cis_facts.cli import cli

OUT = Path(__file__).resolve().parents[1] / "docs" / "commands.md"
WIDTH = 100


def command_help(name: str) -> str:
    parent = _context(cli, "cis-facts")
    command = cli.get_command(parent, name)
    assert command is not None, name
    return command.get_help(_context(command, name, parent))


def _context(
    command: click.Command, name: str, parent: click.Context | None = None
) -> click.Context:
    settings = {**command.context_settings, "terminal_width": WIDTH, "max_content_width": WIDTH}
    if parent is not None:
        settings.setdefault("help_option_names", parent.help_option_names)
    return click.Context(command, parent=parent, info_name=name, **settings)


def render() -> str:
    top = cli.get_help(_context(cli, "cis-facts"))
    parts = [
        "# cis-facts commands",
        "",
        "Generated from each command's `--help` by `scripts/gen_docs.py`; do not edit.",
        "",
        "## cis-facts",
        "",
        "```text",
        top,
        "```",
        "",
    ]
    for name in cli.list_commands(_context(cli, "cis-facts")):
        parts += [f"## cis-facts {name}", "", "```text", command_help(name), "```", ""]
    return "\n".join(parts)


def main() -> None:
    OUT.write_text(render(), encoding="utf-8")
    print(OUT)


if __name__ == "__main__":
    main()
