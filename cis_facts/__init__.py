"""cis-facts: a sourced fact base on the CIS and Kazakhstan's place in the world economy.

``cis_facts.load()`` opens the fact base for Python (docs/api.md). The API module is
imported on first use, so ``import cis_facts`` (which every CLI call does, before its
signal handler is in place) costs no more than before.
"""

# Imported where used: the API loads on first use of cis_facts.load and the rest (PEP 562), so
# that the console script's Ctrl-C handler is in place before anything heavy loads.

from cis_facts.version import __version__

# Not ``typing.TYPE_CHECKING``: importing typing would cost every call ~9 ms before the
# entry point's signal handler is in place. Type checkers read this name as typing's.
TYPE_CHECKING = False
__all__ = ["Facts", "Result", "__version__", "load"]

if TYPE_CHECKING:
    from typing import Any

    from cis_facts.api import Facts, Result, load


def __getattr__(name: str) -> "Any":
    if name in ("load", "Facts", "Result"):
        from cis_facts import api

        return getattr(api, name)
    raise AttributeError(f"module 'cis_facts' has no attribute {name!r}")
