"""``cis-facts bibliography``: the keys of Markdown and LaTeX drafts, and what Pandoc makes
of the bibliography it prints (the real pandoc, as ``.ci/run`` installs it)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import RunCli

from cis_facts import __version__
from cis_facts.drafts import bibliography_keys, latex_keys, markdown_keys

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
PANDOC = shutil.which("pandoc")
needs_pandoc = pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed (.ci/run does)")

DRAFT = "Uranium [@rank-uranium] and zinc [see @rank-zinc, para. 1].\n\n# References\n"


def test_markdown_keys_as_pandoc_reads_them() -> None:
    text = (
        "One [@rank-uranium]; two [@a; @b, p. 3], [-@c] and in-text @rank-zinc.\n"
        "Mail me@example.org, `@in-code` and @{braced.key}.\n"
        "```\n@in-a-block\n```\n"
        "End @last."
    )
    found = [(k.key, k.line) for k in markdown_keys(text, "d.md")]
    assert found == [
        ("rank-uranium", 1),
        ("a", 1),
        ("b", 1),
        ("c", 1),
        ("rank-zinc", 1),
        ("braced.key", 2),
        ("last", 6),
    ]


def test_latex_keys_of_every_cite_command() -> None:
    text = (
        "\\parencite[p.~3]{rank-zinc} \\cite{a, b} % \\cite{commented}\n"
        "\\textcite{rank-uranium} \\cites[1]{x}{y} \\nocite{*} \\autocite[see][12]{z}\n"
        "100\\% \\citep{after-escaped-percent}"
    )
    found = [(k.key, k.where) for k in latex_keys(text, "p.tex")]
    assert found == [
        ("rank-zinc", "p.tex:1"),
        ("a", "p.tex:1"),
        ("b", "p.tex:1"),
        ("rank-uranium", "p.tex:2"),
        ("x", "p.tex:2"),
        ("y", "p.tex:2"),
        ("z", "p.tex:2"),
        ("after-escaped-percent", "p.tex:3"),
    ]


def test_keys_of_ones_own_bibliography() -> None:
    assert bibliography_keys('[{"id": "smith2020"}, {"id": "doe"}]') == {"smith2020", "doe"}
    assert bibliography_keys("@book{smith2020,\n title={X}}\n@Article{ doe ,}") == {
        "smith2020",
        "doe",
    }


def test_one_entry_per_fact_keyed_by_its_id(run_cli: RunCli, tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT + "Again [@rank-uranium].\n", encoding="utf-8")
    result = run_cli("bibliography", draft)
    assert result.exit_code == 0, result.stderr
    items = json.loads(result.stdout)
    assert [i["id"] for i in items] == ["rank-uranium", "rank-zinc"]  # once each, in order
    assert items[0] == {
        "id": "rank-uranium",
        "type": "chapter",
        "title": "«ураннан шамамен 25 %-ын құрайды» [makes up about 25% of uranium]",
        "language": "kk",
        "version": f"cis-facts {__version__}",
        "author": [{"literal": "Author unknown"}],
        "genre": "undated, not before 18 August 2009",
        "container-title": (
            "Тәуелсіз Мемлекеттер Достастығы (ТМД) [Commonwealth of Independent States (CIS)]"
        ),
        "section": "¶ 1, sentence 63",
        "note": f"¶ 1, sentence 63; cis-facts {__version__}, rank-uranium",
    }


def test_a_document_source_keeps_its_container_and_date(run_cli: RunCli) -> None:
    result = run_cli("bibliography", "-", "--lang", "ru", input="[@turkmenistan-associate]\n")
    item = json.loads(result.stdout)[0]
    assert item["container-title"] == (
        "Заседание Совета глав государств СНГ (Казань, 26\u00a0августа 2005\u00a0г.)"
    )
    assert item["collection-title"] == "РИА Новости"
    assert item["issued"] == {"date-parts": [[2005, 8, 27]]}
    assert item["title"].startswith("«Туркменистан в пятницу на саммите СНГ")


def test_bibtex_entries_have_unique_stable_keys(run_cli: RunCli) -> None:
    text = "\\parencite{rank-zinc} \\textcite{rank-uranium} \\cite{rank-zinc}\n"
    result = run_cli("bibliography", "-", "--from", "latex", "--style", "bibtex", input=text)
    assert re.findall(r"^@(\w+)\{([^,]+),", result.stdout, re.MULTILINE) == [
        ("incollection", "rank-zinc"),
        ("incollection", "rank-uranium"),
    ]
    assert (
        "  title = {{«ураннан шамамен 25 \\%-ын құрайды» [makes up about 25\\% of uranium]}},\n"
        in (result.stdout)
    )


def test_keys_naming_no_fact_fail_with_one_line(run_cli: RunCli, tmp_path: Path) -> None:
    draft = tmp_path / "d.md"
    draft.write_text("Smith [@smith2020].\n\nUranium [@rank-uranum].\n", encoding="utf-8")
    result = run_cli("bibliography", draft)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"cis-facts: citation keys that name no fact: smith2020 ({draft}:1), "
        f"rank-uranum ({draft}:3); keys of a bibliography of your own go in "
        "--other-bibliography FILE (did you mean: rank-uranium, rank-chromium, "
        "rank-molybdenum?)\n"
    )
    ru = run_cli("bibliography", draft, "--lang", "ru")
    assert ru.stderr.startswith("cis-facts: ключи цитирования, не называющие ни одного факта:")
    assert len(ru.stderr.splitlines()) == 1


def test_keys_of_ones_own_bibliography_are_left_out(run_cli: RunCli, tmp_path: Path) -> None:
    draft = tmp_path / "d.md"
    draft.write_text("Smith [@smith2020] and [@rank-zinc].\n", encoding="utf-8")
    mine = tmp_path / "mine.bib"
    mine.write_text("@book{smith2020,\n  title = {A book},\n}\n", encoding="utf-8")
    result = run_cli("bibliography", draft, "--other-bibliography", mine)
    assert result.exit_code == 0, result.stderr
    assert [i["id"] for i in json.loads(result.stdout)] == ["rank-zinc"]


def test_a_draft_that_is_not_utf8_gets_one_line(run_cli: RunCli, tmp_path: Path) -> None:
    draft = tmp_path / "d.md"
    draft.write_bytes(b"\xff\xfe[@rank-zinc]")
    result = run_cli("bibliography", draft)
    assert (result.exit_code, result.stderr) == (1, f"cis-facts: {draft}: not UTF-8 text\n")


def _pandoc(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert PANDOC is not None
    return subprocess.run(
        [PANDOC, *args], cwd=folder, capture_output=True, text=True, check=True, timeout=60
    )


@needs_pandoc
@pytest.mark.parametrize(("style", "name"), [("csl-json", "refs.json"), ("bibtex", "refs.bib")])
def test_pandoc_finds_every_key(run_cli: RunCli, tmp_path: Path, style: str, name: str) -> None:
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    refs = run_cli("bibliography", tmp_path / "draft.md", "--style", style)
    (tmp_path / name).write_text(refs.stdout, encoding="utf-8")
    done = _pandoc(tmp_path, "draft.md", "--citeproc", "--bibliography", name, "-t", "plain")
    assert "not found" not in done.stderr and "WARNING" not in done.stderr
    flat = " ".join(done.stdout.split())
    assert "Uranium (Author unknown, n.d.b) and zinc (see Author unknown, n.d.a, para. 1)." in flat
    assert "«ураннан шамамен 25 %-ын құрайды» [makes up about 25% of uranium]" in flat
    assert "«Қазақстан мырыш, вольфрам және бариттен әлемде бірінші орын алады»" in flat
    assert flat.count("Тәуелсіз Мемлекеттер Достастығы (ТМД) [Commonwealth") == 2


@needs_pandoc
def test_the_readme_example_runs_through_pandoc(run_cli: RunCli, tmp_path: Path) -> None:
    section = README.split("### `bibliography`", 1)[1]
    draft = re.search(r"```markdown\n(.*?)```", section, re.DOTALL)
    shown = re.search(
        r"\$ cis-facts bibliography draft\.md > refs\.json\n"
        r"\$ pandoc draft\.md --citeproc --bibliography refs\.json -t plain\n(.*?)```",
        section,
        re.DOTALL,
    )
    assert draft is not None and shown is not None
    (tmp_path / "draft.md").write_text(draft.group(1), encoding="utf-8")
    refs = run_cli("bibliography", tmp_path / "draft.md")
    assert refs.exit_code == 0, refs.stderr
    (tmp_path / "refs.json").write_text(refs.stdout, encoding="utf-8")
    done = _pandoc(tmp_path, "draft.md", "--citeproc", "--bibliography", "refs.json", "-t", "plain")
    assert done.stderr == ""
    assert done.stdout == shown.group(1)


def test_unreadable_inputs_get_one_line_each(run_cli: RunCli, tmp_path: Path) -> None:
    folder = run_cli("bibliography", tmp_path)
    assert (folder.exit_code, folder.stderr) == (
        1,
        f"cis-facts: {tmp_path}: cannot read (Is a directory)\n",
    )
    draft = tmp_path / "d.md"
    draft.write_text("[@rank-zinc]\n", encoding="utf-8")
    broken = tmp_path / "mine.json"
    broken.write_text("{not json", encoding="utf-8")
    result = run_cli("bibliography", draft, "--other-bibliography", broken)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"cis-facts: {broken}: not a CSL-JSON or BibTeX bibliography\n"
    ru = run_cli("bibliography", draft, "--other-bibliography", broken, "--lang", "ru")
    assert ru.stderr == f"cis-facts: {broken}: не библиография CSL-JSON или BibTeX\n"


def test_a_draft_citing_no_fact_gives_an_empty_bibliography(run_cli: RunCli) -> None:
    assert run_cli("bibliography", "-", input="No citations here.\n").stdout == "[]\n"
    bib = run_cli("bibliography", "-", "--style", "bibtex", input="None.\n")
    assert (bib.exit_code, bib.stdout) == (0, "")


def test_the_readme_entry_and_error_are_as_printed(run_cli: RunCli, tmp_path: Path) -> None:
    section = README.split("### `bibliography`", 1)[1]
    draft = re.search(r"```markdown\n(.*?)```", section, re.DOTALL)
    entry = re.search(r"\| jq '\.\[0\]'\n(.*?)```", section, re.DOTALL)
    held = re.search(r'With `d2\.md` holding\n"(.*?)":', section, re.DOTALL)
    error = re.search(r"\$ cis-facts bibliography d2\.md\n(.*?)```", section, re.DOTALL)
    assert draft and entry and held and error
    (tmp_path / "draft.md").write_text(draft.group(1), encoding="utf-8")
    (tmp_path / "d2.md").write_text(held.group(1) + "\n", encoding="utf-8")
    items = json.loads(run_cli("bibliography", tmp_path / "draft.md").stdout)
    assert items[0] == json.loads(entry.group(1))
    failed = run_cli("bibliography", tmp_path / "d2.md")
    assert failed.stderr.replace(str(tmp_path / "d2.md"), "d2.md") == error.group(1)


def test_the_bibtex_reads_back_with_pybtex(run_cli: RunCli) -> None:
    from pybtex.database import parse_string

    draft = "[@rank-zinc] [@turkmenistan-associate] [@georgia-withdrawal]\n"
    out = run_cli("bibliography", "-", "--style", "bibtex", input=draft).stdout
    entries = parse_string(out, "bibtex").entries
    assert list(entries) == ["rank-zinc", "turkmenistan-associate", "georgia-withdrawal"]
    assert entries["turkmenistan-associate"].fields["series"] == "{РИА Новости}"  # case kept
    assert entries["turkmenistan-associate"].fields["year"] == "2005"
    assert (
        entries["rank-zinc"].fields["note"]
        == f"¶ 1, sentence 62; cis-facts {__version__}, rank-zinc"
    )
