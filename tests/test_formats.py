"""Every query command in every machine format parses back to the records its JSON holds.

Each format is read with the standard library only (json, csv, splitting on tabs and on
unescaped ``|``), so the tests check what a script downstream actually gets. Nested
values are compared flattened as the formats promise: an object becomes ``field.key``
columns, a list is joined with ``;`` (objects in it by their ``code`` or ``id``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from conftest import RunCli, _run_cli

from cis_facts.render.machine import to_tsv

COMMANDS: dict[str, list[str]] = {
    "members": ["members"],
    "members-chart": ["members", "--chart"],
    "timeline": ["timeline"],
    "country": ["country", "KZ"],
    "resources": ["resources"],
    "trade-exports": ["trade", "exports"],
    "trade-imports": ["trade", "imports"],
    "trade-totals": ["trade", "totals"],
    "figures": ["figures"],
    "search": ["search", "uranium"],
    "show-ranking": ["show", "rank-zinc"],
    "show-event": ["show", "almaty-protocol"],
    "cite": ["cite", "rank-zinc"],
}
# Machine formats: the same records in every one. Markdown is a human format (see
# tests/test_presentation.py).
FORMATS = ("json", "jsonl", "csv", "tsv", "plain")
TABULAR = ("csv", "tsv", "plain")
_TAB_ESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}

Flat = tuple[list[str], list[list[str]]]


def run(args: list[str], **env: str) -> Result:
    result = _run_cli(*args, environ=env)
    assert result.exit_code == 0, (args, result.stdout, result.stderr)
    assert result.exception is None
    return result


_JSON_CACHE: dict[str, list[dict[str, Any]]] = {}


def as_json(name: str) -> list[dict[str, Any]]:
    """The command's records as its ``--format json`` gives them (computed once)."""
    if name not in _JSON_CACHE:
        records = json.loads(run([*COMMANDS[name], "--format", "json"]).stdout)
        assert isinstance(records, list) and records, name
        _JSON_CACHE[name] = records
    return _JSON_CACHE[name]


# --------------------------------------------------------------------------------------------
# The flattening the tabular formats promise, written out from the documentation
# --------------------------------------------------------------------------------------------


def scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, dict):
        named = value.get("code") or value.get("id")
        return str(named) if named else flat_object(value)
    if isinstance(value, list):
        return ";".join(scalar(v) for v in value)
    return str(value)


def flat_object(value: dict[str, Any]) -> str:
    """An object without code or id: its values, a start/end pair as ``start/end`` (``..``
    for an open end), the ``*_precision`` keys left out."""
    words = [
        scalar(v)
        for k, v in value.items()
        if k not in ("start", "end") and not k.endswith("_precision") and v is not None
    ]
    if "start" in value and "end" in value:
        words.append(f"{value['start'] or '..'}/{value['end'] or '..'}")
    return " ".join(words)


def flatten(records: list[dict[str, Any]], fields: list[str]) -> Flat:
    """Header and rows of the records, objects spread over ``field.key`` columns."""
    columns: list[tuple[str, str | None]] = []
    for name in fields:
        keys = list(
            dict.fromkeys(k for r in records if isinstance(r.get(name), dict) for k in r[name])
        )
        columns += [(name, k) for k in keys] or [(name, None)]
    header = [name if key is None else f"{name}.{key}" for name, key in columns]
    rows = []
    for record in records:
        row = []
        for name, key in columns:
            value = record.get(name)
            if key is not None:
                value = value.get(key) if isinstance(value, dict) else None
            row.append(scalar(value))
        rows.append(row)
    return header, rows


# --------------------------------------------------------------------------------------------
# Parsers, standard library only
# --------------------------------------------------------------------------------------------


def _untab(cell: str) -> str:
    return re.sub(r"\\(.)", lambda m: _TAB_ESCAPES[m.group(1)], cell)


def _tab_lines(text: str) -> list[list[str]]:
    assert text.endswith("\n")
    return [[_untab(c) for c in line.split("\t")] for line in text[:-1].split("\n")]


def _md_cells(line: str) -> list[str]:
    """Split a markdown row on unescaped ``|``; ``\\|`` and ``\\\\`` are literal."""
    cells, current, chars = [], "", iter(line)
    for char in chars:
        if char == "\\":
            current += next(chars)
        elif char == "|":
            cells.append(current)
            current = ""
        else:
            current += char
    assert cells[0] == "" and current == "", line
    return [c[1:-1].replace("<br>", "\n") for c in cells[1:]]


