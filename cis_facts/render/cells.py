"""Turn record values into display text, shared by the terminal and markdown renderers."""

from __future__ import annotations

from typing import Any

from cis_facts.dates import parse_partial
from cis_facts.i18n import word
from cis_facts.inert import visible
from cis_facts.model import Lang


def human_date(iso: str, lang: Lang) -> str:
    """``1993-12`` -> ``Dec 1993``; spans ``1993/2004`` -> ``1993–2004``."""
    parts = [parse_partial(p).human(lang) for p in iso.split("/")]
    return "\u2013".join(parts)


def cell(record: dict[str, Any], key: str, lang: Lang) -> str:
    """The display text of ``record[key]``: dates at their precision, names for countries."""
    value = record.get(key)
    if value is None:
        return ""
    if isinstance(value, str) and f"{key}_precision" in record:
        return human_date(value, lang)
    return visible(_text(value, key, lang))


def _text(value: Any, key: str, lang: Lang) -> str:
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, int | float):
        return str(value)  # as the data holds it: 15999.0 stays 15999.0
    if isinstance(value, dict):
        return _named(value, lang)
    if isinstance(value, list):
        return ", ".join(_text(v, key, lang) for v in value)
    if key == "status":
        return word(f"status.{value}", lang)
    if key in ("kind", "flow", "partners", "section"):
        return word(value, lang)
    return str(value)


def _named(value: dict[str, Any], lang: Lang) -> str:
    name = value.get("name") or value.get("label") or value.get("id") or ""
    code = value.get("code")
    if code and code != name:
        return f"{name} ({code})"
    date = value.get("date")
    if date and value.get("date_precision"):
        return f"{name} ({human_date(date, lang)})"
    return str(name)
