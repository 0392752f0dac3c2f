"""The membership chart keeps every country name whole at any width, and an event far
from the others makes the chart long, never unreadable."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import RunCli

NAMES = (
    "Belarus (BY)",
    "Russia (RU)",
    "Ukraine (UA)",
    "Azerbaijan (AZ)",
    "Turkmenistan (TM)",
    "Georgia (GE)",
)


def chart(run_cli: RunCli, width: int, *data: str) -> str:
    args = [arg for path in data for arg in ("--data", path)]
    result = run_cli(
        *args, "members", "--chart", "--format", "table", "--color", "never", width=width
    )
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("width", [12, 20, 30, 40, 50, 60, 100])
def test_names_stay_whole_at_any_width(run_cli: RunCli, width: int) -> None:
    lines = chart(run_cli, width).splitlines()
    for name in NAMES:
        if len(name) <= width:
            assert any(line.rstrip().startswith(name) for line in lines), (width, name)


def test_narrow_chart_puts_the_marks_under_each_name(run_cli: RunCli) -> None:
    lines = chart(run_cli, 20).splitlines()
    at = lines.index("Ukraine (UA)")
    assert set(lines[at + 1]) <= {"▓", "▐"}  # a founding state every year, from 1991


def test_wide_chart_keeps_one_row_per_state(run_cli: RunCli) -> None:
    lines = chart(run_cli, 100).splitlines()
    row = next(line for line in lines if line.startswith("Georgia (GE)"))
    assert row.split(")")[1].split()[0][0] == "·"  # 1991: not yet a participant


FAR = """\
[[events]]
id = "far-event"
date = "2400-01-01"
kind = "decision"
participants = ["KZ"]
status = "member"
label_en = "An event far from the others"
label_kk = "Басқалардан алыс оқиға"
source = "kk-text"
quote = "Қазақстанның жаңа тарихы 15 –жыл шамасымен есептеледі"
"""


def test_far_away_event_wraps_instead_of_squeezing_names(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "far.toml"
    path.write_text(FAR, encoding="utf-8")
    out = chart(run_cli, 100, str(path))
    lines = out.splitlines()
    assert "CIS membership, 1991–2400" in out
    assert all(len(line) <= 100 for line in lines)
    for name in NAMES:
        assert name in lines
    kazakhstan = lines.index("Kazakhstan (KZ)")
    marks = "".join(lines[kazakhstan + 1 : kazakhstan + 6])
    assert len(marks) == 2400 - 1991 + 1
