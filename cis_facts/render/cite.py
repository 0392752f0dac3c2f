"""Citations a writer can paste: a sentence stating the fact, its source, its quote.

The sentence carries the fact's date or period, value and unit; when the fact carries a
correction, the correction and the document it rests on follow, so the sentence never
disagrees with its quote unexplained. Styles: plain, markdown (a footnote), html,
wikipedia (a ``{{cite …}}`` template), and for the source records bibtex and csl-json.
"""

# Imported where used: the CSL processor (citeproc-py, an optional extra) loads only for a CSL
# style.

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from cis_facts.answer import Answer
from cis_facts.dates import When
from cis_facts.i18n import agreeing, word
from cis_facts.inert import visible
from cis_facts.model import QUOTE_TRANSLATOR, AnyFact, Country, Event, Lang, Source, TradeShare
from cis_facts.query.contexts import CiteContext
from cis_facts.query.contexts import Cited as CitedItem
from cis_facts.render import human, reference
from cis_facts.render.escape import escape as md_escape
from cis_facts.render.human import guillemets
from cis_facts.render.localized import Localized
from cis_facts.verify import Locator


class Cited:
    """The pieces every style arranges for one fact: sentence, source, locator, quote,
    correction, and the fact base's version."""

    def __init__(self, item: CitedItem, context: CiteContext, lang: Lang) -> None:
        self.lang: Lang = lang
        self.fact: AnyFact = item.fact
        self.source: Source | None = item.source
        self.note_source: Source | None = item.note_source
        self.locator = item.locator
        self.version = context.version
        self.sentence = visible(sentence(self.fact, context.countries, lang))
        self.title = visible(self.source.title_in(lang) if self.source else self.fact.source)
        self.quote = visible(self.fact.quote)
        translation = self.fact.quote_in(lang)
        self.translation = visible(translation) if translation else None
        self.quoted = guillemets(self.quote)
        self.translation_quoted = guillemets(self.translation) if self.translation else None
        note = self.fact.note_in(lang)
        self.note = visible(note) if note else None
        self.document = visible(self.note_source.title_in(lang)) if self.note_source else None

    def w(self, key: str) -> str:
        return word(key, self.lang)

    @property
    def label(self) -> str:
        """A footnote label no other fact or language shares: ``rank-zinc-en``."""
        return f"{self.fact.id}-{self.lang}"

    @property
    def where(self) -> str:
        """The locator in words (``¶ 1, sentence 63``), or "" when the text is not shipped."""
        return locator_text(self.locator, self.lang) if self.locator else ""

    @property
    def translated(self) -> str:
        """``translation by cis-facts``: how the quote's translation is credited."""
        return word("cite.translation", self.lang, translator=QUOTE_TRANSLATOR)

    @property
    def stamp(self) -> str:
        """Which release of the fact base, and which fact: ``cis-facts 0.2.0, rank-zinc``."""
        return f"cis-facts {self.version}, {self.fact.id}"


def locator_text(locator: Locator, lang: Lang) -> str:
    """``¶ 1, sentence 63`` (``sentences 63–64`` when the quote runs on) in ``lang``."""
    first, last = locator.sentence, locator.last_sentence
    key = "cite.sentence" if first == last else "cite.sentences"
    span = str(first) if first == last else f"{first}–{last}"
    return word(key, lang, paragraph=locator.paragraph, sentence=span)


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
        if key is None and fact.kind in ("accession", "founding"):
            key = fact.kind
            if key == "accession" and _REJOINS.search(fact.label_en):
                key = "rejoining"  # the label says the state joins again
        if key is not None:
            # the participants as the base holds them, corrections included
            names = _names(fact.participants, countries, lang)
            said = human.sentence_when(fact.date, lang)
            subjects = [countries[c] for c in fact.participants if c in countries]
            template = agreeing(f"sentence.{key}", subjects, lang)
            # the Kazakh sentence signs "to" the document: its name takes the dative
            short = _kazakh_dative(fact.short(lang)) if lang == "kk" else fact.short(lang)
            return word(template, lang, who=_joined(names, lang), when=said, short=short)
    if isinstance(fact, TradeShare) and fact.date is not None:
        who = _partner(fact, countries, lang)
        if who is not None:
            share = human.number(fact.share, lang) if fact.share is not None else ""
            return word(
                f"sentence.{fact.flow}",
                lang,
                year=fact.date.start.year,
                who=who,
                share=share,
                n=fact.position,
                ordinal=_english_ordinal_word(fact.position),
            )
    label = _without_full_stop(fact.label(lang).strip())
    if lang == "en" and isinstance(fact, Event):
        label = english_past(label)
    period = fact.period(lang)
    date = getattr(fact, "date", None)
    when = period or (human.long_when(date, lang) if date is not None else None)
    if when and not _states_its_date(label, period, date, when, lang):
        if label.endswith(")"):
            # one bracket, not two: «(decision no. 40, 8 April 1994)»
            return f"{label[:-1]}, {when})."
        return word("sentence.dated", lang, label=label, when=when)
    return label + "."


