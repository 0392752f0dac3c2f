"""The list's lines, taken from the presentation layer's view of an answer.

Each line shows the record's statement (or the country, mineral, partners it is about) and
its answer: the cells the command's own table shows for it (value and unit, standing,
share, status, date or period), worded and formatted in the chosen language.
"""

# Imported where used: the views load when the list is first drawn.

from __future__ import annotations

from cis_facts.browse.catalog import row_key
from cis_facts.frozen import Frozen
from cis_facts.render.localized import Localized, Record

LABEL_KEYS = ("label", "short", "country", "mineral", "partners")
ANSWER_KEYS = ("flow", "standing", "value", "share", "status", "since", "date", "period")


class Line(Frozen):
    """One line of the list: the fact (or country) behind it, or a heading."""

    key: str | None  # fact id or country code; None for a heading
    label: str
    answer: str = ""
    heading: bool = False


def title_and_lines(answer: Localized) -> tuple[str, list[Line]]:
    """The view's title and its tables' rows as lines, headings where a group starts."""
    from cis_facts.render.views import Table, view

    shown = view(answer)
    records = shown.records
    lines: list[Line] = []
    for block in shown.blocks:
        if not isinstance(block, Table):
            continue
        if block.heading:
            lines.append(Line(None, block.heading, heading=True))
        groups = block.groups or ("",) * len(block.rows)
        for row, of, group in zip(block.rows, block.of, groups, strict=True):
            if group:
                lines.append(Line(None, group, heading=True))
            lines.append(_line(records[of], dict(zip(block.keys, row, strict=True))))
    return shown.title, lines


def _line(record: Record, cells: dict[str, str]) -> Line:
    label = next((cells[k] for k in LABEL_KEYS if cells.get(k)), "")
    text = ""
    for key in ANSWER_KEYS:
        if not cells.get(key):
            continue
        part = cells[key] + (" %" if key == "share" else "")
        if key == "value" and cells.get("unit"):
            part += " " + cells["unit"]
        text += (" · " if text else "") + part
    return Line(row_key(record), label, text)
