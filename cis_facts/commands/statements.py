"""``cis-facts statements``: the text's claims that are not numbers, by topic."""

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
def statements(
    settings: Settings,
    topic: str | None,
    format_: str | None,
    fields: str | None,
    color: str,
    lang: str | None,
) -> None:
    """What the text states in words: what the CIS is, Kazakhstan's CIS policy, plans,
    causes and trends; grouped by topic; TOPIC filters (a prefix is enough).

    \b
    Examples:
      cis-facts statements
      cis-facts statements cis-nature
      cis-facts statements cis-plans --format json | jq -r '.[].label'

    \b
    JSON fields:
      topic            topic id (cis-nature, kazakhstan-cis-policy, cis-plans, ...)
      id, label        fact id and the statement (in --lang)
      period           the period the text gives in words, or null
      source, quote    source id and the verbatim quote
      note             a remark on the text's wording (in --lang), or null
    """
    from cis_facts.query import statements as statements_query

    resolved = settings.resolve_lang(lang)
    answer = statements_query.statements(settings.base(), topic)
    emit(settings.env, answer, resolved, format_, fields, color)
