"""A source record as a bibliography entry: our own one-line reference, and a CSL item.

Each entry says what is known and says outright what is not: an author or "author unknown",
the title in the source's own language with its title in the reader's language, the
container, publisher and place, the date exact, approximate ("c. 2005") or "n.d." with the
latest date the source itself mentions, the URL and the day the record was made from it.
"""

from __future__ import annotations

from typing import Any

from cis_facts.dates import When
from cis_facts.i18n import word
from cis_facts.inert import visible
from cis_facts.model import Lang, Source
from cis_facts.render import human


def author(source: Source, lang: Lang) -> str | None:
    """The author, "author unknown" when the record says so, else None (a treaty's parties
    are in its title)."""
    if source.author:
        return visible(source.author)
    return word("ref.author_unknown", lang) if source.author_unknown else None


def title(source: Source, lang: Lang) -> str:
    """``Own title [title in lang]``: the translation in brackets, as APA and GOST want it."""
    own = visible(source.own_title())
    translated = source.translated_title(lang)
    return f"{own} [{visible(translated)}]" if translated and translated != own else own


def date(source: Source, lang: Lang) -> str:
    """``21 December 1991``, ``c. 2005``, or ``n.d. (not before 18 August 2009)``."""
    if source.issued is not None:
        said = human.long_when(source.issued, lang)
        return word("ref.circa", lang, date=said) if source.issued_approximate else said
    undated = word("ref.no_date", lang)
    if source.not_before is not None:
        after = word("ref.not_before", lang, date=human.long_when(source.not_before, lang))
        return f"{undated} ({after})"
    return undated


def reference_line(source: Source, lang: Lang) -> str:
    """The whole entry on one line: author. Title. Container. Publisher, place, date. URL."""
    parts = [p for p in (author(source, lang), title(source, lang)) if p]
    if source.container:
        parts.append(visible(source.container))
    made = [visible(p) for p in (source.publisher, source.place) if p]
    parts.append(", ".join([*made, date(source, lang)]))
    line = ". ".join(p.rstrip(".") for p in parts) + "."
    if source.url:
        line += f" {visible(source.url)}"
        if source.accessed is not None:
            line += f" ({word('ref.accessed', lang, date=human.long_when(source.accessed, lang))})"
    return line


def _date_parts(when: When) -> dict[str, Any]:
    start = when.start
    parts = [p for p in (start.year, start.month, start.day) if p is not None]
    return {"date-parts": [parts]}


def csl_item(source: Source, lang: Lang, version: str, key: str | None = None) -> dict[str, Any]:
    """The source as a CSL-JSON item keyed ``key`` (the source id by default), its words in
    ``lang``; an undated source's known bound goes into ``genre``, where styles print it."""
    item: dict[str, Any] = {
        "id": key or source.id,
        "type": source.type or "document",
        "title": title(source, lang),
        "language": source.language,
        "version": f"cis-facts {version}",
    }
    named = author(source, lang)
    if named:
        item["author"] = [{"literal": named}]
    optional = {
        "container-title": source.container,
        "publisher": source.publisher,
        "publisher-place": source.place,
        "URL": source.url,
    }
    item.update({k: visible(v) for k, v in optional.items() if v})
    if source.issued is not None:
        item["issued"] = _date_parts(source.issued)
        if source.issued_approximate:
            item["issued"]["circa"] = True
    elif source.not_before is not None:
        bound = human.long_when(source.not_before, lang)
        item["genre"] = word("ref.undated_genre", lang, date=bound)
    if source.accessed is not None:
        item["accessed"] = _date_parts(source.accessed)
    return item
