"""Every display string lives in the i18n tables, and the domain layers hold none."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from cis_facts.i18n import EN, KK, TABLES, word

PACKAGE = Path(__file__).parents[1] / "cis_facts"


def test_every_english_key_has_its_kazakh_text() -> None:
    assert sorted(set(EN) - set(KK)) == []


def test_kazakh_table_adds_only_units_and_messages() -> None:
    """Units English shows as the data writes them, and messages English words in the
    error itself; Kazakh translates both."""
    extra = set(KK) - set(EN)
    assert sorted(k for k in extra if not k.startswith(("unit.", "error."))) == []


def test_kazakh_and_russian_word_the_same_messages() -> None:
    from cis_facts.i18n import TABLES

    messages = {lang: {k for k in TABLES[lang] if k.startswith("error.")} for lang in ("kk", "ru")}
    assert messages["kk"] == messages["ru"]


def test_templates_take_the_same_fields_in_every_language() -> None:
    fields = re.compile(r"\{(\w+)(?:![rsa])?(?::[^}]*)?\}")  # {name}, {name!r}, {name:,}
    for key, text in EN.items():
        for lang, table in TABLES.items():
            extra = set(fields.findall(table.get(key, text))) - set(fields.findall(text))
            # A language may leave a field out (Kazakh ordinals need no English suffix),
            # never ask for one English does not give.
            assert not extra - {"n"}, (lang, key, extra)


def test_kazakh_interface_words_of_the_review() -> None:
    assert (word("note", "kk"), word("label", "kk"), word("mineral", "kk")) == (
        "Ескертпе",
        "Оқиға",
        "Пайдалы қазба",
    )
    assert word("standing.rank", "kk", n=1, ordinal="1st") == "1-орын"
    assert word("status.uncertain", "kk") == "анық емес"
    assert word("title.chart", "kk", first=1991, last=2009) == (
        "ТМД-ға мүшелік кестесі, 1991–2009 жж."
    )


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize("path", sorted((PACKAGE / "query").glob("*.py")), ids=lambda p: p.name)
def test_queries_hold_no_display_words(path: Path) -> None:
    imported = _imports(path)
    assert not {"cis_facts.i18n", "rich", "click"} & imported
    assert not any(name.startswith(("cis_facts.render", "rich.")) for name in imported)


@pytest.mark.parametrize("path", sorted((PACKAGE / "query").glob("*.py")), ids=lambda p: p.name)
def test_queries_take_no_language(path: Path) -> None:
    """Language enters at the presentation layer: no query function takes one."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    taking = [
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        for arg in (*node.args.args, *node.args.kwonlyargs)
        if arg.arg == "lang"
        or (arg.annotation is not None and "Lang" in ast.unparse(arg.annotation))
    ]
    assert taking == []


def _not_found_raises() -> list[tuple[str, int, str | None]]:
    """Each ``NotFoundError(...)`` the package raises: file, line and its i18n key."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id != "NotFoundError":
                continue
            key = next((k.value for k in node.keywords if k.arg == "key"), None)
            text = ast.unparse(key) if key is not None else None
            found.append((path.name, node.lineno, text))
    return found


def test_every_not_found_error_is_said_in_every_language() -> None:
    raises = _not_found_raises()
    assert len(raises) >= 16
    assert [(name, line) for name, line, key in raises if key is None] == []
    for name, line, key in raises:
        assert key is not None
        if key.startswith("'"):  # a literal key: its message in Kazakh and Russian
            message = f"error.{ast.literal_eval(key)}"
            assert message in KK and message in TABLES["ru"], (name, line, message)


@pytest.mark.parametrize("flow", ["export", "import"])
@pytest.mark.parametrize("kind", ["figures", "statements"])
def test_keys_made_of_a_name_are_said_in_every_language(flow: str, kind: str) -> None:
    for message in (
        f"error.no_partners.{flow}",
        f"error.no_partner.{flow}",
        f"error.no_items.{kind}",
    ):
        assert message in KK and message in TABLES["ru"]
