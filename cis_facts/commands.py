"""The query commands: each parses its options, loads, queries and renders; nothing else.

Query and render modules are imported inside each command, so a call pays only for
the one it runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from cis_facts.complete import complete_country, complete_fact_id
from cis_facts.model import EVENT_KINDS
from cis_facts.options import EXIT_CODES_HELP, date_option, output_options
from cis_facts.output import emit
from cis_facts.settings import Settings

if TYPE_CHECKING:
    from cis_facts.dates import PartialDate


@click.command(epilog=EXIT_CODES_HELP)
@date_option("--on", "on", help="Date to ask about (default: the latest membership event)")
@click.option("--all", "include_former", is_flag=True, help="Also list former members.")
@click.option("--chart", is_flag=True, help="Draw a membership chart across the years.")
@output_options
@click.pass_obj
def members(settings: Settings, on: PartialDate | None, include_former: bool, chart: bool,
            format_: str | None, fields: str | None, color: str, lang: str | None) -> None:
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
      status           member | associate | left | uncertain
      certain          false when the date's precision leaves the status open
      since            ISO date the current status began; since_precision: day|month|year
      since_event      id of the event that began it
      founding_acts    [{"id", "name", "date", "date_precision"}] founding acts signed
      left             ISO date of leaving (with --all); left_precision
      note             why the status is uncertain, if it is
      as_of            the date asked about; as_of_precision: day|month|year
      source           id of the source the status rests on
    """
    from cis_facts.query import members as members_query

    resolved = settings.resolve_lang(lang)
    base = settings.base()
    if chart:
        answer = members_query.membership_chart(base, resolved)
    else:
        answer = members_query.members(base, on, include_former, resolved)
    emit(answer, format_, fields, color)


@click.command(epilog=EXIT_CODES_HELP)
@date_option("--from", "start", help="Earliest date")
@date_option("--to", "end", help="Latest date")
@click.option("--country", "country", metavar="C", shell_complete=complete_country,
              help="Only events a state took part in.")
@click.option("--kind", "kind", type=click.Choice(EVENT_KINDS), help="Only events of this kind.")
@output_options
@click.pass_obj
def timeline(settings: Settings, start: PartialDate | None, end: PartialDate | None,
             country: str | None, kind: str | None, format_: str | None, fields: str | None,
             color: str, lang: str | None) -> None:
    """The CIS's history in date order, grouped by year.

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
      place            where (in --lang), or null
      participants     [{"code", "name"}]
      initiator        {"code", "name"} or null
      status           membership status the event gave its participants, or null
      source, quote    source id and the verbatim quote
      note             correction or caveat, or null
    """
    from cis_facts.query import timeline as timeline_query
    from cis_facts.query.countries import resolve

    resolved = settings.resolve_lang(lang)
    base = settings.base()
    state = resolve(base, country) if country else None
    answer = timeline_query.timeline(base, resolved, start=start, end=end, country=state,
                                     kind=kind)
    emit(answer, format_, fields, color)


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("name", metavar="C", shell_complete=complete_country)
@output_options
@click.pass_obj
def country(settings: Settings, name: str, format_: str | None, fields: str | None,
            color: str, lang: str | None) -> None:
    """One state's profile: names, membership, trade position and every fact naming it.

    C is an ISO code, an English, Kazakh or Russian name, or an alias, matched
    without regard to case or Kazakh letters. An unknown C exits 1 with suggestions.

    \b
    Examples:
      cis-facts country KZ
      cis-facts country Georgia
      cis-facts country Ресей --lang kk
      cis-facts country "United Kingdom" --format json

    \b
    JSON fields (one record per row of the profile):
      section          names | event | export | import | ranking | figure
      id               fact id (the country code for names)
      label            what the row states (in --lang)
      date             ISO date or null; date_precision: day|month|year
      value, unit      the figure (shares in %, trade position as #)
      share, position  trade share (%) and position among partners, or null
      status           membership status an event gave, or null
      source, quote    source id and the verbatim quote
      note             correction or caveat, or null
    """
    from cis_facts.query import country as country_query
    from cis_facts.query.countries import resolve

    resolved = settings.resolve_lang(lang)
    base = settings.base()
    emit(country_query.profile(base, resolve(base, name), resolved), format_, fields, color)


@click.command(epilog=EXIT_CODES_HELP)
@click.option("--mineral", "mineral", metavar="M", help="Only this mineral (en or kk name).")
@click.option("--top", "top", type=click.IntRange(min=1), metavar="N",
              help="Only rankings of world rank N or better (reserves are left out).")
@output_options
@click.pass_obj
def resources(settings: Settings, mineral: str | None, top: int | None, format_: str | None,
              fields: str | None, color: str, lang: str | None) -> None:
    """Kazakhstan's world rank or share for each mineral, then the reserve figures.

    \b
    Examples:
      cis-facts resources
      cis-facts resources --top 2
      cis-facts resources --mineral uranium
      cis-facts resources --mineral мырыш --format json

    \b
    JSON fields:
      kind             ranking | reserve
      id               fact id
      mineral          mineral (rankings) or what the reserve figure measures
      standing         the ranking as a phrase ("1st", "top 10", "≈25 % of world")
      rank, top        world rank, or "within the top N"; null if not stated
      share            share of world reserves in %, or null
      approximate      true where the text says "about"
      value, unit      reserve figure and its unit as the text gives it
      label            full statement (in --lang)
      date             ISO date or null; date_precision
      source, quote    source id and the verbatim quote
      note             correction or caveat, or null
    """
    from cis_facts.query import resources as resources_query

    resolved = settings.resolve_lang(lang)
    answer = resources_query.resources(settings.base(), resolved, mineral, top)
    emit(answer, format_, fields, color)


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("view", type=click.Choice(("exports", "imports", "totals")))
@click.option("--top", "top", type=click.IntRange(min=1), metavar="N",
              help="Only the first N partners.")
