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
        raise NotFoundError("empty country name", key="empty_country")
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
    grouping = GROUPINGS.get(wanted)
    if grouping is not None:
        raise NotFoundError(
            f"{text!r} is {GROUPING_NAMES[grouping]}, not a state: {GROUPING_HINTS[grouping]}",
            key=f"grouping.{grouping}",
            name=text,
        )
    suggestions = [c.name_en for c in prefixed.values()] or _close_names(base, text)
    raise NotFoundError(f"unknown country {text!r}", suggestions, key="no_country", name=text)


def _close_names(base: FactBase, text: str) -> list[str]:
    """Names close to ``text``, one per country (its closest), three-letter codes left out
    (``EU`` is not ``DEU``)."""
    owner: dict[str, str] = {}
    for c in base.countries:
        for name in (c.name_en, c.name_kk, c.name_ru, *c.aliases):
            if not (len(name) == 3 and name.isascii() and name.isupper()):
                owner.setdefault(name, c.code)
    best: dict[str, str] = {}
    for name in best_names(text, owner, limit=len(owner)):
        best.setdefault(owner[name], name)
    return list(best.values())[:3]


# Groupings of states a reader may take for one: each answered with where its facts are.
# The keys are folded names (as ``fold`` gives them) in English, Kazakh and Russian.
GROUPINGS = {
    fold(name): grouping
    for grouping, names in {
        "eu": (
            "EU",
            "European Union",
            "ЕО",
            "Еуропалық одақ",
            "ЕС",
            "Евросоюз",
            "Европейский союз",
        ),
        "cis": (
            "CIS",
            "Commonwealth of Independent States",
            "ТМД",
            "Тәуелсіз Мемлекеттер Достастығы",
            "СНГ",
            "Содружество Независимых Государств",
        ),
    }.items()
    for name in names
}
GROUPING_NAMES = {"eu": "the European Union", "cis": "the Commonwealth of Independent States"}
GROUPING_HINTS = {
    "eu": "its facts: cis-facts search European Union",
    "cis": "its members: cis-facts members",
}
