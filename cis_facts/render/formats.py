"""A View in a text format: Markdown, or a machine format (json, jsonl, csv, tsv, plain)."""

from __future__ import annotations

from collections.abc import Sequence

from cis_facts.render.machine import RENDERERS
from cis_facts.render.markdown import to_markdown
from cis_facts.render.views import View, for_machines, with_columns


def render_text(view: View, fmt: str, fields: Sequence[str] | None) -> str:
    """The view in a text format: markdown, or a machine format of its records."""
    if fmt == "markdown":
        return to_markdown(with_columns(view, fields) if fields else view)
    view = for_machines(view)
    return RENDERERS[fmt](view.records, tuple(fields) if fields else view.fields)
