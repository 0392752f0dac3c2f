"""Exceptions and exit codes shared by every layer."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum

from cis_facts.frozen import Frozen
from cis_facts.inert import clip, visible


class ExitCode(IntEnum):
    """Process exit codes, as documented in ``--help`` and the README."""

    OK = 0
    NOT_FOUND = 1  # nothing matched the query
    INVALID = 1  # the fact base (packaged or a user file) is invalid or unreadable
    USAGE = 2  # bad option or argument (Click's own code)
    INTERRUPTED = 130  # Ctrl-C


class Problem(Frozen):
    """One defect found in a fact file, rendered as ``FILE: fact ID: field: message``."""

    file: str
    message: str
    fact_id: str | None = None
    field: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = visible(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        parts = [where]
        if self.fact_id is not None:
            parts.append(f"fact {visible(clip(self.fact_id))}")
        if self.field is not None:
            parts.append(visible(clip(self.field)))
        parts.append(visible(clip(self.message, 400)))
        return ": ".join(parts)


class FactsError(Exception):
    """Base class for every error the tool reports to the user."""

    exit_code: ExitCode = ExitCode.INVALID


class InvalidFactsError(FactsError):
    """The fact base failed to load or validate; carries every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class NotFoundError(FactsError):
    """A query matched nothing; ``suggestions`` holds close matches, if any."""

    exit_code = ExitCode.NOT_FOUND

    def __init__(self, message: str, suggestions: Sequence[str] = ()) -> None:
        self.suggestions = tuple(suggestions)
        if self.suggestions:
            message += " (did you mean: " + ", ".join(self.suggestions) + "?)"
        super().__init__(message)


class UsageError(FactsError):
    """A value given on the command line is malformed (a bad date, an unknown field)."""

    exit_code = ExitCode.USAGE


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived during a write that cleans up after itself.

    A BaseException, like KeyboardInterrupt, so that no ``except Exception`` swallows it;
    the process then exits with 128 + the signal number, as the shell reports a signal.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
