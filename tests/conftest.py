"""Shared fixtures: fact-file fixtures, the CLI run in process (``run_cli``) and the real
source text.

Every test runs with its own empty HOME and cache directory and without the developer's
settings (extra data files, cache location, pager, locale, colours), so no test reads or
writes the user's files and none passes or fails by what the shell happens to set.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Protocol

import pytest
from click.testing import CliRunner, Result

import cis_facts
from cis_facts import cache
from cis_facts.cli import cli
from cis_facts.environment import Environment, terminal_width
from cis_facts.errors import InvalidFactsError
from cis_facts.loader import load

FIXTURES = Path(__file__).parent / "fixtures"
SOURCE_NAME = "000_032a50789da7a807.txt"
# The Kazakh source text as the package ships it (the same bytes as ../shared/sources).
SOURCE_TEXT = Path(cis_facts.__file__).parent / "data" / "sources" / SOURCE_NAME
# The shared copy beside the repository, when there is one.
SHARED_SOURCE_TEXT = Path(__file__).resolve().parents[2] / "shared" / "sources" / SOURCE_NAME

# The cache directory of whoever runs the suite, as the tool finds it from the environment the
# suite started in (before any test's own HOME): no test may read or write it.
DEVELOPERS_CACHE = cache.directory(os.environ)
# Read by the tool or its pager from the environment; none of the developer's may leak in.
USER_SETTINGS = (
    "CIS_FACTS_DATA",
    "CIS_FACTS_CACHE",
    "CIS_FACTS_PAGER",
    "CIS_FACTS_COMP_QUOTE",
    "PAGER",
    "LESS",
    "NO_COLOR",
    "FORCE_COLOR",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "COLUMNS",
    "LINES",
    "LC_ALL",
    "LC_MESSAGES",
    "LOCALAPPDATA",
)


def _isolate(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("LANG", "C.UTF-8")
    for name in USER_SETTINGS:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """An empty HOME of the test's own, its XDG cache directory inside it and made only by
    what writes there (so no test reads, fills or prunes the developer's cache, and a test
    leaves one directory behind, not two); the user's settings unset."""
    home = tmp_path_factory.mktemp("home")
    _isolate(monkeypatch, home)
    return home


@contextlib.contextmanager
def isolated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The environment ``_isolated_home`` gives a test, for a fixture of a module or
    session (made before any test's own): an empty HOME of its own, no user settings."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        _isolate(monkeypatch, tmp_path_factory.mktemp("home"))
        yield


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


def mock_environment(
    *,
    tty: bool = False,
    stdin_tty: bool = False,
    width: int | None = None,
    environ: Mapping[str, str | None] | None = None,
) -> Environment:
    """The terminal a test runs the CLI in (httpie's ``MockEnvironment``): the process's
    environment with ``environ`` laid over it (None unsets a name); the width is
    ``width``, else what COLUMNS says, else 80."""
    merged = {k: v for k, v in {**os.environ, **(environ or {})}.items() if v is not None}
    return Environment(
        stdout_isatty=tty,
        stdin_isatty=stdin_tty,
        width=terminal_width(merged, False) if width is None else width,
        environ=merged,
    )


class RunCli(Protocol):
    def __call__(
        self,
        *args: str | Path,
        tty: bool = False,
        width: int | None = None,
        environ: Mapping[str, str | None] | None = None,
        input: str | bytes | None = None,
        env: Environment | None = None,
        color: bool = False,
    ) -> Result: ...


def _run_cli(
    *args: str | Path,
    tty: bool = False,
    width: int | None = None,
    environ: Mapping[str, str | None] | None = None,
    input: str | bytes | None = None,
    env: Environment | None = None,
    color: bool = False,
) -> Result:
    """``cis-facts ARGS`` in this process, stdout and stderr apart.

    ``tty`` and ``width`` say what the terminal is; ``environ`` is laid over the process's
    environment both for what the tool reads through ``Environment`` and for Click's own
    ``envvar`` options (``CIS_FACTS_DATA``); ``env`` replaces the whole environment.
    The program is called ``cis-facts`` (usage lines and messages name it as installed).
    ``color`` keeps the escape codes Click's ``echo`` and ``style`` would strip from a stream
    that is not a terminal (what a terminal would receive from them).
    """
    if env is None:
        env = mock_environment(tty=tty, width=width, environ=environ)
    return CliRunner().invoke(
        cli,
        [str(a) for a in args],
        obj=env,
        env=dict(environ or {}),
        input=input,
        prog_name="cis-facts",
        color=color,
    )


@pytest.fixture
def run_cli() -> RunCli:
    """Run the CLI with an injected terminal: ``run_cli("members", "-f", "json")``."""
    return _run_cli


@pytest.fixture
def source_text() -> Path:
    """The shipped source text: every clone and every installed package has it."""
    return SOURCE_TEXT


@pytest.fixture
def problem_lines() -> Callable[..., list[str]]:
    """Load the packaged base plus the given files and return the problem lines."""

    def lines(*paths: Path | str) -> list[str]:
        with pytest.raises(InvalidFactsError) as info:
            load([str(p) for p in paths])
        return [str(problem) for problem in info.value.problems]

    return lines


def _register_hypothesis_profiles() -> None:
    """``ci`` (when CI=true): at least 1,000 examples per property, reproducible; ``dev``
    fewer, for a quick local run. Select another with ``--hypothesis-profile NAME``."""
    import os

    from hypothesis import HealthCheck, settings

    settings.register_profile(
        "ci",
        max_examples=1_000,
        deadline=None,
        derandomize=True,
        database=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow],
    )
    settings.register_profile("dev", max_examples=100, deadline=None)
    settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")


_register_hypothesis_profiles()


def installed_command() -> str:
    """The installed ``cis-facts`` script: beside this Python, else on PATH (else skip)."""
    beside = Path(sys.executable).parent / "cis-facts"
    if beside.exists():
        return str(beside)
    found = shutil.which("cis-facts")
    if found is None:
        pytest.skip("the cis-facts command is not installed")
    return found
