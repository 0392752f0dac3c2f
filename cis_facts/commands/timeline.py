"""``cis-facts timeline``: the events in date order."""

# Imported where used: the query and render layers load when the command runs, not when Click
# lists the commands for --help or completes a word: about 27 million instructions, 16 % of
# `import click` (benchmarks/instructions.py).

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from cis_facts.complete import complete_country
from cis_facts.model import EVENT_KINDS
from cis_facts.options import EXIT_CODES_HELP, Choice, date_option, output_options
from cis_facts.output import emit
from cis_facts.settings import Settings

if TYPE_CHECKING:
    from cis_facts.dates import PartialDate


@click.command(epilog=EXIT_CODES_HELP)
@date_option("--from", "start", help="Earliest date")
@date_option("--to", "end", help="Latest date")
@click.option(
    "--country",
    "country",
    metavar="C",
    shell_complete=complete_country,
    help="Only events a state took part in.",
)
@click.option(
    "--kind",
    "kind",
    type=Choice(EVENT_KINDS, case_sensitive=False),
    help="Only events of this kind.",
)
@output_options
@click.pass_obj
def timeline(
    settings: Settings,
    start: PartialDate | None,
    end: PartialDate | None,
    country: str | None,
    kind: str | None,
    format_: str | None,
    fields: str | None,
    color: str,
    lang: str | None,
) -> None:
    """The CIS's history in date order.

    Each event shows its date at its real precision ("21 Dec 1991", "Dec 1993"),
    what happened, where, and who took part.

    \b
    Examples:
      cis-facts timeline
      cis-facts timeline --from 2007 --to 2009
      cis-facts timeline --country Georgia
      cis-facts timeline --kind founding --lang kk
      cis-facts timeline --format csv > timeline.csv

    \b
    JSON fields:
      id               event id
      date             ISO date or YYYY-MM / YYYY; date_precision: day|month|year
      year             the year, for grouping
      kind             founding, meeting, declaration, accession, withdrawal,
                       status-change, charter, decision, theme-year
      label            what happened (in --lang)
      short            the event's short title (in --lang), else its label
      place            where (in --lang), or null
      participants     [{"code", "name"}]
      initiator        {"code", "name"} or null
      status           membership status the event gave its participants, or null
                       (see members --help for the rule)
      source, quote    source id and the verbatim quote
      note             correction or caveat, or null
      from_text        false when the source is a named document, not the text
    """
    from cis_facts.query import timeline as timeline_query
    from cis_facts.query.countries import resolve

    if start is not None and end is not None and start.first > end.last:
        from cis_facts.click_words import said

        english = f"{start.iso()} is after --to {end.iso()}"
        message = said("from_after_to", english, start=start.iso(), end=end.iso())
        raise click.BadParameter(message, param_hint="--from")
    resolved = settings.resolve_lang(lang)
    base = settings.base()
    state = resolve(base, country) if country is not None else None
    answer = timeline_query.timeline(base, start=start, end=end, country=state, kind=kind)
    emit(settings.env, answer, resolved, format_, fields, color)
