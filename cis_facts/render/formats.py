"""A View in a text format: Markdown, or a machine format (json, jsonl, csv, tsv, plain)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from cis_facts.render.localized import Record
from cis_facts.render.machine import (
    RENDERERS,
    csv_pieces,
    json_pieces,
    jsonl_pieces,
    plain_pieces,
    table_columns,
    tsv_pieces,
)
from cis_facts.render.views import View, for_machines, with_columns

# Records a streamed format words for machines at a time: the text of 100,000 records is
# written as it is made, never held whole (nor a worded copy of every record).
BATCH = 1_000
STREAMED = {"json": json_pieces, "jsonl": jsonl_pieces}
TABLED = {"plain": plain_pieces, "tsv": tsv_pieces, "csv": csv_pieces}


def render_text(view: View, fmt: str, fields: Sequence[str] | None) -> str:
    """The view in a text format: markdown, or a machine format of its records."""
    if fmt == "markdown":
        # Imported here: a machine format loads no Markdown, its escaping or glyphs (with
        # query.contexts, 6 to 9 million instructions less a JSON call, benchmarks/instructions.py).
        from cis_facts.render.markdown import to_markdown

        return to_markdown(with_columns(view, fields) if fields else view)
    view = for_machines(view)
    return RENDERERS[fmt](view.records, tuple(fields) if fields else view.fields)


def render_pieces(
    view: View,
    fmt: str,
    fields: Sequence[str] | None,
    prepare: Callable[[Record], Record] | None = None,
) -> Iterator[str]:
    """``render_text`` of a machine format piece by piece, ``prepare`` applied to each
    record first (``safety.neutralise``): json and jsonl a record at a time, csv, tsv and
    plain a row at a time, their columns found in every record first."""
    names = tuple(fields) if fields else view.fields
    records = _worded(view, prepare)
    if fmt in STREAMED:
        yield from STREAMED[fmt](records, names)
    elif fmt in TABLED:
        # The columns are the records' own: wording for machines gives text, never an object.
        yield from TABLED[fmt](records, table_columns(view.records, names))
    else:
        yield render_text(view, fmt, fields)


def _worded(view: View, prepare: Callable[[Record], Record] | None) -> Iterator[Record]:
    """The view's records as ``for_machines`` words them, a batch at a time."""
    for start in range(0, len(view.records), BATCH):
        batch = view.records[start : start + BATCH]
        if prepare is not None:
            batch = tuple(map(prepare, batch))
        yield from for_machines(view.replace(records=batch)).records
