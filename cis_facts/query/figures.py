"""The economic figures of the text, grouped by topic."""

# Imported where used: the search index loads only when no topic's name holds the topic asked.

from __future__ import annotations

from collections.abc import Sequence

from cis_facts.answer import Answer, Place, Row, place, sources_of
from cis_facts.errors import NotFoundError
from cis_facts.model import FactBase, Figure
from cis_facts.query.countries import index
from cis_facts.query.topics import by_topic, topics
from cis_facts.text import fold

FIELDS = (
    "topic",
    "id",
    "label",
    "measure",
    "value",
    "unit",
    "unit_text",
    "approximate",
    "date",
    "date_precision",
    "country",
    "source",
    "quote",
    "note",
)


class FigureRow(Row, kw_only=True):
    """A figure as it stands, with the country it names."""

    figure: Figure
    country: Place | None
    shows = (
        ("topic", "figure.topic"),
        ("id", "figure.id"),
        ("label", "figure.label"),
        ("measure", "figure.measure"),
        ("value", "figure.value"),
        ("unit", "figure.unit"),
        ("approximate", "figure.approximate"),
        ("date", "figure.date"),
        ("country", "country"),
        ("source", "figure.source"),
        ("quote", "figure.quote"),
        ("note", "figure.note_in"),
    )
    dates = frozenset({"date"})


def figure_rows(base: FactBase, figures: Sequence[Figure]) -> tuple[FigureRow, ...]:
    """A row per figure; the figures naming one country share its ``Place``."""
    countries = index(base)
    places: dict[str | None, Place | None] = {}
    rows = []
    for figure in figures:
        code = figure.country
        if code not in places:
            places[code] = place(countries, code)
        rows.append(FigureRow(figure=figure, country=places[code]))
    return tuple(rows)


def figures(base: FactBase, topic: str | None = None) -> Answer:
    """Figures in file order grouped by topic; ``topic`` keeps those whose topic starts so."""
    searched: str | None = None  # the topic asked for, when no topic is named so
    try:
        chosen = by_topic(base.figures, topic, "figures")
    except NotFoundError:
        found = _found_elsewhere(base, topic) if topic else []
        if not found:
            raise
        order = {t: i for i, t in enumerate(topics(base.figures))}
        chosen = sorted(found, key=lambda f: order[f.topic])
        searched = topic
    rows = figure_rows(base, chosen)
    return Answer(
        kind="figures",
        sources=sources_of(base, [f.source for f in chosen]),
        fields=FIELDS,
        rows=rows,
        context=searched,
    )


def _found_elsewhere(base: FactBase, topic: str) -> list[Figure]:
    """Figures of the topics whose name holds ``topic``, else the figures a search finds."""
    wanted = fold(topic)
    named = [f for f in base.figures if wanted in fold(f.topic)]
    if named:
        return named
    from cis_facts.query.search import build

    records, matcher = build(base)
    hits = [h for h in matcher.search(matcher.words(topic)) if records[h.doc].kind == "figure"]
    # Figures that match only in passing (a word of a note) would bury the answer.
    best = hits[0].score if hits else 0.0
    found = [records[h.doc].record for h in hits if h.score >= best / 2]
    return [r for r in found if isinstance(r, Figure)]
