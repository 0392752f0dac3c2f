"""Rich views for a terminal: tables, a timeline grouped by year, share bars, a chart.

Text from the data is always wrapped in ``rich.text.Text``, so markup or emoji codes
in a fact are shown literally; control characters are made visible first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from cis_facts.answer import Answer, Record
from cis_facts.inert import visible
from cis_facts.render.cells import cell

BAR_WIDTH = 24  # at most; narrower terminals get a shorter bar
MAX_WORD = 24  # longer words (rare) may still fold
_STATUS_STYLE = {
    "member": "green",
    "founder": "cyan",
    "signatory": "blue",
    "associate": "yellow",
    "left": "red",
    "uncertain": "magenta",
}


def _table(answer: Answer, **options: Any) -> Table:
    """A table; the title and caption are printed around it by ``render``."""
    return Table(**options)


def _numeric(answer: Answer, key: str) -> bool:
    values = [r.get(key) for r in answer.records if r.get(key) is not None]
    return bool(values) and all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in values
    )


def _longest_word(answer: Answer, key: str) -> int:
    """Width of the longest word in a column, so wrapping never breaks a word or number."""
    texts = [cell(r, key, answer.lang) for r in answer.records]
    texts.append(answer.headers.get(key, key))
    return min(max((len(w) for t in texts for w in t.split()), default=1), MAX_WORD)


def cards(answer: Answer, columns: tuple[str, ...]) -> RenderableType:
    """Each record as its own field/value block, for terminals too narrow for its table.

    A table squeezed below the width of its longest words would break words and numbers
    mid-way; this layout keeps every value whole.
    """
    blocks: list[RenderableType] = []
    for record in answer.records:
        table = Table(show_header=False, box=box.SIMPLE_HEAD, pad_edge=False)
        table.add_column(style="bold", overflow="fold")
        table.add_column(overflow="fold")
        for key in columns:
            text = cell(record, key, answer.lang)
            if text:
                table.add_row(Text(answer.headers.get(key, key) or key), Text(text))
        blocks.append(table)
    return Group(*blocks)


def _add_columns(table: Table, answer: Answer, columns: tuple[str, ...]) -> None:
    for key in columns:
        numeric = _numeric(answer, key)
        table.add_column(
            Text(answer.headers.get(key, key)),
            overflow="fold",
            justify="right" if numeric else "left",
            min_width=_longest_word(answer, key),
            no_wrap=key in ("position",),
        )


def _row(answer: Answer, record: Record, columns: tuple[str, ...]) -> list[Text]:
    cells = []
    for key in columns:
        style = _STATUS_STYLE.get(str(record.get(key)), "") if key == "status" else ""
        cells.append(Text(cell(record, key, answer.lang), style=style))
    return cells


def _shown(answer: Answer, columns: tuple[str, ...]) -> tuple[str, ...]:
    """Columns with at least one value: an all-empty column says nothing."""
    kept = tuple(c for c in columns if any(cell(r, c, answer.lang) for r in answer.records))
    return kept or columns


def plain_table(answer: Answer, width: int) -> RenderableType:
    columns = _shown(answer, answer.columns)
    table = _table(answer)
    _add_columns(table, answer, columns)
    for record in answer.records:
        table.add_row(*_row(answer, record, columns))
    return table


def grouped_table(answer: Answer, width: int) -> RenderableType:
    """Rows grouped into sections by ``answer.group_by`` (the year, the topic)."""
    key = answer.group_by or ""
    columns = _shown(answer, tuple(c for c in answer.columns if c != key))
    table = _table(answer)
    table.add_column(Text(answer.headers.get(key, "")), style="bold", no_wrap=True)
    _add_columns(table, answer, columns)
    previous: object = object()
    for index, record in enumerate(answer.records):
        group = record.get(key)
        last = index + 1 == len(answer.records) or answer.records[index + 1].get(key) != group
        label = Text(cell(record, key, answer.lang)) if group != previous else Text("")
        table.add_row(label, *_row(answer, record, columns), end_section=last)
        previous = group
    return table


def bar_table(answer: Answer, width: int) -> RenderableType:
    """A table with a proportional bar beside each share."""
    columns = _shown(answer, answer.columns)
    bar_width = max(4, min(BAR_WIDTH, width // 5))
    table = _table(answer)
    _add_columns(table, answer, columns)
    table.add_column("", no_wrap=True, width=bar_width)
    shares = [r.get("share") or 0 for r in answer.records]
    top = max(shares, default=0) or 1
    for record, share in zip(answer.records, shares, strict=True):
        bar = Text("█" * max(1, round(bar_width * share / top)) if share else "", style="cyan")
        table.add_row(*_row(answer, record, columns), bar)
    return table


def chart(answer: Answer, width: int) -> RenderableType:
    """One row per state, one cell per year: █ member, ▓ founding state, ░ signed but not
    ratified, ▒ associate.

    Each year takes three columns ("91 "), or one on a narrow terminal, where the
    header shows the last digit of each year.
    """
    years = answer.records[0]["years"] if answer.records else []
    names = [cell(r, "country", answer.lang) for r in answer.records]
    name_width = max((len(n) for n in names), default=0)
    wide = name_width + 1 + 3 * len(years) <= width
    table = _table(answer, box=None, pad_edge=False, padding=(0, 1))
    table.add_column(Text(answer.headers.get("country", "")), overflow="fold")
    header = (
        " ".join(f"{y % 100:02d}" for y in years) if wide else "".join(str(y % 10) for y in years)
    )
    table.add_column(Text(header), no_wrap=True, min_width=len(header))
    cell_width = 2 if wide else 1
    marks = {
        "member": ("█", "green"),
        "founder": ("▓", "cyan"),
        "signatory": ("░", "blue"),
        "associate": ("▒", "yellow"),
    }
    for name, record in zip(names, answer.records, strict=True):
        line = Text()
        for index, status in enumerate(record["by_year"]):
            mark, style = marks.get(status or "", ("·", "dim"))
            line.append(mark * cell_width, style=style)
            if wide and index + 1 < len(years):
                line.append(" ")
        table.add_row(Text(name), line)
    return table


def fact_card(answer: Answer, width: int) -> RenderableType:
    """One record as a two-column field/value table."""
    table = _table(answer, show_header=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for record in answer.records:
        for key in answer.columns:
            text = cell(record, key, answer.lang)
            if text:
                table.add_row(Text(answer.headers.get(key, key)), Text(text))
    return table


def cite_text(answer: Answer, width: int) -> RenderableType:
    return Text("\n\n".join(visible(str(r["text"])) for r in answer.records))


VIEWS: dict[str, Callable[[Answer, int], RenderableType]] = {
    "table": plain_table,
    "grouped": grouped_table,
    "bars": bar_table,
    "chart": chart,
    "fact": fact_card,
    "cite": cite_text,
}


def _too_wide(table: Table, console: Console) -> bool:
    """Whether the table, drawn at the console's width, would need more columns.

    Rich keeps each column at least as wide as its longest word; when those minimums add
    up to more than the width, the drawn table is wider than the terminal and its right
    edge would be cut off.
    """
    floor = sum((column.min_width or 1) + 3 for column in table.columns) + 1
    if floor + 4 * len(table.columns) < console.width // 2:
        return False  # clearly fits: skip drawing it twice
    lines = Segment.split_lines(console.render(table, console.options))
    return max((Segment.get_line_length(line) for line in lines), default=0) > console.width


def render(answer: Answer, console: Console) -> None:
    """Draw ``answer`` with its view, then its notes, on ``console``."""
    body = VIEWS[answer.view](answer, console.width)
    if isinstance(body, Table) and answer.view != "chart" and _too_wide(body, console):
        body = cards(answer, _shown(answer, answer.columns))
    parts: list[RenderableType] = [Text(visible(answer.title), style="bold"), body]
    if answer.caption and answer.view != "cite":
        parts.append(Text(visible(answer.caption), style="italic"))
    parts.extend(Text(visible(note), style="dim") for note in (*answer.notes, *answer.caveats))
    console.print(Group(*parts))


def make_console(file: Any, color: str, width: int | None) -> Console:
    """A console that honours --color, NO_COLOR (no styles at all) and TERM=dumb."""
    import os

    no_color = bool(os.environ.get("NO_COLOR")) or color == "never"
    force = True if color == "always" else None
    return Console(
        file=file,
        force_terminal=force,
        no_color=no_color,
        color_system=None if no_color else "auto",
        width=width,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
    )