_REJOINS = re.compile(r"\bagain\b")
# An abbreviation's own full stop («1993 г.», «1994 ж.», «жж.») stays at the end of a label.
_ABBREVIATION = re.compile(r"(?:\b|\d)(?:гг?|жж?)\.$")


def _without_full_stop(label: str) -> str:
    if _ABBREVIATION.search(label):
        return label
    return label.rstrip(".")


def _partner(fact: TradeShare, countries: Mapping[str, Country], lang: Lang) -> str | None:
    """The partner as the sentence names it: the country's name, with its article in
    English (``the Netherlands``); where the label hedges the name (``Korea (taken to be
    the Republic of Korea): …``), the label's own words before its separator; None when the
    label has neither."""
    country = countries.get(fact.country)
    if country is None:
        return None
    label = fact.label(lang)
    name = country.name(lang)
    if label.startswith(name):
        return _with_article(name) if lang == "en" else name
    head = label.split(_PARTNER_SEPARATOR[lang], 1)[0]
    if head == label or len(head) > _LONGEST_PARTNER:
        return None
    if lang == "en" and head.startswith("The "):
        head = "the " + head[4:]
    return head


# What ends the partner's name in a trade-share label: «Швейцария — 1-е место …».
_PARTNER_SEPARATOR: dict[Lang, str] = {"en": ": ", "kk": " – ", "ru": " — "}
_LONGEST_PARTNER = 80
# English names that take the article in running text.
_THE_NAMES = frozenset(
    {"United States", "United Kingdom", "Netherlands", "Republic of Korea", "Philippines"}
)


def _with_article(name: str) -> str:
    return f"the {name}" if name in _THE_NAMES or name.endswith(" Islands") else name


# The English labels of events are headlines in the present tense ("Belarus ratifies the
# Agreement"); the pasted sentence tells the past event in the past tense.
_ENGLISH_PAST = (
    ("does not", "did not"),
    ("do not", "did not"),
    ("is drawn up", "was drawn up"),
    ("is adopted", "was adopted"),
    ("are adopted", "were adopted"),
    ("is devoted", "was devoted"),
    ("is the year", "was the year"),
    ("takes effect", "took effect"),
    ("sign it", "signed it"),
    ("signs", "signed"),
    ("ratifies", "ratified"),
    ("adopts", "adopted"),
    ("adopt", "adopted"),
    ("meet", "met"),
    ("declare", "declared"),
    ("votes", "voted"),
    ("keeps", "kept"),
    ("enters", "entered"),
    ("approves", "approved"),
    ("joins", "joined"),
    ("decides", "decided"),
    ("announces", "announced"),
    ("becomes", "became"),
    ("leaves", "left"),
)
_ENGLISH_PRESENT = re.compile(r"\b(" + "|".join(p for p, _ in _ENGLISH_PAST) + r")\b")
_PAST_OF = dict(_ENGLISH_PAST)


def english_past(label: str) -> str:
    """An English event headline in the past tense: ``Belarus ratified the Agreement``."""
    return _ENGLISH_PRESENT.sub(lambda m: _PAST_OF[m.group()], label)


def _kazakh_dative(name: str) -> str:
    """A Kazakh name ending in the third-person possessive (``хаттамасы``, ``келісімі``)
    in the dative (``хаттамасына``, ``келісіміне``); other names are left as they are."""
    if name.endswith("ы"):
        return name + "на"
    if name.endswith("і"):
        return name + "не"
    return name


