"""One fact in full (``show``) and the pieces of its citation (``cite``)."""

from __future__ import annotations

from collections.abc import Mapping

from cis_facts.answer import Answer, Record, source_titles
from cis_facts.frozen import Frozen
from cis_facts.model import AnyFact, Country, FactBase, Lang, Source
from cis_facts.query.countries import index
from cis_facts.query.records import find, full_record

CITE_STYLES = ("plain", "markdown", "html", "wikipedia", "bibtex", "csl-json")
CITE_FIELDS = (
    "id",
    "style",
    "text",
    "sentence",
    "citation",
    "quote",
    "note",
    "note_source",
    "note_source_title",
    "source",
    "source_title",
    "source_language",
)


class CiteContext(Frozen, kw_only=True):
    """The fact, the source it quotes, the document behind its correction, the style."""

    fact: AnyFact
    source: Source | None
    note_source: Source | None
    style: str
    countries: Mapping[str, Country]


def show(base: FactBase, fact_id: str, lang: Lang, with_context: bool = False) -> Answer:
    """Every field of the fact with this id, with the titles of the sources it names;
    with ``with_context``, the source's sentence around the quote."""
    fact = find(base, fact_id)
    record = full_record(base, fact, lang)
    sources = {s.id: s for s in base.sources}
    source = sources.get(fact.source)
    note_source = sources.get(fact.note_source) if fact.note_source else None
    record["source_title"] = source.title if source else None
    record["note_source_title"] = note_source.title if note_source else None
    if with_context:
        from cis_facts.verify import context, packaged_text

        text = packaged_text(source) if source else None
        record["context"] = context(text, fact.quote) if text else None
    return Answer(
        kind="show",
        lang=lang,
        source_titles=source_titles(base, [fact.source]),
        fields=tuple(record),
        records=(record,),
        context=fact,
    )


def cite(base: FactBase, fact_id: str, style: str, lang: Lang) -> Answer:
    """The fact, its source and the document behind its correction, for a citation.

    The sentence and the formatted citation are written by the presentation layer, in
    the chosen language and style.
    """
    fact = find(base, fact_id)
    sources = {s.id: s for s in base.sources}
    source = sources.get(fact.source)
    note_source = sources.get(fact.note_source) if fact.note_source else None
    record: Record = {
        "id": fact.id,
        "style": style,
        "text": None,
        "sentence": None,
        "citation": None,
        "quote": fact.quote,
        "note": fact.note,
        "note_source": fact.note_source,
        "note_source_title": note_source.title if note_source else None,
        "source": fact.source,
        "source_title": source.title if source else None,
        "source_language": source.language if source else None,
    }
    return Answer(
        kind="cite",
        lang=lang,
        source_titles=source_titles(base, [fact.source]),
        fields=CITE_FIELDS,
        records=(record,),
        context=CiteContext(
            fact=fact,
            source=source,
            note_source=note_source,
            style=style,
            countries=index(base),
        ),
    )
