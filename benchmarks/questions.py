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
from cis_facts.model import FactBase
from cis_facts.query.search import search

ROOT = Path(__file__).resolve().parent.parent


def question_set() -> ModuleType:
    path = ROOT / "tests" / "test_search_questions.py"
    spec = importlib.util.spec_from_file_location("question_set", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def first_hits(base: FactBase, question: str) -> list[str]:
    """The ids ranked first: scores within 0.5 % of the best are a tie, as in the tests."""
    try:
        records = search(base, question, "en").records
    except FactsError as error:
        return [f"({type(error).__name__})"]
    best = records[0]["score"]
    return [str(r["id"]) for r in records if r["score"] >= best * 0.995]


def main() -> int:
    questions = question_set()
    base = load()
    right_total, count_total = 0, 0
    for name in ("ENGLISH", "KAZAKH", "RUSSIAN"):
        items: list[tuple[str, str]] = getattr(questions, name)
        wrong = [(q, f, got[0]) for q, f in items if f not in (got := first_hits(base, q))]
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
