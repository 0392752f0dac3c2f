"""``cis-facts browse``: search, read and cite facts in a full-screen terminal app."""

# Imported where used: Textual (the browser) loads only for `browse`; it is most of the cost of
# that command.

from __future__ import annotations

import click

from cis_facts.errors import UsageError
from cis_facts.options import EXIT_CODES_HELP, lang_option
from cis_facts.settings import Settings


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("query", nargs=-1)
@lang_option
@click.pass_obj
def browse(settings: Settings, query: tuple[str, ...], lang: str | None) -> None:
    """Browse the facts full screen: type to search, read the quote, copy a citation.

    The list filters as you type, ranked as `search` ranks; with an empty search
    box it shows a view (members, timeline, resources, exports, imports, totals,
    figures, statements). The pane shows the highlighted fact: value, date,
    quote, the source's sentence around it, note and related facts.

    \b
    Keys (when the list has focus; Enter or Esc leaves the search box):
      c  copy the citation (as `cite ID` prints it)
      m  copy the Markdown citation (`cite ID --style markdown`)
      j  copy the fact's JSON (`show ID --format json`)
      l  switch language      v  next view
      /  search               q  quit
    Copying uses the terminal's clipboard (OSC 52), so it works over SSH and in tmux
    where the terminal allows it. @DATE in the search box lists members on DATE.
    Needs a terminal: in scripts and pipes use `search` and `show`. With
    stderr redirected (2>err.log) the screen is drawn on stdout.

    \b
    Examples:
      cis-facts browse
      cis-facts browse uranium
      cis-facts --data my-facts.toml browse --lang kk
    """
    env = settings.env
    if not (env.stdin_isatty and (env.stdout_isatty or env.stderr_isatty)):
        raise UsageError(
            "browse needs a terminal (keys from stdin, the screen on stdout or stderr); "
            "in scripts and pipes use `cis-facts search WORDS` or `cis-facts show ID`",
            key="browse_terminal",
        )
    base = settings.base()
    key = settings.cache_key()
    from cis_facts.browse.app import run
    from cis_facts.query.search import build_cached

    # The index stored beside the base (the packaged one ships with the wheel), read when
    # the first search is typed.
    run(base, " ".join(query), settings.resolve_lang(lang), lambda: build_cached(base, *key))
