"""Check that fact quotes appear verbatim in their source text."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

from cis_facts.frozen import Frozen
from cis_facts.model import FactBase, Source

_SPACE = re.compile(r"\s+")


def fold_space(text: str) -> str:
    """Collapse every run of white space to one space and trim the ends."""
    return _SPACE.sub(" ", text).strip()


class QuoteReport(Frozen):
    """How many quotes citing one source were checked, and those not found."""

    source: Source
    checked: int
    missing: tuple[tuple[str, str, str], ...]  # (origin file, record id, quote)


def source_for_file(base: FactBase, path: str) -> Source | None:
    """The source record whose ``file`` names this text, else the only text source."""
    by_file = [s for s in base.sources if s.file == os.path.basename(path)]
    if by_file:
        return by_file[0]
    texts = [s for s in base.sources if s.kind == "text"]
    return texts[0] if len(texts) == 1 else None


def _quoted(base: FactBase, source_id: str) -> Iterator[tuple[str, str, str]]:
    for country in base.countries:
        if country.source == source_id:
            yield country.origin, country.code, country.quote
    for fact in base.facts():
        if fact.source == source_id:
            yield fact.origin, fact.id, fact.quote


def check_quotes(base: FactBase, source: Source, text: str) -> QuoteReport:
    """Find every quote citing ``source`` in ``text``, white space folded."""
    haystack = fold_space(text)
    checked = 0
    missing = []
    for origin, record_id, quote in _quoted(base, source.id):
        checked += 1
        if fold_space(quote) not in haystack:
            missing.append((origin, record_id, quote))
    return QuoteReport(source, checked, tuple(missing))
