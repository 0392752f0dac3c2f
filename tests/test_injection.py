"""Citation styles and Markdown cannot be injected: what the data says stays text.

Each style is checked with the client that reads it: BibTeX with pybtex, Markdown with
markdown-it-py (GFM-like, linkify on, as GitHub autolinks), JSON with ``json.loads``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import RunCli
from tomlwrite import toml_string

SCRIPT = str(Path(sys.executable).with_name("cis-facts"))


def _user_file(tmp_path: Path, title: str, citation: str, label: str = "A plain label") -> Path:
    path = tmp_path / "hostile.toml"
    path.write_text(
        f"""
[[sources]]
id = "evil-src"
title = {toml_string(title)}
language = "en"
kind = "document"
citation = {toml_string(citation)}

[[figures]]
id = "evil-fig"
label_en = {toml_string(label)}
label_kk = "Белгі"
source = "evil-src"
quote = "q"
topic = "evil-topic"
measure = "amount"
value = 7
unit = "%"
date = "2004"
""",
        encoding="utf-8",
    )
    return path


def run(run_cli: RunCli, *args: str) -> str:
    result = run_cli(*args)
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return result.stdout


# ---------------------------------------------------------------- BibTeX (findings 8, 25)


def _bib(run_cli: RunCli, tmp_path: Path, title: str, citation: str) -> object:
    from pybtex.database import parse_string

    data = _user_file(tmp_path, title, citation)
    out = run(run_cli, "--data", str(data), "cite", "evil-fig", "--style", "bibtex")
    return parse_string(out, "bibtex").entries["evil-src"]


def test_a_closing_brace_cannot_add_a_bibtex_field(run_cli: RunCli, tmp_path: Path) -> None:
    entry = _bib(run_cli, tmp_path, "T", 'Real citation}, author = "Mallory, Eve", year = "1066"')
    assert "author" not in entry.persons  # type: ignore[attr-defined]
    assert "year" not in entry.fields  # type: ignore[attr-defined]
    assert "Mallory" in entry.fields["note"]  # type: ignore[attr-defined]


@pytest.mark.parametrize("title", ["a } b", "a { b", "}}}{", "\\", "a\\}"])
def test_unbalanced_braces_keep_the_bibtex_parseable(
    run_cli: RunCli, tmp_path: Path, title: str
) -> None:
    entry = _bib(run_cli, tmp_path, title, "c")
    assert entry.fields["language"] == "en"  # type: ignore[attr-defined]
    assert entry.fields["note"] == "c"  # type: ignore[attr-defined]


def test_bibtex_escapes_are_the_latex_text_commands(run_cli: RunCli, tmp_path: Path) -> None:
    data = _user_file(tmp_path, "$\\input{x}$ ~ ^ { } 50% & #1 _a", "c")
    out = run(run_cli, "--data", str(data), "cite", "evil-fig", "--style", "bibtex")
    assert (
        "  title = {\\$\\textbackslash{}input\\textbraceleft{}x\\textbraceright{}\\$ "
        "\\textasciitilde{} \\textasciicircum{} \\textbraceleft{} \\textbraceright{} "
        "50\\% \\& \\#1 \\_a},"
    ) in out


# ---------------------------------------------------------------- wikitext (finding 9)


def test_wikitext_in_the_data_is_neutralised(run_cli: RunCli, tmp_path: Path) -> None:
    hostile = "[[Category:Pwned]] ~~~~ '''b''' [http://evil.example click] __NOTOC__"
    data = _user_file(tmp_path, hostile, "c", label=hostile)
    out = run(run_cli, "--data", str(data), "cite", "evil-fig", "--style", "wikipedia")
    for markup in ("[[", "[http", "~~~", "''", "__", "http://"):
        assert markup not in out, markup
    assert out.startswith("&#91;&#91;Category:Pwned&#93;&#93; &#126;&#126;&#126;&#126; ")


@pytest.mark.parametrize("start", ["*", "#", ":", ";", "=", "-", "{|"])
def test_a_sentence_cannot_start_a_wikitext_list_or_heading(
    run_cli: RunCli, tmp_path: Path, start: str
) -> None:
    data = _user_file(tmp_path, "T", "c", label=start + "x label")
    out = run(run_cli, "--data", str(data), "cite", "evil-fig", "--style", "wikipedia")
    assert out.startswith("&#"), out


def test_wikipedia_style_keeps_plain_text_as_it_is(run_cli: RunCli) -> None:
    out = run(run_cli, "cite", "rank-zinc", "--style", "wikipedia")
    assert out.startswith("Kazakhstan ranks 1st in the world for zinc.<ref name=")


# ---------------------------------------------------------------- Markdown autolinks (22)


def _links(markdown: str) -> list[str]:
    from markdown_it import MarkdownIt

    md = MarkdownIt("gfm-like", {"linkify": True})
    html = md.render(markdown)
    return [part.split('"')[0] for part in html.split('href="')[1:]]


@pytest.mark.parametrize(
    "label",
    [
        "Log in at http://evil.example/login now",
        "Log in at www.evil.example now",
        "Write to mallory@evil.example now",
        "See HTTPS://EVIL.EXAMPLE now",
        "See <http://evil.example> now",
    ],
)
def test_markdown_output_has_no_live_links(run_cli: RunCli, tmp_path: Path, label: str) -> None:
    data = _user_file(tmp_path, "T " + label, "c", label=label)
    figures = run(run_cli, "--data", str(data), "figures", "evil-topic", "--format", "markdown")
    cited = run(run_cli, "--data", str(data), "cite", "evil-fig", "--style", "markdown")
    assert _links(figures) == []
    assert [link for link in _links(cited) if not link.startswith("#")] == []
    assert "evil" in figures and "evil" in cited


# ---------------------------------------------------------------- CSL-JSON (finding 10)


@pytest.mark.parametrize(
    "environ",
    [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}],
)
def test_csl_json_parses_under_an_ascii_stream(environ: dict[str, str]) -> None:
    import os

    env = {**os.environ, **environ}
    env.pop("CIS_FACTS_DATA", None)
    done = subprocess.run(
        [SCRIPT, "cite", "almaty-protocol", "--style", "csl-json"],
        capture_output=True,
        env=env,
        check=True,
    )
    items = json.loads(done.stdout.decode("ascii"))
    assert items[0]["title"] == (
        "Тәуелсіз Мемлекеттер Достастығы (ТМД) [Commonwealth of Independent States (CIS)]"
    )
