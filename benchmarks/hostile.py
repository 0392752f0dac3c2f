"""Cost of hostile input, before and after the third reliability round: seconds and peak MB.

Each case runs the installed ``cis-facts`` in a fresh process (``CIS_FACTS_CACHE=off``),
``--repeat`` times interleaved with the other cases; the median wall time and the
largest peak resident size (``ru_maxrss`` of the child) are printed. Run it against
another checkout's venv with ``--script PATH`` to compare::

    .venv/bin/python benchmarks/hostile.py
    .venv/bin/python benchmarks/hostile.py --repeat 5 --script ../old/.venv/bin/cis-facts

The inputs are the review's, at sizes that finish on the old code too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def _empty_records(n: int) -> str:
    return "[[figures]]\n" * n


def _headers(n: int) -> str:
    return "".join(f"[x{i}]\n" for i in range(n))


def _keys(n: int) -> str:
    return "[[figures]]\n" + "".join(f"k{i} = 1\n" for i in range(n))


def _quotes(n: int) -> str:
    head = (
        '[[sources]]\nid = "bq-src"\ntitle = "Q"\nlanguage = "en"\nkind = "text"\n'
        'file = "source.txt"\n\n'
    )
    return head + "".join(
        f'[[statements]]\nid = "bq-{i}"\nlabel_en = "S {i}"\nlabel_kk = "С {i}"\n'
        f'source = "bq-src"\nquote = "missing quote number {i} of the benchmark"\n'
        f'topic = "bq"\n\n'
        for i in range(n)
    )


def cases(folder: Path) -> dict[str, list[str]]:
    """Name -> arguments, writing the input files into ``folder``."""
    files: dict[str, tuple[str, Callable[[int], str], int]] = {
        "empty": ("empty.toml", _empty_records, 100_000),
        "headers": ("headers.toml", _headers, 1_000_000),
        "keys": ("keys.toml", _keys, 1_000_000),
        "quotes": ("quotes.toml", _quotes, 5_000),
    }
    paths = {}
    for key, (name, make, n) in files.items():
        path = folder / name
        if not path.exists():
            path.write_text(make(n), encoding="utf-8")
        paths[key] = str(path)
    text = folder / "source.txt"
    if not text.exists():
        text.write_text("lorem ipsum dolor sit amet " * 100_000, encoding="utf-8")
    return {
        "check, 100k empty [[figures]] (1.2 MB)": ["--data", paths["empty"], "check"],
        "check, 1M table headers (8.9 MB)": ["--data", paths["headers"], "check"],
        "check, 1M keys in one record (9.9 MB)": ["--data", paths["keys"], "check"],
        "check --source, 5k missing quotes x 2.7 MB text": [
            "--data",
            paths["quotes"],
            "check",
            "--source",
            str(text),
        ],
        "members --fields with 20,000 names": [
            "members",
            "--format",
            "csv",
            "--fields",
            ",".join(["code"] * 20_000),
        ],
    }


def run_once(script: str, args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one run (``wait4``: that child's own rusage)."""
    env = {**os.environ, "CIS_FACTS_CACHE": "off"}
    env.pop("CIS_FACTS_DATA", None)
    started = time.perf_counter()
    proc = subprocess.Popen(
        [script, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0  # reaped by wait4
    return time.perf_counter() - started, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--script", default=str(Path(sys.executable).with_name("cis-facts")))
    parser.add_argument("--only", help="run only cases whose name contains this")
    args = parser.parse_args()
    folder = Path(tempfile.gettempdir()) / "cis-facts-hostile-bench"
    folder.mkdir(exist_ok=True)
    chosen = {k: v for k, v in cases(folder).items() if not args.only or args.only in k}
    times: dict[str, list[float]] = {name: [] for name in chosen}
    peaks: dict[str, float] = dict.fromkeys(chosen, 0.0)
    for _ in range(args.repeat):
        for name, case in chosen.items():  # interleaved: load changes hit every case alike
            elapsed, peak = run_once(args.script, case)
            times[name].append(elapsed)
            peaks[name] = max(peaks[name], peak)
    print(f"{args.script}, {args.repeat} runs each: median s, peak MB")
    for name in chosen:
        print(f"  {name:52} {statistics.median(times[name]):7.2f} s  {peaks[name]:7.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
