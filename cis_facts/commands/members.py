"""``cis-facts members``: who was in the CIS on a date, and the membership chart."""

# Imported where used: the query and render layers load when the command runs, not when Click
# lists the commands for --help or completes a word: about 27 million instructions, 16 % of
# `import click` (benchmarks/instructions.py).

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from cis_facts.options import EXIT_CODES_HELP, date_option, output_options
from cis_facts.output import emit
from cis_facts.settings import Settings

if TYPE_CHECKING:
    from cis_facts.dates import PartialDate


@click.command(epilog=EXIT_CODES_HELP)
@date_option(
    "--on",
    "on",
    help="Day, month or year to ask about (default: the day of the latest membership event)",
)
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
    """States that were members or associate members of the CIS on a day or in a
    month or year.

    The status follows the Charter's own rules, from each state's dated acts: a state
    that signed the 1991 founding documents is a signatory until it ratifies them; one
    that ratified them before the Charter was adopted (22 Jan 1993) is a founding state
    (Article 7); one that ratified or joined later is an acceding state; a state is a
    member state only from the day the Charter binds it, never before the Charter
    entered into force (22 Jan 1994, Article 41). A month or a year asked about is a
    period: a status the same all through it is given as it is, a status that changes
    in it is "changed" with how and when. Where an act is dated only to a month or a
    year that the date asked about falls inside, the row is "uncertain" and says why.
    The reason ("Why") is the act the status rests on; a later act that left the
    status as it was follows it as "since then: ...". Acts that rest on a named
    document rather than on the text are marked †.

    \b
    Examples:
      cis-facts members
      cis-facts members --on 1991-12-10
      cis-facts members --on 1993
      cis-facts members --on 1993-12-15 --all
      cis-facts members --chart
      cis-facts members --format json | jq -r '.[].country.code'

    \b
    JSON fields:
      country          {"code", "name"}
      status           member | founder | acceding | signatory | associate | left |
                       changed | uncertain (member: bound by the Charter in force;
                       founder: ratified the founding documents before the Charter
                       was adopted, not bound by it; acceding: ratified or joined
                       later, not yet bound; signatory: signed, not ratified; see
                       docs/fact-schema.md, "Membership statuses")
      certain          false when the dates cannot place an act against the date asked
      since            ISO date the current status began; since_precision: day|month|year
      since_event      id of the event that began it
      changes          [{"from", "to", "event", "name", "date", "date_precision"}]
                       status changes dated inside the month or year asked about
      founding_acts    [{"id", "name", "date", "date_precision"}] founding acts signed
      left             ISO date of leaving (with --all); left_precision
      reason           why the state has this status: the act it rests on (the
                       since_event, or the last of changes), and what the status
                       means then
      note             why the status is uncertain, if it is
      as_of            the date asked about; as_of_precision: day|month|year
      source           id of the source the reason rests on
      from_text        false when that source is a named document, not the text
      latest           {"id", "name", "date", "date_precision", "source",
                       "from_text"}: the latest act dated by then, when it came on a
                       later day than the act the status rests on and left the status
                       as it was (Moldova's votes on the denunciation); else null
    """
    from cis_facts.query import members as members_query

    resolved = settings.resolve_lang(lang)
    base = settings.base()
    if chart and on is not None:
        from cis_facts.i18n import word

        english = "--on cannot be used with --chart: the chart shows every year"
        raise click.UsageError(english if resolved == "en" else word("chart.on", resolved))
    if chart:
        answer = members_query.membership_chart(base)
    else:
        answer = members_query.members(base, on, include_former)
    emit(settings.env, answer, resolved, format_, fields, color)
