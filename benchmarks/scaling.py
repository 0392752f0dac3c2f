"""Scaling benchmark: the queries and outputs that must stay linear, at 1k/10k/100k records.

    .venv/bin/python benchmarks/scaling.py [--runs 5] [--sizes 1000,10000,100000]

For each size it writes generated fact files, loads each once, and times in-process
(median of ``--runs``): ``trade totals`` (each total checked against its parts),
``members --chart`` (every state's status year by year), a search that finds nothing
and so computes suggestions, and the table output of a figures answer (terminal
renderer, at most ``output.TABLE_ROWS`` rows drawn). It also loads a file of that many
empty records and reports the problem lines printed and the peak memory of that load.
Run by hand, never by the test suite (shared machines are too noisy for timed
assertions). Each time also doubles as a check: 10x the records should cost about 10x.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SOURCE = '[[sources]]\nid = "sc-src"\ntitle = "Scaling"\nlanguage = "en"\n\n'
COUNTRIES = 50
WORDS = ("uranium", "zinc", "copper", "oil", "gas", "export", "import", "trade", "share")


def _code(i: int) -> str:
    return "QXZ"[i // 26] + chr(65 + i % 26)  # no packaged code starts so


def _countries() -> str:
    return "".join(
        f'[[countries]]\ncode = "{_code(i)}"\n'
        f'name_en = "Scaleland {i}"\nname_kk = "Скейленд {i}"\nname_ru = "Скейленд {i}"\n'
        f'source = "sc-src"\nquote = "Scaleland {i}"\n\n'
        for i in range(COUNTRIES)
    )


def _day(i: int) -> str:
    """Dates that spread over more years as the records grow (15 events a year)."""
    return f"{1900 + i // 15}-{i % 12 + 1:02d}-01"


def trade_file(count: int) -> str:
    parts = [SOURCE]
    combos = [(p, f) for p in ("cis", "other", "all") for f in ("turnover", "exports", "imports")]
    for i in range(count):
        partners, flow = combos[i % 9]
        date = f"{1900 + (i // 9) // 336}-{(i // 9) % 336 // 28 + 1:02d}-{(i // 9) % 28 + 1:02d}"
        parts.append(
            f'[[trade_totals]]\nid = "sc-total-{i}"\nlabel_en = "Total {i}"\n'
            f'label_kk = "Жиыны {i}"\nsource = "sc-src"\nquote = "total {i}"\n'
            f'partners = "{partners}"\nflow = "{flow}"\nvalue = {i % 997}.5\n'
            f'unit = "USD million"\ndate = {date}\n\n'
        )
    return "".join(parts)


def events_file(count: int) -> str:
    rng = random.Random(7)
    parts = [SOURCE, _countries()]
    for i in range(count):
        code = _code(i % COUNTRIES)
        status = rng.choice(("member", "associate", "member", "left"))
        parts.append(
            f'[[events]]\nid = "sc-event-{i}"\nlabel_en = "Event {i}"\nlabel_kk = "Оқиға {i}"\n'
            f'source = "sc-src"\nquote = "event {i}"\ndate = {_day(i)}\nkind = "decision"\n'
            f'participants = ["{code}"]\nstatus = "{status}"\n\n'
        )
    return "".join(parts)


def figures_file(count: int) -> str:
    rng = random.Random(7)
    parts = [SOURCE]
    for i in range(count):
        words = " ".join(rng.choice(WORDS) for _ in range(6))
        parts.append(
            f'[[figures]]\nid = "sc-figure-{i}"\nlabel_en = "Figure {i}: {words}"\n'
            f'label_kk = "Көрсеткіш {i}"\nsource = "sc-src"\nquote = "{words}"\n'
            f'topic = "scaling"\nmeasure = "amount"\nvalue = {i}\nunit = "t"\n\n'
        )
    return "".join(parts)


def median_ms(run: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _render_table(answer: Any) -> None:
    from cis_facts import output
    from cis_facts.render import terminal

    if hasattr(output, "table_answer"):  # absent before long tables were capped
        answer = output.table_answer(answer)[0]
    console = terminal.make_console(io.StringIO(), "never", width=100)
    terminal.render(answer, console)


def measure(count: int, runs: int, folder: Path) -> dict[str, float]:
    from cis_facts.errors import NotFoundError
    from cis_facts.loader import load
    from cis_facts.query import figures, members, search, trade

    out: dict[str, float] = {}
    paths = {}
    for name, make in (("trade", trade_file), ("events", events_file), ("figures", figures_file)):
        paths[name] = folder / f"{name}-{count}.toml"
        paths[name].write_text(make(count), encoding="utf-8")
    base = load([paths["trade"]])
    out["trade totals"] = median_ms(lambda: trade.totals(base, "en"), runs)
    base = load([paths["events"]])
    out["members --chart"] = median_ms(lambda: members.membership_chart(base, "en"), runs)
    base = load([paths["figures"]])

    def not_found() -> None:
        with contextlib.suppress(NotFoundError):
            search.search(base, "uranum zync coper", "en")

    out["search suggestions"] = median_ms(not_found, runs)
    answer = figures.figures(base, "en", "scaling")
    out["figures table"] = median_ms(lambda: _render_table(answer), runs)
    out.update(_empty_records(count, folder))
    return out


def _empty_records(count: int, folder: Path) -> dict[str, float]:
    """Problem lines printed and peak memory (MiB) loading ``count`` empty records."""
    path = folder / f"empty-{count}.toml"
    path.write_text("[[figures]]\n" * count, encoding="utf-8")
    code = (
        "import resource, sys\n"
        "from cis_facts.cli import main\n"
        f"sys.argv = ['cis-facts', '--data', {str(path)!r}, 'check']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stdout)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    return {
        "empty records: lines": float(proc.stderr.count("\n")),
        "empty records: peak MiB": int(proc.stdout.split()[-1]) / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    import gc

    gc.set_threshold(200_000, 30, 30)  # as cis_facts.cli.main does
    sizes = [int(s) for s in args.sizes.split(",")]
    print(
        f"# {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, medians of {args.runs} runs"
    )
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            results[size] = measure(size, args.runs, Path(folder))
            print(f"{size}: {results[size]}", file=sys.stderr)
    names = list(results[sizes[0]])
    print("| measure | " + " | ".join(f"{s:,} records" for s in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
    for name in names:
        cells = [f"{results[s][name]:,.1f}" for s in sizes]
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
