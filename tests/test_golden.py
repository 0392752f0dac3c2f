"""Rich output at fixed widths, checked against the golden files in tests/golden/.

Each case runs a command in process with ``--format table --color never`` at 60, 80 or
120 columns, stdout not a terminal, without the developer's settings (conftest's
``_run_cli``). Rich draws at the width the terminal is given (``test_width_follows_columns``).
Trailing spaces Rich pads lines with are not significant and are stripped.

After a deliberate change to the output, regenerate every file with::

    .venv/bin/python scripts/regen_golden.py
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import _run_cli
from rich.cells import cell_len
from tableread import human, reading

GOLDEN = Path(__file__).parent / "golden"
REGEN = ".venv/bin/python scripts/regen_golden.py"


@dataclass(frozen=True)
class Case:
    """One golden file: a command line drawn at one width."""

    name: str
    args: tuple[str, ...]
    width: int

    @property
    def path(self) -> Path:
        return GOLDEN / f"{self.name}-{self.width}.txt"


WIDTHS = (60, 80, 120)
COMMANDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("members", ("members",)),
    ("members-on-1993-12-15", ("members", "--on", "1993-12-15")),
    ("members-chart", ("members", "--chart")),
    ("members-chart-kk", ("members", "--chart", "--lang", "kk")),
    ("members-kk", ("members", "--lang", "kk")),
    ("timeline", ("timeline",)),
    ("timeline-georgia", ("timeline", "--country", "Georgia")),
    ("timeline-founding-kk", ("timeline", "--kind", "founding", "--lang", "kk")),
    ("country-KZ", ("country", "KZ")),
    ("country-Italy", ("country", "Italy")),
    ("resources", ("resources",)),
    ("resources-kk", ("resources", "--lang", "kk")),
    ("trade-exports", ("trade", "exports")),
    ("trade-exports-kk", ("trade", "exports", "--lang", "kk")),
    ("trade-imports", ("trade", "imports")),
    ("trade-totals", ("trade", "totals")),
    ("trade-totals-kk", ("trade", "totals", "--lang", "kk")),
    ("figures", ("figures",)),
    ("figures-investment", ("figures", "investment")),
    ("search-uranium", ("search", "uranium")),
    ("show-rank-zinc", ("show", "rank-zinc")),
    ("show-almaty-protocol-kk", ("show", "almaty-protocol", "--lang", "kk")),
    ("cite-rank-zinc", ("cite", "rank-zinc")),
)
# Russian at the width of a common terminal.
RUSSIAN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("members-ru", ("members", "--lang", "ru")),
    ("trade-exports-ru", ("trade", "exports", "--lang", "ru")),
    ("timeline-ru", ("timeline", "--lang", "ru")),
    ("cite-georgia-withdrawal-ru", ("cite", "georgia-withdrawal", "--lang", "ru")),
)
CASES = tuple(Case(name, args, width) for name, args in COMMANDS for width in WIDTHS) + tuple(
    Case(name, args, 80) for name, args in RUSSIAN
)


def normalise(text: str) -> str:
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


def run(args: tuple[str, ...], width: int, fmt: str = "table") -> str:
    """stdout of ``cis-facts ARGS`` at ``width`` columns; any exit but 0 is an error."""
    extra = ("--format", fmt) + (("--color", "never") if fmt == "table" else ())
    result = _run_cli(*args, *extra, width=width)
    # Machine formats carry an answer's caveat ("As of ...") on stderr; nothing else may be.
    unexpected = [
        line
        for line in result.stderr.splitlines()
        if not (fmt != "table" and line.startswith("cis-facts: As of "))
    ]
    if result.exit_code != 0 or unexpected:
        raise AssertionError(
            f"cis-facts {' '.join(args)} exited {result.exit_code}: {result.stderr}"
        )
    return result.stdout


def render(case: Case) -> str:
    """What the golden file of ``case`` must hold."""
    return normalise(run(case.args, case.width))


def test_cases_are_distinct() -> None:
    assert len({case.path for case in CASES}) == len(CASES) >= 12


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.path.stem)
def test_golden(case: Case) -> None:
    if not case.path.is_file():
        pytest.fail(f"{case.path} is missing; run {REGEN}")
    expected = case.path.read_text(encoding="utf-8")
    actual = render(case)
    assert actual == expected, (
        f"cis-facts {' '.join(case.args)} at width {case.width} differs "
        f"from {case.path.name}; if the change is deliberate, run "
        f"{REGEN}"
    )


def test_no_stray_golden_files() -> None:
    known = {case.path.name for case in CASES}
    stray = sorted(p.name for p in GOLDEN.glob("*.txt") if p.name not in known)
    assert not stray, f"golden files no case produces: {stray}; run {REGEN}"


@pytest.mark.parametrize(
    "args", [("members",), ("timeline",), ("trade", "totals"), ("figures",)], ids="-".join
)
@pytest.mark.parametrize("width", [60, 100])
def test_width_follows_columns(args: tuple[str, ...], width: int) -> None:
    """Rich takes the terminal's width: no line is wider, and the output
    uses most of it (a table fills it; the field/value layout for narrow widths nearly)."""
    widths = [cell_len(line) for line in run(args, width).splitlines()]
    assert 0.8 * width <= max(widths) <= width


def test_wide_terminal_is_used() -> None:
    """Not an 80-column default: at 200 columns the timeline is drawn wider than 100."""
    widths = [cell_len(line) for line in run(("timeline",), 200).splitlines()]
    assert 100 < max(widths) <= 200


# --------------------------------------------------------------------------------------------
# At 60 columns every value is still there in full: wrapped at spaces, never cut or broken
# --------------------------------------------------------------------------------------------


def _texts(value: Any, record: dict[str, Any], key: str) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, list):
        if key == "years":
            return [f"{year % 100:02d}" for year in value]
        return [text for item in value for text in _texts(item, record, key)]
    if isinstance(value, dict):  # a country by its name, a founding act by its date
        return [value["name"]] if "code" in value else [human(value["date"])]
    if isinstance(value, str) and f"{key}_precision" in record:
        return [human(value)]
    if isinstance(value, float) and value >= 1_000:
        # English tables group thousands from five digits (10,215.1), and four-digit
        # numbers in a column that holds five-digit ones (4,097.2).
        return [f"{value:,}"]
    if isinstance(value, int | float) and not isinstance(value, bool) and value < 0:
        return [f"\u2212{-value}"]  # a minus sign, not a hyphen
    return [str(value)]


def values(args: tuple[str, ...], shown: tuple[str, ...]) -> set[str]:
    """The displayed values of the command's records, from its JSON output."""
    found: set[str] = set()
    for record in json.loads(run(args, 100, fmt="json")):
        if record.get("section") == "names":  # the card's aliases are search keys
            continue
        for key in shown:
            found.update(_texts(record[key], record, key))
    return found


