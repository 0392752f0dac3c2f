"""``cis-facts figures``: the economic figures by topic."""

# Imported where used: the query and render layers load when the command runs, not when Click
# lists the commands for --help or completes a word: about 27 million instructions, 16 % of
# `import click` (benchmarks/instructions.py).

from __future__ import annotations

import click

from cis_facts.complete import complete_topic
from cis_facts.options import EXIT_CODES_HELP, output_options
from cis_facts.output import emit
from cis_facts.settings import Settings


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("topic", required=False, shell_complete=complete_topic)
@output_options
@click.pass_obj
def figures(
    settings: Settings,
    topic: str | None,
    format_: str | None,
    fields: str | None,
    color: str,
    lang: str | None,
) -> None:
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
      measure          share | growth | change | multiple | decrease | index |
                       amount | count | rank | ambiguous (readings in note)
      value, unit      the figure exactly as the text gives it, and its unit
      unit_text        the unit in the --lang language, worded as tables word it
                       after value ("млн АҚШ доллары"); unit is the same code
                       in every language
      approximate      true where the text says "about"
      date             ISO date or span (1993/2004) or null; date_precision
      country          {"code", "name"} or null
      source, quote    source id and the verbatim quote
      note             correction or caveat, or null
    """
    from cis_facts.query import figures as figures_query

    resolved = settings.resolve_lang(lang)
    emit(
        settings.env,
        figures_query.figures(settings.base(), topic),
        resolved,
        format_,
        fields,
        color,
    )
