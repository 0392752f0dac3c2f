"""Does ``Frozen`` still pay for itself? Run after ``bench.py`` has made its venv:

    .venv/bin/python benchmarks/frozen_vs_dataclasses.py [--runs 41]

Copies the installed package twice into a temporary folder, makes every record class a
real ``@dataclass(frozen=True)`` in the second copy (``Frozen`` reduced to a base that
applies the decorator), and times ``members --format json`` from both copies and the
``import click`` floor in turns, medians of whole processes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import BENCH_VENV
from timing import Case, interleaved, load

DATACLASS_FROZEN = """
import dataclasses, operator
FrozenInstanceError = dataclasses.FrozenInstanceError

class Frozen:
    _fields = ()
    def __init_subclass__(cls, kw_only=False, **kwargs):
        super().__init_subclass__(**kwargs)
        for name in cls.__dict__.get("__annotations__", {}):
            value = cls.__dict__.get(name, dataclasses.MISSING)
            if value is not dataclasses.MISSING and type(value).__hash__ is None:
                # read-only mapping defaults, which dataclasses refuse as they stand
                setattr(cls, name, dataclasses.field(default_factory=lambda v=value: v))
        dataclasses.dataclass(frozen=True, kw_only=kw_only)(cls)
        cls._fields = tuple(f.name for f in dataclasses.fields(cls))
    def replace(self, **changes):
        return dataclasses.replace(self, **changes)

def field_names(record):
    return record._fields

def field_types(record):
    return {f.name: str(f.type) for f in dataclasses.fields(record)}

def from_rows(cls, rows):
    out = []
    for row in rows:
        record = object.__new__(cls)
        record.__dict__.update(zip(cls._fields, row, strict=True))
        out.append(record)
    return tuple(out)

def record_values(names):
    pick = operator.itemgetter(*names)
    if len(names) == 1:
        return lambda record: (pick(vars(record)),)
    return lambda record: pick(vars(record))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=41)
    args = parser.parse_args()
    python = BENCH_VENV / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)  # ``python -c`` puts the working directory first on sys.path
        copies = {}
        for name in ("frozen", "dataclasses"):
            folder = Path(tmp) / name
            shutil.copytree(Path(site) / "cis_facts", folder / "cis_facts")
            copies[name] = folder
        (copies["dataclasses"] / "cis_facts" / "frozen.py").write_text(DATACLASS_FROZEN)
        for folder in copies.values():
            for cached in folder.rglob("__pycache__"):
                shutil.rmtree(cached)
            subprocess.run([str(python), "-m", "compileall", "-q", str(folder)], check=True)
        code = "import sys; from cis_facts.cli import main; sys.argv[0] = 'cis-facts'; main()"
        which = "import cis_facts.frozen as f, dataclasses; print(f.__file__)"
        for name, folder in copies.items():
            shown = subprocess.run(
                [str(python), "-c", which],
                env={"PYTHONPATH": str(folder)},
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            assert shown.startswith(str(folder)), (name, shown)
        base_env = {"NO_COLOR": "1", "PATH": "/usr/bin:/bin", "HOME": tmp}

        def env(folder: Path) -> dict[str, str]:
            return {**base_env, "PYTHONPATH": str(folder)}

        cases: list[Case] = [
            (
                "floor: python -c 'import click'",
                [str(python), "-c", "import click"],
                lambda: env(copies["frozen"]),
            ),
        ]
        for name, folder in copies.items():
            argv = [str(python), "-c", code, "members", "--format", "json"]
            cases.append((f"members --format json, {name}", argv, lambda f=folder: env(f)))
        print(f"load average {load()}; median of {args.runs} interleaved runs\n")
        print("| command | median ms | × floor |\n|---|---:|---:|")
        results = interleaved(cases, args.runs)
        for timed in results:
            print(
                f"| {timed.label} | {timed.median:.1f} | {timed.median / results[0].median:.2f}× |"
            )
        print(f"\nload average after: {load()}")


if __name__ == "__main__":
    main()
