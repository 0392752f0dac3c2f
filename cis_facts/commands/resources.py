"""``cis-facts resources``: Kazakhstan's world rankings by mineral."""

# Imported where used: the query and render layers load when the command runs, not when Click
# lists the commands for --help or completes a word: about 27 million instructions, 16 % of
# `import click` (benchmarks/instructions.py).

from __future__ import annotations

import click

from cis_facts.complete import complete_mineral
from cis_facts.options import EXIT_CODES_HELP, output_options
from cis_facts.output import emit
from cis_facts.settings import Settings


@click.command(epilog=EXIT_CODES_HELP)
@click.option(
    "--mineral",
    "mineral",
    metavar="M",
    shell_complete=complete_mineral,
    help="Only this mineral (en or kk name).",
)
@click.option(
    "--top",
    "top",
    type=click.IntRange(min=1),
    metavar="N",
    help="Only rankings of world rank N or better (reserves are left out).",
)
@output_options
@click.pass_obj
def resources(
    settings: Settings,
    mineral: str | None,
    top: int | None,
    format_: str | None,
    fields: str | None,
    color: str,
    lang: str | None,
) -> None:
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
      mineral          the mineral ranked (in --lang); null for reserve figures,
                       whose label says what they measure
      standing         the ranking as a phrase in the --lang language ("1st",
                       "top 10", "≈25 % of world"; ru "1-е", kk "1-орын"); rank,
                       top and share hold it as numbers
      rank, top        world rank, or "within the top N"; null if not stated
      share            Kazakhstan's share of the world in %, as the text gives it
                       (it does not say of world reserves or of output), or null
      approximate      true where the text says "about"
      value, unit      reserve figure and its unit as the text gives it
      unit_text        the unit in the --lang language, worded as tables word it
                       after value ("млн АҚШ доллары"); unit is the same code
                       in every language
      label            full statement (in --lang)
      date             ISO date or null; date_precision
      source, quote    source id and the verbatim quote
      note             correction or caveat, or null
    """
    from cis_facts.query import resources as resources_query

    resolved = settings.resolve_lang(lang)
    answer = resources_query.resources(settings.base(), mineral, top)
    emit(settings.env, answer, resolved, format_, fields, color)
