"""The retrieval engine on its own: analyzer, BM25F index, close words, any table of facts."""

from __future__ import annotations

import pytest

from cis_facts.loader import load
from cis_facts.model import Fact, FactBase
from cis_facts.query import search as search_query
from cis_facts.query.search import search
from cis_facts.render.localized import localize
from cis_facts.retrieval.analyzer import Analyzer, english_stem
from cis_facts.retrieval.fuzzy import Neighbours, distance
from cis_facts.retrieval.index import Index, Later
from cis_facts.retrieval.languages import DEFAULT
from cis_facts.retrieval.matcher import Matcher
from cis_facts.schema import KIND_OF_TABLE, KINDS, Kind


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(DEFAULT)


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        # Words of more than one sense index as themselves (a query searches their sense).
        ("When did Georgia leave the CIS?", ["georgia", "leav", "cis"]),
        (
            "Georgia left; Georgia exits; withdrew",
            ["georgia", "left", "georgia", "exit", "withdrawal"],
        ),
        # A fixed phrase indexes as the one word it means.
        ("is founded on the sovereign equality", ["basis", "sovereign", "equality"]),
        ("leaves Ukraine out", ["omit", "ukrain"]),
        ("created, founding, are found", ["founding", "founding", "found"]),
        ("joined, joins, join", ["accession"] * 3),
        ("CIS ТМД СНГ Commonwealth", ["cis"] * 4),
        # A Cyrillic word also yields its stem without a Russian ending, as a second term.
        (
            "Грузияның Қазақстанның Ресейге",
            ["грузия", "грузиянын", "казакстан", "казакстаннын", "ресей", "ресейг"],
        ),
        ("Грузии", ["грузия", "груз"]),
        ("выхода Грузией", ["выхо", "выход", "грузия", "груз"]),
        ("қашан және когда the", []),
        ("25 %-ын", ["#25"]),
        ("54,6 % and 54.6", ["#54.6", "#54.6"]),
        ("USD 10,215.1 million; 4097,2 млн", ["usd", "#10215.1", "million", "#4097.2", "млн"]),
    ],
)
def test_analyzer_terms(analyzer: Analyzer, text: str, terms: list[str]) -> None:
    assert analyzer.index_terms(text) == terms


@pytest.mark.parametrize(
    ("word", "sense"),
    [("left", "withdrawal"), ("Вышла", "withdrawal"), ("шықты", "withdrawal"), ("Georgia", None)],
)
def test_a_query_word_searches_its_sense(analyzer: Analyzer, word: str, sense: str | None) -> None:
    assert analyzer.sense(word) == sense


@pytest.mark.parametrize(
    ("query", "top", "yes_no"),
    [
        ("largest supplier", True, False),
        ("Қазақстан экспортын ең көп сатып алатын ел", True, False),
        ("крупнейший покупатель", True, False),
        ("topic of 2009", False, False),
        ("is the CIS a state", False, True),
        ("ТМД мемлекет пе?", False, True),
        ("является ли СНГ государством", False, True),
        ("when is the year of energy", False, False),
    ],
)
def test_the_form_of_a_question(analyzer: Analyzer, query: str, top: bool, yes_no: bool) -> None:
    assert (analyzer.asks_for_top(query), analyzer.asks_yes_or_no(query)) == (top, yes_no)


def test_a_query_of_stop_words_only_keeps_them(analyzer: Analyzer) -> None:
    assert [t.term for t in analyzer.query_terms("the")] == ["the"]


@pytest.mark.parametrize(
    ("word", "stem"),
    [("joined", "join"), ("leaves", "leav"), ("leave", "leav"), ("countries", "country")],
)
def test_english_stem(word: str, stem: str) -> None:
    assert english_stem(word) == stem


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("caspain", "caspian", 1), ("tungstn", "tungsten", 1), ("abc", "abc", 0), ("ab", "xyz", 3)],
)
def test_distance(a: str, b: str, expected: int) -> None:
    assert distance(a, b, 3) == expected


