"""Every fact's pasteable cite sentence, in English, Kazakh and Russian, free of the defects
an editor marks: the date or period said twice or lost, a second full stop, brackets stacked
or nested, a rank the text does not give, a missing article, a present tense for a past
event, a pointer to context the reader cannot see, an abbreviation («г.», «ж.») without its
dot, a bare year in brackets.

Each check collects every offending sentence, so one run lists them all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pytest

from cis_facts.loader import load
from cis_facts.model import AnyFact, Event, Lang, TradeShare
from cis_facts.query.countries import index
from cis_facts.render.cite import sentence

BASE = load()
COUNTRIES = index(BASE)
FACTS = list(BASE.facts())
LANGS: tuple[Lang, ...] = ("en", "kk", "ru")
SENTENCES = {(f.id, lang): sentence(f, COUNTRIES, lang) for f in FACTS for lang in LANGS}


def _offending(
    check: Callable[[AnyFact, Lang, str], bool], langs: tuple[Lang, ...] = LANGS
) -> list[str]:
    return [
        f"{f.id} [{lang}]: {SENTENCES[f.id, lang]}"
        for f in FACTS
        for lang in langs
        if check(f, lang, SENTENCES[f.id, lang])
    ]


def test_every_fact_has_a_sentence_in_every_language() -> None:
    assert len(SENTENCES) == 3 * len(FACTS)
    assert _offending(lambda f, lang, s: not s.strip()) == []


def _depth_problem(text: str) -> bool:
    depth = 0
    for ch in text:
        if ch == "(":
            depth += 1
            if depth > 1:
                return True
        elif ch == ")":
            depth -= 1
    return depth != 0


def test_no_nested_or_stacked_brackets() -> None:
    assert _offending(lambda f, lang, s: _depth_problem(s)) == []
    assert _offending(lambda f, lang, s: re.search(r"\)\s*\(", s) is not None) == []


def test_one_full_stop_at_the_end() -> None:
    def twice(f: AnyFact, lang: Lang, s: str) -> bool:
        return re.search(r"[.?!]\s*\.$|\.\s+\.", s) is not None or not s.endswith((".", "?", "!"))

    assert _offending(twice) == []


_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_TAIL = re.compile(r"\(([^()]*)\)\.$")


def _said_twice(f: AnyFact, lang: Lang, s: str) -> bool:
    """The closing bracket repeats what the sentence already says: its years, or each of
    its comma-separated parts."""
    tail = _TAIL.search(s)
    if tail is None:
        return False
    inside, before = tail.group(1), s[: tail.start()].casefold()
    numbers = re.findall(r"\d+", inside)
    if _YEAR.search(inside) and all(re.search(rf"(?<!\d){n}(?!\d)", before) for n in numbers):
        return True
    parts = [p.strip().casefold() for p in inside.split(",") if p.strip()]
    return bool(parts) and all(len(p) > 4 and p in before for p in parts)


def test_the_date_or_period_is_said_once() -> None:
    assert _offending(_said_twice) == []

    # the period the fact carries is said at most once
    def period_twice(f: AnyFact, lang: Lang, s: str) -> bool:
        period = f.period(lang)
        return bool(period) and s.casefold().count(period.casefold()) > 1

    assert _offending(period_twice) == []


def test_a_dated_event_keeps_its_date() -> None:
    def lost(f: AnyFact, lang: Lang, s: str) -> bool:
        if not isinstance(f, Event) or f.date is None:
            return False
        start = f.date.start
        if str(start.year) not in s:
            return True
        return (
            start.day is not None
            and f.date.end is None
            and not re.search(rf"(?<!\d){start.day}(?!\d)", s.replace(str(start.year), ""))
        )

    assert _offending(lost) == []


def test_no_rank_the_text_does_not_give() -> None:
    # The text lists buyers and suppliers in order; it gives no shares for suppliers and
    # ties for buyers, so a sentence says where a country stands in the list, not its rank.
    list_words = {"en": "in the list", "kk": "тізімінде", "ru": ("в перечне", "в списке")}

    def ranked(f: AnyFact, lang: Lang, s: str) -> bool:
        if not isinstance(f, TradeShare):
            return False
        wanted = list_words[lang]
        words = (wanted,) if isinstance(wanted, str) else wanted
        return not any(w in s for w in words) or re.search(r"\bamong (the|its)\b", s) is not None

    assert _offending(ranked) == []


def test_english_ordinals_are_written_one_way() -> None:
    digits = _offending(
        lambda f, lang, s: (
            isinstance(f, TradeShare) and re.search(r"\b\d+(st|nd|rd|th)\b", s) is not None
        ),
        ("en",),
    )
    assert digits == []


# English names that take the article in running text.
THE_NAMES = (
    "United States",
    "United Kingdom",
    "Netherlands",
    "Virgin Islands",
    "Republic of Korea",
    "European Union",
    "Americas",
)


def test_english_names_keep_their_article() -> None:
    def bare(f: AnyFact, lang: Lang, s: str) -> bool:
        for name in THE_NAMES:
            every = len(re.findall(rf"\b{name}\b", s))
            with_article = len(re.findall(rf"\b[Tt]he (?:British )?{name}\b", s))
            if every != with_article:
                return True
        return False

    assert _offending(bare, ("en",)) == []


_PRESENT = re.compile(
    r"\b(signs|sign it|ratifies|adopts?|meet|declare|votes|keeps|enters|takes effect|approves|"
    r"joins|decides|announces|becomes|leaves|is adopted|are adopted|is drawn up|is devoted|"
    r"is the year|does not|do not)\b"
)


def test_past_events_are_told_in_the_past_tense() -> None:
    def present(f: AnyFact, lang: Lang, s: str) -> bool:
        past = (
            isinstance(f, Event)
            and f.date is not None
            and f.date.start.year < date.today().year + 1
        )
        return past and _PRESENT.search(s) is not None

    assert _offending(present, ("en",)) == []


_PRESENT_KK_RU = {
    "kk": re.compile(r"(бекітеді|қол қояды|қабылдайды|қосылады|шығады|дауыс береді|мақұлдайды)"),
    "ru": re.compile(
        r"(ратифицирует|подписывает|принимает|вступает|выходит|голосует|одобряет|становится|"
        r"объявляет|принимается|вступает в силу)"
    ),
}


def test_past_events_are_told_in_the_past_tense_in_kazakh_and_russian() -> None:
    def present(f: AnyFact, lang: Lang, s: str) -> bool:
        return isinstance(f, Event) and _PRESENT_KK_RU[lang].search(s) is not None

    assert _offending(present, ("kk", "ru")) == []


def test_a_first_accession_is_not_told_as_a_rejoining() -> None:
    # Azerbaijan signed in 1991 and never ratified before it joined in 1993.
    assert (
        SENTENCES["azerbaijan-rejoins", "en"] == "Azerbaijan joined the CIS on 24 September 1993."
    )
    assert (
        SENTENCES["azerbaijan-rejoins", "kk"]
        == "Әзірбайжан 1993 жылғы 24 қыркүйекте ТМД-ға қосылды."
    )


# Words that point at the source's own context, which a pasted sentence does not carry.
_POINTERS = {
    "en": re.compile(
        r"\b(the same period|this period|the ten years|these ten years)\b", re.IGNORECASE
    ),
    "kk": re.compile(r"\b(осы он жылда|осы кезеңде)", re.IGNORECASE),
    "ru": re.compile(r"(тот же период|эти десять лет|этот период)", re.IGNORECASE),
}


def test_no_pointer_to_context_the_reader_cannot_see() -> None:
    assert _offending(lambda f, lang, s: _POINTERS[lang].search(s) is not None) == []


def test_abbreviations_keep_their_dot() -> None:
    dots = {"ru": re.compile(r"\d\s?гг?(?![.\w])"), "kk": re.compile(r"\d\s?жж?(?![.\w])")}
    assert _offending(lambda f, lang, s: lang in dots and dots[lang].search(s) is not None) == []


def test_a_year_in_brackets_is_written_as_a_year() -> None:
    # «(2004 г.)», «(2004 ж.)»; English writes the bare year
    bare = re.compile(r"\((1[89]\d\d|20\d\d)\)")
    assert _offending(lambda f, lang, s: lang != "en" and bare.search(s) is not None) == []


@pytest.mark.parametrize(
    ("fact_id", "lang", "expected"),
    [
        (
            "moldova-agreement-ratified",
            "en",
            (
                "Moldova's parliament ratified the Agreement establishing the Commonwealth of "
                "Independent States (decision no. 40, 8 April 1994)."
            ),
        ),
        (
            "moldova-agreement-ratified",
            "kk",
            (
                "Молдова парламенті Тәуелсіз Мемлекеттер Достастығын құру туралы келісімді "
                "бекітті (№ 40 қаулы, 1994\u202fж. 8 сәуір)."
            ),
        ),
        (
            "export-growth-goods-10y",
            "ru",
            "За последние 10 лет товарный экспорт Казахстана вырос в 3,8 раза.",
        ),
        (
            "import-supplier-korea",
            "en",
            (
                "In 2004 Korea (taken to be the Republic of Korea) was eleventh in the list of the "
                "main suppliers of Kazakhstan's imports."
            ),
        ),
        (
            "export-share-netherlands",
            "en",
            (
                "In 2004 the Netherlands took 2.3% of Kazakhstan's exports, eighth in the list of "
                "its main buyers."
            ),
        ),
        (
            "azerbaijan-rejoins",
            "ru",
            "Азербайджан вступил в СНГ 24\u00a0сентября 1993\u00a0г.",
        ),
    ],
)
def test_sentences_as_an_editor_would_write_them(fact_id: str, lang: Lang, expected: str) -> None:
    assert SENTENCES[fact_id, lang] == expected


def test_english_writes_no_space_before_the_percent_sign() -> None:
    assert _offending(lambda f, lang, s: re.search(r"\d\s%", s) is not None, ("en",)) == []


def test_a_sentence_starts_with_a_capital_and_has_no_stray_spaces() -> None:
    def badly_typed(f: AnyFact, lang: Lang, s: str) -> bool:
        opens = s[:1].isupper() or s[:1].isdigit() or s[:1] in "«'\""
        return not opens or re.search(r"  | [,.;:)]|\( ", s) is not None

    assert _offending(badly_typed) == []
