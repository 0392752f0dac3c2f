"""Draw a View on a terminal with Rich: tables, share bars, the membership chart, cards.

Text from the data is always wrapped in ``rich.text.Text``, so markup or emoji codes in
a fact are shown literally; the View has already made control characters visible.
Layout is chosen the same way for every command: a table whose text columns would be
squeezed below ``MIN_TEXT`` characters is drawn stacked, one card per row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import rich._wrap
from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.measure import Measurement
from rich.table import Table as RichTable
from rich.text import Text as RichText

from cis_facts.environment import Environment
from cis_facts.render.glyphs import CHART_GLYPHS, legend
from cis_facts.render.views import Block, Chart, Lines, Table, View

BAR_WIDTH = 24  # at most; narrower terminals get a shorter bar
MIN_TEXT = 18  # a text column of sentences narrower than this reads as fragments
MAX_WORD = 24  # longer words (rare) may still fold
SHORT_NUMBER = 12  # a number column this narrow never wraps
STATUS_STYLE = {
    "status.member": "green",
    "status.founder": "cyan",
    "status.associate": "yellow",
    "status.signatory": "blue",
    "status.acceding": "blue",
    "status.changed": "green",
    "status.left": "red",
    "status.uncertain": "magenta",
}
# Rich breaks lines at any white space, the no-break ones too («48 ⏎ %-ға», «10 ⏎ 215,1»).
# Its word pattern is made to treat no-break spaces (U+00A0, U+2007, U+202F) as part of a
# word, so a number, its unit and a date stay on one line at every width; a word joined
# so is still folded when it is wider than its column, as any long word is.
NO_BREAK = "\u00a0\u2007\u202f"
rich._wrap.re_word = re.compile(f"[^\\S{NO_BREAK}]*[\\S{NO_BREAK}]+[^\\S{NO_BREAK}]*")
_BREAKS = re.compile(f"[^\\S{NO_BREAK}]+")


class Text(RichText):
    """Rich's Text, whose narrowest width is its widest run joined by no-break spaces, so
    a table gives «−1 percentage point» a column it fits in rather than folding it."""

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        plain = self.plain
        widest = max((cell_len(line) for line in plain.splitlines()), default=0)
        words = [w for w in _BREAKS.split(plain) if w]
        return Measurement(max((cell_len(w) for w in words), default=widest), widest)


LEGEND_GAP = "   "


def _packed(text: str, width: int) -> str:
    """A legend's entries (separated by LEGEND_GAP) packed into lines, never split inside one."""
    if LEGEND_GAP not in text:
        return text
    lines: list[str] = []
    for entry in text.split(LEGEND_GAP):
        if lines and len(lines[-1]) + len(LEGEND_GAP) + len(entry) <= width:
            lines[-1] += LEGEND_GAP + entry
        else:
            lines.append(entry)
    return "\n".join(lines)


def _marked(text: str, mark: int) -> Text:
    return Text(f"{text} [{mark}]" if mark else text)


