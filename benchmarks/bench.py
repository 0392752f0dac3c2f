"""Start-up and search benchmarks for cis-facts. Run by hand, not in the test suite:

    .venv/bin/python benchmarks/bench.py [--runs 21] [--sizes 1000,10000,100000]

Every timing is the median wall-clock time of repeated runs of a real subprocess. The
baseline is the bare interpreter loading the same TOML file with the standard library's
tomllib, i.e. what reading the data costs before any answer is built.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FACTS = ROOT / "data" / "facts.toml"
WORDS = (
    "uranium",
    "zinc",
    "copper",
    "oil",
    "gas",
    "export",
    "import",
    "trade",
    "share",
    "growth",
    "investment",
    "reserve",
    "tungsten",
    "silver",
    "lead",
    "chromium",
    "manganese",
    "fluorite",
    "barite",
    "molybdenum",
    "gold",
    "iron",
)
KK_WORDS = (
    "уран",
    "мырыш",
    "мыс",
    "мұнай",
    "газ",
    "экспорт",
    "импорт",
    "сауда",
    "үлес",
    "өсім",
    "инвестиция",
    "қор",
)


def command() -> list[str]:
    exe = Path(sys.executable).with_name("cis-facts")
    return [str(exe)] if exe.exists() else [shutil.which("cis-facts") or "cis-facts"]


def median_ms(argv: Sequence[str], runs: int, env: dict[str, str]) -> float:
    """Median wall time of ``argv`` over ``runs`` runs (after one warm-up run)."""
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(
            argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False
        )
        times.append((time.perf_counter() - start) * 1000)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(argv)} failed: {done.stderr.decode()[-500:]}")
    return statistics.median(times)


def baseline(path: Path) -> list[str]:
    code = f"import tomllib\nwith open({str(path)!r}, 'rb') as f: tomllib.load(f)"
    return [sys.executable, "-c", code]


def generate(path: Path, count: int, seed: int = 7) -> None:
    """A fact file of ``count`` figures shaped like the real ones."""
    rng = random.Random(seed)
    lines = []
    for i in range(count):
        words = " ".join(rng.choice(WORDS) for _ in range(8))
        kk = " ".join(rng.choice(KK_WORDS) for _ in range(8))
        lines.append(
            f'[[figures]]\nid = "gen-{i}"\ntopic = "generated"\nmeasure = "amount"\n'
            f'value = {rng.uniform(0, 5000):.1f}\nunit = "USD million"\ndate = "2004"\n'
            f'label_en = "Generated figure {i}: {words}"\n'
            f'label_kk = "Жасалған көрсеткіш {i}: {kk}"\n'
            f'source = "kk-text"\nquote = "Қазақстан {words}"\n'
            f'note = "Generated for the benchmark, {rng.choice(WORDS)}."\n'
        )
    path.write_text("\n".join(lines), encoding="utf-8")


def in_process_breakdown(path: Path) -> tuple[float, float, float]:
    """Parse, parse+validate, and search times (ms) inside one process, medians of 5."""
    code = f"""
import gc, statistics, time, tomli
gc.set_threshold(200_000, 30, 30)  # as cis_facts.cli.main does
from cis_facts.loader import load
from cis_facts.query.search import search
p = {str(path)!r}
def med(f):
    xs = []
    for _ in range(5):
        t = time.perf_counter(); r = f(); xs.append((time.perf_counter() - t) * 1000)
    return statistics.median(xs), r
parse, _ = med(lambda: tomli.loads(open(p, encoding="utf-8").read()))
full, base = med(lambda: load([p]))
query, _ = med(lambda: search(base, "uranium export", "en"))
print(parse, full, query)
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), float(out[1]), float(out[2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    # Installed packages are byte-compiled by pip; an editable checkout may not be yet.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "cis_facts")], check=True)
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    env.pop("CIS_FACTS_DATA", None)
    cli = command()
    base_ms = median_ms(baseline(FACTS), args.runs, env)
    rows = [("python -c 'tomllib.load(facts.toml)' (baseline)", base_ms, 1.0, "-")]
    for label, argv, target in (
        ("(a) cis-facts members --format json", [*cli, "members", "--format", "json"], "≤ 1.2×"),
        (
            "(b) cis-facts trade exports --format table",
            [*cli, "trade", "exports", "--format", "table"],
            "≤ 2.5×",
        ),
        ("floor of (a): python -c 'import click'", [sys.executable, "-c", "import click"], "-"),
        (
            "floor of (b): python -c 'import click, rich.console, rich.table'",
            [sys.executable, "-c", "import click, rich.console, rich.table"],
            "-",
        ),
    ):
        ms = median_ms(argv, args.runs, env)
        rows.append((label, ms, ms / base_ms, target))
    print(
        f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; "
        f"median of {args.runs} runs\n"
    )
    print("| command | median ms | ratio to baseline | target |\n|---|---:|---:|---|")
    for label, ms, ratio, target in rows:
        print(f"| {label} | {ms:.1f} | {ratio:.2f}× | {target} |")
    print(
        "\n| facts in `--data` file | search median ms | parse ms | parse+validate ms "
        "| search only ms |\n|---:|---:|---:|---:|---:|"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            path = Path(tmp) / f"gen-{size}.toml"
            generate(path, size)
            runs = args.runs if size <= 10_000 else max(3, args.runs // 4)
            ms = median_ms(
                [*cli, "--data", str(path), "search", "uranium", "export", "--format", "json"],
                runs,
                env,
            )
            parse, full, query = in_process_breakdown(path)
            print(f"| {size:,} | {ms:.0f} | {parse:.0f} | {full:.0f} | {query:.0f} |")


if __name__ == "__main__":
    main()