def parse_markdown(text: str) -> Flat:
    lines = text.split("\n")
    end = next(i for i, line in enumerate(lines) if not line.startswith("|"))
    table = lines[:end]
    assert re.fullmatch(r"\|(---\|)+", table[1]), table[1]
    return _md_cells(table[0]), [_md_cells(line) for line in table[2:]]


def parse(fmt: str, result: Result) -> Flat:
    """Header and rows of a tabular format (plain has no header: it comes back empty)."""
    text = result.stdout_bytes.decode("utf-8")
    if fmt == "csv":
        header, *rows = list(csv.reader(io.StringIO(text, newline="")))
        assert text.endswith("\r\n")
        return header, rows
    if fmt == "tsv":
        header, *rows = _tab_lines(text)
        return header, rows
    if fmt == "plain":
        return [], _tab_lines(text)
    return parse_markdown(text)


def parse_records(fmt: str, result: Result) -> list[dict[str, Any]]:
    if fmt == "json":
        records: list[dict[str, Any]] = json.loads(result.stdout)
        return records
    assert fmt == "jsonl"
    return [json.loads(line) for line in result.stdout.splitlines()]


# --------------------------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", COMMANDS)
def test_format_holds_the_json_records(name: str, fmt: str) -> None:
    expected = as_json(name)
    result = run([*COMMANDS[name], "--format", fmt])
    if fmt in ("json", "jsonl"):
        assert parse_records(fmt, result) == expected
        return
    header, rows = parse(fmt, result)
    want_header, want_rows = flatten(expected, list(expected[0]))
    assert len(rows) == len(expected)
    assert rows == want_rows
    if fmt != "plain":
        assert header == want_header


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", COMMANDS)
def test_fields_select_and_order(name: str, fmt: str) -> None:
    expected = as_json(name)
    all_fields = list(expected[0])
    chosen = [all_fields[-1], all_fields[0]]
    result = run([*COMMANDS[name], "--format", fmt, "--fields", ",".join(chosen)])
    projected = [{f: r[f] for f in chosen} for r in expected]
    if fmt in ("json", "jsonl"):
        records = parse_records(fmt, result)
        assert [list(r) for r in records] == [chosen] * len(expected)
        assert records == projected
        return
    header, rows = parse(fmt, result)
    want_header, want_rows = flatten(projected, chosen)
    assert rows == want_rows
    if fmt != "plain":
        assert header == want_header


def test_tsv_writes_every_escape_it_promises() -> None:
    """A value with a backslash, tab, newline or carriage return stays one cell of one
    line (the fact files refuse control characters, but the writer does not rely on it)."""
    out = to_tsv([{"id": "a\\b\tc\nd\re", "n": 1}], ("id", "n"))
    assert out == "id\tn\na\\\\b\\tc\\nd\\re\t1\n"


@pytest.mark.parametrize("name", COMMANDS)
def test_unknown_field_exits_2_and_lists_the_valid_ones(run_cli: RunCli, name: str) -> None:
    result = run_cli(*COMMANDS[name], "--format", "csv", "--fields", "id,no_such_field")
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert "no_such_field" in result.stderr
    valid = result.stderr.split("valid fields:", 1)[1]
    assert [f.strip() for f in valid.split(",")] == list(as_json(name)[0])


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", COMMANDS)
def test_no_ansi_escapes_even_when_colour_is_forced(name: str, fmt: str) -> None:
    result = run([*COMMANDS[name], "--format", fmt, "--color", "always"], FORCE_COLOR="1")
    assert b"\x1b" not in result.stdout_bytes
    assert "\x1b" not in result.stderr


@pytest.mark.parametrize("name", [n for n in COMMANDS if n != "cite"])
def test_default_format_is_plain_when_not_a_terminal(name: str) -> None:
    assert run(COMMANDS[name]).stdout == run([*COMMANDS[name], "--format", "plain"]).stdout


def test_cite_prints_the_text_itself_when_not_a_terminal() -> None:
    assert run(COMMANDS["cite"]).stdout == as_json("cite")[0]["text"] + "\n"


def test_tabular_formats_escape_their_separators() -> None:
    """The parsers above undo the escapes: a record with tabs, pipes and newlines."""
    header = ["a", "b"]
    text = "| a | b |\n|---|---|\n| x \\| y | 1\\\\<br>2 |\n\ncaption\n"
    assert parse_markdown(text) == (header, [["x | y", "1\\\n2"]])
    assert _tab_lines("x\\ty\t1\\\\\\n2\n") == [["x\ty", "1\\\n2"]]


