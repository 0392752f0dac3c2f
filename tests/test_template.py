"""``--template``: a line of the user's own per record, on every query command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import RunCli

from cis_facts.commands import LAZY


def as_json(run_cli: RunCli, *args: str) -> list[dict[str, object]]:
    result = run_cli(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    assert isinstance(records, list)
    return records


def test_members_template_prints_code_and_status_lines(run_cli: RunCli) -> None:
    result = run_cli("members", "--template", "{country.code}:{status}")
    assert result.exit_code == 0, result.stderr
    expected = [f"{r['country']['code']}:{r['status']}" for r in as_json(run_cli, "members")]  # type: ignore[index]
    assert result.stdout.splitlines() == expected
    assert "BY:member" in expected


def test_template_fields_are_those_of_json(run_cli: RunCli) -> None:
    result = run_cli("timeline", "--to", "1991", "--template", "{date}: {label} — «{quote}»")
    records = as_json(run_cli, "timeline", "--to", "1991")
    assert result.stdout.splitlines() == [
        f"{r['date']}: {r['label']} — «{r['quote']}»" for r in records
    ]
    assert result.stdout.splitlines()[0].startswith("1991-12-08: ")


def test_names_are_matched_without_case_and_braces_escape(run_cli: RunCli) -> None:
    result = run_cli("show", "rank-zinc", "--template", "{{{ID}}} {Source}")
    assert result.stdout == "{rank-zinc} kk-text\n"


def test_values_print_as_in_csv(run_cli: RunCli) -> None:
    result = run_cli(
        "timeline", "--to", "1991-12-08", "--template", "{participants}|{initiator}|{year}"
    )
    assert result.stdout == "RU;BY;UA||1991\n"


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("json", '[\n  "rank-zinc: 1, \\"A\\"",\n  "rank-tungsten: 1, \\"A\\"",\n'),
        ("jsonl", '"rank-zinc: 1, \\"A\\""\n"rank-tungsten: 1, \\"A\\""\n'),
        ("csv", '"rank-zinc: 1, ""A"""\r\n"rank-tungsten: 1, ""A"""\r\n'),
        ("tsv", '"rank-zinc: 1, ""A"""\r\n"rank-tungsten: 1, ""A"""\r\n'),
        ("markdown", 'rank-zinc: 1, "A"\nrank-tungsten: 1, "A"\n'),
        ("plain", 'rank-zinc: 1, "A"\nrank-tungsten: 1, "A"\n'),
    ],
)
def test_lines_are_written_as_the_format_says(run_cli: RunCli, fmt: str, expected: str) -> None:
    result = run_cli("resources", "--top", "1", "--template", '{id}: {rank}, "A"', "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.decode().startswith(expected)


def test_markdown_escapes_values_not_the_template(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        '[[statements]]\nid = "my-note"\ntopic = "mine"\nlabel_en = "a *starred* [link](x)"\n'
        'label_kk = "x"\nsource = "kk-text"\nquote = "ТМД"\n',
        encoding="utf-8",
    )
    result = run_cli(
        "--data", str(path), "show", "my-note", "--template", "**{label}**", "-f", "markdown"
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "**a \\*starred\\* \\[link\\](x)**\n"


def test_csv_lines_stay_text_in_spreadsheets(run_cli: RunCli) -> None:
    result = run_cli("show", "rank-zinc", "--template", "=HYPERLINK({id})", "--format", "csv")
    assert result.stdout_bytes.decode() == "'=HYPERLINK(rank-zinc)\r\n"
    raw = run_cli("show", "rank-zinc", "--template", "={id}", "--format", "csv", "--raw-cells")
    assert raw.stdout_bytes.decode() == "=rank-zinc\r\n"


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{nope}", "unknown field nope; valid fields: "),
        ("{id", "--template: '{id' at position 1 is not a field name in braces"),
        ("id}", "--template: single '}' at position 3; write '}}' for a brace"),
        ("{id.__class__}", "unknown field id.__class__; valid fields: "),
        ("{0}", "unknown field 0; valid fields: "),
        ("{id!r}", "--template: '{id!r}' at position 1 is not a field name in braces"),
    ],
)
def test_a_bad_template_is_one_usage_line(run_cli: RunCli, template: str, message: str) -> None:
    result = run_cli("show", "rank-zinc", "--template", template)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert message in lines[0]


def test_template_and_fields_together_is_a_usage_error(run_cli: RunCli) -> None:
    result = run_cli("members", "--template", "{status}", "--fields", "status")
    assert result.exit_code == 2
    assert result.stderr == "cis-facts: --template and --fields cannot be used together\n"


QUERY_COMMANDS = [
    ("members", "--on", "1995"),
    ("timeline",),
    ("country", "KZ"),
    ("resources",),
    ("trade", "exports"),
    ("figures",),
    ("statements",),
    ("search", "uranium"),
    ("ask", "uranium share"),
    ("show", "rank-zinc"),
    ("cite", "rank-zinc"),
]
FIELD = {"members": "country.code", "cite": "sentence"}


def test_every_query_command_is_listed() -> None:
    # bibliography prints a bibliography file (CSL-JSON or BibTeX), never records
    assert {c[0] for c in QUERY_COMMANDS} == set(LAZY) - {"browse", "mcp", "bibliography"}


@pytest.mark.parametrize("command", QUERY_COMMANDS, ids=" ".join)
def test_every_query_command_takes_a_template(run_cli: RunCli, command: tuple[str, ...]) -> None:
    field = FIELD.get(command[0], "id")
    result = run_cli(*command, "--template", f"<{{{field}}}>")
    assert result.exit_code == 0, result.stderr
    records = as_json(run_cli, *command, "--fields", field)
    assert result.stdout.splitlines() == [f"<{r[field] or ''}>" for r in records]


def test_a_cite_template_keeps_the_texts_lines(run_cli: RunCli) -> None:
    printed = run_cli("cite", "rank-zinc", "--lang", "kk").stdout
    assert run_cli("cite", "rank-zinc", "--lang", "kk", "--template", "{text}").stdout == printed
