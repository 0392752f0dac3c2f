"""Shared fixtures: fact-file fixtures, the CLI runner and the real source text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from cis_facts.errors import InvalidFactsError
from cis_facts.loader import ENV_VAR, load

FIXTURES = Path(__file__).parent / "fixtures"
# The Kazakh source text lives in the shared folder beside the repository.
SOURCE_TEXT = Path(__file__).resolve().parents[1].parent / "shared/sources/000_032a50789da7a807.txt"


@pytest.fixture(autouse=True)
def _no_user_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep a CIS_FACTS_DATA set in the developer's shell out of every test."""
    monkeypatch.delenv(ENV_VAR, raising=False)


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
    if not SOURCE_TEXT.is_file():
        pytest.skip(f"source text not found at {SOURCE_TEXT}")
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
