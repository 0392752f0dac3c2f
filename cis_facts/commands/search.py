"""``cis-facts search``: full-text search over every fact."""

# Imported where used: the query and render layers load when the command runs, not when Click
# lists the commands for --help or completes a word: about 27 million instructions, 16 % of
# `import click` (benchmarks/instructions.py).

from __future__ import annotations

import click

from cis_facts.options import EXIT_CODES_HELP, output_options
from cis_facts.output import emit
from cis_facts.settings import Settings

DEFAULT_LIMIT = 10


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("query", nargs=-1, required=True)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=DEFAULT_LIMIT,
    show_default=True,
    metavar="N",
    help="At most N results (0: all); stderr says how many more there are.",
)
@output_options
@click.pass_obj
def search(
    settings: Settings,
    query: tuple[str, ...],
    limit: int,
    format_: str | None,
    fields: str | None,
    color: str,
    lang: str | None,
) -> None:
    """Find the facts that answer QUERY, best first: type a question or a few words.

    Every word is optional; facts holding more of the words, rarer words, or the
    words in their label rather than their quote rank first. Question words
    (when, did, the, қашан, когда) are ignored; word forms meet (left, leaves,
    exit -> withdrawal; joined -> accession; Грузияның -> Грузия); CIS, ТМД and
    СНГ are one word, FDI stands for foreign direct investment; numbers match
    as numbers (25% finds 25, not 1225); a typo of five letters or more still
    finds the word. Quotes are not needed. Nothing found exits 1, with close
    words if there are any.

    \b
    Examples:
      cis-facts search When did Georgia leave the CIS?
      cis-facts search uranium world share
      cis-facts search Қазақстан мырыш
      cis-facts search 25%
      cis-facts search "direct investment" --format jsonl

    \b
    JSON fields:
      kind             event | ranking | trade_share | trade_total | figure |
                       country | any other table of facts, by its name
      id, label        fact id (country code) and statement (in --lang)
      value, unit      the answer: the figure, share or rank and its unit
      unit_text        the unit in the --lang language, worded as tables word it
                       after value ("млн АҚШ доллары"); unit is the same code
                       in every language
      date             ISO date or span, or null; date_precision
      score            relevance (higher is better)
      matched          fields that matched: label, names, numbers, quote, note
      source, quote    source id and the verbatim quote
    """
    from cis_facts.query import search as search_query

    resolved = settings.resolve_lang(lang)
    base = settings.base()
    built = search_query.build_cached(base, *settings.cache_key())
    answer = search_query.search(base, " ".join(query), limit or None, built)
    emit(settings.env, answer, resolved, format_, fields, color)
