"""What search and ask answers tell their views beside their records (kept apart from
the search itself, so that the views import no index)."""

from __future__ import annotations

from cis_facts.frozen import Frozen
from cis_facts.model import AnyFact, Country, Source


class SearchContext(Frozen):
    """What was searched for and how many records matched in all (``total`` is more than
    the answer's records when a limit cut them)."""

    query: str
    total: int


class AskContext(Frozen, kw_only=True):
    """The fact that answers a question, with its source and the countries its sentence
    may name."""

    question: str
    fact: AnyFact
    source: Source | None
    countries: dict[str, Country]