# (command, the JSON fields whose numbers, dates, country names and units the table shows)
FULL_CASES = [
    pytest.param(("members",), ("country", "since", "reason", "latest"), id="members"),
    pytest.param(
        ("members", "--all"), ("country", "since", "left", "reason", "latest"), id="members-all"
    ),
    # Narrow charts show one digit a year; the title gives the span of years.
    pytest.param(("members", "--chart"), ("country",), id="members-chart"),
    pytest.param(("timeline",), ("date", "participants"), id="timeline"),
    pytest.param(("country", "KZ"), ("date", "value", "unit"), id="country-KZ"),
    pytest.param(("resources",), ("value", "unit", "date"), id="resources"),
    pytest.param(("trade", "exports"), ("position", "country", "share"), id="trade-exports"),
    pytest.param(("trade", "imports"), ("position", "country"), id="trade-imports"),
    pytest.param(
        ("trade", "totals"), ("value", "unit", "growth", "growth_base"), id="trade-totals"
    ),
    pytest.param(("figures",), ("value", "unit", "date"), id="figures"),
    pytest.param(("search", "uranium"), ("id", "value", "unit"), id="search"),
]


def test_reading_joins_wrapped_lines_at_spaces_only() -> None:
    out = (
        "Title of\nthe table\n┏━━━━━━━━━━━━┳━━━━━━┓\n┃ Country    ┃ Date ┃\n"
        "│ Turkmenist │ 21   │\n│ an (TM)    │ Dec  │\n│            │ 1991 │\n"
        "└────────────┴──────┘\n"
    )
    texts = reading(out)
    assert texts == ["Country Turkmenist an (TM)", "Date 21 Dec 1991", "Title of the table"]
    assert not any("Turkmenistan" in text for text in texts)
    assert human("1991-12-21") == "21 Dec 1991"
    assert (human("1993-12"), human("1993/2004")) == ("Dec 1993", "1993–2004")


@pytest.mark.parametrize(("args", "shown"), FULL_CASES)
def test_every_value_in_full_at_60(args: tuple[str, ...], shown: tuple[str, ...]) -> None:
    out = run(args, 60)
    texts = reading(out)
    missing = sorted(
        v for v in values(args, shown) if not any(re.sub(r"\s+", " ", v) in text for text in texts)
    )
    assert not missing, f"not shown in full at 60 columns: {missing}"
    assert "…" not in out
