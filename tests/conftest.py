"""Shared fixtures: fact-file fixtures, the CLI runner and the real source text.

Every test runs with its own empty HOME and cache directory and without the developer's
settings (extra data files, cache location, pager, locale, colours), so no test reads or
writes the user's files and none passes or fails by what the shell happens to set.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

import cis_facts
from cis_facts.errors import InvalidFactsError
from cis_facts.loader import load

FIXTURES = Path(__file__).parent / "fixtures"
SOURCE_NAME = "000_032a50789da7a807.txt"
# The Kazakh source text as the package ships it (the same bytes as ../shared/sources).
SOURCE_TEXT = Path(cis_facts.__file__).parent / "data" / "sources" / SOURCE_NAME
# The shared copy beside the repository, when there is one.
SHARED_SOURCE_TEXT = Path(__file__).resolve().parents[2] / "shared" / "sources" / SOURCE_NAME

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
    "COLUMNS",
    "LINES",
    "LC_ALL",
    "LC_MESSAGES",
    "LOCALAPPDATA",
)


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """An empty HOME and XDG cache directory of the test's own; the user's settings unset."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("LANG", "C.UTF-8")
    for name in USER_SETTINGS:
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture(scope="session")
def _test_cache_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("xdg-cache")


@pytest.fixture(autouse=True)
def _no_user_cache(monkeypatch: pytest.MonkeyPatch, _test_cache_home: Path) -> None:
    """Point the fact-base cache away from the developer's own (which a test could fill
    and prune): XDG_CACHE_HOME in a temporary folder, CIS_FACTS_CACHE unset."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(_test_cache_home))
    monkeypatch.delenv("CIS_FACTS_CACHE", raising=False)


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


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