def _states_its_date(
    label: str, period: str | None, date: When | None, when: str, lang: Lang
) -> bool:
    """Whether the label already says when: it holds the period the text gives (or each of
    its parts, or every year it names), the date itself when it is a day or a month, or
    every year of a year's date (a sentence should not repeat its date in brackets, nor
    drop its day)."""
    said = label.casefold()
    if period:
        parts = [_period_core(p, lang) for p in period.casefold().split(",") if p.strip()]
        if all(part in said for part in parts):
            return True
        named = _YEARS.findall(period)
        return bool(named) and all(year in label for year in named)
    if date is None:
        return False
    if date.end is None and date.start.day is not None:
        # the day and the year, in whatever case the label writes the month
        day, year = date.start.day, date.start.year
        return re.search(rf"(?<!\d){day}(?!\d)", label) is not None and str(year) in label
    if date.end is None and date.start.precision != "year":
        return _spaced(when.rstrip(".")) in _spaced(label)
    years = {date.start.year} | ({date.end.year} if date.end is not None else set())
    return all(str(year) in label for year in years)


_YEARS = re.compile(r"(?<!\d)\d{4}(?!\d)")


def _spaced(text: str) -> str:
    """``text`` with its no-break spaces as plain ones, for comparing dates."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


# Prepositions a period starts with that the label may put otherwise («за» / «в последние»).
_PERIOD_PREPOSITIONS: dict[Lang, tuple[str, ...]] = {
    "en": ("over ", "in ", "during "),
    "kk": (),
    "ru": ("за ", "в ", "во ", "с ", "со "),
}


def _period_core(part: str, lang: Lang) -> str:
    core = part.strip()
    for preposition in _PERIOD_PREPOSITIONS[lang]:
        if core.startswith(preposition):
            return core[len(preposition) :]
    return core


_ORDINAL_WORDS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
)


def _english_ordinal_word(n: int) -> str:
    if 1 <= n <= len(_ORDINAL_WORDS):
        return _ORDINAL_WORDS[n - 1]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _in_source(c: Cited) -> str:
    return f"{c.title}, {c.where}" if c.where else c.title


def _plain(c: Cited) -> str:
    lines = [
        c.sentence,
        f"{c.w('cite.source')}: {_in_source(c)}; {c.w('cite.quote')}: {c.quoted}; "
        + (f"{c.translated}: {c.translation_quoted}; " if c.translation_quoted else "")
        + c.stamp,
    ]
    if c.note:
        document = f" ({c.w('cite.document')}: {c.document})" if c.document else ""
        lines.append(f"{c.w('cite.correction')}: {c.note}{document}")
    return "\n".join(lines)


def _marked(sentence: str, lang: Lang) -> tuple[str, str]:
    """The sentence and the full stop its note marker goes before: Kazakh and Russian put
    the marker before the full stop («…орында[^1].»), English after it; after an
    abbreviation's dot («2009 г.») the marker ends the sentence in every language."""
    if lang == "en" or not sentence.endswith(".") or _ABBREVIATION.search(sentence):
        return sentence, ""
    return sentence[:-1], "."


def _markdown(c: Cited) -> str:
    where = f", {md_escape(c.where)}" if c.where else ""
    note = (
        f"[^{c.label}]: *{md_escape(c.title)}*{where}; "
        f"{c.w('cite.quote')}: {md_escape(c.quoted)}; "
        + (f"{c.translated}: {md_escape(c.translation_quoted)}; " if c.translation_quoted else "")
        + md_escape(c.stamp)
    )
    if c.note:
        document = f" ({c.w('cite.document')}: *{md_escape(c.document)}*)" if c.document else ""
        note += f". {c.w('cite.correction')}: {md_escape(c.note)}{document}"
    body, stop = _marked(c.sentence, c.lang)
    return f"{md_escape(body)}[^{c.label}]{stop}\n\n{note}"


