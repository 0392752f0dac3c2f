"""``cis-facts show`` and ``cis-facts cite``: one fact in full, or ready to paste."""

# Imported where used: the query and render layers load when the command runs, not when Click
# lists the commands for --help or completes a word: about 27 million instructions, 16 % of
# `import click` (benchmarks/instructions.py).

from __future__ import annotations

import sys

import click

from cis_facts.complete import complete_fact_id
from cis_facts.options import EXIT_CODES_HELP, Choice, output_options
from cis_facts.output import emit
from cis_facts.settings import Settings

CITE_STYLES = (
    "plain",
    "markdown",
    "html",
    "wikipedia",
    "bibtex",
    "csl-json",
    "apa",
    "chicago",
    "gost",
    "mla",
)


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("fact_id", metavar="ID", shell_complete=complete_fact_id)
@click.option(
    "--context",
    "with_context",
    is_flag=True,
    help="Also print the whole sentence of the source text around the quote.",
)
@output_options
@click.pass_obj
def show(
    settings: Settings,
    fact_id: str,
    with_context: bool,
    format_: str | None,
    fields: str | None,
    color: str,
    lang: str | None,
) -> None:
    """One fact in full: value, unit, date, labels, quote, source and notes.

    \b
    Examples:
      cis-facts show rank-zinc
      cis-facts show almaty-protocol --format json
      cis-facts show rank-uranium --context

    \b
    JSON fields: every field of the fact as stored (see docs/fact-schema.md), plus
      kind             event | ranking | trade_share | trade_total | figure | statement
      event_kind       for events: founding, accession, ... (the event's own kind)
      label            the label in --lang
      quote_translator  cis-facts where quote_en, quote_kk or quote_ru is given
                       (this project's translations of the quote), else null
      source_title     the title of the cited source
      note_source_title  the title of the document a correction rests on, or null
      changed          the release that added or last corrected the fact
                       (CHANGELOG.md), or null for a fact from your own files
      change           added | corrected, or null
      context          with --context: the source text's whole sentence around
                       the quote (null when the source text is not packaged)
    Dates are ISO strings with a <field>_precision sibling; countries are
    {"code", "name"} objects.
    """
    from cis_facts.query import facts as facts_query

    resolved = settings.resolve_lang(lang)
    answer = facts_query.show(settings.base(), fact_id, with_context)
    emit(settings.env, answer, resolved, format_, fields, color)


@click.command(epilog=EXIT_CODES_HELP)
@click.argument(
    "fact_ids", metavar="ID...", nargs=-1, required=True, shell_complete=complete_fact_id
)
@click.option(
    "--style",
    type=Choice(CITE_STYLES, case_sensitive=False),
    default="plain",
    show_default=True,
    help="plain, markdown (a footnote), html, wikipedia ({{cite book}} with quote=), the "
    "source records as bibtex or csl-json, or a CSL style: apa, chicago, gost, mla (needs "
    "pip install 'cis-facts[styles]').",
)
@click.option(
    "--csl",
    "csl_file",
    type=click.Path(exists=True, dir_okay=False),
    help="A CSL style file to render with (overrides --style; needs citeproc-py).",
)
@output_options
@click.pass_obj
def cite(
    settings: Settings,
    fact_ids: tuple[str, ...],
    style: str,
    csl_file: str | None,
    format_: str | None,
    fields: str | None,
    color: str,
    lang: str | None,
) -> None:
    """Ready-to-paste sentences stating facts, each with a citation quoting its source.

    The sentence gives the fact's date or period, value and unit in --lang; then
    the source's title, where the quote stands in the shipped text (paragraph
    and sentence), the verbatim quote and the fact base's version and fact id;
    where the fact carries a correction, the correction and the document it
    rests on. Several ids give one citation each (each fact once); bibtex and
    csl-json give every source once. ID - reads the ids from stdin, one a line.
    Without --format the text itself is printed, on a terminal or into a pipe.

    \b
    Examples:
      cis-facts cite georgia-withdrawal
      cis-facts cite export-share-italy --style markdown --lang kk
      cis-facts cite almaty-protocol --style wikipedia
      cis-facts cite rank-uranium --style apa
      cis-facts cite georgia-withdrawal --style gost --lang ru
      cis-facts cite rank-zinc rank-uranium --style bibtex > refs.bib
      cis-facts search uranium -f json | jq -r '.[].id' | cis-facts cite -
      cis-facts cite rank-uranium | xclip -selection clipboard

    \b
    JSON fields:
      id, style          fact id and citation style
      text               sentence and citation together, ready to paste
      sentence           the statement with its date and figure (in --lang)
      citation           the citation in the chosen style
      quote, note        the verbatim quote; the correction (in --lang) or null
      quote_en, quote_kk, quote_ru  this project's translations of the quote, or null
      quote_translator   cis-facts where the quote has translations, else null
      note_source        id of the document the correction rests on, or null
      note_source_title  its title, or null
      source, source_title, source_language
      paragraph, sentence_number  where the quote stands in the shipped text, or null
      version            the fact base's version
    """
    from cis_facts.query import facts as facts_query

    resolved = settings.resolve_lang(lang)
    ids = _ids(fact_ids)
    answer = facts_query.cite(settings.base(), ids, style, csl_file)
    emit(settings.env, answer, resolved, format_, fields, color)


def _ids(arguments: tuple[str, ...]) -> list[str]:
    """The ids given, with ``-`` replaced by the ids read from stdin (one a line)."""
    ids: list[str] = []
    for argument in arguments:
        if argument != "-":
            ids.append(argument)
            continue
        ids += [line.strip() for line in sys.stdin if line.strip()]
    if not ids:
        from cis_facts.click_words import said

        raise click.UsageError(said("no_fact_ids", "no fact ids: stdin held none"))
    return ids