@output_options
@click.pass_obj
def trade(settings: Settings, view: str, top: int | None, format_: str | None,
          fields: str | None, color: str, lang: str | None) -> None:
    """Kazakhstan's export buyers, import suppliers, or 2004 trade totals.

    exports: buyers with their share of exports, largest first, with a bar each.
    imports: suppliers in the order the text lists them (their position is data).
    totals: turnover, exports and imports with the CIS, other countries and all,
    with growth over 2003; sums are checked and any mismatch is shown.

    \b
    Examples:
      cis-facts trade exports
      cis-facts trade exports --top 5 --format json
      cis-facts trade imports --lang kk
      cis-facts trade totals --format csv

    \b
    JSON fields (exports, imports):
      position         order in the text (1 = first named)
      country          {"code", "name"}
      share            share of exports in % (null for imports)
      date, date_precision, id, source, quote, note
    JSON fields (totals):
      partners         cis | other | all
      flow             turnover | exports | imports
      value, unit      amount as stated (USD million)
      growth           growth over growth_base in %, or null
      growth_base      base year; growth_base_precision
      sum_check        the check of this total against its parts, or null
      date, date_precision, id, source, quote, note
    """
    from cis_facts.query import trade as trade_query

    resolved = settings.resolve_lang(lang)
    base = settings.base()
    if view == "totals":
        answer = trade_query.totals(base, resolved)
    else:
        answer = trade_query.partners(base, "export" if view == "exports" else "import",
                                      resolved, top)
    emit(answer, format_, fields, color)


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("topic", required=False)
@output_options
@click.pass_obj
def figures(settings: Settings, topic: str | None, format_: str | None, fields: str | None,
            color: str, lang: str | None) -> None:
    """The economic figures of the text, grouped by topic; TOPIC filters (a prefix is enough).

    \b
    Examples:
      cis-facts figures
      cis-facts figures investment
      cis-facts figures world-gdp --format json | jq '.[] | {id, value, unit}'

    \b
    JSON fields:
      topic            topic id (world-gdp, investment, reserves, ...)
      id, label        fact id and statement (in --lang)
      measure          share | growth | change | multiple | amount | count | rank
      value, unit      the figure exactly as the text gives it, and its unit
      approximate      true where the text says "about"
      date             ISO date or span (1993/2004) or null; date_precision
      country          {"code", "name"} or null
      source, quote    source id and the verbatim quote
      note             correction or caveat, or null
    """
    from cis_facts.query import figures as figures_query

    resolved = settings.resolve_lang(lang)
    emit(figures_query.figures(settings.base(), resolved, topic), format_, fields, color)


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", type=click.IntRange(min=1), metavar="N", help="At most N results.")
@output_options
@click.pass_obj
def search(settings: Settings, query: tuple[str, ...], limit: int | None, format_: str | None,
           fields: str | None, color: str, lang: str | None) -> None:
    """Find facts whose labels, names, quote or notes match QUERY, best first.

    Case and Kazakh letters are ignored ("казакстан" finds "Қазақстан"); English
    and Kazakh both work; a typo still finds close words. Nothing found exits 1.

    \b
    Examples:
      cis-facts search uranium
      cis-facts search уран
      cis-facts search Caspain
      cis-facts search "direct investment" --format jsonl

    \b
    JSON fields:
      kind             event | ranking | trade_share | trade_total | figure | country
      id, label        fact id (country code) and statement (in --lang)
      score            relevance (higher is better)
      matched          fields that matched: label, names, quote, note
      source, quote    source id and the verbatim quote
    """
    from cis_facts.query import search as search_query

    resolved = settings.resolve_lang(lang)
    answer = search_query.search(settings.base(), " ".join(query), resolved, limit)
    emit(answer, format_, fields, color)


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("fact_id", metavar="ID", shell_complete=complete_fact_id)
@output_options
@click.pass_obj
def show(settings: Settings, fact_id: str, format_: str | None, fields: str | None, color: str,
         lang: str | None) -> None:
    """One fact in full: value, unit, date, labels, quote, source and notes.

    \b
    Examples:
      cis-facts show rank-zinc
      cis-facts show almaty-protocol --format json

    \b
    JSON fields: every field of the fact as stored (see docs/fact-schema.md), plus
      kind             event | ranking | trade_share | trade_total | figure
      event_kind       for events: founding, accession, ... (the event's own kind)
      label            the label in --lang
      source_title     the title of the cited source
    Dates are ISO strings with a <field>_precision sibling; countries are
    {"code", "name"} objects.
    """
    from cis_facts.query import facts as facts_query

    resolved = settings.resolve_lang(lang)
    emit(facts_query.show(settings.base(), fact_id, resolved), format_, fields, color)


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("fact_id", metavar="ID", shell_complete=complete_fact_id)
@click.option("--style", type=click.Choice(("plain", "markdown")), default="plain",
              show_default=True, help="Citation style.")
@output_options
@click.pass_obj
def cite(settings: Settings, fact_id: str, style: str, format_: str | None, fields: str | None,
         color: str, lang: str | None) -> None:
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
    from cis_facts.render.cells import visible

    resolved = settings.resolve_lang(lang)
    answer = facts_query.cite(settings.base(), fact_id, style, resolved)
    if format_ is None and not fields:
        click.echo(visible(answer.records[0]["text"]))
        return
    emit(answer, format_, fields, color)


QUERY_COMMANDS = (members, timeline, country, resources, trade, figures, search, show, cite)
