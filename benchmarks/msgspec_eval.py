"""Would msgspec pay as a fast validation path? Run with the benchmark venv's python:

    benchmarks/.venv/bin/python benchmarks/msgspec_eval.py [--sizes 10000,100000]

(``bench.py`` creates that venv; ``pip install msgspec`` there.) msgspec is never a
dependency of cis-facts; this script measures, in one process, medians of 5 runs:

- today's path: TOML parse, then every record checked field by field (``loader._build``);
- the msgspec path: the same TOML parse, then one ``msgspec.convert`` of each table into
  typed structs carrying the schema's constraints (required fields, types, enums as
  ``Literal``, non-empty text, id patterns, ranges), then the checks msgspec cannot
  express (dates, control characters, cross-field rules) and building the records;
- the import cost of msgspec itself, which every call would pay.
"""

from __future__ import annotations

import argparse
import functools
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from subprocess import run
from typing import Annotated, Any, Literal

import msgspec
import tomli

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import generate

from cis_facts import loader, model
from cis_facts.frozen import from_rows
from cis_facts.schema import CHECKS, TABLES, is_kebab_id

Text = Annotated[str, msgspec.Meta(min_length=1, max_length=10_000)]
Id = Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Code = Annotated[str, msgspec.Meta(pattern=r"^[A-Z]{2}$")]
Measure = Literal["share", "growth", "change", "multiple", "amount", "count", "rank"]


class FigureIn(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    id: Id
    label_en: Text
    label_kk: Text
    source: Id
    quote: Text
    topic: Id
    measure: Measure
    value: float
    unit: Text
    note: Text | None = None
    label_ru: Text | None = None
    note_kk: Text | None = None
    note_ru: Text | None = None
    note_source: Id | None = None
    period_en: Text | None = None
    period_kk: Text | None = None
    period_ru: Text | None = None
    date: str | None = None
    country: Code | None = None
    approximate: bool = False


def median_ms(run: Callable[[], Any], times: int = 5) -> float:
    spent = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        spent.append((time.perf_counter() - start) * 1000)
    return statistics.median(spent)


def msgspec_path(raw: dict[str, Any], origin: str) -> tuple[Any, ...]:
    """One C call validates types and constraints; Python finishes what it cannot."""
    figures = msgspec.convert(raw["figures"], list[FigureIn])
    text, when = CHECKS["text"], CHECKS["when"]
    names = model.Figure._fields
    rows = []
    for f in figures:
        values = msgspec.structs.asdict(f)
        for key in ("label_en", "label_kk", "quote", "unit"):
            if text(values[key])[1] is not None:
                raise ValueError(key)
        if values["date"] is not None:
            values["date"] = when(values["date"])[0]
        values["origin"] = origin
        rows.append(tuple(values.get(n) for n in names))
    return from_rows(model.Figure, rows)


def today_path(raw: dict[str, Any], origin: str) -> Any:
    built, _, problems = loader._build([(origin, raw)])
    assert not problems, problems[:3]
    return tuple(built["figures"])


def import_cost() -> float:
    code = "import time; t = time.perf_counter(); import msgspec; print(time.perf_counter() - t)"
    runs = [
        float(run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(11)
    ]
    return statistics.median(runs) * 1000


def main() -> None:
    gc.set_threshold(200_000, 30, 30)  # as the command line sets it
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000")
    args = parser.parse_args()
    assert set(TABLES["figures"][1]) <= set(FigureIn.__struct_fields__), "schema moved on"
    assert is_kebab_id("gen-1")
    print(f"msgspec {msgspec.__version__}: import {import_cost():.1f} ms (median of 11)\n")
    print("| facts | TOML parse ms | today's checks ms | msgspec path ms | gain ms |")
    print("|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            path = Path(tmp) / f"gen-{size}.toml"
            generate(path, size)
            text, name = path.read_text(encoding="utf-8"), str(path)
            parse = median_ms(functools.partial(tomli.loads, text), 3)
            raw = tomli.loads(text)
            raw.pop("sources")
            ours = median_ms(functools.partial(today_path, raw, name))
            fast = median_ms(functools.partial(msgspec_path, raw, name))
            assert msgspec_path(raw, name) == today_path(raw, name)
            print(f"| {size:,} | {parse:.0f} | {ours:.0f} | {fast:.0f} | {ours - fast:.0f} |")


if __name__ == "__main__":
    main()
