"""Send output taller than the terminal through a pager, as git and gh do.

Only when standard output is a terminal: piped or redirected output is written as is.
The pager is ``CIS_FACTS_PAGER``, else ``PAGER``, else ``less -FRX``; an empty value or
``cat`` means no pager, and so does ``--no-pager``. ``LESS=FRX`` is set for the pager
when the environment has no ``LESS``, so colours pass and a short page does not clear
the screen. If the pager cannot be started, the output is written directly.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from collections.abc import Mapping
from typing import TextIO

DEFAULT = "less -FRX"


def command(environ: Mapping[str, str]) -> list[str] | None:
    """The pager to run, split into words; None when paging is switched off."""
    chosen = environ.get("CIS_FACTS_PAGER")
    if chosen is None:
        chosen = environ.get("PAGER")
    if chosen is None:
        chosen = DEFAULT
    try:
        words = shlex.split(chosen)
    except ValueError:
        return None
    if not words or words == ["cat"]:
        return None
    return words


def wanted(text: str, stream: TextIO, enabled: bool, height: int | None = None) -> bool:
    """Whether ``text`` should be paged: enabled, a terminal, and taller than the screen."""
    if not enabled or not _is_terminal(stream):
        return False
    rows = height if height is not None else shutil.get_terminal_size().lines
    return text.count("\n") >= rows


def show(
    text: str,
    stream: TextIO,
    enabled: bool = True,
    environ: Mapping[str, str] | None = None,
    height: int | None = None,
) -> None:
    """Write ``text`` to ``stream``, through the pager when it is wanted."""
    env = os.environ if environ is None else environ
    words = command(env) if wanted(text, stream, enabled, height) else None
    if words is None or not _run(words, text, stream, env):
        stream.write(text)


def _run(words: list[str], text: str, stream: TextIO, environ: Mapping[str, str]) -> bool:
    """Run the pager on ``text``; False if it could not be started."""
    env = dict(environ)
    env.setdefault("LESS", "FRX")
    try:
        process = subprocess.Popen(
            words,
            stdin=subprocess.PIPE,
            env=env,
            encoding=stream.encoding or "utf-8",
            errors="backslashreplace",
        )
    except OSError:
        return False
    assert process.stdin is not None
    try:
        stream.flush()
        process.stdin.write(text)
        process.stdin.close()
    except BrokenPipeError:  # the reader quit the pager early
        pass
    while True:
        try:
            process.wait()
            return True
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager while it runs
            continue


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except ValueError:  # a closed stream
        return False