def test_neighbours_find_close_words_only() -> None:
    near = Neighbours(["caspian", "uranium", "zinc", "tungsten"])
    assert near.close("caspain", 1) == [(1, "caspian")]
    assert near.close("tngstenn", 2) == [(2, "tungsten")]  # a letter missing, one extra
    assert near.close("xyz", 2) == []


def test_index_ranks_weightier_fields_first() -> None:
    index = Index(
        [{"label": ["zinc"], "note": ["lead"]}, {"label": ["lead"], "note": ["zinc"]}],
        {"label": 3.0, "note": 0.5},
    )
    assert [h.doc for h in index.search([[("zinc", 1.0)]])] == [0, 1]
    assert [h.doc for h in index.search([[("lead", 1.0)]])] == [1, 0]
    assert index.search([[("gold", 1.0)]]) == []


class Remark(Fact, kw_only=True):
    """A kind of fact the base does not have: any new table must be searchable."""

    topic: str
    note_kk: str | None = None
    period_en: str | None = None
    period_kk: str | None = None


class BaseWithRemarks(FactBase, kw_only=True):
    remarks: tuple[Remark, ...] = ()


def test_a_new_kind_is_searchable_without_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any kind of fact the registry declares is indexed, by the names of its fields."""
    remarks = Kind(
        table="remarks",
        record=Remark,
        fields=KIND_OF_TABLE["statements"].fields,
        name="remark",
        answer=(),
        profile=None,
        views=(),
    )
    monkeypatch.setattr(search_query, "KINDS", (*KINDS, remarks))
    packaged = load()
    remark = Remark(
        id="a-remark",
        topic="nature",
        label_en="A remark on supranational powers",
        label_kk="Ұлтүстілік өкілеттік туралы ескерту",
        source="kk-text",
        quote="ТМД мемлекет болып табылмайды",
    )
    base = BaseWithRemarks(
        **{name: getattr(packaged, name) for name in packaged._fields},
        remarks=(remark,),
    )
    first = localize(search(base, "supranational ұлтүстілік"), "en").records[0]
    assert (first["kind"], first["id"]) == ("remark", "a-remark")
    assert (first["value"], first["unit"], first["date"]) == (None, None, None)


@pytest.mark.parametrize("query", ["supranational", "ұлтүстілік"])
def test_statements_are_searched(query: str) -> None:
    first = localize(search(load(), query), "en").records[0]
    assert (first["kind"], first["id"]) == ("statement", "cis-not-a-state")


def test_at_most_five_suggestions_closest_first() -> None:
    analyzer = Analyzer(DEFAULT)
    words = ["lead", "lend", "lewd", "leek", "leer", "seed", "feed", "leads"]
    index = Index([{"label": analyzer.index_terms(w)} for w in words], {"label": 1.0})
    matcher = Matcher(analyzer, index)
    query = matcher.words("leed")
    assert matcher.search(query) == []  # four letters: too short to match as a typo
    suggested = matcher.suggestions(query)
    assert len(suggested) == 5
    assert set(suggested) <= set(words)


def test_deferred_tokens_are_found_when_their_kind_of_term_is_asked_for() -> None:
    seen: list[str] = []

    def normalise(token: str) -> tuple[str, ...]:
        seen.append(token)
        return ("#" + token,) if token.isdecimal() else (token,)

    later = Later(str.isdecimal, lambda term: term.startswith("#"))
    index = Index(
        [{"label": ["zinc", "25"]}, {"label": ["1225"]}], {"label": 1.0}, normalise, later=later
    )
    assert sorted(seen) == ["zinc"]  # numbers wait
    assert index.vocabulary() == ["zinc"]
    assert [h.doc for h in index.search([[("#25", 1.0)]])] == [0]
    assert sorted(seen) == ["1225", "25", "zinc"]
    assert "#1225" in index
