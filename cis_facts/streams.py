"""Standard streams that fail cleanly: closed (``>&-``), full (``>/dev/full``), or a reader
that closed the pipe.

Exit status, the same for every command and format (``--help`` and ``--version`` too):
0 when the reader closed the pipe (``cis-facts timeline | head -1``), 1 when writing the
answer failed otherwise, with one line on stderr saying why. A message that cannot be
written to stderr is dropped: the answer on stdout still goes out.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
from typing import NoReturn, TextIO

from cis_facts.errors import ExitCode
from cis_facts.inert import visible

# The reader stopped reading: a normal end for a command in a pipeline.
PIPE_CLOSED = ExitCode.OK
WRITE_FAILED = ExitCode.FAILED


def guard_closed() -> None:
    """Give a closed stdout or stderr a stand-in on its descriptor.

    Python leaves ``sys.stdout`` None when descriptor 1 is closed, and the next file
    opened would take that number. A closed stdout becomes /dev/null opened read-only,
    so every write fails (EBADF) and is reported; a closed stderr becomes /dev/null.
    """
    for fd, name, flags in ((1, "stdout", os.O_RDONLY), (2, "stderr", os.O_WRONLY)):
        try:
            os.fstat(fd)
            continue
        except OSError:
            pass
        stand_in = os.open(os.devnull, flags)
        if stand_in != fd:
            os.dup2(stand_in, fd)
            os.close(stand_in)
        stream = open(  # noqa: SIM115 - the process's own standard stream, never closed
            fd, "w", encoding="utf-8", errors="backslashreplace", closefd=False
        )
        setattr(sys, name, stream)


def silence(fd: int) -> None:
    """Send whatever is still to be written to ``fd``, and the flush at exit, nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    except OSError:
        pass


def stdout_failed(exc: OSError) -> ExitCode:
    """The exit status after writing stdout failed; says why unless the pipe was closed."""
    silence(1)
    if exc.errno == errno.EPIPE:
        return PIPE_CLOSED
    say(f"cis-facts: cannot write to standard output: {exc.strerror or exc}")
    return WRITE_FAILED


def say(text: str, stream: TextIO | None = None) -> None:
    """Write a message to stderr (or ``stream``), each of its lines escaped.

    Not ``click.echo``: Click writes UTF-8 bytes when the stream claims ASCII, while the
    stream itself, set up by ``cli.main``, escapes what its encoding cannot hold. A
    message that stderr cannot take (closed, full) is dropped; a failed write to an
    explicit ``stream`` is raised, for the caller to report.
    """
    lines = "\n".join(visible(line) for line in text.split("\n")) + "\n"
    if stream is not None:
        stream.write(lines)
        stream.flush()
        return
    try:
        sys.stderr.write(lines)
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        silence(2)


def finish(code: int) -> NoReturn:
    """Flush both streams, then exit with ``code``; a late Ctrl-C still exits 130."""
    try:
        sys.stdout.flush()
    except OSError as exc:
        code = stdout_failed(exc)
    try:
        sys.stderr.flush()
    except OSError:
        silence(2)
    # Everything is written: an interrupt from here on ends the process at once, quietly.
    signal.signal(signal.SIGINT, _exit_interrupted)
    sys.exit(code)


def interrupted() -> NoReturn:
    """Exit 130 after Ctrl-C, without Python's traceback or exit-time flush."""
    _exit_interrupted(signal.SIGINT, None)


def _exit_interrupted(signum: int, frame: object) -> NoReturn:
    with contextlib.suppress(OSError):
        os.write(2, b"cis-facts: interrupted\n")
    os._exit(130)
