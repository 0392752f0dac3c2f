"""Export times and sizes for every target. Run by hand:

    .venv/bin/python benchmarks/export.py [--runs 11]

Medians of interleaved subprocess runs (benchmarks/timing.py) of ``cis-facts export`` to
json, sqlite (with its FTS5 indexes), sqlite with --metadata, and the csv data package, next
to ``cis-facts --version``; then the size of what each writes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import Case, interleaved, load

ROOT = Path(__file__).resolve().parents[1]
CLI = str(ROOT / ".venv" / "bin" / "cis-facts")


def size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.iterdir())
    return path.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=11)
    runs = parser.parse_args().runs
    work = Path(tempfile.mkdtemp(prefix="cis-facts-bench-"))
    env = dict(os.environ)
    targets = {
        "json": ["--to", "json", str(work / "f.json"), "--force"],
        "sqlite": ["--to", "sqlite", str(work / "f.db"), "--force"],
        "sqlite --metadata": [
            "--to",
            "sqlite",
            str(work / "m.db"),
            "--metadata",
            str(work / "meta.json"),
            "--force",
        ],
        "csv": ["--to", "csv", str(work / "pkg"), "--force"],
    }
    cases: list[Case] = [("cis-facts --version", [CLI, "--version"], lambda: env)]
    cases += [(f"export {k}", [CLI, "export", *v], lambda: env) for k, v in targets.items()]
    try:
        print(f"load averages {load()}; {runs} interleaved runs each; medians")
        for timed in interleaved(cases, runs):
            print(f"{timed.median:8.1f} ms  {timed.peak:6.1f} MB  {timed.label}")
        for name in ("f.json", "f.db", "meta.json", "pkg"):
            print(f"{size(work / name) / 1024:8.1f} KiB  {name}")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
