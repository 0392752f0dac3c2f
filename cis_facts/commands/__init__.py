"""The query commands, one module each; the group imports a module only when its command runs.

``LAZY`` maps each command name to ``module:attribute``.
"""

LAZY = {
    "members": "cis_facts.commands.members:members",
    "timeline": "cis_facts.commands.timeline:timeline",
    "country": "cis_facts.commands.country:country",
    "resources": "cis_facts.commands.resources:resources",
    "trade": "cis_facts.commands.trade:trade",
    "figures": "cis_facts.commands.figures:figures",
    "statements": "cis_facts.commands.statements:statements",
    "search": "cis_facts.commands.search:search",
    "ask": "cis_facts.commands.ask:ask",
    "show": "cis_facts.commands.facts:show",
    "cite": "cis_facts.commands.facts:cite",
    "bibliography": "cis_facts.commands.bibliography:bibliography",
    "browse": "cis_facts.commands.browse:browse",
    "mcp": "cis_facts.commands.mcp:mcp",
}
# Commands that run until the user ends them; every other command answers once and exits,
# with the cyclic garbage collector paused (``cis_facts.collector``).
RUNNING = frozenset({"browse", "mcp"})
