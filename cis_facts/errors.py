"""Exceptions and exit codes shared by every layer."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from enum import IntEnum, unique
from types import MappingProxyType

from cis_facts.frozen import Frozen
from cis_facts.inert import clip, visible


@unique
class ExitCode(IntEnum):
    """Process exit codes, as documented in ``--help`` and the README."""

    OK = 0  # the answer was printed, or the reader closed the pipe early
    FAILED = 1  # nothing matched; the fact base is invalid or unreadable; a write failed
    USAGE = 2  # bad option or argument (Click's own code)
    INTERRUPTED = 130  # Ctrl-C


class Problem(Frozen):
    """One defect found in a fact file, rendered as ``FILE: fact ID: field: message``
    (``country XK``, ``source ID`` for those records: ``record`` says which)."""

    file: str
    message: str
    fact_id: str | None = None
    field: str | None = None
    line: int | None = None
    column: int | None = None
    record: str = "fact"

    def __str__(self) -> str:
        where = visible(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        parts = [where]
        if self.fact_id is not None:
            parts.append(f"{self.record} {visible(clip(self.fact_id))}")
        if self.field is not None:
            parts.append(visible(clip(self.field)))
        parts.append(visible(clip(self.message, 400)))
        return ": ".join(parts)


def record_word(table: str) -> str:
    """What a problem line calls a record of ``table``: ``country``, ``source`` or ``fact``."""
    return {"countries": "country", "sources": "source"}.get(table, "fact")


class FactsError(Exception):
    """Base class for every error the tool reports to the user; ``key`` and ``fields``
    (where given) let the interface say the same in the user's language."""

    exit_code: ExitCode = ExitCode.FAILED
    key: str | None = None
    fields: Mapping[str, object] = MappingProxyType({})


PROBLEM_LIMIT = 100  # problem lines reported per run; the rest are counted


class ProblemList:
    """Problems as they are found: the first ``limit`` kept, the others only counted, so
    a file of a million broken records costs the memory of a hundred problems."""

    def __init__(self, limit: int | None = None) -> None:
        self.kept: list[Problem] = []
        self.more = 0
        self.limit = PROBLEM_LIMIT if limit is None else limit

    def append(self, problem: Problem) -> None:
        if len(self.kept) < self.limit:
            self.kept.append(problem)
        else:
            self.more += 1

    def add(
        self,
        file: str,
        message: str,
        fact_id: str | None,
        field: str | None,
        record: str = "fact",
    ) -> None:
        """As ``append``, building the Problem only if it is kept."""
        if len(self.kept) < self.limit:
            self.kept.append(Problem(file, message, fact_id, field, record=record))
        else:
            self.more += 1

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.append(problem)

    def __bool__(self) -> bool:
        return bool(self.kept)


class InvalidFactsError(FactsError):
    """The fact base failed to load or validate; carries the problems found (at most
    ``PROBLEM_LIMIT``) and how many more there were."""

    def __init__(self, problems: Sequence[Problem], more: int = 0) -> None:
        self.problems = tuple(problems)
        self.more = more
        lines = [str(p) for p in self.problems]
        if more:
            lines.append(f"… and {more} more problem{'s' if more != 1 else ''}")
        super().__init__("\n".join(lines))


class NotFoundError(FactsError):
    """A query matched nothing; ``suggestions`` holds close matches, if any."""

    exit_code = ExitCode.FAILED

    def __init__(
        self,
        message: str,
        suggestions: Sequence[str] = (),
        *,
        key: str | None = None,
        **fields: object,
    ) -> None:
        # ``key`` and ``fields`` let the interface say the same in the user's language.
        self.key = key
        self.fields = fields
        self.suggestions = tuple(suggestions)
        if self.suggestions:
            message += " (did you mean: " + ", ".join(self.suggestions) + "?)"
        super().__init__(message)


class QuotesNotFoundError(FactsError):
    """``check`` found quotes missing from the text they cite; one line per quote."""


class UsageError(FactsError):
    """A value given on the command line is malformed (a bad date, an unknown field)."""

    exit_code = ExitCode.USAGE

    def __init__(self, message: str, *, key: str | None = None, **fields: object) -> None:
        self.key = key
        self.fields = fields
        super().__init__(message)


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived during a write that cleans up after itself.

    A BaseException, like KeyboardInterrupt, so that no ``except Exception`` swallows it;
    the process then exits with 128 + the signal number, as the shell reports a signal.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