TRICKY = """
[[figures]]
id = "fx-tricky"
label_en = " a | pipe, a \\\\ backslash, \\"quotes\\" and a, comma "
label_kk = "құбыр | белгісі"
source = "kk-text"
quote = "x|y\\\\"
topic = "tricky-text"
measure = "count"
value = 1
unit = "|"
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_separators_inside_values_survive(fmt: str, tmp_path: Path) -> None:
    data = tmp_path / "tricky.toml"
    data.write_text(TRICKY, encoding="utf-8")
    args = ["--data", str(data), "figures", "tricky", "--format"]
    expected = json.loads(run([*args, "json"]).stdout)
    assert expected[0]["label"] == ' a | pipe, a \\ backslash, "quotes" and a, comma '
    result = run([*args, fmt])
    if fmt in ("json", "jsonl"):
        assert parse_records(fmt, result) == expected
        return
    _, rows = parse(fmt, result)
    assert rows == flatten(expected, list(expected[0]))[1]


# json and jsonl are written record by record (cis_facts.render.machine.json_pieces): the
# text must be json.dumps's to the byte, whatever the values.
class _Code(int):
    pass


class _Text(str):
    pass


_VALUES: list[Any] = [
    "plain",
    'Қазақстан «ТМД» "quoted" \\ back\nslash\ttab \u2028 \x00 😀',
    "",
    0,
    -17,
    2**70,
    1.5,
    -0.0,
    1e300,
    5e-324,
    float("nan"),
    float("inf"),
    float("-inf"),
    True,
    False,
    None,
    [],
    {},
    (1, "two"),
    [1, [2, [3, {}]], []],
    {"code": "KZ", "name": "Kazakhstan"},
    {"a": {"b": [{"c": None, "d": [True]}]}},
    {3: "int key", 2.5: "float key", True: "bool key", False: "no", None: "null key"},
    [{"id": "e1", "date": "1991-12-21"}, {"id": "e2", "date": None}],
    _Code(7),
    _Text("a str of a kind"),
]


def _records(count: int) -> list[dict[str, Any]]:
    return [
        {f"f{j}": _VALUES[(i * 7 + j * 3) % len(_VALUES)] for j in range(5)} for i in range(count)
    ]


@pytest.mark.parametrize("count", [0, 1, 2, 60])
@pytest.mark.parametrize(
    "fields",
    [("f0", "f1", "f2", "f3", "f4"), ("f4", "f0", "absent"), ()],
    ids=["all", "some", "none"],
)
def test_json_and_jsonl_are_json_dumps_to_the_byte(count: int, fields: tuple[str, ...]) -> None:
    from cis_facts.render.machine import to_json, to_jsonl

    records = _records(count)
    projected = [{f: r.get(f) for f in fields} for r in records]
    assert to_json(records, fields) == json.dumps(projected, ensure_ascii=False, indent=2) + "\n"
    expected_lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in projected)
    assert to_jsonl(records, fields) == expected_lines


def test_json_refuses_what_json_refuses() -> None:
    from cis_facts.render.machine import to_json

    with pytest.raises(TypeError, match="not JSON serializable"):
        to_json([{"f": {1, 2}}], ("f",))
    with pytest.raises(TypeError, match="keys must be str"):
        to_json([{"f": {(1, 2): "tuple key"}}], ("f",))


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "tsv", "plain"])
def test_text_written_as_it_is_made_is_the_text_a_terminal_gets(
    run_cli: RunCli, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Piped, a machine format is written record by record (a batch of records worded at a
    time); on a terminal it is written whole, through the pager: the same text."""
    from cis_facts.render import formats

    piped = run_cli("figures", "--format", fmt, "--lang", "kk")
    shown = run_cli("--no-pager", "figures", "--format", fmt, "--lang", "kk", tty=True)
    assert piped.exit_code == 0 and shown.exit_code == 0
    assert piped.stdout == shown.stdout
    lines = piped.stdout.splitlines()
    assert len(lines) > 3 and "млрд АҚШ доллары" in piped.stdout  # unit_text, worded
    monkeypatch.setattr(formats, "BATCH", 2)  # several batches: the same records, in order
    assert run_cli("figures", "--format", fmt, "--lang", "kk").stdout == piped.stdout
