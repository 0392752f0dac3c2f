"""Any locale and any width: the installed command under hostile encodings, every query
command's table at 40 to 120 columns, and piped output that ignores the width.

Locale matrix (a real process, so Python picks its stream encoding from the environment):
``LC_ALL=C`` with ``PYTHONUTF8=0 PYTHONCOERCECLOCALE=0``, ``PYTHONIOENCODING=ascii`` and
``PYTHONIOENCODING=cp1252``, each for Kazakh-heavy output. Each run exits 0 without a
traceback, and its bytes are text in the encoding asked for, the Cyrillic escaped or
replaced.

Width matrix (in process, the terminal width injected; stdout is not a terminal):
no line is wider than COLUMNS, no table is cut at the right edge, nothing is shortened to
"…", and every number, date and country name of the command's JSON output can be read
whole in the table once wrapped lines are joined again.
"""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from conftest import RunCli, _run_cli
from rich.cells import cell_len
from tableread import LEFT_EDGE, RIGHT_EDGE, human, reading

from cis_facts.render import terminal
from cis_facts.render.views import Chart, Table, View

SCRIPT = Path(sys.executable).parent / "cis-facts"
CYRILLIC = re.compile("[\u0400-\u04ff]")
# --------------------------------------------------------------------------------------------
# Locale matrix
# --------------------------------------------------------------------------------------------

