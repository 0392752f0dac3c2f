"""``cis-facts members``: who was in the CIS on a date, and the membership chart."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from cis_facts.options import EXIT_CODES_HELP, date_option, output_options
from cis_facts.output import emit
from cis_facts.settings import Settings

if TYPE_CHECKING:
    from cis_facts.dates import PartialDate


@click.command(epilog=EXIT_CODES_HELP)
@date_option("--on", "on", help="Date to ask about (default: the latest membership event)")
@click.option("--all", "include_former", is_flag=True, help="Also list former members.")
@click.option(
    "--chart",
    is_flag=True,
    help="Draw a membership chart across the years (every year; --on is refused with it).",
)
@output_options
@click.pass_obj
def members(
    settings: Settings,
    on: PartialDate | None,
    include_former: bool,
    chart: bool,
    format_: str | None,
    fields: str | None,
    color: str,
    lang: str | None,
) -> None:
    """States that were members or associate members of the CIS on a date.

    Each row gives the status, since when, and the founding act the state signed.
    Where a date is known only to the month or year and that leaves the answer
    open, the row says so instead of guessing.

    \b
    Examples:
      cis-facts members
      cis-facts members --on 1991-12-10
      cis-facts members --on 1993-12-15 --all
      cis-facts members --chart
      cis-facts members --format json | jq -r '.[].country.code'

    \b
    JSON fields:
      country          {"code", "name"}
      status           member | founder | signatory | associate | left | uncertain
                       (member: a member state under the Charter of 22 Jan 1993;
                       founder: signed the 1991 founding documents, before the
                       Charter or never bound by it; signatory: signed, not
                       ratified; see docs/fact-schema.md, "Membership statuses")
      certain          false when the date's precision leaves the status open
      since            ISO date the current status began; since_precision: day|month|year
      since_event      id of the event that began it
      founding_acts    [{"id", "name", "date", "date_precision"}] founding acts signed
      left             ISO date of leaving (with --all); left_precision
      reason           why the state has this status (the event; for a founding
                       state, whether the Charter existed or was taken on)
      note             why the status is uncertain, if it is
      as_of            the date asked about; as_of_precision: day|month|year
      source           id of the source the status rests on
    """
    from cis_facts.query import members as members_query

    resolved = settings.resolve_lang(lang)
    base = settings.base()
    if chart and on is not None:
        raise click.UsageError("--on cannot be used with --chart: the chart shows every year")
    if chart:
        answer = members_query.membership_chart(base, resolved)
    else:
        answer = members_query.members(base, on, include_former, resolved)
    emit(settings.env, answer, format_, fields, color)
