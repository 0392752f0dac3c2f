"""The one fact that answers a question, or none: the best search hit, if it holds
enough of the question's words.

A question the base cannot answer ("What is the capital of France?") still matches
something ("France"); the best hit answers only when it holds at least two thirds of the
question's words (every word of a question of one or two words), and every word naming a
country ("When did Ukraine leave the CIS?" is not answered by Georgia's withdrawal). A
word asking for the top of a ranking ("largest") is answered by the ranking, not counted.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import takewhile

from cis_facts.answer import Answer, Row, sources_of
from cis_facts.dates import When
from cis_facts.errors import NotFoundError
from cis_facts.model import AnyFact, FactBase
from cis_facts.query.contexts import AskContext
from cis_facts.query.countries import index
from cis_facts.query.search import Searchable, answered, build, ranked
from cis_facts.retrieval.matcher import Matcher, QueryWord
from cis_facts.schema import HOME

ANSWERING_SHARE = 2 / 3
NAME_FIELDS = ("label", "names")  # where a country record holds its names
FIELDS = (
    "question",
    "id",
    "kind",
    "sentence",
    "value",
    "unit",
    "unit_text",
    "date",
    "date_precision",
    "quote",
    "translation",
    "translation_lang",
    "source",
    "source_title",
    "matched_words",
    "question_words",
)


def _naming_a_state(
    records: Sequence[Searchable], matcher: Matcher, words: Sequence[QueryWord]
) -> list[QueryWord]:
    """The ``words`` that name a state other than Kazakhstan (whose facts often name it
    only by implication: "1st in the world for zinc")."""
    names = sum(1 << matcher.index.field_names.index(f) for f in NAME_FIELDS)
    # The search numbers countries first (query.search.searchable): no other record is read.
    countries = takewhile(lambda numbered: numbered[1].kind == "country", enumerate(records))
    states = [i for i, found in countries if found.record.code != HOME]
    return [w for w in words if any(matcher.matched([w], i, names) for i in states)]


def answers(matched: int, words: int) -> bool:
    """Whether a hit holding ``matched`` of a question's ``words`` words answers it."""
    return words > 0 and matched >= max(min(words, 2), ANSWERING_SHARE * words)


class AskRow(Row, kw_only=True):
    question: str
    id: str
    kind: str
    sentence: None = None  # written by the view, in the reader's language
    value: float | str | None
    unit: str | None
    date: When | None
    quote: str
    translation: None = None  # the quote in the reader's language, where the base has it
    translation_lang: None = None
    source: str
    source_title: str | None
    matched_words: int
    question_words: int


def ask(
    base: FactBase,
    question: str,
    built: tuple[Sequence[Searchable], Matcher] | None = None,
) -> Answer:
    """The fact that answers ``question`` best; NotFoundError when none does."""
    records, matcher = built or build(base)
    words, hits = ranked(records, matcher, question)
    best = next((h for h in hits if records[h.doc].kind != "country"), None)
    counted = [w for w in words if not matcher.analyzer.is_superlative(w.surface)]
    matched = 0 if best is None else matcher.matched(counted, best.doc)
    named = _naming_a_state(records, matcher, counted)
    if (
        best is None
        or not answers(matched, len(counted))
        or matcher.matched(named, best.doc) < len(named)
    ):
        raise NotFoundError(
            f"the fact base does not answer {question!r}; try cis-facts search",
            key="not_answered",
            query=question,
        )
    fact: AnyFact = records[best.doc].record
    sources = {s.id: s for s in base.sources}
    source = sources.get(fact.source)
    value, unit, when = answered(fact)
    row = AskRow(
        question=question,
        id=fact.id,
        kind=records[best.doc].kind,
        value=value,
        unit=unit,
        date=when,
        quote=fact.quote,
        source=fact.source,
        source_title=source.title if source else None,
        matched_words=matched,
        question_words=len(counted),
    )
    return Answer(
        kind="ask",
        sources=sources_of(base, [fact.source]),
        fields=FIELDS,
        rows=(row,),
        context=AskContext(
            question=question,
            fact=fact,
            source=source,
            countries=dict(index(base)),
        ),
    )
