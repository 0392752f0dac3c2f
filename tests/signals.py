"""Child processes that get Ctrl-C as a user's command does.

A shell starts a job in the background (``pytest &``, a CI runner's ``cmd &``) with
SIGINT ignored, and every child inherits that: a test of what Ctrl-C does would then
hang or pass for the wrong reason. Inside :func:`sigint_as_in_a_terminal`, a child starts
with SIGINT's default action, as a command run in a terminal's foreground does (a Python
handler in this process is reset to the default in a child it starts).
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def sigint_as_in_a_terminal() -> Iterator[None]:
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
