"""The terminal a call runs in: its streams, whether stdout is a TTY, its width, its environment.

Built once in ``main()`` and handed down through the Click context; tests build their own
(a TTY that is not one, a width, ``NO_COLOR``) instead of patching ``sys`` or ``os``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import TextIO

from cis_facts.frozen import Frozen

DEFAULT_WIDTH = 80


class Environment(Frozen, kw_only=True):
    """What the output path needs to know about where it writes.

    ``stdout``/``stderr`` of None mean the process's streams at the time of writing
    (so a test runner that swaps them is honoured).
    """

    stdout_isatty: bool
    width: int
    environ: Mapping[str, str]
    stdin_isatty: bool = False
    stderr_isatty: bool = False
    stdout: TextIO | None = None
    stderr: TextIO | None = None

    @classmethod
    def from_system(cls) -> Environment:
        """The real terminal: ``isatty()`` of stdout, width from COLUMNS or the terminal."""
        environ = dict(os.environ)
        isatty = _isatty(sys.stdout)
        return cls(
            stdout_isatty=isatty,
            width=terminal_width(environ, isatty),
            environ=environ,
            stdin_isatty=_isatty(sys.stdin),
            stderr_isatty=_isatty(sys.stderr),
        )

    @property
    def out(self) -> TextIO:
        return self.stdout or sys.stdout

    @property
    def err(self) -> TextIO:
        return self.stderr or sys.stderr

    @property
    def no_color(self) -> bool:
        """``NO_COLOR`` set to anything non-empty (https://no-color.org)."""
        return bool(self.environ.get("NO_COLOR"))


def _isatty(stream: TextIO | None) -> bool:
    """Whether ``stream`` is a terminal; a closed one (``<&-`` leaves ``sys.stdin`` None)
    is not."""
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, OSError, ValueError):
        return False


def terminal_width(environ: Mapping[str, str], isatty: bool) -> int:
    """COLUMNS when it is a positive number, else the terminal's width, else 80."""
    text = environ.get("COLUMNS", "").strip()
    if text.isascii() and text.isdigit() and int(text) > 0:  # not "²": isdigit() takes it
        return int(text)
    if isatty:
        import shutil  # only for a terminal: it imports bz2, lzma and more (~2 ms a call)

        return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    return DEFAULT_WIDTH