def _rich_table(table: Table, width: int) -> RichTable:
    """A bordered table; a group label heads its rows on a line of its own."""
    rich = RichTable(box=box.HEAVY_HEAD, title_justify="left")
    for index, (header, numeric) in enumerate(zip(table.headers, table.numeric, strict=True)):
        short = all(len(row[index]) <= SHORT_NUMBER for row in table.rows)
        whole = min(max((_longest_run(row[index]) for row in table.rows), default=0), MAX_WORD)
        rich.add_column(
            Text(header),
            overflow="fold",
            justify="right" if numeric else "left",
            no_wrap=numeric and short,
            max_width=max(SHORT_NUMBER, width // 5, whole) if numeric and not short else None,
        )
    bar_width = max(4, min(BAR_WIDTH, width // 5))
    if table.bars:
        rich.add_column("", no_wrap=True, width=bar_width)
    top = max(table.bars, default=0) or 1
    blank = [Text("")] * (len(table.headers) - 1 + (1 if table.bars else 0))
    for index, row in enumerate(table.rows):
        if table.groups and table.groups[index]:
            if index:
                rich.rows[-1].end_section = True
            rich.add_row(Text(table.groups[index], style="bold"), *blank)
        cells = [
            Text(text, style=STATUS_STYLE.get(table.styles[index][c], "") if table.styles else "")
            for c, text in enumerate(row)
        ]
        if table.marks and table.marks[index]:
            cells[table.mark_column].append(f" [{table.marks[index]}]")
        if table.bars:
            share = table.bars[index]
            bar = "█" * max(1, round(bar_width * share / top)) if share else ""
            cells.append(Text(bar, "cyan"))
        rich.add_row(*cells)
    return rich


def _longest_run(text: str) -> int:
    """The widest part of ``text`` between the spaces a line may break at."""
    return max((cell_len(w) for w in _BREAKS.split(text)), default=0)


def _needed(table: Table, index: int) -> int:
    """The narrowest a text column may be: its longest word; MIN_TEXT for sentences."""
    texts = [row[index] for row in table.rows]
    need = min(max((_longest_run(t) for t in texts), default=1), MAX_WORD)
    if max((len(t) for t in texts), default=0) > 2 * MIN_TEXT:
        need = max(need, MIN_TEXT)
    return need


def _squeezed(rich: RichTable, table: Table, console: Console) -> bool:
    """Whether the table cannot keep every text column at its narrowest readable width.

    Rich collapses columns ignoring their ``min_width`` and then clamps them back up to it,
    so a table that cannot fit comes out wider than the terminal: that, or a text column
    narrower than it needs, sends the table to the stacked layout.
    """
    options = console.options.update_width(console.width - rich._extra_width)
    # Rich's own layout, padding included (one space each side).
    widths = rich._calculate_column_widths(console, options)
    if sum(widths) + rich._extra_width > console.width:
        return True
    return any(
        widths[index] - 2 < _needed(table, index)
        for index, numeric in enumerate(table.numeric)
        if not numeric
    )


def _stacked(table: Table) -> RenderableType:
    """Each row as its own header/value card, for terminals too narrow for the table."""
    blocks: list[RenderableType] = []
    for index, row in enumerate(table.rows):
        card = RichTable(show_header=False, box=box.SIMPLE_HEAD, pad_edge=False)
        card.add_column(style="bold", overflow="fold")
        card.add_column(overflow="fold")
        if table.groups and table.groups[index]:
            card.add_row(Text(table.groups[index]), Text(""))
        for column, (header, text) in enumerate(zip(table.headers, row, strict=True)):
            if text:
                mark = table.marks[index] if table.marks and column == table.mark_column else 0
                card.add_row(Text(header), _marked(text, mark))
        blocks.append(card)
    return Group(*blocks)


def _card(table: Table, width: int) -> RenderableType:
    """A two-column field/value table (``show``)."""
    rich = RichTable(show_header=False, box=box.SQUARE)
    rich.add_column(style="bold", max_width=max(8, width // 3))
    rich.add_column(overflow="fold")
    for label, text in table.rows:
        rich.add_row(Text(label), Text(text))
    return rich


def _chart(chart: Chart, width: int) -> RenderableType:
    """One row per state, one cell per year ("91 "), or one character a year when narrow;
    when even that leaves no room beside the names, each name on a line of its own with its
    marks below (so names stay whole at any width, and a span of many years wraps)."""
    name_width = max((len(n) for n in chart.names), default=0)
    if name_width + 1 + len(chart.years) > width:
        return _stacked_chart(chart)
    wide = name_width + 1 + 3 * len(chart.years) <= width
    rich = RichTable(box=None, pad_edge=False, padding=(0, 1))
    rich.add_column(Text(chart.name_header), overflow="fold")
    years = chart.years
    header = " ".join(f"{y % 100:02d}" for y in years) if wide else _year_ruler(years)
    width_of = max(len(line) for line in header.split("\n"))
    rich.add_column(Text(header), no_wrap=True, min_width=width_of)
    for name, marks in zip(chart.names, chart.marks, strict=True):
        line = Text()
        for index, mark in enumerate(marks):
            glyph, style = CHART_GLYPHS[mark]
            line.append(glyph * (2 if wide else 1), style=style)
            if wide and index + 1 < len(marks):
                line.append(" ")
        rich.add_row(Text(name), line)
    return rich


def _year_ruler(years: Sequence[int]) -> str:
    """A header of one character a year: the first year and every year ending in 0 written
    out where there is room, over a line that marks their columns with ``|``."""
    labels = [" "] * len(years)
    ticks = [" "] * len(years)
    free = 0  # the first column a label may start at
    for at, year in enumerate(years):
        text = str(year)
        if (at == 0 or year % 10 == 0) and at >= free and at + len(text) <= len(years):
            labels[at : at + len(text)] = text
            ticks[at] = "|"
            free = at + len(text) + 1
    return "".join(labels).rstrip() + "\n" + "".join(ticks).rstrip()


def _stacked_chart(chart: Chart) -> RenderableType:
    lines = Text()
    for index, (name, marks) in enumerate(zip(chart.names, chart.marks, strict=True)):
        if index:
            lines.append("\n")
        lines.append(name, style="bold")
        lines.append("\n")
        for mark in marks:
            glyph, style = CHART_GLYPHS[mark]
            lines.append(glyph, style=style)
    lines.overflow = "fold"
    return lines


def _block(block: Block, console: Console) -> RenderableType:
    if isinstance(block, Chart):
        return _chart(block, console.width)
    if isinstance(block, Lines):
        return Text("\n".join(block.lines))
    if block.headers == ("", ""):
        return _card(block, console.width)
    rich = _rich_table(block, console.width)
    body: RenderableType = _stacked(block) if _squeezed(rich, block, console) else rich
    if block.heading:
        return Group(Text(""), Text(block.heading, style="bold"), body)
    return body


def render(view: View, console: Console) -> None:
    """Draw ``view``: title, blocks, caption, numbered notes, remarks and caveats."""
    parts: list[RenderableType] = [Text(view.title, style="bold")]
    parts += [_block(block, console) for block in view.blocks]
    if view.caption:
        parts.append(Text(view.caption, style="italic"))
    parts += [Text(f"[{n}] {note}") for n, note in enumerate(view.notes, start=1)]
    wide = not any(isinstance(b, Chart) for b in view.blocks) or console.width >= 80
    parts += [
        Text(_packed(legend(remark, wide), console.width), style="dim") for remark in view.remarks
    ]
    parts += [Text(caveat, style="dim") for caveat in view.caveats]
    console.print(Group(*parts))


def make_console(env: Environment, color: str) -> Console:
    """A console on the Environment's stdout honouring --color, NO_COLOR and TERM=dumb.

    An explicit ``--color always`` wins over ``NO_COLOR``, as no-color.org asks."""
    no_color = color == "never" or (env.no_color and color != "always")
    force: bool | None = True if color == "always" else None
    if force is None and env.stdout_isatty:
        force = True
    return Console(
        file=env.out,
        force_terminal=force,
        no_color=no_color,
        color_system=None if no_color else "auto",
        width=env.width,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
        _environ=dict(env.environ),
    )
