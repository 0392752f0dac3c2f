"""The share of the question set (``tests/test_search_questions.py``) answered right first.

Prints, per language and in all, how many questions put their expected fact first, and
each question that does not, with what came first instead:

    .venv/bin/python benchmarks/questions.py
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from cis_facts.errors import FactsError
from cis_facts.loader import load
from cis_facts.query.search import search

ROOT = Path(__file__).resolve().parent.parent


def question_set() -> ModuleType:
    path = ROOT / "tests" / "test_search_questions.py"
    spec = importlib.util.spec_from_file_location("question_set", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def first_hit(base: object, question: str) -> str:
    try:
        return str(search(base, question, "en").records[0]["id"])  # type: ignore[arg-type]
    except FactsError as error:
        return f"({type(error).__name__})"


def main() -> int:
    questions = question_set()
    base = load()
    right_total, count_total = 0, 0
    for name in ("ENGLISH", "KAZAKH", "RUSSIAN"):
        items: list[tuple[str, str]] = getattr(questions, name)
        wrong = [(q, f, got) for q, f in items if (got := first_hit(base, q)) != f]
        right = len(items) - len(wrong)
        right_total += right
        count_total += len(items)
        print(f"{name.lower():8} {right:3}/{len(items):3} right first ({right / len(items):.0%})")
        for question, expected, got in wrong:
            print(f"    {question!r}: expected {expected}, first {got}")
    share = right_total / count_total
    print(f"all      {right_total:3}/{count_total:3} right first ({share:.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
