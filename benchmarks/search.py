"""Search benchmarks: ranked search over 10,000 facts, a 100-word query, close words.

    .venv/bin/python benchmarks/search.py [--runs 11]

Every timing is the median of repeated runs inside one process (the fact base loaded
once): getting the index and answering is what a ``search`` call adds to loading. A user
base as large as 10,000 facts has its index read from the cache entry beside the base's
(what every call after the first does); the index built on each call (the packaged base,
small user bases, ``CIS_FACTS_CACHE=off``) and the first call, which builds the index and
stores it, are timed too. The last table compares the close-word lookup of
cis_facts.retrieval.fuzzy with RapidFuzz (``pip install rapidfuzz``; skipped when it is not
installed) on the same vocabulary.
"""

from __future__ import annotations

import argparse
import functools
import gc
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import KK_WORDS, WORDS, generate

from cis_facts.cache import Stamp
from cis_facts.loader import load, load_stamped
from cis_facts.model import FactBase
from cis_facts.query.search import build, build_cached, search
from cis_facts.retrieval.fuzzy import Neighbours

TARGET_MS = 500.0


def cached_search(base: FactBase, folder: str, stamps: list[Stamp], query: str) -> object:
    """A search as a call after the first makes it: the index read from its entry."""
    return search(base, query, "en", None, build_cached(base, folder, stamps))


def median_ms(run: Callable[[], object], runs: int) -> float:
    return timings(run, runs)[0]


def timings(run: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall-clock and median CPU milliseconds of ``run`` (after one warm-up run).

    CPU time counts only this process's own work, so it moves less than wall time when
    other processes share the machine.
    """
    run()  # warm-up: caches, first imports
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def long_query(count: int, seed: int = 3) -> str:
    """``count`` words: real ones, typos of them, and words found nowhere."""
    rng = random.Random(seed)
    pool = [*WORDS, *KK_WORDS]
    words = []
    for i in range(count):
        word = rng.choice(pool)
        if i % 3 == 1:  # a typo: two letters swapped
            k = rng.randrange(len(word) - 1)
            word = word[:k] + word[k + 1] + word[k] + word[k + 2 :]
        elif i % 3 == 2:
            word = "".join(rng.choice("qwxzjvk") for _ in range(7))
        words.append(word)
    return " ".join(words)


def fuzzy_table(base_size: int, runs: int) -> list[tuple[str, float]]:
    base = load()
    _, matcher = build(base)
    vocabulary = [t for t in matcher.index.vocabulary() if not t.startswith("#")]
    rng = random.Random(5)
    # Words of the same shape as the vocabulary's but unknown: the lookups that miss.
    probes = ["".join(rng.sample(w, len(w))) for w in rng.choices(vocabulary, k=100)]
    rows = [
        (
            f"plain: build deletion table ({len(vocabulary)} words)",
            median_ms(lambda: Neighbours(vocabulary), runs),
        )
    ]
    table = Neighbours(vocabulary)
    rows.append(
        (
            "plain: 100 lookups, distance ≤ 2",
            median_ms(lambda: [table.close(p, 2) for p in probes], runs),
        )
    )
    try:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA
    except ImportError:
        rows.append(("rapidfuzz: not installed", float("nan")))
        return rows

    def rapid() -> object:
        return [
            process.extract(p, vocabulary, scorer=OSA.distance, score_cutoff=2, limit=None)
            for p in probes
        ]

    rows.append(("rapidfuzz: 100 lookups, distance ≤ 2 (full scan)", median_ms(rapid, runs)))
    return rows


def calibration_ms(runs: int) -> float:
    """A million dictionary lookups: how busy the machine is (about 20 ms when idle on
    a recent laptop), printed so numbers from a loaded machine can be read as such."""

    def lookups() -> None:
        table: dict[int, int] = {}
        get = table.get
        for i in range(1_000_000):
            get(i)

    return median_ms(lookups, runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    gc.set_threshold(200_000, 30, 30)  # as cis_facts.cli.main does
    print(
        f"Python {sys.version.split()[0]}; median of {args.runs} runs, in one process; "
        f"calibration (10**6 dict lookups): {calibration_ms(args.runs):.0f} ms\n"
    )
    print("| case | median ms | median CPU ms | target |\n|---|---:|---:|---|")
    packaged = load()
    query = long_query(100)
    question = "When did Georgia leave the CIS?"
    rows = [
        (
            f"packaged base: search {question!r}",
            timings(lambda: search(packaged, question, "en"), args.runs),
        ),
        (
            "packaged base: a 100-word query",
            timings(lambda: search(packaged, query, "en"), args.runs),
        ),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "gen-10000.toml"
        folder = Path(tmp) / "cache"
        generate(path, 10_000)
        big, stamps = load_stamped([str(path)], cached=True, cache_dir=str(folder))
        base_entries = set(folder.iterdir())

        def first_call() -> object:
            """Builds the index and stores its entry (removed before each run)."""
            for entry in set(folder.iterdir()) - base_entries:
                entry.unlink()
            return search(big, query, "en", None, build_cached(big, str(folder), stamps))

        first = median_ms(first_call, args.runs)
        short = "uranium export"
        compared: list[tuple[str, tuple[float, float]]] = []
        for text, name in ((short, f"search {short!r}"), (query, "a 100-word query")):
            cached = functools.partial(cached_search, big, str(folder), stamps, text)
            rows.append((f"10,000 facts, index cached: {name}", timings(cached, args.runs)))
        for text, name in ((short, f"search {short!r}"), (query, "a 100-word query")):
            fresh = functools.partial(search, big, text, "en")
            compared.append(
                (f"10,000 facts, index built each call: {name}", timings(fresh, args.runs))
            )
    for label, (ms, cpu) in rows:
        met = "met" if ms < TARGET_MS else "NOT met"
        print(f"| {label} | {ms:.1f} | {cpu:.1f} | < {TARGET_MS:.0f}: {met} |")
    for label, (ms, cpu) in compared:
        print(f"| {label} | {ms:.1f} | {cpu:.1f} | (no cache: for comparison) |")
    print(
        "| 10,000 facts, first call (builds and stores the index): a 100-word query "
        f"| {first:.1f} | | (once per version of the files) |"
    )
    print("\n| close-word lookup | median ms |\n|---|---:|")
    for label, ms in fuzzy_table(0, args.runs):
        print(f"| {label} | {ms:.1f} |")


if __name__ == "__main__":
    main()
