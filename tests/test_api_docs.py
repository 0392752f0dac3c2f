"""docs/api.md: every example in it runs, and prints what the page shows."""

from __future__ import annotations

import doctest
from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "api.md"


def test_api_doc_examples_run_as_shown() -> None:
    result = doctest.testfile(
        str(DOC),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        verbose=False,
        report=True,
    )
    assert result.attempted > 20
    assert result.failed == 0


def test_readme_python_examples_run_as_shown() -> None:
    readme = (DOC.parents[1] / "README.md").read_text(encoding="utf-8")
    blocks = [part.split("```")[0] for part in readme.split("```pycon\n")[1:]]
    assert blocks
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for number, block in enumerate(blocks):
        test = parser.get_doctest(block, {}, f"README pycon block {number + 1}", "README.md", 0)
        runner.run(test)
    assert runner.failures == 0
