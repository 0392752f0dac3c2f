"""Every import inside a function says why it is there (the dependency stays visible).

An import at the top of a module is the rule. One inside a function is kept where it
defers a cost a benchmark shows (Rich, the query and render layers, OpenSSL, an optional
extra): the import carries a comment on its own line or the line above, or its module has
a ``# Imported where used:`` comment near the top that says why for all of them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import cis_facts

PACKAGE = Path(cis_facts.__file__).parent
POLICY = "# Imported where used:"


def _function_imports(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[int] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found.extend(
                sub.lineno for sub in ast.walk(node) if isinstance(sub, ast.Import | ast.ImportFrom)
            )
    return sorted(set(found))


def unexplained(path: Path, root: Path = PACKAGE.parent) -> list[str]:
    """``FILE:LINE: import`` for each in-function import in ``path`` without a reason."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if any(line.startswith(POLICY) for line in lines):
        return []
    return [
        f"{path.relative_to(root)}:{n}: {lines[n - 1].strip()}"
        for n in _function_imports(path)
        if "#" not in lines[n - 1] and not lines[n - 2].strip().startswith("#")
    ]


def test_every_import_inside_a_function_says_why() -> None:
    missing = [line for path in sorted(PACKAGE.rglob("*.py")) for line in unexplained(path)]
    assert missing == []


def test_an_import_without_a_reason_is_found_and_one_with_a_reason_is_not(
    tmp_path: Path,
) -> None:
    bare = tmp_path / "bare.py"
    bare.write_text("def f() -> None:\n    x = 1\n    import json\n", encoding="utf-8")
    said = tmp_path / "said.py"
    said.write_text("def f() -> None:\n    import json  # only f needs it\n", encoding="utf-8")
    above = tmp_path / "above.py"
    above.write_text("def f() -> None:\n    # only f needs it\n    import json\n")
    policy = tmp_path / "policy.py"
    policy.write_text(f"{POLICY} json, for f alone.\ndef f() -> None:\n    import json\n")
    assert unexplained(bare, tmp_path) == ["bare.py:3: import json"]
    assert [unexplained(p, tmp_path) for p in (said, above, policy)] == [[], [], []]
