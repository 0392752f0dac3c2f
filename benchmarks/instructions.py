"""Start-up cost as instructions executed, which other load on the machine does not change.

    .venv/bin/python benchmarks/instructions.py [--reuse] [COMMAND ...]

Wall-clock ratios (bench.py) drift with whatever else the machine runs; the number of
instructions a process executes does not. Each command of bench.py's start-up set runs
once under Valgrind's callgrind (counting only, about 50 times slower than normal), as
does the floor, ``python -c 'import click'``, with PYTHONHASHSEED fixed; the ratio of
instructions is printed beside the wall-time target it stands for. It is a proxy: file
system calls and page faults cost time that instructions do not show, so bench.py stays
the measure of record. ``--reuse`` skips building the wheel when bench.py's venv exists.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import ASKED, BENCH_VENV, install

COMMANDS: dict[str, tuple[list[str], float]] = {
    "members --format json": (["members", "--format", "json"], 1.2),
    "trade exports --format table": (["trade", "exports", "--format", "table"], 2.0),
    "trade exports --format json": (["trade", "exports", "--format", "json"], 1.2),
    "search uranium export --format json": (["search", "uranium", "export", "-f", "json"], 1.2),
    "show rank-zinc --format json": (["show", "rank-zinc", "--format", "json"], 1.2),
    "ask ... --format json": ([*ASKED, "--format", "json"], 1.2),
}
COLLECTED = re.compile(rb"Collected : (\d+)")


def instructions(argv: Sequence[str], env: Mapping[str, str]) -> int:
    """Instructions ``argv`` executes, counted by callgrind."""
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "callgrind.out"
        proc = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *argv],
            capture_output=True,
            env=dict(env),
            check=False,
        )
    found = COLLECTED.search(proc.stderr)
    if proc.returncode != 0 or found is None:
        raise SystemExit(f"{argv}: exit {proc.returncode}: {proc.stderr[-400:]!r}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reuse", action="store_true", help="use bench.py's venv as it is")
    parser.add_argument("commands", nargs="*", help="names of COMMANDS (default: all)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as work:
        if args.reuse and (BENCH_VENV / "bin" / "cis-facts").exists():
            python, cli = BENCH_VENV / "bin" / "python", [str(BENCH_VENV / "bin" / "cis-facts")]
        else:
            python, cli = install(Path(work))
        env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": work,
            "LANG": "C.UTF-8",
            "PYTHONHASHSEED": "0",
            "CIS_FACTS_CACHE": str(Path(work) / "cache"),
        }
        floor = instructions([str(python), "-c", "import click"], env)
        print("| command | instructions (M) | × floor | wall-time target |")
        print("|---|---:|---:|---|")
        print(f"| floor: python -c 'import click' | {floor / 1e6:.1f} | 1.00× | |")
        for name in args.commands or COMMANDS:
            argv, limit = COMMANDS[name]
            count = instructions([*cli, *argv], env)
            print(f"| {name} | {count / 1e6:.1f} | {count / floor:.2f}× | ≤ {limit}× |")


if __name__ == "__main__":
    main()
