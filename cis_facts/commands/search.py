"""``cis-facts search``: full-text search over every fact."""

from __future__ import annotations

import click

from cis_facts.options import EXIT_CODES_HELP, output_options
from cis_facts.output import emit
from cis_facts.settings import Settings


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", type=click.IntRange(min=1), metavar="N", help="At most N results.")
@output_options
@click.pass_obj
def search(
    settings: Settings,
    query: tuple[str, ...],
    limit: int | None,
    format_: str | None,
    fields: str | None,
    color: str,
    lang: str | None,
) -> None:
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
