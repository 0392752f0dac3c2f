"""One fact in full (``show``) and the pieces of its citation (``cite``)."""

# Imported where used: the country profile, the source texts (locators) and the changelog load
# only for the answer that shows them.

from __future__ import annotations

from collections.abc import Sequence

from cis_facts.answer import Answer, Row, sources_of
from cis_facts.model import AnyFact, Country, FactBase
from cis_facts.query.contexts import CiteContext, Cited
from cis_facts.query.countries import index
from cis_facts.query.records import WholeFact, find, translator
from cis_facts.verify import Locator, locate, packaged_text
from cis_facts.version import __version__

CITE_STYLES = (
    "plain",
    "markdown",
    "html",
    "wikipedia",
    "bibtex",
    "csl-json",
    "apa",
    "chicago",
    "gost",
    "mla",
)
CITE_FIELDS = (
    "id",
    "style",
    "text",
    "sentence",
    "citation",
    "quote",
    "quote_en",
    "quote_kk",
    "quote_ru",
    "quote_translator",
    "note",
    "note_source",
    "note_source_title",
    "source",
    "source_title",
    "source_language",
    "paragraph",
    "sentence_number",
    "version",
)


def show(base: FactBase, fact_id: str, with_context: bool = False) -> Answer:
    """Every field of the fact with this id, with the titles of the sources it names;
    with ``with_context``, the source's sentence around the quote. A country's code (the
    id search gives a country, ``GE``) shows the country's profile, as ``country`` does."""
    country = _country_coded(base, fact_id)
    if country is not None:
        from cis_facts.query.profile import profile

        return profile(base, country)
    fact = find(base, fact_id)
    sources = {s.id: s for s in base.sources}
    source = sources.get(fact.source)
    note_source = sources.get(fact.note_source) if fact.note_source else None
    changed, change = _last_change(fact)
    context: str | None = None
    if with_context:
        from cis_facts.verify import context as around
        from cis_facts.verify import packaged_text

        text = packaged_text(source) if source else None
        context = around(text, fact.quote) if text else None
    row = WholeFact(
        fact=fact,
        countries=index(base),
        source_title=source.title if source else None,
        note_source_title=note_source.title if note_source else None,
        changed=changed,
        change=change,
        context=context,
        with_context=with_context,
    )
    return Answer(
        kind="show",
        sources=sources_of(base, [fact.source, *([fact.note_source] if fact.note_source else [])]),
        fields=(),  # the record's own: every field of the fact's kind
        rows=(row,),
        context=fact,
    )


def _last_change(fact: AnyFact) -> tuple[str | None, str | None]:
    """The release in which a packaged fact was added or last corrected, and which of the
    two (CHANGELOG.md); (None, None) for a fact from the user's own files."""
    from cis_facts.loader import packaged_base

    if fact.origin != packaged_base():
        return None, None
    from cis_facts import changelog

    change = changelog.shipped().last(fact.id)
    return (change.version, change.how) if change else (None, None)


def _country_coded(base: FactBase, code: str) -> Country | None:
    """The country whose code is ``code`` (any case), unless a fact has that id."""
    wanted = code.strip().upper()
    country = next((c for c in base.countries if c.code == wanted), None)
    if country is None or any(f.id == code for f in base.facts()):
        return None
    return country


def cite(base: FactBase, fact_ids: Sequence[str], style: str, csl: str | None = None) -> Answer:
    """The facts with these ids (each once, in the order given), their sources, the
    documents behind their corrections and the locators of their quotes, for citations.

    The sentences and the formatted citations are written by the presentation layer, in
    the chosen language and style.
    """
    facts = [find(base, fact_id) for fact_id in dict.fromkeys(fact_ids)]
    sources = {s.id: s for s in base.sources}
    placed: dict[str, dict[str, Locator]] = {}
    for source_id in dict.fromkeys(f.source for f in facts):
        source = sources.get(source_id)
        text = packaged_text(source) if source else None
        # Only the cited quotes are located: locating every quote of the text costs 0.3 s.
        placed[source_id] = {
            fact.id: where
            for fact in facts
            if fact.source == source_id and text and (where := locate(text, fact.quote))
        }
    items = tuple(
        Cited(
            fact=fact,
            source=sources.get(fact.source),
            note_source=sources.get(fact.note_source) if fact.note_source else None,
            locator=placed[fact.source].get(fact.id),
        )
        for fact in facts
    )
    return Answer(
        kind="cite",
        sources=sources_of(base, [f.source for f in facts]),
        fields=CITE_FIELDS,
        rows=tuple(_cite_row(item, style, __version__) for item in items),
        context=CiteContext(
            items=items,
            style=style,
            countries=index(base),
            version=__version__,
            csl=csl,
        ),
    )


class CiteRow(Row, kw_only=True):
    """A fact to cite; its sentence and citation are written by the presentation layer."""

    id: str
    style: str
    text: None = None
    sentence: None = None
    citation: None = None
    quote: str
    quote_en: str | None
    quote_kk: str | None
    quote_ru: str | None
    quote_translator: str | None
    note: str | None
    note_source: str | None
    note_source_title: str | None
    source: str
    source_title: str | None
    source_language: str | None
    paragraph: int | None
    sentence_number: int | None
    version: str


def _cite_row(item: Cited, style: str, version: str) -> CiteRow:
    fact, source, note_source, where = item.fact, item.source, item.note_source, item.locator
    return CiteRow(
        id=fact.id,
        style=style,
        quote=fact.quote,
        quote_en=fact.quote_en,
        quote_kk=fact.quote_kk,
        quote_ru=fact.quote_ru,
        quote_translator=translator(fact),
        note=fact.note,
        note_source=fact.note_source,
        note_source_title=note_source.title if note_source else None,
        source=fact.source,
        source_title=source.title if source else None,
        source_language=source.language if source else None,
        paragraph=where.paragraph if where else None,
        sentence_number=where.sentence if where else None,
        version=version,
    )
