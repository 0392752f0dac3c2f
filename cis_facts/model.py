"""The typed fact model: frozen records and the fact base that holds them.

No file reading, no Click, no Rich: the loader builds these, queries read them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any, Literal, TypeVar

from cis_facts.dates import When
from cis_facts.frozen import Frozen

Lang = Literal["en", "kk", "ru"]
Status = Literal["founder", "signatory", "acceding", "member", "associate", "left"]
# A trade share is one direction of trade ("export": a buyer, "import": a supplier); a
# trade total is the sum of one flow or of both ("turnover").
ShareFlow = Literal["export", "import"]
# The grammatical gender (masculine, feminine, neuter) or plural number of a name, which a
# Russian past-tense verb agrees with: «Грузия вышла», «Нидерланды вошли».
Gender = Literal["m", "f", "n", "pl"]
GRAMMATICAL_GENDERS: tuple[Gender, ...] = ("m", "f", "n", "pl")
TotalFlow = Literal["turnover", "exports", "imports"]
Partners = Literal["cis", "other", "all"]

EVENT_KINDS = (
    "founding",
    "ratification",
    "meeting",
    "declaration",
    "accession",
    "withdrawal",
    "status-change",
    "charter",
    "decision",
    "theme-year",
)
# What a membership event makes of its participants (see docs/fact-schema.md):
# signatory: signed the 1991 founding documents, not ratified; founder: ratified them
# before the Charter was adopted (Article 7), not bound by the Charter; acceding: ratified
# or joined after the Charter was adopted, not bound by it; member: bound by the Charter
# in force; associate: an associate member; left: withdrew.
STATUSES = ("founder", "signatory", "acceding", "member", "associate", "left")
MEASURES = (
    "share",
    "growth",
    "change",
    "multiple",
    "decrease",
    "index",
    "amount",
    "count",
    "rank",
    "ambiguous",
)


T = TypeVar("T")


# Every quote_en, quote_kk and quote_ru is this project's own translation of the quote; every
# output that shows one credits it so (docs/fact-schema.md, "Translations of quotes").
QUOTE_TRANSLATOR = "cis-facts"
QUOTE_TRANSLATIONS = ("quote_en", "quote_kk", "quote_ru")


def in_lang(lang: Lang, en: T, kk: T, ru: T | None) -> T:
    """The text of a field for ``lang``: Kazakh as written; Russian where the record has it,
    else English (a user's file may give no Russian)."""
    if lang == "kk":
        return kk
    return ru if lang == "ru" and ru else en


def note_in(lang: Lang, en: str | None, kk: str | None, ru: str | None) -> str | None:
    """The one rule for a note in ``lang``, wherever a note is shown (tables, show, cite,
    the browser, the MCP server): the note in ``lang``; where the record gives none, the
    English note, then the Kazakh one."""
    given = {"en": en, "kk": kk, "ru": ru}[lang]
    return given or en or kk


def quote_translation(record: Fact | Country, lang: Lang) -> str | None:
    """The ``quote_<lang>`` of a fact or country: None where the quote is in ``lang``."""
    text: str | None = getattr(record, f"quote_{lang}")
    return text


SOURCE_TYPES = (
    "book",
    "chapter",
    "dataset",
    "document",
    "entry-dictionary",
    "entry-encyclopedia",
    "legislation",
    "manuscript",
    "article-newspaper",
    "report",
    "treaty",
    "webpage",
)


class Source(Frozen, kw_only=True):
    """A document facts are taken from."""

    id: str
    title: str
    language: str
    kind: Literal["text", "document"] = "text"
    file: str | None = None
    citation: str | None = None
    type: str | None = None  # a CSL item type: book, treaty, webpage, ...
    author: str | None = None  # a person or body, as a bibliography names it
    author_unknown: bool = False  # said outright, so a missing author is not an oversight
    original_title: str | None = None  # in the source's own language, when ``title`` is not
    title_en: str | None = None
    title_kk: str | None = None
    title_ru: str | None = None
    container: str | None = None  # the collection, database or site holding the document
    publisher: str | None = None
    place: str | None = None
    issued: When | None = None
    issued_approximate: bool = False
    not_before: When | None = None  # for an undated source: the latest date it mentions
    url: str | None = None
    accessed: When | None = None
    origin: str = ""

    def own_title(self) -> str:
        """The title in the source's own language: ``original_title``, else the title the
        record gives in that language (``title_ru`` of a Russian news item), else ``title``."""
        given = {"en": self.title_en, "kk": self.title_kk, "ru": self.title_ru}
        return self.original_title or given.get(self.language) or self.title

    def title_in(self, lang: Lang) -> str:
        """The title a reader of ``lang`` is shown: the display title in English; in
        Kazakh and Russian the record's ``title_kk`` or ``title_ru``, else the title in the
        source's own language when that is ``lang``, else the display title."""
        if lang == "en":
            return self.title
        given = self.title_kk if lang == "kk" else self.title_ru
        if given:
            return given
        if lang == self.language:
            return self.own_title()
        return self.title

    def translated_title(self, lang: Lang) -> str | None:
        """The title in ``lang`` when the source is in another language."""
        if lang == self.language:
            return None
        found = {"en": self.title_en, "kk": self.title_kk, "ru": self.title_ru}[lang]
        if found is None and lang == "en" and self.own_title() != self.title:
            return self.title  # the display title is English when the own title is not
        return found


class Fact(Frozen, kw_only=True):
    """Fields every fact shares: id, labels, and the source quote it rests on."""

    id: str
    label_en: str
    label_kk: str
    label_ru: str | None = None
    source: str
    quote: str
    quote_en: str | None = None
    quote_kk: str | None = None
    quote_ru: str | None = None
    note: str | None = None
    note_kk: str | None = None
    note_ru: str | None = None
    note_source: str | None = None
    period_en: str | None = None
    period_kk: str | None = None
    period_ru: str | None = None
    origin: str = ""

    def label(self, lang: Lang) -> str:
        return in_lang(lang, self.label_en, self.label_kk, self.label_ru)

    def quote_in(self, lang: Lang) -> str | None:
        """This project's translation of the quote into ``lang``; None when the quote is
        in ``lang`` already or has no translation into it."""
        return quote_translation(self, lang)

    def note_in(self, lang: Lang) -> str | None:
        """The note in ``lang`` by :func:`note_in`'s rule."""
        return note_in(lang, self.note, self.note_kk, self.note_ru)

    def period(self, lang: Lang) -> str | None:
        """The period the text gives in words ("the last ten years"), if any."""
        return in_lang(lang, self.period_en, self.period_kk, self.period_ru)


class Country(Frozen, kw_only=True):
    """A state the text names, with the names people type for it."""

    code: str
    name_en: str
    name_kk: str
    name_ru: str
    ru_gender: Gender | None = None  # of name_ru, for the verbs that agree with it
    aliases: tuple[str, ...] = ()
    source: str
    quote: str
    quote_en: str | None = None
    quote_kk: str | None = None
    quote_ru: str | None = None
    note: str | None = None
    note_kk: str | None = None
    note_ru: str | None = None
    note_source: str | None = None
    iso3: str | None = None
    m49: str | None = None
    wikidata: str | None = None
    codes_source: str | None = None
    codes_quote: str | None = None
    origin: str = ""

    @property
    def id(self) -> str:
        return self.code

    def name(self, lang: Lang) -> str:
        return in_lang(lang, self.name_en, self.name_kk, self.name_ru)

    def quote_in(self, lang: Lang) -> str | None:
        """This project's translation of the quote into ``lang``, if any."""
        return quote_translation(self, lang)

    def note_in(self, lang: Lang) -> str | None:
        """The note in ``lang`` by :func:`note_in`'s rule."""
        return note_in(lang, self.note, self.note_kk, self.note_ru)

    def all_names(self) -> tuple[str, ...]:
        return (self.code, self.name_en, self.name_kk, self.name_ru, *self.aliases)

    def identifiers(self) -> tuple[str, ...]:
        """Its codes besides alpha-2: ISO 3166-1 alpha-3, UN M49 and the Wikidata QID."""
        return tuple(c for c in (self.iso3, self.m49, self.wikidata) if c)


class Event(Fact, kw_only=True):
    """A dated step in the CIS's history; ``status`` is what it made of its participants."""

    date: When
    kind: str
    participants: tuple[str, ...] = ()
    initiator: str | None = None
    status: Status | None = None
    place_en: str | None = None
    place_kk: str | None = None
    place_ru: str | None = None
    short_en: str | None = None
    short_kk: str | None = None
    short_ru: str | None = None

    def place(self, lang: Lang) -> str | None:
        return in_lang(lang, self.place_en, self.place_kk, self.place_ru)

    def short(self, lang: Lang) -> str:
        """A short name for the event ("Alma-Ata Protocol"), else its label."""
        if lang == "ru":
            return self.short_ru or self.label_ru or self.short_en or self.label_en
        name = self.short_kk if lang == "kk" else self.short_en
        return name or self.label(lang)


class Ranking(Fact, kw_only=True):
    """Kazakhstan's world rank (exact or within a top N) or world share for a mineral."""

    mineral_en: str
    mineral_kk: str
    mineral_ru: str | None = None
    rank: int | None = None
    top: int | None = None
    share: float | None = None
    approximate: bool = False
    date: When | None = None

    def mineral(self, lang: Lang) -> str:
        return in_lang(lang, self.mineral_en, self.mineral_kk, self.mineral_ru)


class TradeShare(Fact, kw_only=True):
    """A country's place among Kazakhstan's export buyers or import suppliers."""

    flow: ShareFlow
    country: str
    position: int
    share: float | None = None
    date: When | None = None


class TradeTotal(Fact, kw_only=True):
    """A stated total of Kazakhstan's trade with a group of partners."""

    partners: Partners
    flow: TotalFlow
    value: float
    unit: str
    date: When
    growth: float | None = None
    growth_base: When | None = None


class Figure(Fact, kw_only=True):
    """Any other figure of the text: a share, a growth rate, an amount, a count."""

    topic: str
    measure: str
    value: float
    unit: str
    date: When | None = None
    country: str | None = None
    approximate: bool = False


class Statement(Fact, kw_only=True):
    """A claim of the text that is not a number: what the CIS is, plans, trends."""

    topic: str


AnyFact = Event | Ranking | TradeShare | TradeTotal | Figure | Statement


# FactBase fields that hold no facts; every other field but ``files`` is a table of facts.
_NOT_FACTS = ("sources", "countries", "files")


class FactBase(Frozen, kw_only=True):
    """Every record loaded, by kind, in file order."""

    sources: tuple[Source, ...] = ()
    countries: tuple[Country, ...] = ()
    events: tuple[Event, ...] = ()
    rankings: tuple[Ranking, ...] = ()
    trade_shares: tuple[TradeShare, ...] = ()
    trade_totals: tuple[TradeTotal, ...] = ()
    figures: tuple[Figure, ...] = ()
    statements: tuple[Statement, ...] = ()
    files: tuple[str, ...] = ()

    def facts(self) -> Iterator[AnyFact]:
        """Every fact (not sources or countries), kind by kind."""
        for name in self._fields:
            if name not in _NOT_FACTS:
                yield from getattr(self, name)

    def record_at(self, table: str, position: int) -> Any:
        """The record at ``position`` in ``table`` (IndexError past its end)."""
        return getattr(self, table)[position]

    def fact(self, fact_id: str) -> AnyFact | None:
        """The fact with this id, or None."""
        return next((fact for fact in self.facts() if fact.id == fact_id), None)

    @functools.cached_property
    def country_index(self) -> dict[str, Country]:
        """Countries by ISO code, built once per fact base."""
        return {c.code: c for c in self.countries}

    def from_text(self, source_id: str) -> bool:
        """Whether a record citing ``source_id`` comes from a source text rather than from a
        named document."""
        return any(s.id == source_id and s.kind == "text" for s in self.sources)

    def counts(self) -> dict[str, int]:
        """Records per table, in table order."""
        return {name: len(getattr(self, name)) for name in self._fields if name != "files"}
