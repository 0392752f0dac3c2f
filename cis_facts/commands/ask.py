"""``cis-facts ask``: the one fact that answers a question."""

# Imported where used: the query and render layers load when the command runs, not when Click
# lists the commands for --help or completes a word: about 27 million instructions, 16 % of
# `import click` (benchmarks/instructions.py).

from __future__ import annotations

import click

from cis_facts.options import EXIT_CODES_HELP, output_options
from cis_facts.output import emit
from cis_facts.settings import Settings


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("question", nargs=-1, required=True)
@output_options
@click.pass_obj
def ask(
    settings: Settings,
    question: tuple[str, ...],
    format_: str | None,
    fields: str | None,
    color: str,
    lang: str | None,
) -> None:
    """Answer QUESTION with the one fact that answers it best: its sentence, its
    quote (with the quote's translation into --lang where the base has one), its
    source and its id. A question the fact base does not answer exits 1 and says
    so; `search` then lists whatever matches.

    The best fact is the first hit of `search`, if it holds at least two thirds
    of the question's words and every state the question names.

    \b
    Examples:
      cis-facts ask When did Georgia leave the CIS?
      cis-facts ask Қазақстан мырыштан нешінші орында? --lang kk
      cis-facts ask является ли СНГ государством --lang ru
      cis-facts ask who bought most of Kazakhstan\\'s exports --format json

    \b
    JSON fields:
      question         the question asked
      id, kind         the answering fact's id and kind (see search)
      sentence         the fact as one sentence, in --lang
      value, unit      the answer: figure, share or rank and its unit, or null
      unit_text        the unit in the --lang language, worded as tables word it
                       after value ("млн АҚШ доллары"); unit is the same code
                       in every language
      date             ISO date or span, or null; date_precision
      quote            the verbatim quote from the source
      translation      the quote in --lang where the base has it, or null;
                       translation_lang
      source, source_title
      matched_words, question_words  how many of the question's words it holds
    """
    from cis_facts.query import ask as ask_query
    from cis_facts.query import search as search_query

    resolved = settings.resolve_lang(lang)
    base = settings.base()
    built = search_query.build_cached(base, *settings.cache_key())
    answer = ask_query.ask(base, " ".join(question), built)
    emit(settings.env, answer, resolved, format_, fields, color)
