"""The detail pane's text for one fact or country, built from the ``show`` answer.

Data is appended as plain text, never parsed as markup, so ``[b]`` in a label shows as is.
"""

# Imported where used: the query and render layers load when a fact is first opened in the detail
# pane.

from __future__ import annotations

from rich.text import Text

from cis_facts.browse import catalog
from cis_facts.i18n import word
from cis_facts.model import QUOTE_TRANSLATOR, AnyFact, Country, FactBase, Lang
from cis_facts.render.human import guillemets
from cis_facts.render.localized import Record


def _field(text: Text, name: str, value: str | None) -> None:
    if value:
        text.append(f"\n{name}: ", style="bold")
        text.append(value)


def _block(text: Text, name: str, value: str | None, style: str = "") -> None:
    if value:
        text.append(f"\n\n{name}\n", style="bold")
        text.append(value, style=style)


def _value(record: Record, lang: Lang) -> str | None:
    """The figure as the command's tables word it."""
    from cis_facts.render import views

    return views.figure_text(record, lang)


def _date(record: Record, lang: Lang) -> str | None:
    from cis_facts.render import views

    return views.cell(record, "date", lang) or None


def _translation(text: Text, record: AnyFact | Country, lang: Lang) -> None:
    """The quote in the reader's language, credited as this project's translation."""
    translation = record.quote_in(lang)
    if translation:
        _block(
            text,
            word("quote_translation", lang, translator=QUOTE_TRANSLATOR),
            guillemets(translation),
        )


def _related(text: Text, facts: list[AnyFact], lang: Lang) -> None:
    if not facts:
        return
    text.append(f"\n\n{word('browse.related', lang)}", style="bold")
    for fact in facts:
        text.append(f"\n{fact.id}", style="dim")
        text.append(f"  {fact.label(lang)}")


def fact_text(base: FactBase, fact_id: str, lang: Lang) -> Text:
    """Label, value, date or period, quote, the source's sentence, note, document, related."""
    from cis_facts.query import facts
    from cis_facts.query.records import find
    from cis_facts.render.localized import localize

    record = localize(facts.show(base, fact_id, with_context=True), lang).records[0]
    fact = find(base, fact_id)
    sources = {s.id: s for s in base.sources}
    text = Text(fact.label(lang), style="bold")
    text.append(f"\n{fact.id}", style="dim")
    _field(text, word("browse.value", lang), _value(record, lang))
    _field(text, word("browse.date", lang), _date(record, lang))
    _field(text, word("browse.period", lang), fact.period(lang))
    _block(text, word("browse.quote", lang), guillemets(fact.quote), "italic")
    _translation(text, fact, lang)
    _block(text, word("browse.context", lang), record.get("context"))
    note_source = sources.get(fact.note_source) if fact.note_source else None
    _block(text, word("browse.note", lang), fact.note_in(lang))
    _field(text, word("browse.document", lang), note_source.title if note_source else None)
    _field(text, word("browse.source", lang), record.get("source_title") or fact.source)
    _related(text, catalog.related(base, fact_id), lang)
    return text


def country_text(base: FactBase, country: Country, lang: Lang) -> Text:
    """A country's names, quote and note, and the facts naming it."""
    text = Text(country.name(lang), style="bold")
    text.append(f"\n{country.code}", style="dim")
    _field(text, word("browse.names", lang), ", ".join(country.all_names()[1:]))
    _block(text, word("browse.quote", lang), guillemets(country.quote), "italic")
    _translation(text, country, lang)
    _block(text, word("browse.note", lang), country.note_in(lang))
    source = next((s for s in base.sources if s.id == country.source), None)
    _field(text, word("browse.source", lang), source.title if source else country.source)
    _related(text, catalog.related(base, country.code), lang)
    return text


def text_for(base: FactBase, key: str, lang: Lang) -> Text:
    """The detail of the fact with id ``key``, else of the country with code ``key``."""
    country = catalog.country(base, key)
    if country is not None and not any(f.id == key for f in base.facts()):
        return country_text(base, country, lang)
    return fact_text(base, key, lang)
