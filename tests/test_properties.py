"""Property suite: mutated copies of the real fact base, run through the real CLI.

Each example takes one to four records of the packaged ``facts.toml``, gives most of them
fresh ids, then drops fields, retypes them (string, integer, float, boolean, array,
table, date, date-time, time), corrupts values (empty strings, huge integers, negative
ranks, percentages outside 0-100, impossible dates, unknown references) and injects
hostile text (Rich markup, emoji codes, ANSI/OSC escapes, C0/C1 controls, bidi
overrides, lone surrogates, wide and right-to-left letters). The records are written as a
TOML user file and given to ``check`` and to one query command with ``--data``.

Invariants, whatever the file holds:

* the exit code is 0 or 1 and no exception escapes (no "Traceback" anywhere);
* on exit 1 stdout is empty and every stderr line starts with ``cis-facts: ``;
* on exit 0 the human formats (table, plain, tsv, markdown, cite's text) carry no raw
  control character: no C0 but newline (and tab in tab-separated formats), no DEL, no C1,
  no ESC beyond the colour codes asked for, no bidi control;
* JSON output parses, and ``show ID --format json`` gives every text field back exactly;
* the user file, the packaged base and the working directory are unchanged.

Examples per run come from the hypothesis profile (tests/conftest.py): ``ci`` (CI=true)
runs at least 1,000; ``dev`` fewer.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
import tomli
from click.testing import Result
from conftest import _run_cli, mock_environment
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from tomlwrite import renamed_country, toml_document

from cis_facts.loader import packaged_base
from cis_facts.schema import TABLES

pytestmark = pytest.mark.slow

PACKAGED_PATH = Path(packaged_base())
PACKAGED_BYTES = PACKAGED_PATH.read_bytes()
PACKAGED: dict[str, list[dict[str, Any]]] = tomli.loads(PACKAGED_BYTES.decode("utf-8"))
TEXT_KINDS = ("text", "texts")
# Codes no packaged country uses, for fresh countries (two capital letters, as required).
FRESH_CODES = ("QA", "QB", "QC", "QD", "QE", "QF", "QG", "QH")

# Beyond a float, and beyond the digits Python converts by default: both once crashed the
# loader (tests/test_hostile.py keeps them as regression tests).
HUGE_INT = 10**5000

# --------------------------------------------------------------------------------------------
# Hostile values
# --------------------------------------------------------------------------------------------

# Allowed by the loader: must be shown literally.
ALLOWED_TEXT = (
    "[bold]x[/bold]",
    "[/]",
    "[link=http://e.com]x[/link]",
    "[red on white]alarm[/]",
    ":flag_kz:",
    ":smile:",
    "\\[bold]",
    "[",
    "]",
    "[[figures]]",
    "{0} %s ${HOME} `id`",
    "Қазақстан",
    "漢字の幅",
    "مرحبا",
    "שלום",
    "e\u0301\u0301",
    "\U0001f1f0\U0001f1ff",
    "👨\u200d👩\u200d👧",
    "x" * 40,
    "a b " * 60,
    "\u00a0nbsp\u00a0",
    "'''",
    '"quoted"',
    "# not a comment",
    "<script>",
    "|pipe|",
    "*md*",
    "\\",
    "\u3000wide space",
)
# Rejected by the loader (or by TOML itself): must never reach stdout raw.
FORBIDDEN_TEXT = (
    "\x1b]0;title\x07",
    "\x1b[2J",
    "\x1b[31mred\x1b[0m",
    "\x1b]8;;http://e.com\x1b\\x\x1b]8;;\x1b\\",
    "\x00",
    "\x07",
    "\x08",
    "\t",
    "\n",
    "\r",
    "\x0b",
    "\x0c",
    "\x7f",
    "\x85",
    "\x9b",
    "\x9d",
    "\u202e",
    "\u202d",
    "\u2066",
    "\u2069",
    "\u200e",
    "\u200f",
    "\u061c",
    "\u200b",
    "\ufeff",
    "\xad",
    "\U000e0041",
    "\ud800",
    "\udfff",
    "\u2028",
    "\u2029",
)
hostile_char_text = st.text(
    alphabet=st.characters(categories=("Cc", "Cf", "Cs", "Co", "Zl", "Zp", "Zs", "Mn", "So")),
    min_size=1,
    max_size=6,
)
words = st.text(alphabet="abcxyz -", max_size=8)
hostile_text = st.one_of(
    st.sampled_from(ALLOWED_TEXT),
    st.sampled_from(FORBIDDEN_TEXT),
    hostile_char_text,
    st.builds(
        lambda a, b, c: a + b + c, words, st.sampled_from(ALLOWED_TEXT + FORBIDDEN_TEXT), words
    ),
)
allowed_text = st.one_of(
    st.sampled_from(ALLOWED_TEXT),
    st.builds(lambda a, b, c: a + b + c, words, st.sampled_from(ALLOWED_TEXT), words).filter(
        str.strip
    ),
)
# Any TOML value: one of each type a field could be given.
RETYPED: tuple[Any, ...] = (
    "x",
    "",
    0,
    7,
    -3,
    2.5,
    -0.0,
    True,
    False,
    [],
    ["x"],
    [1, 2],
    [["nested"]],
    {},
    {"k": "v"},
    dt.date(2000, 1, 1),
    dt.datetime(2000, 1, 1, 12, 30),
    dt.datetime(2000, 1, 1, 12, 30, tzinfo=dt.timezone.utc),
    dt.time(12, 30),
    float("inf"),
    float("-inf"),
    float("nan"),
)
_NUMBERS = (
    2**63,
    -(2**63) - 1,
    HUGE_INT,
    -HUGE_INT,
    -1,
    0,
    101,
    100.0001,
    -5.5,
    1e308,
    -1e308,
    5e-324,
    -0.0,
    float("nan"),
    float("inf"),
)
# Wrong values of the right type, by field kind (and a few of any kind).
CORRUPTED: dict[str, tuple[Any, ...]] = {
    "when": (
        "1988-02-30",
        "2000-13",
        "0000",
        "1899-12-31",
        "2000/1999",
        "２０００",
        "2000-1-1",
        "1991-12-21/",
        "/",
        "1991-12-21/1991-12-20",
        "1991-02-29",
        " 1991",
        "1991-12-21T00",
        dt.date(1899, 12, 31),
        "-1991",
    ),
    "number": _NUMBERS,
    "percent": _NUMBERS,
    "rank": (0, -1, -(2**63), 2**63, HUGE_INT, 1.0, True),
    "bool": (0, 1, "true", "yes"),
    "text": ("", " ", "\u3000", "\u00a0", "x" * 10_001),
    "texts": ([""], [" "], ["x", 1], [["x"]]),
    "id": ("", "A-", "-a", "a--b", "UPPER", "ключ", "a b", "a_b", "１"),
    "source": ("no-such-source", "", "Kk-text", "kk-text "),
    "code": ("ZZ", "kz", "KZ ", "Kz", "KAZ", "", "К" + "З"),
    "country": ("ZZ", "kz", "XX", ""),
    "codes": (["ZZ"], ["KZ", 1], ["kz"], "KZ"),
    "enum": ("", "x", "Member", "member "),
    "iso3": ("KZ", "kaz", "KAZ ", "ҚАЗ", "KAZA", ""),
    "m49": ("51", "0398", "39a", "", "３９８"),
    "qid": ("232", "q232", "Q", "Q0232", "Q 232", ""),
    "any": ("", 0, -1, [], {}),
}
# Valid but extreme values, by field kind: what the renderers must still draw.
EXTREME: dict[str, tuple[Any, ...]] = {
    "when": (
        "1900",
        "1900-01-01",
        "9999-12-31",
        "9999",
        "1900/9999",
        "1993-12",
        "1991-12-21/1991-12-21",
        dt.date(9999, 12, 31),
        dt.date(1900, 1, 1),
        "2009-08-18",
    ),
    "number": (
        0,
        -0.0,
        1e308,
        -1e308,
        5e-324,
        2**63 - 1,
        -(2**63),
        10**20,
        0.1 + 0.2,
        1e16,
        -123456789.123456789,
    ),
    "percent": (0, 100, 0.0, 100.0, 5e-324, 99.99999999999999),
    "rank": (1, 2**63 - 1, 10**18, 99),
    "bool": (True, False),
    "text": ("x" * 10_000, ("word " * 2_000).strip(), "漢" * 5_000, "x", "Қ"),
    "texts": ([], ["x"] * 200, ["[bold]a[/bold]", ":flag_kz:"]),
    "codes": ([], ["KZ"] * 30, ["RU", "BY", "UA", "KZ", "GE", "US"]),
    "country": ("GE", "KZ", "US", "VG"),
    "source": ("kk-text", "cis-charter"),
    "iso3": ("KAZ", "VGB"),
    "m49": ("398", "051"),
    "qid": ("Q232", "Q1"),
}


def test_every_field_kind_has_broken_and_extreme_values() -> None:
    kinds = {spec.kind for _table, specs in TABLES.values() for spec in specs.values()}
    assert kinds - {"enum"} <= set(CORRUPTED) & (set(EXTREME) | {"id", "code"})


def test_toml_writer_round_trips() -> None:
    record = {
        "s": 'a"b\\c\n\x1b\u202e漢',
        "i": -(2**63),
        "f": 2.5,
        "b": True,
        "l": [1, "x", [2]],
        "t": {"k v": "w"},
        "d": dt.date(1991, 12, 21),
        "dt": dt.datetime(2000, 1, 1, 12, 30),
        "tm": dt.time(7, 5),
        "odd key\x01": 1,
    }
    assert tomli.loads(toml_document([("figures", record)])) == {"figures": [record]}
    with pytest.raises(tomli.TOMLDecodeError):
        tomli.loads(toml_document([("figures", {"s": "\ud800"})]))


# --------------------------------------------------------------------------------------------
# Mutated fact files
# --------------------------------------------------------------------------------------------


def _text_fields(table: str) -> list[str]:
    return [name for name, spec in TABLES[table][1].items() if spec.kind in TEXT_KINDS]


def _set_text(table: str, record: dict[str, Any], name: str, text: str) -> None:
    record[name] = [text] if TABLES[table][1][name].kind == "texts" else text


def _valid_change(draw: st.DrawFn, table: str, record: dict[str, Any]) -> None:
    """Markup-like text in a text field, or an extreme but valid value in another."""
    specs = TABLES[table][1]
    name = draw(st.sampled_from([n for n in specs if n not in ("id", "code")]))
    kind = specs[name].kind
    if kind in TEXT_KINDS and draw(st.booleans()):
        _set_text(table, record, name, draw(allowed_text))
    elif kind == "enum":
        record[name] = draw(st.sampled_from(specs[name].choices))
    elif kind in EXTREME:
        record[name] = draw(st.sampled_from(EXTREME[kind]))


def _broken_change(draw: st.DrawFn, table: str, record: dict[str, Any]) -> None:
    specs = TABLES[table][1]
    op = draw(
        st.sampled_from(
            ("drop", "retype", "corrupt", "corrupt", "inject", "inject", "unknown-field")
        )
    )
    name = draw(st.sampled_from(list(specs)))
    if op == "drop" and record:
        del record[draw(st.sampled_from(sorted(record)))]
    elif op == "retype":
        record[name] = draw(st.sampled_from(RETYPED))
    elif op == "corrupt":
        record[name] = draw(st.sampled_from(CORRUPTED[specs[name].kind] + CORRUPTED["any"]))
    elif op == "inject":
        _inject(draw, table, record)
    elif op == "unknown-field":
        record[draw(st.one_of(hostile_text, st.just("colour")))] = draw(st.sampled_from(RETYPED))


def _inject(draw: st.DrawFn, table: str, record: dict[str, Any]) -> None:
    """Hostile text, alone or after the original, in one text field."""
    name = draw(st.sampled_from(_text_fields(table)))
    original = record.get(name)
    text = draw(hostile_text)
    if isinstance(original, str) and draw(st.booleans()):
        text = original + text
    _set_text(table, record, name, text)


@st.composite
def mutate(draw: st.DrawFn, table: str, record: dict[str, Any], mode: str) -> None:
    """Change ``record`` in place. ``valid``: only in ways the loader accepts; ``hostile``:
    hostile text in text fields and nothing else, so that the text alone decides whether
    the file loads; ``broken``: anything, mostly what the loader must reject."""
    for _ in range(draw(st.integers(0, 3))):
        _valid_change(draw, table, record)
    if mode == "hostile":
        for _ in range(draw(st.integers(1, 3))):
            _inject(draw, table, record)
    elif mode == "broken":
        for _ in range(draw(st.integers(1, 3))):
            _broken_change(draw, table, record)


@st.composite
def fact_files(draw: st.DrawFn) -> list[tuple[str, dict[str, Any]]]:
    """Records for one user file: copies of packaged records, most with fresh ids."""
    mode = draw(st.sampled_from(("valid", "hostile", "broken")))
    records: list[tuple[str, dict[str, Any]]] = []
    if draw(st.integers(0, 4)) == 0:  # a source of the user's own, which facts may cite
        records.append(
            ("sources", {"id": "user-source", "title": draw(allowed_text), "language": "en"})
        )
    for n in range(draw(st.integers(1, 4))):
        table = draw(st.sampled_from(list(TABLES)))
        record = dict(draw(st.sampled_from(PACKAGED[table])))
        if mode != "broken" or draw(st.integers(0, 9)) > 0:  # else: a packaged id again
            if table == "countries":
                record = renamed_country(record, FRESH_CODES[n])
            else:
                record["id"] = f"prop-{n}-{record['id']}"
        if table != "sources" and records and records[0][0] == "sources" and draw(st.booleans()):
            record["source"] = "user-source"
        draw(mutate(table, record, mode))
        records.append((table, record))
    if mode == "broken" and draw(st.integers(0, 19)) == 0:
        records.append((draw(st.sampled_from(("people", "figure", "Figures"))), {"x": 1}))
    return records


def _arg(value: Any, fallback: str) -> str:
    """A command-line argument made from a field: printable text only, as a shell passes."""
    text = value if isinstance(value, str) else fallback
    return "".join(c for c in text if c.isprintable()) or fallback


@st.composite
def commands(draw: st.DrawFn, records: list[tuple[str, dict[str, Any]]]) -> list[str]:
    """One query command aimed at the generated records, in a drawn format."""
    _, record = draw(st.sampled_from(records))
    fact_id = _arg(record.get("id"), "prop-0-x")
    label = _arg(record.get("label_en") or record.get("name_en"), "uranium").split()
    choices = [
        ["show", "--", fact_id],
        ["cite", "--", fact_id],
        ["search", "--", *(label[:2] or ["uranium"])],
        ["figures", "--", _arg(record.get("topic"), "investment")],
        ["country", "--", _arg(record.get("code") or record.get("country"), "KZ")],
        ["resources", f"--mineral={_arg(record.get('mineral_en'), 'zinc')}"],
        ["timeline", "--from", "1991", "--to", "1993"],
        ["trade", "exports", "--top", "3"],
        ["trade", "totals"],
        ["members", "--all"],
        ["members", "--chart"],
    ]
    command = draw(st.sampled_from(choices))
    fmt = draw(st.sampled_from(("table", "table", "plain", "json", "markdown", "tsv", None)))
    options = ["--format", fmt] if fmt else []
    if fmt == "table":
        options += ["--color", draw(st.sampled_from(("never", "always")))]
    position = command.index("--") if "--" in command else len(command)
    return [*command[:position], *options, *command[position:]]


# --------------------------------------------------------------------------------------------
# Invariants
# --------------------------------------------------------------------------------------------

RAW_CONTROL = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
TAB = re.compile("\t")
SGR = re.compile(r"\x1b\[[0-9;]*m")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[tuple[str, int, int]]:
    return sorted(
        (str(p.relative_to(folder)), p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
    )


@contextlib.contextmanager
def inside(folder: Path) -> Iterator[None]:
    """Run with ``folder`` as the working directory, and prove nothing was written there."""
    before = listing(folder)
    previous = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(previous)
    assert listing(folder) == before, "a command wrote into the working directory"


def assert_invariants(result: Result, args: Sequence[str]) -> None:
    shown = (
        f"{args}: exit {result.exit_code}, stdout {result.stdout[:400]!r}, "
        f"stderr {result.stderr[:400]!r}, exception {result.exception!r}"
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), shown
    assert result.exit_code in (0, 1), shown
    assert "Traceback" not in result.stdout + result.stderr, shown
    if result.exit_code == 1:
        if args[:1] == ["check"] and result.stdout:  # a valid base whose quotes do not match
            assert result.stdout.splitlines()[-1].startswith("quotes "), shown
        else:
            assert result.stdout == "", shown
        lines = result.stderr.split("\n")
        assert lines[-1] == "" and all(line.startswith("cis-facts: ") for line in lines[:-1]), shown
        return
    fmt = args[args.index("--format") + 1] if "--format" in args else "plain"
    out = result.stdout
    if fmt == "json":
        json.loads(out)
        return
    if "always" in args:
        out = SGR.sub("", out)
        assert "\x1b" not in out, shown
    if fmt in ("plain", "tsv"):
        out = TAB.sub(" ", out)
    assert not RAW_CONTROL.search(out), shown


def assert_exact_json(
    result: Result, records: list[tuple[str, dict[str, Any]]], args: Sequence[str]
) -> None:
    """``show ID --format json``: every text field of the fact as written."""
    if result.exit_code != 0 or args[:1] != ["show"] or "json" not in args:
        return
    (shown,) = json.loads(result.stdout)
    written = [r for _, r in records if r.get("id") == shown["id"]]
    if len(written) != 1:
        return
    for key, value in written[0].items():
        if (
            isinstance(value, str)
            and key in shown
            and key.startswith(("label", "quote", "note", "unit"))
        ):
            assert shown[key] == value, (key, shown[key], value)


@pytest.fixture(scope="module")
def folders() -> Iterator[tuple[Path, Path]]:
    """An empty working directory and a folder for the generated fact files."""
    root = Path(tempfile.mkdtemp(prefix="cis-facts-props-"))
    (root / "cwd").mkdir()
    (root / "files").mkdir()
    try:
        yield root / "cwd", root / "files"
    finally:
        shutil.rmtree(root)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data(), records=fact_files(), columns=st.sampled_from((30, 60, 100)))
def test_mutated_fact_files_keep_every_invariant(
    folders: tuple[Path, Path],
    data: st.DataObject,
    records: list[tuple[str, dict[str, Any]]],
    columns: int,
) -> None:
    cwd, files = folders
    path = files / "user.toml"
    path.write_text(toml_document(records), encoding="utf-8")
    before = digest(path)
    query = data.draw(commands(records), label="query")
    # Every example in the same terminal whatever the shell's TERM: a dumb one, where
    # --color always writes no escape codes.
    env = mock_environment(width=columns, environ={"TERM": "dumb"})
    with inside(cwd):
        for args in (["check"], query):
            result = _run_cli("--data", path, *args, env=env)
            assert_invariants(result, args)
            event(f"{args[0]} exit {result.exit_code}")
            assert_exact_json(result, records, args)
            assert Path.cwd() == cwd
    assert digest(path) == before, "the user fact file changed"
    assert PACKAGED_PATH.read_bytes() == PACKAGED_BYTES, "the packaged fact base changed"
