"""A View in a text format: Markdown, or a machine format (json, jsonl, csv, tsv, plain)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from cis_facts.render.localized import Record
from cis_facts.render.machine import RENDERERS, json_pieces, jsonl_pieces
from cis_facts.render.markdown import to_markdown
from cis_facts.render.views import View, for_machines, with_columns

# Records a streamed format words for machines at a time: the text of 100,000 records is
# written as it is made, never held whole (nor a worded copy of every record).
BATCH = 1_000
STREAMED = {"json": json_pieces, "jsonl": jsonl_pieces}


def render_text(view: View, fmt: str, fields: Sequence[str] | None) -> str:
    """The view in a text format: markdown, or a machine format of its records."""
    if fmt == "markdown":
        return to_markdown(with_columns(view, fields) if fields else view)
    view = for_machines(view)
    return RENDERERS[fmt](view.records, tuple(fields) if fields else view.fields)


def render_pieces(view: View, fmt: str, fields: Sequence[str] | None) -> Iterator[str]:
    """``render_text`` piece by piece: json and jsonl a record at a time, the other
    formats whole."""
    pieces = STREAMED.get(fmt)
    if pieces is None:
        yield render_text(view, fmt, fields)
        return
    yield from pieces(_worded(view), tuple(fields) if fields else view.fields)


def _worded(view: View) -> Iterator[Record]:
    """The view's records as ``for_machines`` words them, a batch at a time."""
    for start in range(0, len(view.records), BATCH):
        yield from for_machines(view.replace(records=view.records[start : start + BATCH])).records
