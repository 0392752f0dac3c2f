"""``cis-facts mcp``: serve the fact base to AI assistants over the Model Context Protocol."""

# Imported where used: the MCP SDK is an optional extra (cis-facts[mcp]); importing it takes about
# 0.66 s, which no other command may pay.

from __future__ import annotations

import click

from cis_facts.errors import FactsError
from cis_facts.options import EXIT_CODES_HELP, lang_option
from cis_facts.settings import Settings

INSTALL = "pip install 'cis-facts[mcp]'"


class MissingExtraError(FactsError):
    """An optional dependency the command needs is not installed."""


@click.command(epilog=EXIT_CODES_HELP)
@lang_option
@click.pass_obj
def mcp(settings: Settings, lang: str | None) -> None:
    """Serve the fact base over stdio as an MCP server, for AI assistants.

    Tools: search (the fact that answers a question, and the best matches),
    show (one fact by id), cite (its citation sentence), members_on (the
    states and their status on a date) and timeline (events in date order).
    Every fact in an answer carries its evidence: the verbatim quote and its
    translations, the source, the note and whether the quote was found in the
    shipped source text. A question the base does not answer gets "not in the
    base" and no records; a malformed argument is a tool error. --lang sets
    the default language of labels and notes; each tool takes lang too.

    Needs the MCP Python SDK: pip install 'cis-facts[mcp]'. Without it the
    command exits 1 saying so. Standard output carries the protocol alone.

    \b
    Examples:
      cis-facts mcp
      cis-facts --data my-facts.toml mcp --lang kk
    An assistant's configuration (Claude Desktop's claude_desktop_config.json):
      {"mcpServers": {"cis-facts": {"command": "cis-facts", "args": ["mcp"]}}}
    """
    # The SDK (pydantic, starlette, ...) is an optional extra: imported here only, so no
    # other command and no start-up pays for it.
    try:
        import mcp.server.mcpserver  # noqa: F401
    except ImportError as exc:
        raise MissingExtraError(
            f"the mcp command needs the MCP Python SDK, which is not installed: {INSTALL}"
        ) from exc
    import signal

    from cis_facts.api import Facts
    from cis_facts.mcp_server import serve
    from cis_facts.streams import interrupted

    facts = Facts(settings.base(), settings.resolve_lang(lang))
    # Ctrl-C ends the server at once (exit 130): it holds nothing to save, and the SDK's
    # thread reading stdin would otherwise keep the process alive until stdin closes.
    signal.signal(signal.SIGINT, lambda signum, frame: interrupted())
    serve(facts)
