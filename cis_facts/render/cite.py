"""Citations a writer can paste: a sentence stating the fact, its source, its quote.

The sentence carries the fact's date or period, value and unit; when the fact carries a
correction, the correction and the document it rests on follow, so the sentence never
disagrees with its quote unexplained. Styles: plain, markdown (a footnote), html,
wikipedia (a ``{{cite …}}`` template), and for the source records bibtex and csl-json.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Mapping
from typing import Any

from cis_facts.answer import Answer
from cis_facts.dates import When
from cis_facts.i18n import agreeing, word
from cis_facts.inert import visible
from cis_facts.model import AnyFact, Country, Event, Lang, Source, TradeShare
from cis_facts.query.facts import CiteContext
from cis_facts.render import human
from cis_facts.render.markdown import escape as md_escape


class Cited:
    """The pieces every style arranges: sentence, source, quote, correction."""

    def __init__(self, answer: Answer) -> None:
        context = answer.context
        if not isinstance(context, CiteContext):
            raise TypeError("a cite answer without its CiteContext")
        self.lang: Lang = answer.lang
        self.style = context.style
        self.fact: AnyFact = context.fact
        self.source: Source | None = context.source
        self.note_source: Source | None = context.note_source
        self.countries: Mapping[str, Country] = context.countries
        self.sentence = visible(sentence(self.fact, self.countries, self.lang))
        self.title = visible(self.source.title if self.source else self.fact.source)
        self.quote = visible(self.fact.quote)
        note = self.fact.note_in(self.lang)
        self.note = visible(note) if note else None
        self.document = visible(self.note_source.title) if self.note_source else None

    def w(self, key: str) -> str:
        return word(key, self.lang)


def _names(codes: tuple[str, ...], countries: Mapping[str, Country], lang: Lang) -> list[str]:
    return [countries[c].name(lang) if c in countries else c for c in codes]


def _joined(names: list[str], lang: Lang) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {word('and', lang)} {names[-1]}"


def sentence(fact: AnyFact, countries: Mapping[str, Country], lang: Lang) -> str:
    """One complete sentence in ``lang`` stating the fact with its date or period."""
    text = _sentence(fact, countries, lang)
    # A sentence ending in an abbreviation ("2009 г.") takes no second full stop.
    return text[:-1] if text.endswith("..") else text


def _sentence(fact: AnyFact, countries: Mapping[str, Country], lang: Lang) -> str:
    if isinstance(fact, Event) and fact.participants:
        key = {"left": "withdrawal", "associate": "associate"}.get(fact.status or "")
        if key is None and fact.kind == "accession":
            key = "accession"
        if key is not None:
            names = _names(fact.participants, countries, lang)
            said = human.sentence_when(fact.date, lang)
            template = agreeing(f"sentence.{key}", names, lang)
            return word(template, lang, who=_joined(names, lang), when=said)
    if isinstance(fact, TradeShare) and fact.date is not None:
        who = _joined(_names((fact.country,), countries, lang), lang)
        share = human.number(fact.share, lang) if fact.share is not None else ""
        ordinal = _english_ordinal_word(fact.position)
        return word(
            f"sentence.{fact.flow}",
            lang,
            year=fact.date.start.year,
            who=who,
            share=share,
            n=fact.position,
            ordinal=ordinal,
        )
    label = fact.label(lang).strip().rstrip(".")
    period = fact.period(lang)
    date = getattr(fact, "date", None)
    when = period or (human.long_when(date, lang) if date is not None else None)
    if when and not _states_its_date(label, period, date):
        return word("sentence.dated", lang, label=label, when=when)
    return label + "."


def _states_its_date(label: str, period: str | None, date: When | None) -> bool:
    """Whether the label already says when: it holds the period the text gives, or every
    year of the fact's date (a sentence should not repeat its date in brackets)."""
    if period:
        return period.casefold() in label.casefold()
    if date is None:
        return False
    years = {date.start.year} | ({date.end.year} if date.end is not None else set())
    return all(str(year) in label for year in years)


_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