def _html_item(c: Cited) -> str:
    e = html.escape
    where = f", {e(c.where)}" if c.where else ""
    item = f"<cite>{e(c.title)}</cite>{where}; {e(c.w('cite.quote'))}: <q>{e(c.quote)}</q>"
    if c.translation:
        item += f'; {e(c.translated)}: <q lang="{c.lang}">{e(c.translation)}</q>'
    item += f"; {e(c.stamp)}"
    if c.note:
        item += f". {e(c.w('cite.correction'))}: {e(c.note)}"
        if c.document:
            item += f" ({e(c.w('cite.document'))}: <cite>{e(c.document)}</cite>)"
    return item


def _html_all(cited: list[Cited]) -> str:
    e = html.escape
    paragraphs = []
    for n, c in enumerate(cited, start=1):
        body, stop = _marked(c.sentence, c.lang)
        mark = f'<sup><a href="#cite-{e(c.label)}">[{n}]</a></sup>'
        paragraphs.append(f"<p>{e(body)}{mark}{e(stop)}</p>")
    items = [f'  <li id="cite-{e(c.label)}">{_html_item(c)}</li>' for c in cited]
    lang = cited[0].lang
    sources = [f"  <li>{e(reference.reference_line(s, lang))}</li>" for s in _sources(cited)]
    heading = f"<p><strong>{e(word('cite.sources', lang))}</strong></p>"
    return "\n".join(
        [
            *paragraphs,
            '<ol class="references">',
            *items,
            "</ol>",
            heading,
            "<ul>",
            *sources,
            "</ul>",
        ]
    )


# Characters that start wikitext (links, templates, bold, signatures, magic words,
# tables, tags, entities) become numeric entities, which show the character itself.
_WIKI_SPECIAL = re.compile(r"[\[\]{}|<>&~]|''+|__+|(?<=[A-Za-z0-9]):(?=//)")
_WIKI_LINE_START = "*#:;=- {!"  # a list, definition, heading, rule, pre or table at a line start


def _entities(text: str) -> str:
    return "".join(f"&#{ord(ch)};" for ch in text)


def _wiki(value: str, *, line_start: bool = False) -> str:
    """``value`` as literal wikitext: nothing in it links, formats or opens a template."""
    text = _WIKI_SPECIAL.sub(lambda m: _entities(m.group()), value)
    if line_start and text[:1] and text[0] in _WIKI_LINE_START:
        text = _entities(text[0]) + text[1:]
    return text


_CS1 = {"webpage": "web", "article-newspaper": "news", "entry-encyclopedia": "encyclopedia"}


def _cs1(source: Source | None, c: Cited) -> str:
    """A CS1 template for the source: ``{{cite book |title= |trans-title= |…}}``."""
    if source is None:
        return f"{{{{cite book |title={_wiki(c.title)}}}}}"
    params: list[tuple[str, str | None]] = [("title", source.own_title())]
    translated = source.translated_title(c.lang)
    if translated:
        params.append(("trans-title", translated))
    params += [
        ("author", source.author),
        ("work", source.container),
        ("publisher", source.publisher),
        ("location", source.place),
        ("date", source.issued.iso() if source.issued else None),
        ("url", source.url),
        ("access-date", source.accessed.iso() if source.accessed else None),
        ("language", source.language),
    ]
    kind = _CS1.get(source.type or "", "book")
    text = " ".join(f"|{name}={_wiki(visible(value))}" for name, value in params if value)
    return f"{{{{cite {kind} {text}"


def _wikipedia(c: Cited) -> str:
    template = _cs1(c.source, c).removesuffix("}}")
    if c.where:
        template += f" |at={_wiki(c.where)}"
    template += f" |quote={_wiki(c.quote)}"
    if c.translation:
        template += f" |trans-quote={_wiki(c.translation)} ({_wiki(c.translated)})"
    template += f" |id={_wiki(c.stamp)}}}}}"
    # the Kazakh and Russian Wikipedias put a reference before the full stop, as notes
    body, stop = _marked(c.sentence, c.lang)
    text = f'{_wiki(body, line_start=True)}<ref name="{c.fact.id}">{template}</ref>'
    if c.note:
        document = f" {_cs1(c.note_source, c)}}}}}" if c.note_source is not None else ""
        text += f'<ref name="{c.fact.id}-note">{_wiki(c.note)}{document}</ref>'
    return text + stop