LOCALES: dict[str, tuple[dict[str, str], str]] = {
    "C-locale": ({"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}, "ascii"),
    "ascii": ({"PYTHONIOENCODING": "ascii", "LANG": "C.UTF-8"}, "ascii"),
    "cp1252": ({"PYTHONIOENCODING": "cp1252", "LANG": "C.UTF-8"}, "cp1252"),
}
KAZAKH_COMMANDS: dict[str, tuple[str, ...]] = {
    "members-kk-table": ("members", "--lang", "kk", "--format", "table"),
    "cite-kk": ("cite", "rank-zinc", "--lang", "kk"),
    "country-plain": ("country", "KZ", "--format", "plain"),
}


def locale_env(extra: dict[str, str]) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("LANG", "LANGUAGE", "PYTHONIOENCODING", "PYTHONUTF8", "CIS_FACTS_DATA")
        and not k.startswith("LC_")
    }
    env.update({"COLUMNS": "100", "NO_COLOR": "1", **extra})
    return env


def _locale_cases() -> Iterator[Any]:
    for locale_name in LOCALES:
        for command_name in KAZAKH_COMMANDS:
            yield pytest.param(locale_name, command_name, id=f"{locale_name}-{command_name}")


@pytest.mark.skipif(not SCRIPT.exists(), reason=f"{SCRIPT} is not installed")
@pytest.mark.parametrize(("locale_name", "command_name"), list(_locale_cases()))
def test_any_locale(tmp_path: Path, locale_name: str, command_name: str) -> None:
    extra, encoding = LOCALES[locale_name]
    proc = subprocess.run(
        [str(SCRIPT), *KAZAKH_COMMANDS[command_name]],
        cwd=tmp_path,
        env=locale_env(extra),
        capture_output=True,
        timeout=60,
        check=False,
    )
    stderr = proc.stderr.decode(encoding, errors="replace")
    assert proc.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert proc.stdout.strip(), "no output"
    out = proc.stdout.decode(encoding)  # strict: every byte is text in the asked encoding
    proc.stderr.decode(encoding)
    assert not CYRILLIC.search(out)
    assert "\\u04" in out or "?" in out, "the Cyrillic should be escaped or replaced"


# --------------------------------------------------------------------------------------------
# Width matrix
# --------------------------------------------------------------------------------------------

WIDTHS = (40, 60, 80, 120)
QUERY_COMMANDS: dict[str, tuple[str, ...]] = {
    "members": ("members",),
    "members-on": ("members", "--on", "1993-12-15"),
    "members-all": ("members", "--all"),
    "members-chart": ("members", "--chart"),
    "members-kk": ("members", "--lang", "kk"),
    "timeline": ("timeline",),
    "timeline-kk": ("timeline", "--lang", "kk"),
    "country-KZ": ("country", "KZ"),
    "country-GE": ("country", "Georgia"),
    "resources": ("resources",),
    "trade-exports": ("trade", "exports"),
    "trade-imports": ("trade", "imports"),
    "trade-totals": ("trade", "totals"),
    "figures": ("figures",),
    "search": ("search", "uranium"),
    "show-ranking": ("show", "rank-zinc"),
    "show-event": ("show", "almaty-protocol"),
    "show-total": ("show", "trade-cis-turnover-2004"),
    "cite": ("cite", "rank-zinc"),
}


# Box characters: a table line starts with a left border and must end with a right one.
def test_reading_undoes_wrapping_at_spaces_only() -> None:
    out = (
        "Title of\nthe table\n┏━━━━━━━━━━━━┳━━━━━━┓\n┃ Country    ┃ Date ┃\n"
        "│ Turkmenist │ 21   │\n│ an (TM)    │ Dec  │\n│            │ 1991 │\n"
        "└────────────┴──────┘\n"
    )
    assert reading(out) == ["Country Turkmenist an (TM)", "Date 21 Dec 1991", "Title of the table"]
    assert human("1993-12") == "Dec 1993" and human("1993/2004") == "1993–2004"
    assert human("1991-12-21", "kk") == "21 жел 1991"


def shown_values(value: Any, record: dict[str, Any], key: str, lang: str) -> list[str]:
    """The numbers, dates and country names a table cell of ``record[key]`` displays."""
    if isinstance(value, list):
        return [text for item in value for text in shown_values(item, record, key, lang)]
    if isinstance(value, dict):
        if "code" in value:
            return (
                [value["name"], f"({value['code']})"]
                if value["name"] != value["code"]
                else [value["code"]]
            )
        return [human(value["date"], lang)] if value.get("date_precision") else []
    if isinstance(value, bool) or value is None:
        return []
    if isinstance(value, int | float):
        return [str(value)]
    if isinstance(value, str) and f"{key}_precision" in record:
        return [human(value, lang)]
    return []


class Drawn(NamedTuple):
    """A table-format run: its output, and the view the terminal renderer was given."""

    out: str
    view: View


@functools.cache
def draw_table(args: tuple[str, ...], width: int) -> Drawn:
    """``args`` as a table ``width`` columns wide: drawn once for both checks of it here
    (each test's HOME and settings are alike, and a Drawn cannot be changed)."""
    answers: list[View] = []
    render = terminal.render

    def spy(view: View, console: Any) -> None:
        answers.append(view)
        render(view, console)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(terminal, "render", spy)
        result = _run_cli(*args, "--format", "table", "--color", "never", width=width)
    assert result.exit_code == 0, (result.stderr, result.exception)
    if not answers:  # text to paste (cite) is written as it is
        return Drawn(result.stdout, View(title="", blocks=(), records=(), fields=()))
    (view,) = answers
    return Drawn(result.stdout, view)


def as_json(args: tuple[str, ...]) -> list[dict[str, Any]]:
    result = _run_cli(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    records: list[dict[str, Any]] = json.loads(result.stdout)
    return records


def _table_cases() -> Iterator[Any]:
    for name, args in QUERY_COMMANDS.items():
        for width in WIDTHS:
            yield pytest.param(args, width, id=f"{name}-{width}")


TABLE_CASES = list(_table_cases())


@pytest.mark.parametrize(("args", "width"), TABLE_CASES)
def test_no_line_wider_than_the_terminal(args: tuple[str, ...], width: int) -> None:
    out = draw_table(args, width).out
    too_wide = [line for line in out.splitlines() if cell_len(line) > width]
    assert not too_wide, too_wide[:3]
    assert "…" not in out


# Rich's column collapse ignores each column's min_width, then clamps the columns back up
# to it, so in a band of widths just above the one where the field/value layout takes over
# a table comes out wider than the terminal. These are the bands for the packaged base;
# terminal.render must switch layouts there rather than let the right edge be cut.
CROPPED: dict[tuple[str, ...], range] = {
    ("members",): range(50, 59),
    ("members", "--all"): range(57, 73),
    ("members", "--lang", "kk"): range(60, 72),
    ("timeline",): range(61, 69),
    ("timeline", "--lang", "kk"): range(63, 78),
    ("country", "KZ"): range(72, 87),
    ("country", "Georgia"): range(49, 55),
    ("resources",): range(52, 60),
    ("trade", "totals"): range(81, 89),
    ("figures",): range(75, 82),
    ("search", "uranium"): range(49, 53),
}


def _crop_cases() -> Iterator[Any]:
    for name, args in QUERY_COMMANDS.items():
        band = CROPPED.get(args, range(0))
        # The matrix widths, plus the first, middle and last width of a known band.
        widths = sorted({*WIDTHS, *([band[0], band[len(band) // 2], band[-1]] if band else [])})
        for width in widths:
            yield pytest.param(args, width, id=f"{name}-{width}")


@pytest.mark.parametrize(("args", "width"), list(_crop_cases()))
def test_every_value_whole_in_the_table(args: tuple[str, ...], width: int) -> None:
    drawn = draw_table(args, width)
    lines = drawn.out.splitlines()
    cut = [line for line in lines if line[:1] in LEFT_EDGE and line.rstrip()[-1:] not in RIGHT_EDGE]
    assert not cut, f"{len(cut)} table lines cut at the right edge: {cut[:2]}"
    texts = reading(drawn.out)
    view = drawn.view
    if not view.blocks:
        for record in as_json(args):
            assert record["text"] + "\n" == drawn.out
        return
    expected = {
        text
        for block in view.blocks
        if isinstance(block, Table)
        for row in block.rows
        for text in row
        if text
    }
    expected |= {name for block in view.blocks if isinstance(block, Chart) for name in block.names}
    missing = sorted(v for v in expected if not any(_spaced(v) in text for text in texts))
    assert not missing, f"not shown whole at {width} columns: {missing}"


def _spaced(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize(
    ("name", "args"),
    [
        *QUERY_COMMANDS.items(),
        ("cite-text", ("cite", "rank-zinc")),
        ("trade-exports-plain", ("trade", "exports", "--format", "plain")),
        ("country-markdown", ("country", "KZ", "--format", "markdown")),
        ("timeline-tsv", ("timeline", "--format", "tsv")),
    ],
)
def test_piped_output_ignores_the_width(run_cli: RunCli, name: str, args: tuple[str, ...]) -> None:
    """Without --format, piped output is plain; no machine format follows COLUMNS."""
    outputs = []
    for width in (40, 200):
        result = run_cli(*args, environ={"COLUMNS": str(width)})
        assert result.exit_code == 0, result.stderr
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    assert outputs[0].strip()


@pytest.mark.skipif(not SCRIPT.exists(), reason=f"{SCRIPT} is not installed")
@pytest.mark.parametrize(
    "args", [("timeline",), ("members", "--all"), ("cite", "rank-zinc")], ids=" ".join
)
def test_piped_output_of_the_installed_script_ignores_the_width(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    outputs = []
    for width in (40, 200):
        env = locale_env({"LANG": "C.UTF-8", "COLUMNS": str(width)})
        proc = subprocess.run(
            [str(SCRIPT), *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            timeout=60,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        outputs.append(proc.stdout)
    assert outputs[0] == outputs[1]
