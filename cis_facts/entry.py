"""The console script's entry point: Ctrl-C while the program starts exits 130 too.

Only the standard library's os, signal and sys are loaded before the handler is in
place; importing Click, the commands and the data happens inside it.
"""

# Imported where used: everything loads inside the Ctrl-C handler, so an interrupt during start-up
# exits 130 too.

from __future__ import annotations

from cis_facts.streams import interrupted


def main() -> None:
    """Run ``cis_facts.cli.main``; an interrupt anywhere outside its own handling is 130."""
    try:
        from cis_facts.cli import main as run

        run()
    except KeyboardInterrupt:
        interrupted()
