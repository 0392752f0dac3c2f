"""Start-up and scale benchmarks for cis-facts. Run by hand, never in the test suite:

    .venv/bin/python benchmarks/bench.py [--runs 31] [--scale-runs 5] [--sizes 1000,10000,100000]

Every timing is the median wall-clock time of a real subprocess, the commands compared
with each other run in turns within one loop. Each target is printed with met / not met.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import venv
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import Case, Timed, interleaved, load

ROOT = Path(__file__).resolve().parents[1]
BENCH_VENV = ROOT / "benchmarks" / ".venv"
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
    "gold",
    "iron",
)
KK_WORDS = ("уран", "мырыш", "мыс", "мұнай", "газ", "экспорт", "импорт", "сауда", "үлес", "қор")
COUNTRIES = ("KZ", "RU", "UZ", "KG", "BY")
TARGETS: list[tuple[str, str, bool]] = []
ASKED = ["ask", "When", "did", "Georgia", "leave", "the", "CIS?"]
AT_SCALE = 15  # repeated calls at 100,000 facts: at most 15× Click's floor


def target(name: str, measured: str, met: bool) -> None:
    """Record one target with what was measured and whether it was met."""
    TARGETS.append((name, measured, met))


def install(work: Path) -> tuple[Path, list[str]]:
    """The benchmark's own virtual environment with this checkout installed from a wheel.

    Users run an installed wheel (byte-compiled, with the packaged base's cache entry), so
    that is what is timed. sqlite-utils, the tool compared in (c), is installed there and
    never becomes a dependency of cis-facts. Returns the venv's python and cis-facts.
    """
    pip = [str(BENCH_VENV / "bin" / "python"), "-m", "pip", "install", "-q"]
    if not BENCH_VENV.exists():
        venv.create(BENCH_VENV, with_pip=True)
    dist = work / "dist"
    build = [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)]
    subprocess.run(build, check=True, capture_output=True)
    wheel = next(dist.glob("*.whl"))
    subprocess.run([*pip, str(wheel), "sqlite-utils"], check=True)
    subprocess.run([*pip, "--force-reinstall", "--no-deps", str(wheel)], check=True)
    return BENCH_VENV / "bin" / "python", [str(BENCH_VENV / "bin" / "cis-facts")]


def sqlite_utils() -> list[str]:
    return [str(BENCH_VENV / "bin" / "sqlite-utils")]


def generate(path: Path, count: int, seed: int = 7) -> None:
    """A user fact file of ``count`` figures shaped like the real ones."""
    rng = random.Random(seed)
    source = 'id = "gen-notes"\ntitle = "Generated notes"\nlanguage = "en"\nkind = "document"'
    chunks = [f"[[sources]]\n{source}\n"]
    for i in range(count):
        words = " ".join(rng.choice(WORDS) for _ in range(8))
        kk = " ".join(rng.choice(KK_WORDS) for _ in range(8))
        year = rng.randint(1992, 2010)
        chunks.append(
            f'[[figures]]\nid = "gen-{i}"\ntopic = "generated"\nmeasure = "amount"\n'
            f'value = {rng.uniform(0, 5000):.1f}\nunit = "USD million"\ndate = "{year}"\n'
            f'country = "{rng.choice(COUNTRIES)}"\n'
            f'label_en = "Generated figure {i}: {words}"\n'
            f'label_kk = "Жасалған көрсеткіш {i}: {kk}"\n'
            f'source = "gen-notes"\nquote = "Қазақстан {words}"\n'
            f'note = "Generated for the benchmark, {rng.choice(WORDS)}."\n'
        )
    path.write_text("\n".join(chunks), encoding="utf-8")


def fixed(env: Mapping[str, str]) -> Callable[[], Mapping[str, str]]:
    return lambda: env


@contextmanager
def fresh_dirs(parent: Path) -> Iterator[Callable[[], str]]:
    """A maker of new empty directories under ``parent``, removed afterwards."""
    made: list[str] = []

    def make() -> str:
        made.append(tempfile.mkdtemp(dir=parent))
        return made[-1]

    try:
        yield make
    finally:
        for path in made:
            shutil.rmtree(path, ignore_errors=True)


def table(rows: Sequence[Sequence[str]], header: Sequence[str]) -> None:
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()


def startup(python: Path, cli: list[str], runs: int, env: dict[str, str], work: Path) -> None:
    """Targets (a), (b), (c): the tool against Click's floor and against sqlite-utils."""
    db = work / "facts.db"
    subprocess.run([*cli, "export", "--to", "sqlite", str(db)], env=env, check=True)
    sql = (
        "SELECT s.position, c.name_en AS country, s.share, s.date, s.id, s.source, s.quote, "
        "s.note FROM trade_shares s JOIN countries c ON c.code = s.country "
        "WHERE s.flow = 'export' ORDER BY s.position"
    )
    packaged: list[tuple[str, list[str]]] = [
        ("(a) members --format json", ["members", "--format", "json"]),
        ("(b) trade exports --format table", ["trade", "exports", "--format", "table"]),
        ("(c) trade exports --format json", ["trade", "exports", "--format", "json"]),
        ("search uranium export --format json", ["search", "uranium", "export", "-f", "json"]),
        ("search uranium export --format table", ["search", "uranium", "export", "-f", "table"]),
        ("show rank-zinc --format json", ["show", "rank-zinc", "--format", "json"]),
        ("ask ... Georgia leave the CIS? --format json", [*ASKED, "--format", "json"]),
    ]
    cases: list[Case] = [
        ("floor: python -c 'import click'", [str(python), "-c", "import click"], fixed(env)),
        *((f"cis-facts {label}", [*cli, *argv], fixed(env)) for label, argv in packaged),
        (
            "sqlite-utils query facts.db (same rows)",
            [*sqlite_utils(), "query", str(db), sql],
            fixed(env),
        ),
    ]
    timed = interleaved(cases, runs)
    floor, by_label, su = timed[0], {t.label: t for t in timed[1:-1]}, timed[-1]
    rows = [
        [t.label, f"{t.median:.1f}", f"{t.median / floor.median:.2f}×", f"{t.peak:.0f}"]
        for t in timed
    ]
    table(rows, ["command", "median ms", "× floor", "peak MB"])
    members = by_label["cis-facts (a) members --format json"]
    for label, t in by_label.items():
        limit = 2.0 if "table" in label else 1.2
        ratio = t.median / floor.median
        target(
            f"{label.removeprefix('cis-facts ')} ≤ {limit}× import click",
            f"{ratio:.2f}×",
            ratio <= limit,
        )
    exports_json = by_label["cis-facts (c) trade exports --format json"]
    search_json = by_label["cis-facts search uranium export --format json"]
    for name, t, base, limit in (
        ("(a) members --format json ≤ 1.3× import click", members, floor, 1.3),
        ("(c) trade exports json ≤ 0.5× sqlite-utils query", exports_json, su, 0.5),
        ("search json ≤ 1.3× members json", search_json, members, 1.3),
    ):
        ratio = t.median / base.median
        target(name, f"{ratio:.2f}×", ratio <= limit)


def queries(cli: list[str], data: Path, size: int) -> dict[str, list[str]]:
    base = [*cli, "--data", str(data)]
    return {
        "show": [*base, "show", f"gen-{size // 2}", "--format", "json"],
        "members": [*base, "members", "--format", "json"],
        "figures json": [*base, "figures", "generated", "--format", "json"],
        "figures jsonl": [*base, "figures", "generated", "--format", "jsonl"],
        "figures TOPIC": [*base, "figures", "generated"],
        "search": [*base, "search", "uranium", "export", "--format", "json"],
        "ask": [*base, *ASKED, "--format", "json"],
    }


def scale_one(
    python: Path, cli: list[str], size: int, runs: int, env: dict[str, str], work: Path
) -> dict[str, Timed]:
    data = work / f"gen-{size}.toml"
    # In a child process: Linux reports a child's peak memory as at least what its parent
    # held when it was forked, so the benchmark itself must stay small.
    subprocess.run([sys.executable, __file__, "--generate", str(data), str(size)], check=True)
    warm = str(work / f"cache-{size}")
    off = {**env, "CIS_FACTS_CACHE": "off"}
    on = {**env, "CIS_FACTS_CACHE": warm}
    asked = queries(cli, data, size)
    with fresh_dirs(work) as new_dir:
        cases: list[Case] = [
            ("floor: python -c 'import click'", [str(python), "-c", "import click"], fixed(env)),
            ("show, no cache (today)", asked["show"], fixed(off)),
            ("show, first call", asked["show"], lambda: {**env, "CIS_FACTS_CACHE": new_dir()}),
            ("check", [*cli, "--data", str(data), "check"], fixed(on)),
        ]
        cases += [(f"{name}, second call", argv, fixed(on)) for name, argv in asked.items()]
        return {t.label: t for t in interleaved(cases, runs)}


def scale(
    python: Path, cli: list[str], sizes: list[int], runs: int, env: dict[str, str], work: Path
) -> None:
    results = {size: scale_one(python, cli, size, runs, env, work) for size in sizes}
    labels = list(results[sizes[0]])
    header = ["command", *(f"{s:,} facts ms (MB)" for s in sizes)]
    rows = [
        [label, *(f"{results[s][label].median:.0f} ({results[s][label].peak:.0f})" for s in sizes)]
        for label in labels
    ]
    table(rows, header)
    top = results[sizes[-1]]
    where = f"at {sizes[-1]:,}"
    floor = top["floor: python -c 'import click'"].median
    for label in labels:
        if label.endswith("second call") and not label.startswith("figures json"):
            ratio = top[label].median / floor
            target(
                f"{label} ≤ {AT_SCALE}× import click {where}", f"{ratio:.1f}×", ratio <= AT_SCALE
            )
    figures = top["figures json, second call"].median
    target(f"figures --format json ≤ 2 s {where}", f"{figures / 1000:.2f} s", figures <= 2000)
    check = top["check"].median
    target(f"check ≤ 2 s {where}", f"{check / 1000:.2f} s", check <= 2000)
    for label in labels:
        if label.endswith("second call") or label == "check":
            peak = top[label].peak
            target(f"peak memory ≤ 200 MB {where}: {label}", f"{peak:.0f} MB", peak <= 200)
    first, today = top["show, first call"].median, top["show, no cache (today)"].median
    ratio = first / today
    target(f"first call ≤ 1.2× no cache {where}", f"{ratio:.2f}×", ratio <= 1.2)
    if len(sizes) >= 2:
        linear(results, sizes)


def linear(results: dict[int, dict[str, Timed]], sizes: list[int]) -> None:
    """10× the facts may take at most 15× the time (a quadratic step would take 100×)."""
    low, high = sizes[-2:]
    for label in results[high]:
        ratio = results[high][label].median / results[low][label].median
        target(
            f"linear growth, {low:,} → {high:,} facts: {label}",
            f"{ratio:.1f}× the time for {high / low:.0f}× the facts",
            ratio <= 1.5 * high / low,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=31, help="runs of each start-up command")
    parser.add_argument("--scale-runs", type=int, default=5, help="runs of each scale command")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--skip", choices=("startup", "scale"), action="append", default=[])
    parser.add_argument("--generate", nargs=2, metavar=("PATH", "FACTS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        generate(Path(args.generate[0]), int(args.generate[1]))
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        python, cli = install(work)
        print(
            f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
            f"load average {load()} (1/5/15 min)\n"
        )
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "CIS_FACTS_CACHE": tmp + "/c"}
        env.pop("CIS_FACTS_DATA", None)
        if "startup" not in args.skip:
            print(f"Start-up, median of {args.runs} interleaved runs:\n")
            startup(python, cli, args.runs, env, work)
            written = Path(env["CIS_FACTS_CACHE"])
            target(
                "packaged base writes no cache",
                "nothing written" if not written.exists() else "written",
                not written.exists(),
            )
        if "scale" not in args.skip:
            sizes = [int(s) for s in args.sizes.split(",")]
            print(f"Scale, median of {args.scale_runs} interleaved runs (peak MB):\n")
            scale(python, cli, sizes, args.scale_runs, env, work)
    print(f"Load average after the runs: {load()}\n")
    table([[n, m, "met" if ok else "NOT MET"] for n, m, ok in TARGETS], ["target", "measured", ""])


if __name__ == "__main__":
    main()
