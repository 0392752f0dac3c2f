"""``cis-facts country``: one state's profile."""

# Imported where used: the query and render layers load when the command runs, not when Click
# lists the commands for --help or completes a word: about 27 million instructions, 16 % of
# `import click` (benchmarks/instructions.py).

from __future__ import annotations

import click

from cis_facts.complete import complete_country
from cis_facts.options import EXIT_CODES_HELP, output_options
from cis_facts.output import emit
from cis_facts.settings import Settings


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("name", metavar="C", nargs=-1, required=True, shell_complete=complete_country)
@output_options
@click.pass_obj
def country(
    settings: Settings,
    name: tuple[str, ...],
    format_: str | None,
    fields: str | None,
    color: str,
    lang: str | None,
) -> None:
    """One state's profile: names, membership, trade position and every fact naming it.

    C is an ISO code, an English, Kazakh or Russian name, or an alias, matched
    without regard to case or Kazakh letters; a name of several words needs no
    quotes. An unknown C exits 1 with suggestions.

    \b
    Examples:
      cis-facts country KZ
      cis-facts country Georgia
      cis-facts country Ресей --lang kk
      cis-facts country United Kingdom --format json

    \b
    JSON fields (one record per row of the profile):
      section          names | event | export | import | total | ranking | figure |
                       statement (the text's statements naming the state)
      id               fact id (the country code for names)
      label            what the row states (in --lang)
      date             ISO date or null; date_precision: day|month|year
      value, unit      the figure: share in %, rank or trade position as
                       place, top N as top, else the fact's own unit
      unit_text        the unit in the --lang language, worded as tables word it
                       after value ("млн АҚШ доллары"); unit is the same code
                       in every language
      share, position  trade share (%) and position among partners, or null
      status           the state's membership status after the event, by the rule
                       members --help states, or null
      source, quote    source id and the verbatim quote
      note             correction or caveat, or null
      from_text        false when the source is a named document, not the text
    """
    from cis_facts.query import profile as country_query
    from cis_facts.query.countries import resolve

    resolved = settings.resolve_lang(lang)
    base = settings.base()
    emit(
        settings.env,
        country_query.profile(base, resolve(base, " ".join(name))),
        resolved,
        format_,
        fields,
        color,
    )