def _sources(cited: list[Cited]) -> list[Source]:
    """Every source the citations rest on, each once, in order of first use."""
    found: dict[str, Source] = {}
    for c in cited:
        for source in (c.source, c.note_source):
            if source is not None:
                found.setdefault(source.id, source)
    return list(found.values())


# BibTeX counts braces whether or not a backslash comes first, so a brace in the data is
# written as a LaTeX text command (which also keeps the field's braces balanced); the
# other special characters get the escape or command LaTeX prints them with.
_BIBTEX_ESCAPES = {
    "{": "\\textbraceleft{}",
    "}": "\\textbraceright{}",
    "\\": "\\textbackslash{}",
    "~": "\\textasciitilde{}",
    "^": "\\textasciicircum{}",
    **{ch: "\\" + ch for ch in "%&$#_"},
}


def _bibtex_value(text: str) -> str:
    return "".join(_BIBTEX_ESCAPES.get(ch, ch) for ch in text)


_BIBTEX_TYPES = {"book": "book", "webpage": "online", "entry-encyclopedia": "online"}


def _bibtex_entry(source: Source, lang: Lang, version: str, key: str | None = None) -> str:
    item = reference.csl_item(source, lang, version, key)
    fields: list[tuple[str, str]] = []
    if "author" in item:
        fields.append(("author", "{" + _bibtex_value(item["author"][0]["literal"]) + "}"))
    fields.append(("title", _bibtex_value(item["title"])))
    pairs = (
        ("journal" if source.type == "article-newspaper" else "howpublished", "container-title"),
        ("publisher", "publisher"),
        ("address", "publisher-place"),
        ("url", "URL"),
        ("type", "genre"),
    )
    fields += [(name, _bibtex_value(item[var])) for name, var in pairs if var in item]
    if source.issued is not None:
        fields.append(("date", source.issued.iso()))
        fields.append(("year", str(source.issued.start.year)))
    if source.accessed is not None:
        fields.append(("urldate", source.accessed.iso()))
    fields.append(("language", _bibtex_value(source.language)))
    if source.citation:
        fields.append(("note", _bibtex_value(visible(source.citation))))
    fields.append(("version", f"cis-facts {_bibtex_value(version)}"))
    kind = _BIBTEX_TYPES.get(source.type or "", "misc")
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{item['id']},\n{body}\n}}"


def _bibtex(cited: list[Cited]) -> str:
    if not cited:
        return ""
    lang, version = cited[0].lang, cited[0].version
    return "\n\n".join(_bibtex_entry(s, lang, version) for s in _sources(cited))


def _csl_json(cited: list[Cited]) -> str:
    items: list[dict[str, Any]] = []
    for source in _sources(cited) if cited else []:
        item = reference.csl_item(source, cited[0].lang, cited[0].version)
        if source.citation:
            item["note"] = visible(source.citation)
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2)


def _entry_note(c: Cited) -> str:
    """Where the fact's quote stands and the release, for the fact's own entry."""
    return "; ".join([c.where, c.stamp] if c.where else [c.stamp])


def fact_item(c: Cited) -> dict[str, Any]:
    """The fact's own CSL-JSON item, keyed by its id as a draft cites it (``[@id]``): the
    quoted passage (titled by the quote, its translation in brackets, as translated titles
    are) in its source, the source's author, date, publisher, place and URL kept; the
    quote's place in ``section`` and in the note with the release."""
    if c.source is None:
        return {"id": c.fact.id, "type": "document", "title": c.title, "note": c.stamp}
    item = reference.csl_item(c.source, c.lang, c.version, c.fact.id)
    if "container-title" in item:
        item["collection-title"] = item["container-title"]
    item["container-title"] = item["title"]
    item["type"] = "chapter"
    translated = f" [{c.translation}]" if c.translation else ""
    item["title"] = f"{c.quoted}{translated}"
    if c.where:
        item["section"] = c.where
    item["note"] = _entry_note(c)
    return item


_BIBTEX_FIELDS = (
    ("title", "title"),
    ("booktitle", "container-title"),
    ("series", "collection-title"),
    ("publisher", "publisher"),
    ("address", "publisher-place"),
    ("url", "URL"),
    ("type", "genre"),
    ("language", "language"),
    ("note", "note"),
    ("version", "version"),
)


_TITLES = frozenset({"title", "booktitle", "series"})


