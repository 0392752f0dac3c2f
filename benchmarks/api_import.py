"""What the Python API costs to import and to answer, next to the CLI. Run by hand:

    .venv/bin/python benchmarks/api_import.py [--runs 31]

Medians of interleaved subprocess runs (benchmarks/timing.py): the floor
``python -c "import click"``, ``import cis_facts``, ``cis_facts.load()`` and one query,
and the CLI's ``--version`` and ``members`` for comparison. Uses this checkout's venv.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import Case, interleaved, load

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
CLI = str(ROOT / ".venv" / "bin" / "cis-facts")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=31)
    runs = parser.parse_args().runs
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "0"}
    cases: list[Case] = [
        ("python -c 'import click'", [PYTHON, "-c", "import click"], lambda: env),
        ("python -c 'import cis_facts'", [PYTHON, "-c", "import cis_facts"], lambda: env),
        (
            "cis_facts.load()",
            [PYTHON, "-c", "import cis_facts; cis_facts.load()"],
            lambda: env,
        ),
        (
            "cis_facts.load().members().to_dicts()",
            [PYTHON, "-c", "import cis_facts; cis_facts.load().members().to_dicts()"],
            lambda: env,
        ),
        ("cis-facts --version", [CLI, "--version"], lambda: env),
        ("cis-facts members --format json", [CLI, "members", "--format", "json"], lambda: env),
    ]
    print(f"load averages {load()}; {runs} interleaved runs each; medians")
    results = interleaved(cases, runs)
    floor = results[0].median
    for timed in results:
        print(f"{timed.median:8.1f} ms  {timed.median - floor:+7.1f} ms  {timed.label}")


if __name__ == "__main__":
    main()
