"""Paste-ready Markdown of a View: human headers, dates and numbers, notes as footnotes.

Data is escaped so it stays text: table pipes, backslashes, HTML (``<``, ``>``, ``&``),
link and image brackets, emphasis and code marks cannot change the document, and what
a GFM renderer would turn into a link by itself (``http://``, ``www.``, an e-mail address)
has a backslash escape in it, which such renderers do not link.
"""

from __future__ import annotations

from cis_facts.render.escape import escape
from cis_facts.render.glyphs import CHART_GLYPHS, legend
from cis_facts.render.views import Chart, Lines, Table, View


def _table(table: Table, labels: tuple[str, ...]) -> list[str]:
    lines = [f"**{escape(table.heading)}**", ""] if table.heading else []
    headers = [escape(h) for h in table.headers]
    has_groups = any(table.groups)
    if has_groups:
        headers.insert(0, "")
    lines.append("| " + " | ".join(headers) + " |")
    lines.append("|" + "|".join("---:" if n else "---" for n in _aligned(table, has_groups)) + "|")
    for index, row in enumerate(table.rows):
        cells = [escape(c) for c in row]
        mark = table.marks[index] if table.marks else 0
        if mark:
            cells[table.mark_column] += f"[^{labels[mark - 1]}]"
        if has_groups:
            cells.insert(0, escape(table.groups[index]))
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _aligned(table: Table, grouped: bool) -> list[bool]:
    return [False, *table.numeric] if grouped else list(table.numeric)


def _chart(chart: Chart) -> list[str]:
    header = "| " + escape(chart.name_header) + " | " + " | ".join(str(y) for y in chart.years)
    lines = [header + " |", "|---" + "|:-:" * len(chart.years) + "|"]
    for name, marks in zip(chart.names, chart.marks, strict=True):
        cells = " | ".join(CHART_GLYPHS[m][0] for m in marks)
        lines.append(f"| {escape(name)} | {cells} |")
    return lines


def _labels(view: View) -> tuple[str, ...]:
    """The footnote label of each note: the view's own, never a bare number (a number
    would collide with the notes of another output pasted into the same document)."""
    if len(view.note_labels) == len(view.notes):
        return view.note_labels
    raise ValueError("a view with notes but no footnote labels")


def to_markdown(view: View) -> str:
    """The view as Markdown: a bold title, its tables, notes as footnotes, the caption."""
    out = [f"**{escape(view.title)}**", ""]
    for block in view.blocks:
        if isinstance(block, Table):
            out += [*_table(block, _labels(view)), ""]
        elif isinstance(block, Chart):
            out += [*_chart(block), ""]
        elif isinstance(block, Lines):
            out += [*(escape(line) + "  " for line in block.lines), ""]
    out += [escape(legend(remark)) for remark in view.remarks]
    out += [escape(caveat) for caveat in view.caveats]
    if view.caption:
        out += ["", f"*{escape(view.caption)}*"]
    if view.notes:
        out.append("")
        pairs = zip(_labels(view), view.notes, strict=True)
        out += [f"[^{label}]: {escape(text)}" for label, text in pairs]
    return "\n".join(out).rstrip("\n") + "\n"
