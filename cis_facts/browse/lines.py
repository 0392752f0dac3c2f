"""One line per listed record: what it states and its answer (value and unit, or date)."""

from __future__ import annotations

from cis_facts.answer import Record
from cis_facts.i18n import word
from cis_facts.model import Lang


def number(value: object) -> str:
    """A figure as the text writes it in digits: no trailing ``.0`` on whole numbers."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def label(record: Record) -> str:
    """The record's statement, else the name of the country it is about."""
    text = record.get("label")
    if isinstance(text, str):
        return text
    country = record.get("country")
    if isinstance(country, dict):
        return str(country.get("name", ""))
    return str(record.get("name") or record.get("id") or "")


def _figure(record: Record, lang: Lang) -> str | None:
    value, unit = record.get("value"), record.get("unit")
    if value is not None:
        return f"{number(value)} {unit}".strip() if unit else number(value)
    if record.get("share") is not None:
        return f"{number(record['share'])} %"
    standing = record.get("standing")
    if isinstance(standing, str):
        return standing
    status = record.get("status")
    if isinstance(status, str) and record.get("country"):
        return word(f"status.{status}", lang)
    return None


def answer(record: Record, lang: Lang) -> str:
    """``25 % · 2004``: the figure, share, standing or status, then the date or period."""
    when = record.get("date") or record.get("since") or record.get("period")
    parts = [_figure(record, lang), str(when) if when else None]
    return " · ".join(p for p in parts if p)
