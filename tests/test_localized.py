"""Typed rows become records in the reader's language only at presentation."""

from __future__ import annotations

from cis_facts.answer import Answer, Place, Row, Worded
from cis_facts.dates import When, parse_when
from cis_facts.model import Country
from cis_facts.render.localized import Records, localize


def _country(code: str, en: str, kk: str, ru: str) -> Country:
    return Country(code=code, name_en=en, name_kk=kk, name_ru=ru, source="s", quote="q")


UZ = _country("UZ", "Uzbekistan", "Өзбекстан", "Узбекистан")
RU = _country("RU", "Russia", "Ресей", "Россия")
AM = _country("AM", "Armenia", "Армения", "Армения")


class _Said:
    def __init__(self, en: str, kk: str) -> None:
        self.texts = {"en": en, "kk": kk, "ru": en}

    def label(self, lang: str) -> str:
        return self.texts[lang]


class _Row(Row, kw_only=True):
    country: Place | None
    label: Worded
    since: When | None
    parts: tuple[Place | None, ...] = ()


def _answer(ties: tuple[int, ...]) -> Answer:
    said = _Said("joined", "кірді")
    rows = tuple(
        _Row(country=Place(c.code, c), label=said.label, since=parse_when("1991-12"), parts=())
        for c in (UZ, RU, AM)
    )
    return Answer(kind="members", fields=("country", "label", "since"), rows=rows, ties=ties)


def test_a_row_is_a_record_in_the_language() -> None:
    shown = localize(_answer(()), "kk")
    assert shown.records[0] == {
        "country": {"code": "UZ", "name": "Өзбекстан"},
        "label": "кірді",
        "since": "1991-12",
        "since_precision": "month",
        "parts": [],
    }
    assert localize(_answer(()), "en").records[1]["country"] == {"code": "RU", "name": "Russia"}


def test_ties_are_ordered_by_the_readers_alphabet() -> None:
    tied = _answer((0, 0, 0))
    # Kazakh: А … Ө … Р; English: A … R … U.
    assert [r["country"]["code"] for r in localize(tied, "kk").records] == ["AM", "UZ", "RU"]
    assert [r["country"]["code"] for r in localize(tied, "en").records] == ["AM", "RU", "UZ"]
    # Rows keep their order across ties: only equal tie numbers are sorted.
    apart = _answer((0, 1, 2))
    assert [r["country"]["code"] for r in localize(apart, "en").records] == ["UZ", "RU", "AM"]


def test_records_are_made_as_they_are_read() -> None:
    records = localize(_answer(()), "kk").records
    assert isinstance(records, Records)
    assert len(records) == 3
    assert records[0] is not records[0]  # made anew at each read, never held
    assert [r["country"]["code"] for r in records[1:]] == ["RU", "AM"]
    assert records == [dict(r) for r in records]


class _Held:
    def __init__(self) -> None:
        self.code = "x-1"
        self.when = parse_when("2004")
        self.said = _Said("grew", "өсті")


class _Showing(Row, kw_only=True):
    held: object
    country: Place | None
    shows = (("id", "held.code"), ("country", "country"), ("label", "held.said.label"))
    shows += (("date", "held.when"), ("none", "held.when_not"))
    dates = frozenset({"date", "none"})


def test_a_row_that_holds_its_record_shows_its_fields() -> None:
    held = _Held()
    held.when_not = None  # type: ignore[attr-defined]
    row = _Showing(held=held, country=Place("KZ", None))
    answer = Answer(kind="figures", fields=("id",), rows=(row,))
    assert localize(answer, "kk").records[0] == {
        "id": "x-1",
        "country": {"code": "KZ", "name": "KZ"},
        "label": "өсті",
        "date": "2004",
        "date_precision": "year",
        "none": None,
        "none_precision": None,
    }
