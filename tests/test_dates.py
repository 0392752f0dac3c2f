"""Partial dates and spans: the written form is the precision."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cis_facts.dates import (
    DateFormatError,
    PartialDate,
    When,
    from_date,
    parse_partial,
    parse_when,
)


@pytest.mark.parametrize(
    ("text", "precision", "parts"),
    [
        ("1991", "year", (1991, None, None)),
        ("1993-12", "month", (1993, 12, None)),
        ("1991-12-08", "day", (1991, 12, 8)),
        (" 2009-08-18 ", "day", (2009, 8, 18)),
    ],
)
def test_parse_partial_precision(
    text: str, precision: str, parts: tuple[int, int | None, int | None]
) -> None:
    parsed = parse_partial(text)
    assert parsed.precision == precision
    assert (parsed.year, parsed.month, parsed.day) == parts


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("1993", date(1993, 1, 1), date(1993, 12, 31)),
        ("1993-12", date(1993, 12, 1), date(1993, 12, 31)),
        ("1993-04", date(1993, 4, 1), date(1993, 4, 30)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        ("2000-02", date(2000, 2, 1), date(2000, 2, 29)),
        ("1900-02", date(1900, 2, 1), date(1900, 2, 28)),
        ("1991-12-21", date(1991, 12, 21), date(1991, 12, 21)),
    ],
)
def test_first_and_last_day(text: str, first: date, last: date) -> None:
    parsed = parse_partial(text)
    assert (parsed.first, parsed.last) == (first, last)


def test_leap_day_exists_only_in_leap_years() -> None:
    assert parse_partial("1988-02-29").last == date(1988, 2, 29)
    assert parse_partial("2000-02-29").precision == "day"
    for text in ("1989-02-29", "1900-02-29"):
        with pytest.raises(DateFormatError, match="February"):
            parse_partial(text)


@pytest.mark.parametrize("text", ["1991", "1993-12", "1991-12-08", "0999-01-01"])
def test_iso_gives_back_the_written_form(text: str) -> None:
    assert parse_partial(text).iso() == text


@pytest.mark.parametrize(
    ("text", "en"),
    [
        ("1991-12-21", "21 Dec 1991"),
        ("1993-12", "Dec 1993"),
        ("1993-01-22", "22 Jan 1993"),
        ("2009-08-18", "18 Aug 2009"),
        ("2005", "2005"),
    ],
)
def test_human_in_english_for_messages(text: str, en: str) -> None:
    assert parse_partial(text).human() == en


def test_human_day_has_no_leading_zero() -> None:
    assert parse_partial("1991-12-08").human() == "8 Dec 1991"


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("", "is not a date"),
        ("91", "is not a date"),
        ("1993/12/01", "is not a date"),
        ("1993-1", "is not a date"),
        ("1993-12-1", "is not a date"),
        ("1993.12", "is not a date"),
        ("December 1993", "is not a date"),
        ("1993-13", "has no month 13"),
        ("1993-00", "has no month 0"),
        ("1993-00-10", "has no month 0"),
        ("1988-02-30", r"does not exist \(February 1988 has 29 days\)"),
        ("1991-04-31", r"April 1991 has 30 days"),
        ("1991-12-00", "does not exist"),
        ("1991-12-32", "does not exist"),
    ],
)
def test_parse_partial_errors(text: str, match: str) -> None:
    with pytest.raises(DateFormatError, match=match):
        parse_partial(text)


def test_date_format_error_is_a_value_error() -> None:
    assert issubclass(DateFormatError, ValueError)


def test_parse_when_single_date() -> None:
    when = parse_when("1993-12")
    assert when == When(PartialDate(1993, 12))
    assert when.end is None
    assert (when.precision, when.first, when.last) == (
        "month",
        date(1993, 12, 1),
        date(1993, 12, 31),
    )
    assert when.iso() == "1993-12"
    assert when.human() == "Dec 1993"


def test_parse_when_span() -> None:
    when = parse_when("1993/2004")
    assert when == When(PartialDate(1993), PartialDate(2004))
    assert (when.precision, when.first, when.last) == ("year", date(1993, 1, 1), date(2004, 12, 31))
    assert when.iso() == "1993/2004"
    assert when.human() == "1993\u20132004"


def test_span_of_mixed_precision() -> None:
    when = parse_when("1991-12-08/1993-01")
    assert when.precision == "day"
    assert (when.first, when.last) == (date(1991, 12, 8), date(1993, 1, 31))
    assert when.iso() == "1991-12-08/1993-01"
    assert when.human() == "8 Dec 1991\u2013Jan 1993"


@pytest.mark.parametrize(
    "text", ["1993/1993", "1993-12/1993", "1993/1993-01", "2024-02-29/2024-02"]
)
def test_span_may_end_within_its_start(text: str) -> None:
    assert parse_when(text).iso() == text


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("2005/1999", "ends before it starts"),
        ("1994/1993-12", "ends before it starts"),
        ("1993-12-02/1993-12-01", "ends before it starts"),
        ("1993/12", "'12' is not a date"),
        ("1993/", "is not a date"),
        ("/1993", "is not a date"),
        ("1993/1994/1995", "is not a date"),
        ("1993-02-30/1994", "does not exist"),
    ],
)
def test_parse_when_errors(text: str, match: str) -> None:
    with pytest.raises(DateFormatError, match=match):
        parse_when(text)


def test_from_date_is_day_precision() -> None:
    when = from_date(date(1993, 1, 22))
    assert when == parse_when("1993-01-22")
    assert when.precision == "day"


def test_year_zero_is_rejected() -> None:
    try:
        parse_partial("0000")
    except DateFormatError:
        return
    raise AssertionError("parse_partial('0000') returned a date")


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return PartialDate(day.year)
    if precision == "month":
        return PartialDate(day.year, day.month)
    return PartialDate(day.year, day.month, day.day)


@given(partial_dates())
def test_iso_round_trips(value: PartialDate) -> None:
    parsed = parse_partial(value.iso())
    assert parsed == value
    assert parsed.first <= parsed.last
    assert parsed.first.year == parsed.last.year == value.year


@given(partial_dates(), partial_dates())
def test_span_accepted_exactly_when_end_not_before_start(
    start: PartialDate, end: PartialDate
) -> None:
    text = f"{start.iso()}/{end.iso()}"
    if end.last < start.first:
        with pytest.raises(DateFormatError):
            parse_when(text)
    else:
        when = parse_when(text)
        assert (when.start, when.end, when.iso()) == (start, end, text)


@pytest.mark.parametrize("text", ["١٩٩١", "１９９１-１２"], ids=["arabic-indic", "fullwidth"])
def test_only_ascii_digits_make_a_date(text: str) -> None:
    try:
        parse_partial(text)
    except DateFormatError:
        return
    raise AssertionError(f"parse_partial({text!r}) returned a date")
