"""The fuzz harness reaches the code: its corpus loads, queries and renders without a finding.

``fuzz/fuzz_load_render.py`` is run for a bounded time in CI (with atheris where it
installs); this runs its seed corpus through the same target as a plain test, so a
harness that no longer fits the package fails here rather than fuzzing nothing.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

HARNESS = Path(__file__).resolve().parents[1] / "fuzz" / "fuzz_load_render.py"


@pytest.fixture(scope="module")
def harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz_load_render", HARNESS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    argv = sys.argv
    sys.argv = [str(HARNESS), "--plain"]  # no coverage instrumentation under pytest
    try:
        spec.loader.exec_module(module)
    finally:
        sys.argv = argv
    return module


def test_every_seed_runs_through_load_query_and_render(harness: ModuleType) -> None:
    """The seeds of three tables (each answer costs about a second in every style, format
    and width; the whole corpus is the CI fuzz run's)."""
    target = harness.Target(report_known=True)
    chosen = ("sources", "countries", "figures")
    seeds = [d for t, d in zip(harness.TABLE_NAMES, harness.seeds(), strict=False) if t in chosen]
    for data in seeds:
        target(data)  # raises on any finding
    assert target.stats["loaded"] == len(seeds)
    assert target.stats["answers rendered"] > 0


def test_mutated_inputs_run_through_the_harness(harness: ModuleType) -> None:
    import random

    target = harness.Target(report_known=True)
    rng = random.Random(29)
    corpus = harness.seeds()
    for _ in range(6):
        target(harness.mutate_bytes(rng, rng.choice(corpus[:2])))
    assert target.stats["loaded"] + target.stats["rejected"] == 6