def _bibtex_of_item(item: dict[str, Any], source: Source | None) -> str:
    """A fact's CSL item as a BibTeX ``@incollection`` entry (Pandoc reads it back as a
    chapter): the same fields, the date as ``date`` and ``year``."""
    fields: list[tuple[str, str]] = []
    if "author" in item:
        fields.append(("author", "{" + _bibtex_value(item["author"][0]["literal"]) + "}"))
    for name, var in _BIBTEX_FIELDS:
        if var in item:
            value = _bibtex_value(str(item[var]))
            # titles in braces of their own keep their case in sentence-case styles
            fields.append((name, "{" + value + "}" if name in _TITLES else value))
    if source is not None and source.issued is not None:
        fields.append(("date", source.issued.iso()))
        fields.append(("year", str(source.issued.start.year)))
    if source is not None and source.accessed is not None:
        fields.append(("urldate", source.accessed.iso()))
    kind = "incollection" if item.get("type") == "chapter" else "misc"
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{item['id']},\n{body}\n}}"


def fact_bibliography(cited: list[Cited], style: str) -> str:
    """The facts' own entries, each once, as CSL-JSON (``csl-json``) or BibTeX (``bibtex``)."""
    items = [fact_item(c) for c in cited]
    if style == "csl-json":
        return json.dumps(items, ensure_ascii=False, indent=2)
    return "\n\n".join(_bibtex_of_item(i, c.source) for i, c in zip(items, cited, strict=True))


def bibliography_text(answer: Answer, lang: Lang, style: str) -> str:
    """The bibliography of the facts a cite answer holds, in ``style`` and ``lang``."""
    context = answer.context
    if not isinstance(context, CiteContext):
        raise TypeError("a cite answer without its CiteContext")
    return fact_bibliography([Cited(i, context, lang) for i in context.items], style)


def _each(style: Callable[[Cited], str]) -> Callable[[list[Cited]], str]:
    """A style written for one fact, applied to each, separated by a blank line."""
    return lambda cited: "\n\n".join(style(c) for c in cited)


def _with_sources(
    style: Callable[[Cited], str], entry: Callable[[str], str], heading: Callable[[str], str]
) -> Callable[[list[Cited]], str]:
    """Each fact's citation, then the sources they rest on, each once, as full references."""

    def render(cited: list[Cited]) -> str:
        lang = cited[0].lang
        lines = [entry(reference.reference_line(s, lang)) for s in _sources(cited)]
        body = "\n\n".join(style(c) for c in cited)
        return f"{body}\n\n{heading(word('cite.sources', lang))}\n" + "\n".join(lines)

    return render


# Each style renders the whole list: bibliographies hold every source once.
STYLES: dict[str, Callable[[list[Cited]], str]] = {
    "plain": _with_sources(_plain, lambda line: line, lambda head: f"{head}:"),
    "markdown": _with_sources(
        _markdown, lambda line: f"- {md_escape(line)}", lambda h: f"**{h}**\n"
    ),
    "html": _html_all,
    "wikipedia": _each(_wikipedia),
    "bibtex": _bibtex,
    "csl-json": _csl_json,
}


def _renderer(context: CiteContext) -> Callable[[list[Cited]], str]:
    """The style's renderer; a CSL style (named or a file) goes through citeproc-py."""
    if context.style in STYLES and context.csl is None:
        return STYLES[context.style]
    from cis_facts.render import csl

    path = context.csl or csl.style_path(context.style)
    return lambda cited: csl.render(cited, path)


def parts(answer: Localized) -> tuple[str, list[dict[str, Any]]]:
    """The whole text to paste, and for each fact the language-dependent fields of its
    record: sentence, citation (in the chosen style), text, note."""
    context = answer.context
    if not isinstance(context, CiteContext):
        raise TypeError("a cite answer without its CiteContext")
    cited = [Cited(item, context, answer.lang) for item in context.items]
    render = _renderer(context)
    text = render(cited)
    fields = []
    for c in cited:
        own = render([c])
        body = own.removeprefix(c.sentence) if context.style == "plain" else own
        citation = body.strip()
        fields.append({"sentence": c.sentence, "citation": citation, "text": own, "note": c.note})
    return text, fields
