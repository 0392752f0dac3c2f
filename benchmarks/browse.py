"""Benchmarks for ``cis-facts browse``. Run by hand, not in the test suite:

    .venv/bin/python benchmarks/browse.py [--runs 11] [--facts 10000]

(a) open: median wall time of a whole process that loads the packaged base, opens the browser
    headless (Textual's run_test), waits until the first list is shown, and quits;
(b) start-up of other commands: median wall time of ``python -m cis_facts members -f json`` and
    ``search uranium -f json`` with this tree and with ``main`` (exported by ``git archive``),
    and whether either imports textual;
(c) typing on a user base of N generated facts: the search each keystroke runs (in the worker
    thread), per prefix of the query, median of 5; and the headless pilot typing the query at
    the real debounce, from the first key to the settled list.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERY = "uranium export"
WORDS = ("uranium", "zinc", "copper", "oil", "gas", "export", "import", "trade", "share", "growth")

OPEN = """
import asyncio
from cis_facts.browse.app import BrowseApp
from cis_facts.loader import load

async def main():
    app = BrowseApp(load(()), debounce=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.rows

asyncio.run(main())
"""

TYPING = """
import asyncio, statistics, sys, time
from cis_facts.browse import catalog
from cis_facts.browse.app import BrowseApp
from cis_facts.loader import load

base = load([sys.argv[1]])
query = sys.argv[2]
for end in range(1, len(query) + 1):
    prefix = query[:end]
    if not prefix.strip():
        continue
    times = []
    for _ in range(5):
        start = time.perf_counter()
        try:
            catalog.search(base, prefix, "en")
        except Exception:
            pass
        times.append((time.perf_counter() - start) * 1000)
    print(f"search {prefix!r:20} {statistics.median(times):8.1f} ms")

async def typing(base, name):
    app = BrowseApp(base)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        start = time.perf_counter()
        await pilot.press(*query)
        keys = time.perf_counter() - start
        title = app.query_one("#title")
        while query not in str(title.content):
            await pilot.pause(0.01)
        await app.workers.wait_for_complete()
        await pilot.pause()
        settled = time.perf_counter() - start
        print(f"pilot, {name}: {len(query)} keys taken in {keys * 1000:.0f} ms; "
              f"list settled {settled * 1000:.0f} ms after the first key ({len(app.rows)} rows)")

asyncio.run(typing(load(()), "packaged base"))
asyncio.run(typing(base, "with the generated facts"))
"""


def median_ms(argv: Sequence[str], runs: int, env: dict[str, str] | None = None) -> float:
    """Median wall time of ``argv`` over ``runs`` runs, after one warm-up run."""
    subprocess.run(argv, capture_output=True, env=env, check=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, env=env, check=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def imports_textual(argv: Sequence[str], env: dict[str, str] | None = None) -> bool:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *argv],
        check=False,
        capture_output=True,
        text=True,
        env=env,
    )
    return any(
        line.rstrip().endswith(("textual", "| textual")) for line in done.stderr.splitlines()
    )


def main_tree(into: Path) -> Path:
    """``main`` as files (no checkout): ``git archive main`` unpacked into ``into``."""
    archive = into / "main.tar"
    with archive.open("wb") as out:
        subprocess.run(["git", "-C", str(ROOT), "archive", "main"], stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into / "main", filter="data")
    return into / "main"


def generate(path: Path, count: int, seed: int = 11) -> None:
    """A fact file of ``count`` figures with labels, quotes and notes of common words."""
    rng = random.Random(seed)
    records = []
    for i in range(count):
        words = " ".join(rng.choice(WORDS) for _ in range(8))
        records.append(
            f'[[figures]]\nid = "gen-{i}"\ntopic = "generated"\nmeasure = "amount"\n'
            f'value = {rng.uniform(0, 5000):.1f}\nunit = "USD million"\ndate = "2004"\n'
            f'label_en = "Generated figure {i}: {words}"\nlabel_kk = "Көрсеткіш {i}"\n'
            f'source = "kk-text"\nquote = "Қазақстан {words}"\nnote = "Generated, {words}."\n'
        )
    path.write_text("\n".join(records), encoding="utf-8")


def startup(runs: int, tmp: Path) -> None:
    main = main_tree(tmp)
    for args in (["members", "-f", "json"], ["search", "uranium", "-f", "json"]):
        argv = [sys.executable, "-m", "cis_facts", *args]
        for name, tree in (("main", main), ("this tree", ROOT)):
            env = {**os.environ, "PYTHONPATH": str(tree)}
            ms = median_ms(argv, runs, env)
            textual = imports_textual(argv[1:], env)
            print(f"(b) {' '.join(args):24} {name:10} {ms:7.1f} ms  imports textual: {textual}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--facts", type=int, default=10_000)
    options = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "cis_facts")], check=True)
    opened = median_ms([sys.executable, "-c", OPEN], options.runs)
    bare = median_ms([sys.executable, "-c", "import textual.app"], options.runs)
    print(
        f"(a) open on the packaged base, headless: {opened:.0f} ms "
        f"(of which importing textual.app alone: {bare:.0f} ms)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        startup(options.runs, Path(tmp))
        facts = Path(tmp) / "facts.toml"
        generate(facts, options.facts)
        print(f"(c) typing {QUERY!r} on the packaged base plus {options.facts} generated facts:")
        subprocess.run([sys.executable, "-c", TYPING, str(facts), QUERY], check=True)


if __name__ == "__main__":
    main()
