"""The economic figures of the text, grouped by topic."""

# Imported where used: the search index loads only when no topic's name holds the topic asked.

from __future__ import annotations

from cis_facts.answer import Answer, Record, country_obj, date_fields, sources_of
from cis_facts.errors import NotFoundError
from cis_facts.model import FactBase, Figure, Lang
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


def figure_record(base: FactBase, figure: Figure, lang: Lang) -> Record:
    record: Record = {
        "topic": figure.topic,
        "id": figure.id,
        "label": figure.label(lang),
        "measure": figure.measure,
        "value": figure.value,
        "unit": figure.unit,
        "approximate": figure.approximate,
    }
    record.update(date_fields("date", figure.date))
    record.update(
        country=country_obj(index(base), figure.country, lang),
        source=figure.source,
        quote=figure.quote,
        note=figure.note_in(lang),
    )
    return record


def figures(base: FactBase, lang: Lang, topic: str | None = None) -> Answer:
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
    records = tuple(figure_record(base, f, lang) for f in chosen)
    return Answer(
        kind="figures",
        lang=lang,
        sources=sources_of(base, [r["source"] for r in records]),
        fields=FIELDS,
        records=records,
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
