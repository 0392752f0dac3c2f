"""Citations in a CSL style (APA, Chicago, GOST, MLA or a style file), rendered by citeproc-py.

citeproc-py is an optional extra (``pip install 'cis-facts[styles]'``), imported only here and
only when such a style is asked for. Each source is one bibliography item; each fact is one
citation of it with the quote's paragraph as the CSL locator and the sentence after it.
"""

# Imported where used: citeproc-py is an optional extra (cis-facts[styles]), loaded only for a CSL
# style.

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cis_facts.errors import UsageError
from cis_facts.i18n import word
from cis_facts.inert import visible
from cis_facts.model import Lang, Source
from cis_facts.render import reference

if TYPE_CHECKING:
    from cis_facts.render.cite import Cited
    from cis_facts.verify import Locator

STYLE_FILES = {
    "apa": "apa.csl",
    "chicago": "chicago-author-date.csl",
    "gost": "gost-r-7-0-5-2008-numeric.csl",
    "mla": "modern-language-association.csl",
}
# The CSL project has no Kazakh locale; Kazakh output takes the Russian one's terms.
_LOCALES: dict[Lang, str] = {"en": "en-US", "ru": "ru-RU", "kk": "ru-RU"}


def style_path(name: str) -> str:
    """The shipped style file for ``apa``, ``chicago``, ``gost`` or ``mla``."""
    return str(Path(__file__).parent.parent / "data" / "csl" / STYLE_FILES[name])


def _processor() -> Any:
    try:
        import citeproc
    except ImportError:
        raise UsageError("CSL styles need citeproc-py: pip install 'cis-facts[styles]'") from None
    return citeproc


_ABBREVIATION_END = re.compile(r"\s(?:гг?|жж?)\.$")
_NUMBER_GLUED = re.compile(r"^(\d+\.)(?=\S)")


def _with_citation(sentence: str, said: str) -> str:
    """The in-text citation inside the sentence, before its full stop (an abbreviation's
    own dot, «2009 г.», stays)."""
    if not said:
        return sentence
    said = said.rstrip(".")  # a note style ends its note with a full stop of its own
    if _ABBREVIATION_END.search(sentence) or not sentence.endswith("."):
        return f"{sentence} {said}."
    return f"{sentence[:-1]} {said}."


def _cite(
    citeproc: Any, bibliography: Any, source: Source | None, where: Locator | None, lang: Lang
) -> str:
    """The in-text citation of ``source`` at ``where``; registers it for the bibliography."""
    if source is None:
        return ""
    from citeproc.source import Locator as CslLocator

    extra: dict[str, Any] = {}
    if where is not None:
        extra["locator"] = CslLocator("paragraph", str(where.paragraph))
        extra["suffix"] = ", " + word("cite.sentence_only", lang, sentence=where.sentence)
    citation = citeproc.Citation([citeproc.CitationItem(source.id, **extra)])
    bibliography.register(citation)
    return visible(str(bibliography.cite(citation, lambda _item: None)))


def render(cited: list[Cited], path: str) -> str:
    """Each fact's sentence with its in-text citation and quote, then the bibliography."""
    citeproc = _processor()
    from citeproc.source.json import CiteProcJSON

    lang = cited[0].lang
    sources = {s.id: s for c in cited for s in (c.source, c.note_source) if s is not None}
    items = [reference.csl_item(s, lang, cited[0].version) for s in sources.values()]
    try:
        style = citeproc.CitationStylesStyle(path, locale=_LOCALES[lang], validate=False)
    except (OSError, ValueError, SyntaxError, KeyError, AttributeError) as error:
        # a style file that is not CSL: one line, never a traceback
        raise UsageError(f"{path}: not a CSL style ({error})") from None
    bibliography = citeproc.CitationStylesBibliography(
        style, CiteProcJSON(items), citeproc.formatter.plain
    )
    blocks = []
    for c in cited:
        said = _cite(citeproc, bibliography, c.source, c.locator, lang)
        translation = f"{c.translated}: {c.translation_quoted}; " if c.translation_quoted else ""
        quote = f"{c.w('cite.quote')}: {c.quoted}; {translation}{c.stamp}"
        lines = [_with_citation(c.sentence, said), quote]
        if c.note:
            document = _cite(citeproc, bibliography, c.note_source, None, lang)
            lines.append(f"{c.w('cite.correction')}: {c.note} {document}".rstrip())
        blocks.append("\n".join(lines))
    entries = [_NUMBER_GLUED.sub(r"\1 ", visible(str(e))) for e in bibliography.bibliography()]
    heading = word("cite.references", lang)
    return "\n\n".join(blocks) + f"\n\n{heading}\n" + "\n".join(entries)
