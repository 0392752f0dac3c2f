"""Find a country by code, name (en, kk, ru) or alias."""

from __future__ import annotations

from cis_facts.errors import NotFoundError
from cis_facts.model import Country, FactBase
from cis_facts.text import best_names, fold


def index(base: FactBase) -> dict[str, Country]:
    """Countries by ISO code."""
    return base.country_index


def resolve(base: FactBase, text: str) -> Country:
    """The country ``text`` names, matched case- and Kazakh-letter-insensitively.

    Its other codes match too (KAZ, 398, Q232). A unique prefix of a name also matches
    ("Kyrg"). Raises NotFoundError with
    close names as suggestions otherwise.
    """
    wanted = fold(text.strip())
    if not wanted:
        raise NotFoundError("empty country name")
    for country in base.countries:
        if any(fold(name) == wanted for name in (*country.all_names(), *country.identifiers())):
            return country
    prefixed = {
        c.code: c
        for c in base.countries
        if len(wanted) >= 3 and any(fold(n).startswith(wanted) for n in c.all_names())
    }
    if len(prefixed) == 1:
        return next(iter(prefixed.values()))
    names = [n for c in base.countries for n in (c.name_en, c.name_kk, c.name_ru, *c.aliases)]
    suggestions = [c.name_en for c in prefixed.values()] or best_names(text, names)
    raise NotFoundError(f"unknown country {text!r}", suggestions, key="no_country", name=text)
