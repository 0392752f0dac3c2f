"""``cis-facts show`` and ``cis-facts cite``: one fact in full, or ready to paste."""

from __future__ import annotations

import sys

import click

from cis_facts.complete import complete_fact_id
from cis_facts.inert import say
from cis_facts.options import EXIT_CODES_HELP, output_options
from cis_facts.output import emit
from cis_facts.settings import Settings


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
      source_title     the title of the cited source
      context          with --context: the source text's whole sentence around
                       the quote (null when the source text is not packaged)
    Dates are ISO strings with a <field>_precision sibling; countries are
    {"code", "name"} objects.
    """
    from cis_facts.query import facts as facts_query

    resolved = settings.resolve_lang(lang)
    answer = facts_query.show(settings.base(), fact_id, resolved, with_context)
    emit(answer, format_, fields, color)


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("fact_id", metavar="ID", shell_complete=complete_fact_id)
@click.option(
    "--style",
    type=click.Choice(("plain", "markdown"), case_sensitive=False),
    default="plain",
    show_default=True,
    help="Citation style.",
)
@output_options
@click.pass_obj
def cite(
    settings: Settings,
    fact_id: str,
    style: str,
    format_: str | None,
    fields: str | None,
    color: str,
    lang: str | None,
) -> None:
    """A ready-to-paste sentence stating the fact, with a citation quoting its source.

    Without --format the text itself is printed, on a terminal or into a pipe.

    \b
    Examples:
      cis-facts cite rank-zinc
      cis-facts cite fdi-cumulative-1993-2004 --style markdown --lang kk
      cis-facts cite rank-uranium | xclip -selection clipboard

    \b
    JSON fields:
      id, style        fact id and citation style
      text             sentence and citation together, ready to paste
      sentence         the statement with its figure (in --lang)
      citation         source title and verbatim quote
      quote, source, source_title
    """
    from cis_facts.query import facts as facts_query

    resolved = settings.resolve_lang(lang)
    answer = facts_query.cite(settings.base(), fact_id, style, resolved)
    if format_ is None and not fields:
        say(answer.records[0]["text"], sys.stdout)
        return
    emit(answer, format_, fields, color)
