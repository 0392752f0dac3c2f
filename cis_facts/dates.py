"""Dates with their precision: a day, a month or a year, and spans between two of them.

The source text dates some events to the day ("21 December 1991"), some only to the
month ("December 1993"), and figures to a year or a span of years ("1993-2004").
A month is never silently turned into its first day: comparisons say "unknown"
when the precision does not settle them.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from cis_facts.frozen import Frozen
from cis_facts.inert import quoted

Precision = Literal["day", "month", "year"]

_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTHS_EN = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


class DateFormatError(ValueError):
    """A date string is malformed or names a day that does not exist; ``key`` and
    ``fields`` let the interface say which in the user's language."""

    def __init__(self, message: str, key: str | None = None, **fields: object) -> None:
        super().__init__(message)
        self.key = key
        self.fields = fields


class PartialDate(Frozen):
    """A calendar date known to a day, a month or only a year."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    @property
    def first(self) -> date:
        """The earliest day this date may stand for."""
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> date:
        """The latest day this date may stand for."""
        month = self.month or 12
        day = self.day or days_in_month(self.year, month)
        return date(self.year, month, day)

    def iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def human(self) -> str:
        """The date at its own precision in English, for messages: ``21 Dec 1991``,
        ``Dec 1993``, ``1993`` (what people read is dated by ``render.human``, per language)."""
        if self.month is None:
            return str(self.year)
        text = f"{_MONTHS_EN[self.month - 1]} {self.year}"
        return f"{self.day} {text}" if self.day is not None else text


class When(Frozen):
    """A date or a closed span ``start/end`` (ISO 8601 interval form)."""

    start: PartialDate
    end: PartialDate | None = None

    @property
    def precision(self) -> Precision:
        return self.start.precision

    @property
    def first(self) -> date:
        return self.start.first

    @property
    def last(self) -> date:
        return (self.end or self.start).last

    def iso(self) -> str:
        return self.start.iso() if self.end is None else f"{self.start.iso()}/{self.end.iso()}"

    def human(self) -> str:
        """The date or span in English, for messages (``1993–2004``)."""
        if self.end is None:
            return self.start.human()
        return f"{self.start.human()}\u2013{self.end.human()}"


def days_in_month(year: int, month: int) -> int:
    """28 to 31, by the Gregorian calendar."""
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _numbers(text: str) -> list[int] | None:
    """``YYYY[-MM[-DD]]`` as numbers, or None when the text has another form."""
    parts = text.split("-")
    widths = (4, 2, 2)[: len(parts)]
    if len(parts) > 3 or any(
        len(p) != w or not (p.isascii() and p.isdigit()) for p, w in zip(parts, widths, strict=True)
    ):
        return None
    return [int(p) for p in parts]


PARTIAL_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"


def parse_partial(text: str) -> PartialDate:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise DateFormatError otherwise."""
    numbers = _numbers(text.strip())
    if numbers is None:
        raise DateFormatError(
            f"{quoted(text)} is not a date (expected {PARTIAL_FORMS})",
            "date_not_a_date",
            text=text,
        )
    year = numbers[0]
    month = numbers[1] if len(numbers) > 1 else None
    day = numbers[2] if len(numbers) > 2 else None
    if year < 1:
        raise DateFormatError(f"{quoted(text)} has no year 0", "date_no_year_0", text=text)
    if month is not None and not 1 <= month <= 12:
        raise DateFormatError(
            f"{quoted(text)} has no month {month}", "date_no_month", text=text, month=month
        )
    if month is not None and day is not None:
        last_day = days_in_month(year, month)
        if not 1 <= day <= last_day:
            raise DateFormatError(
                f"{quoted(text)} does not exist ({_MONTH_NAMES[month - 1]} "
                f"{year} has {last_day} days)",
                "date_no_day",
                text=text,
                days=last_day,
            )
    return PartialDate(year=year, month=month, day=day)


def parse_when(text: str) -> When:
    """Parse a date or a ``start/end`` span whose end is not before its start."""
    if "/" not in text:
        return When(start=parse_partial(text))
    head, _, tail = text.partition("/")
    try:
        start, end = parse_partial(head), parse_partial(tail)
    except DateFormatError as exc:
        raise DateFormatError(
            f"{quoted(text)} is not a span START/END of two dates: {exc}"
        ) from exc
    if end.last < start.first:
        raise DateFormatError(f"{quoted(text)} ends before it starts")
    return When(start=start, end=end)


def from_date(value: date) -> When:
    """A TOML local date, which is always known to the day."""
    return When(PartialDate(value.year, value.month, value.day))
