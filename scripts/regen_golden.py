"""Regenerate the Rich golden files in tests/golden/ from the current output.

Run it after a deliberate change to the terminal output, then review the diff:

    .venv/bin/python scripts/regen_golden.py

The cases (command line and width) are those of tests/test_golden.py, so the test and
this script cannot disagree on what a golden file holds. Files no case produces are
removed.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests" / "test_golden.py"


def golden_module() -> ModuleType:
    sys.path.insert(0, str(TESTS.parent))  # the test module's own helpers live beside it
    spec = importlib.util.spec_from_file_location("test_golden", TESTS)
    if spec is None or spec.loader is None:
        raise SystemExit(f"regen_golden: cannot load {TESTS}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


def main() -> int:
    golden = golden_module()
    # The tests' own terminal: none of the developer's settings (pager, colours, extra data).
    from conftest import USER_SETTINGS

    for name in USER_SETTINGS:
        os.environ.pop(name, None)
    os.environ["LANG"] = "C.UTF-8"
    golden.GOLDEN.mkdir(exist_ok=True)
    changed = 0
    for case in golden.CASES:
        text = golden.render(case)
        path: Path = case.path
        old = path.read_text(encoding="utf-8") if path.is_file() else None
        if text != old:
            path.write_text(text, encoding="utf-8", newline="\n")
            print(f"{'updated' if old is not None else 'created'} {path.relative_to(ROOT)}")
            changed += 1
    known = {case.path for case in golden.CASES}
    for stray in sorted(golden.GOLDEN.glob("*.txt")):
        if stray not in known:
            stray.unlink()
            print(f"removed {stray.relative_to(ROOT)}")
            changed += 1
    print(f"{len(golden.CASES)} golden files, {changed} changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
