"""``cis-facts bibliography``: the entries of the facts a Markdown or LaTeX draft cites."""

# Imported where used: the query and render layers load when the command runs, not when Click
# lists the commands for --help or completes a word: about 27 million instructions, 16 % of
# `import click` (benchmarks/instructions.py).

from __future__ import annotations

import sys

import click

from cis_facts.errors import NotFoundError
from cis_facts.options import EXIT_CODES_HELP, Choice, lang_option
from cis_facts.output import write
from cis_facts.settings import Settings


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("files", metavar="FILE...", nargs=-1, required=True, type=click.Path())
@click.option(
    "--style",
    type=Choice(("csl-json", "bibtex"), case_sensitive=False),
    default="csl-json",
    show_default=True,
    help="csl-json (for pandoc --citeproc --bibliography refs.json) or bibtex (refs.bib).",
)
@click.option(
    "--from",
    "syntax",
    type=Choice(("markdown", "latex"), case_sensitive=False),
    default=None,
    help="The drafts' syntax; default: latex for .tex, .ltx and .latex files, else markdown "
    "(stdin included).",
)
@click.option(
    "--other-bibliography",
    "others",
    metavar="FILE",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="A bibliography of your own (CSL-JSON or BibTeX): the draft's keys it defines are "
    "left out instead of failing as keys that name no fact. Repeatable.",
)
@lang_option
@click.pass_obj
def bibliography(
    settings: Settings,
    files: tuple[str, ...],
    style: str,
    syntax: str | None,
    others: tuple[str, ...],
    lang: str | None,
) -> None:
    """The bibliography of the facts a Markdown or LaTeX draft cites, for Pandoc.

    Reads each FILE (- reads stdin) and collects its citation keys: in Markdown
    Pandoc's [@rank-uranium], [@a; @b, p. 3], [-@a] and in-text @rank-uranium; in a
    .tex file \\cite{a,b}, \\parencite, \\textcite, \\autocite and every other
    \\...cite... command. Each key that is a fact id gives one entry keyed by it (each
    once, in order of first use): the fact's source as a reference, with where the
    quote stands, the quote, its translation and the fact base's version. A key that
    names no fact fails the call (exit 1), named with its FILE:LINE, unless a
    bibliography of your own given with --other-bibliography defines it: pass that
    file to Pandoc too.

    \b
    Examples:
      cis-facts bibliography draft.md > refs.json
      pandoc draft.md --citeproc --bibliography refs.json -o draft.docx
      cis-facts bibliography paper.tex --style bibtex > facts.bib
      cis-facts bibliography draft.md --other-bibliography mine.bib > refs.json
      cat draft.md | cis-facts bibliography - --lang ru
      cat paper.tex | cis-facts bibliography - --from latex --style bibtex

    \b
    JSON fields (CSL-JSON, one item per fact; BibTeX @incollection has the same):
      id                 the fact id, as the draft cites it
      type               chapter: the quoted passage in its source
      title              the verbatim quote, this project's translation in brackets
      container-title    the source's title (its translation in brackets)
      collection-title   the source's own container (a newspaper, a site), if any
      author             the source's author, or "Author unknown"
      issued, genre      the source's date; when undated, what is known of it
      publisher, publisher-place, URL, accessed, language
      section            where the quote stands in the shipped text (¶, sentence)
      note               that place, the fact base's version and the fact id
      version            the fact base's version
    """
    from cis_facts import drafts
    from cis_facts.query import bibliography as query
    from cis_facts.query import facts as facts_query
    from cis_facts.render import cite as render

    resolved = settings.resolve_lang(lang)
    keys: list[drafts.Key] = []
    for name in files:
        text = _read(name)
        keys += drafts.keys(text, name, (syntax or drafts.syntax_of(name)).lower())
    own: set[str] = set()
    for name in others:
        own |= _own_keys(name)
    base = settings.base()
    ids = query.cited_facts(base, keys, own)
    if not ids:
        write(settings.env, "[]\n" if style == "csl-json" else "")
        return
    answer = facts_query.cite(base, ids, style)
    write(settings.env, render.bibliography_text(answer, resolved, style) + "\n")


def _read(name: str) -> str:
    """The draft's text (stdin for ``-``); one error line when it cannot be read as UTF-8."""
    try:
        if name == "-":
            return sys.stdin.buffer.read().decode("utf-8")
        with open(name, "rb") as file:  # noqa: PTH123 - the path as the user wrote it
            return file.read().decode("utf-8")
    except UnicodeDecodeError:
        raise NotFoundError(f"{name}: not UTF-8 text", key="draft_encoding", file=name) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise NotFoundError(
            f"{name}: cannot read ({reason})", key="draft_unreadable", file=name, reason=reason
        ) from None


def _own_keys(name: str) -> set[str]:
    from cis_facts import drafts

    text = _read(name)
    try:
        return drafts.bibliography_keys(text)
    except (ValueError, KeyError, TypeError, AttributeError):
        raise NotFoundError(
            f"{name}: not a CSL-JSON or BibTeX bibliography", key="bad_bibliography", file=name
        ) from None