def _english_ordinal_word(n: int) -> str:
    if 1 <= n <= len(_ORDINAL_WORDS):
        return _ORDINAL_WORDS[n - 1]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _plain(c: Cited) -> str:
    lines = [c.sentence, f"{c.w('cite.source')}: {c.title}; {c.w('cite.quote')}: «{c.quote}»"]
    if c.note:
        document = f" ({c.w('cite.document')}: {c.document})" if c.document else ""
        lines.append(f"{c.w('cite.correction')}: {c.note}{document}")
    return "\n".join(lines)


def _markdown(c: Cited) -> str:
    key = c.fact.id
    note = f"[^{key}]: *{md_escape(c.title)}*; {c.w('cite.quote')}: «{md_escape(c.quote)}»"
    if c.note:
        document = f" ({c.w('cite.document')}: *{md_escape(c.document)}*)" if c.document else ""
        note += f". {c.w('cite.correction')}: {md_escape(c.note)}{document}"
    return f"{md_escape(c.sentence)}[^{key}]\n\n{note}"


def _html(c: Cited) -> str:
    e = html.escape
    key = e(c.fact.id)
    item = f"<cite>{e(c.title)}</cite>; {e(c.w('cite.quote'))}: <q>{e(c.quote)}</q>"
    if c.note:
        item += f". {e(c.w('cite.correction'))}: {e(c.note)}"
        if c.document:
            item += f" ({e(c.w('cite.document'))}: <cite>{e(c.document)}</cite>)"
    return (
        f'<p>{e(c.sentence)}<sup><a href="#cite-{key}">[1]</a></sup></p>\n'
        f'<ol class="references">\n  <li id="cite-{key}">{item}</li>\n</ol>'
    )


def _wiki(value: str) -> str:
    """A template parameter value: pipes and braces would end or open a template."""
    return (
        value.replace("{{", "&#123;&#123;")
        .replace("}}", "&#125;&#125;")
        .replace("<", "&lt;")
        .replace("|", "{{!}}")
    )


def _wikipedia(c: Cited) -> str:
    language = c.source.language if c.source else ""
    template = f"{{{{cite book |title={_wiki(c.title)} |language={_wiki(language)}"
    template += f" |quote={_wiki(c.quote)}}}}}"
    text = f'{_wiki(c.sentence)}<ref name="{c.fact.id}">{template}</ref>'
    if c.note:
        document = ""
        if c.document and c.note_source is not None:
            document = (
                f" {{{{cite document |title={_wiki(c.document)} "
                f"|language={_wiki(c.note_source.language)}}}}}"
            )
        text += f'<ref name="{c.fact.id}-note">{_wiki(c.note)}{document}</ref>'
    return text


def _sources(c: Cited) -> list[Source]:
    return [s for s in (c.source, c.note_source) if s is not None]


def _bibtex_value(text: str) -> str:
    return "".join("\\" + ch if ch in "{}\\%&$#_^~" else ch for ch in text)


def _bibtex(c: Cited) -> str:
    entries = []
    for source in _sources(c):
        fields = [f"  title = {{{_bibtex_value(visible(source.title))}}}"]
        fields.append(f"  language = {{{_bibtex_value(source.language)}}}")
        if source.citation:
            fields.append(f"  note = {{{_bibtex_value(visible(source.citation))}}}")
        entries.append(f"@misc{{{source.id},\n" + ",\n".join(fields) + "\n}")
    return "\n\n".join(entries)


def _csl_json(c: Cited) -> str:
    items: list[dict[str, Any]] = []
    for source in _sources(c):
        item: dict[str, Any] = {
            "id": source.id,
            "type": "document",
            "title": source.title,
            "language": source.language,
        }
        if source.citation:
            item["note"] = source.citation
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2)


STYLES: dict[str, Callable[[Cited], str]] = {
    "plain": _plain,
    "markdown": _markdown,
    "html": _html,
    "wikipedia": _wikipedia,
    "bibtex": _bibtex,
    "csl-json": _csl_json,
}


def parts(answer: Answer) -> dict[str, Any]:
    """The language-dependent fields of a cite record: sentence, citation, text."""
    cited = Cited(answer)
    text = STYLES[cited.style](cited)
    plain = text.removeprefix(cited.sentence) if cited.style == "plain" else text
    citation = plain.strip()
    return {"sentence": cited.sentence, "citation": citation, "text": text, "note": cited.note}
