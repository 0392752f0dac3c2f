"""``cis-facts trade``: export buyers, import suppliers and trade totals."""

# Imported where used: the query and render layers load when the command runs, not when Click
# lists the commands for --help or completes a word: about 27 million instructions, 16 % of
# `import click` (benchmarks/instructions.py).

from __future__ import annotations

import click

from cis_facts.complete import complete_country
from cis_facts.model import ShareFlow
from cis_facts.options import EXIT_CODES_HELP, Choice, output_options
from cis_facts.output import emit
from cis_facts.settings import Settings


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("view", type=Choice(("exports", "imports", "totals"), case_sensitive=False))
@click.option(
    "--top",
    "top",
    type=click.IntRange(min=1),
    metavar="N",
    help="Only the first N partners, and those after them that share the Nth's figure.",
)
@click.option(
    "--country",
    "country",
    metavar="C",
    shell_complete=complete_country,
    help="Only this partner (exports, imports): code, name or alias.",
)
@output_options
@click.pass_obj
def trade(
    settings: Settings,
    view: str,
    top: int | None,
    country: str | None,
    format_: str | None,
    fields: str | None,
    color: str,
    lang: str | None,
) -> None:
    """Kazakhstan's export buyers, import suppliers, or 2004 trade totals.

    exports: buyers with their share of exports, largest first, with a bar each.
    imports: suppliers in the order the text lists them (their position is data).
    totals: turnover, exports and imports with the CIS, other countries and all,
    with growth over 2003; sums are checked and any mismatch is shown.

    \b
    Examples:
      cis-facts trade exports
      cis-facts trade exports --top 5 --format json
      cis-facts trade exports --country IT
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
      unit_text        the unit in the --lang language, worded as tables word it
                       after value ("млн АҚШ доллары"); unit is the same code
                       in every language
      growth           growth over growth_base in %, or null
      growth_base      base year; growth_base_precision
      sum_check        the check of this total against its parts, as a phrase in the
                       --lang language ("exports + imports = 10,215.1 ✓"), or null
      date, date_precision, id, source, quote, note
    """
    from cis_facts.query import trade as trade_query

    resolved = settings.resolve_lang(lang)
    base = settings.base()
    if view == "totals":
        if country is not None:
            from cis_facts.click_words import said

            english = "not for totals (exports or imports)"
            raise click.BadParameter(said("totals_country", english), param_hint="--country")
        answer = trade_query.totals(base)
    else:
        from cis_facts.query.countries import resolve

        code = resolve(base, country).code if country is not None else None
        flow: ShareFlow = "export" if view == "exports" else "import"
        answer = trade_query.partners(base, flow, top, code)
    emit(settings.env, answer, resolved, format_, fields, color)
