"""Numbers, dates and sort order as people of each language write them.

Only for human formats (table, markdown, cite); machine formats keep canonical values.
Patterns come from CLDR through ``cis_facts.locale_data`` (generated from Babel), so the
table path never imports Babel.
"""

from __future__ import annotations

import re
from typing import Any

from cis_facts.dates import PartialDate, When, parse_partial
from cis_facts.i18n import MONTHS_IN, word
from cis_facts.locale_data import CLDR
from cis_facts.model import Lang

NBSP = "\u00a0"
MINUS = "\u2212"  # a minus sign, not the hyphen: «−2 п. п.»
_TOKEN = re.compile(r"'([^']*)'|(y+|M+|L+|d+)")
# Kazakh editorial practice groups thousands from five digits on (10 215, but 1995).
MIN_GROUPED = 5


def number(value: float, lang: Lang) -> str:
    """``10215.1`` -> ``10 215,1`` (kk) or ``10,215.1`` (en); decimals as the data holds them."""
    conventions = CLDR.get(lang, CLDR["en"])
    text = repr(value) if isinstance(value, float) else str(value)
    if "e" in text or "inf" in text or "nan" in text:
        return text
    sign = MINUS if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    group = conventions["group"]
    if len(whole) >= MIN_GROUPED:
        head = len(whole) % 3 or 3
        whole = whole[:head] + "".join(group + whole[i : i + 3] for i in range(head, len(whole), 3))
    return sign + whole + (conventions["decimal"] + fraction if fraction else "")


_FOUR_DIGITS = re.compile(r"(?<![\d\u00a0\u202f,.])(\d)(\d{3})(?![\d\u00a0\u202f])")


def grouped_like(texts: list[str], lang: Lang) -> list[str]:
    """A column of numbers as a table prints it: when one has five digits or more before
    the decimal sign (grouped: «10 215,1»), four-digit ones are grouped too («4 097,2»),
    so that digits line up; otherwise the column is as given."""
    group = CLDR.get(lang, CLDR["en"])["group"]
    five = re.compile(rf"\d{{1,3}}{re.escape(group)}\d{{3}}")
    if not any(five.search(t) for t in texts):
        return texts
    return [_FOUR_DIGITS.sub(rf"\1{group}\2", t) for t in texts]


def _pattern(pattern: str, date: PartialDate, conventions: dict[str, Any], width: str) -> str:
    """``pattern`` filled in; ``width`` is ``abbr`` or ``wide``, M takes the month names
    of a date, L the stand-alone ones (Russian: "августа" beside "август")."""

    def replace(match: re.Match[str]) -> str:
        literal, symbol = match.groups()
        if literal is not None:
            return literal
        if symbol.startswith("y"):
            return str(date.year)
        if symbol.startswith(("M", "L")):
            alone = "_alone" if symbol.startswith("L") else ""
            return str(conventions[f"months_{width}{alone}"][(date.month or 1) - 1])
        return str(date.day)

    return _TOKEN.sub(replace, pattern)


def table_date(date: PartialDate, lang: Lang) -> str:
    """A date at its precision, CLDR medium style: ``21 Dec 1991``, ``1991 ж. 21 жел.``."""
    conventions = CLDR.get(lang, CLDR["en"])
    return _pattern(conventions[date.precision], date, conventions, "abbr")


def table_when(when: When, lang: Lang) -> str:
    """A date, or a span: ``1995–2003`` / ``1995–2003 жж.``."""
    if when.end is None:
        return table_date(when.start, lang)
    if when.start.precision == when.end.precision == "year":
        return word("date.span_table", lang, a=when.start.year, b=when.end.year)
    return f"{table_date(when.start, lang)}\u2013{table_date(when.end, lang)}"


def table_iso(iso: str, lang: Lang) -> str:
    """``table_when`` of an ISO date or ``start/end`` span as records hold them."""
    head, _, tail = iso.partition("/")
    return table_when(When(parse_partial(head), parse_partial(tail) if tail else None), lang)


def long_when(when: When, lang: Lang) -> str:
    """A date with its month in full and no case ending: ``21 December 1991``."""
    conventions = CLDR.get(lang, CLDR["en"])
    if when.end is not None:
        return table_when(when, lang)
    date = when.start
    return _pattern(conventions[date.precision], date, conventions, "wide")


def sentence_date(date: PartialDate, lang: Lang) -> str:
    """A date in running text: ``on 18 August 2009`` / ``2009 жылғы 18 тамызда`` /
    ``18 августа 2009 г.``, the month in the case the template takes."""
    wide = CLDR.get(lang, CLDR["en"])["months_wide"]
    months = MONTHS_IN.get(lang, {}).get(date.precision) or wide
    month = months[(date.month or 1) - 1]
    return word(f"date.{date.precision}", lang, d=date.day, month=month, y=date.year)


def sentence_when(when: When, lang: Lang) -> str:
    if when.end is None:
        return sentence_date(when.start, lang)
    return word("date.span", lang, a=when.start.year, b=when.end.year)


def guillemets(text: str) -> str:
    """``text`` in «…», the quotation marks inside it made „…“, as Kazakh and Russian
    nest them: «…„Беловеж келісімін“…»."""
    return "«" + text.replace("«", "„").replace("»", "“") + "»"
