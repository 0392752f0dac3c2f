"""Citations of many facts at once, their locators, keys and footnote labels."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import RunCli

from cis_facts import __version__


def run(run_cli: RunCli, *args: str, stdin: str | None = None) -> str:
    result = run_cli(*args, input=stdin)
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return result.stdout


def test_two_ids_give_two_citations_each_fact_once(run_cli: RunCli) -> None:
    out = run(run_cli, "cite", "rank-zinc", "georgia-withdrawal", "rank-zinc")
    *blocks, sources = out.rstrip("\n").split("\n\n")
    assert [b.splitlines()[0] for b in blocks] == [
        "Kazakhstan ranks 1st in the world for zinc.",
        "Georgia left the CIS on 18 August 2009.",
    ]
    assert blocks[0] == run(run_cli, "cite", "rank-zinc").split("\n\n")[0]
    assert sources.splitlines()[1:] == [
        (
            "Author unknown. Тәуелсіз Мемлекеттер Достастығы (ТМД) [Commonwealth of Independent "
            "States (CIS)]. n.d. (not before 18 August 2009)."
        ),
        (
            "BelTA. БелТА, 19\u00a0августа 2008\u00a0г.: уведомление Грузии Исполнительному "
            "комитету СНГ (публикация Горецкого районного исполнительного комитета, "
            "gorki.gov.by) [BelTA, 19 August 2008: Georgia's notification of the CIS Executive "
            "Committee (as published by the Gorki district executive committee, "
            "gorki.gov.by)]. gorki.gov.by. 19 August 2008."
        ),
    ]


def test_ids_from_stdin_one_a_line(run_cli: RunCli) -> None:
    ids = "rank-zinc\n\n  georgia-withdrawal  \n"
    assert run(run_cli, "cite", "-", stdin=ids) == run(
        run_cli, "cite", "rank-zinc", "georgia-withdrawal"
    )


def test_no_ids_on_stdin_is_a_usage_error(run_cli: RunCli) -> None:
    result = run_cli("cite", "-", input="\n")
    assert result.exit_code == 2
    assert "no fact ids" in result.stderr


def test_an_unknown_id_among_many_exits_1_naming_it(run_cli: RunCli) -> None:
    result = run_cli("cite", "rank-zinc", "rank-zink")
    assert result.exit_code == 1
    assert "rank-zink" in result.stderr and result.stdout == ""


def test_json_has_one_record_per_fact_with_its_locator_and_version(run_cli: RunCli) -> None:
    records = json.loads(run(run_cli, "cite", "rank-zinc", "rank-uranium", "--format", "json"))
    assert [(r["id"], r["paragraph"], r["sentence_number"]) for r in records] == [
        ("rank-zinc", 1, 62),
        ("rank-uranium", 1, 63),
    ]
    assert {r["version"] for r in records} == {__version__}


@pytest.mark.parametrize("style", ["bibtex", "csl-json"])
def test_bibliography_of_many_facts_holds_each_source_once(run_cli: RunCli, style: str) -> None:
    out = run(
        run_cli, "cite", "almaty-protocol", "rank-zinc", "georgia-withdrawal", "--style", style
    )
    if style == "bibtex":
        keys = re.findall(r"^@\w+\{([^,]+),", out, flags=re.MULTILINE)
    else:
        keys = [item["id"] for item in json.loads(out)]
    assert keys == ["kk-text", "alma-ata-protocol", "belta-georgia-2008"]


def test_keys_are_stable_across_calls_and_orders(run_cli: RunCli) -> None:
    one = json.loads(run(run_cli, "cite", "rank-zinc", "almaty-protocol", "--style", "csl-json"))
    two = json.loads(run(run_cli, "cite", "almaty-protocol", "--style", "csl-json"))
    assert {i["id"]: i for i in one}["alma-ata-protocol"] == two[1]


def _definitions(markdown: str) -> list[str]:
    return re.findall(r"^\[\^([^\]]+)\]:", markdown, flags=re.MULTILINE)


def _references(markdown: str) -> set[str]:
    return set(re.findall(r"\[\^([^\]]+)\](?!:)", markdown))


PASTED = [
    ("cite", "rank-zinc", "georgia-withdrawal", "--style", "markdown"),
    ("cite", "rank-zinc", "--style", "markdown", "--lang", "kk"),
    ("trade", "exports", "--format", "markdown"),
    ("trade", "imports", "--format", "markdown"),
    ("timeline", "--format", "markdown"),
    ("members", "--on", "1993-12-15", "--format", "markdown"),
    ("figures", "--format", "markdown", "--lang", "ru"),
    ("country", "KZ", "--format", "markdown"),
]


def test_footnote_labels_never_collide_across_pasted_outputs(run_cli: RunCli) -> None:
    document = "\n\n".join(run(run_cli, *args) for args in PASTED)
    labels = _definitions(document)
    assert len(labels) > 20
    assert len(labels) == len(set(labels)), [x for x in labels if labels.count(x) > 1]
    assert _references(document) == set(labels)
    assert not [label for label in labels if label.isdigit()]


def test_footnote_labels_name_the_fact_and_the_language(run_cli: RunCli) -> None:
    kk = run(run_cli, "cite", "rank-zinc", "--style", "markdown", "--lang", "kk")
    assert _definitions(kk) == ["rank-zinc-kk"]
    table = run(run_cli, "trade", "exports", "--format", "markdown", "--lang", "ru")
    assert "exports-export-share-switzerland-ru" in _definitions(table)


# ---------------------------------------------------------------- CSL styles (citeproc-py)


def test_apa_through_citeproc_has_author_date_locator_and_version(run_cli: RunCli) -> None:
    out = run(run_cli, "cite", "rank-zinc", "--style", "apa")
    assert out == (
        "Kazakhstan ranks 1st in the world for zinc (Author unknown, n.d., para. 1, sentence 62)"
        ".\n"
        "quote: «Қазақстан мырыш, вольфрам және бариттен әлемде бірінші орын алады»; "
        "translation by cis-facts: «Kazakhstan takes first place in the world in zinc, "
        f"tungsten and barite»; cis-facts {__version__}, rank-zinc\n\n"
        "References\n"
        "Author unknown. (n.d.). Тәуелсіз Мемлекеттер Достастығы (ТМД) [Commonwealth of "
        f"Independent States (CIS)] (Version cis-facts {__version__}) [Undated, not before "
        "18 August 2009].\n"
    )


def test_gost_in_russian_numbers_the_sources_and_keeps_the_abbreviations_dot(
    run_cli: RunCli,
) -> None:
    out = run(run_cli, "cite", "rank-zinc", "georgia-withdrawal", "--style", "gost", "--lang", "ru")
    lines = out.splitlines()
    assert lines[0] == "Казахстан занимает первое место в мире по цинку [1, п. 1, предложение 62]."
    assert lines[1] == (
        "цитата: «Қазақстан мырыш, вольфрам және бариттен әлемде бірінші орын алады»; "
        "перевод cis-facts: «Казахстан занимает первое место в мире по цинку, вольфраму и "
        f"бариту»; cis-facts {__version__}, rank-zinc"
    )
    assert lines[3] == "Грузия вышла из СНГ 18\u00a0августа 2009\u00a0г. [1, п. 1, предложение 6]."
    assert lines[5].endswith("[2]")
    assert lines[-2:] == [
        (
            "1. Автор неизвестен. Тәуелсіз Мемлекеттер Достастығы (ТМД) [Содружество Независимых "
            "Государств (СНГ)]: без даты, не ранее 18 августа 2009\u202fг."
        ),
        (
            "2. BelTA. БелТА, 19\u00a0августа 2008\u00a0г.: уведомление Грузии Исполнительному "
            "комитету СНГ (публикация Горецкого районного исполнительного комитета, "
            "gorki.gov.by) // gorki.gov.by. 2008."
        ),
    ]


@pytest.mark.parametrize("style", ["chicago", "mla"])
def test_chicago_and_mla_render_with_the_locator(run_cli: RunCli, style: str) -> None:
    out = run(run_cli, "cite", "rank-uranium", "--style", style)
    assert "1, sentence 63)" in out.splitlines()[0]
    assert "Author unknown" in out.split("References\n")[1]


def test_a_csl_file_of_ones_own(run_cli: RunCli, tmp_path: Path) -> None:
    from cis_facts.render.csl import style_path

    style = tmp_path / "mine.csl"
    style.write_bytes(Path(style_path("apa")).read_bytes())
    assert run(run_cli, "cite", "rank-zinc", "--csl", str(style)) == run(
        run_cli, "cite", "rank-zinc", "--style", "apa"
    )


def test_a_file_that_is_not_csl_is_one_line_exit_2(run_cli: RunCli, tmp_path: Path) -> None:
    style = tmp_path / "bad.csl"
    style.write_text("<style>", encoding="utf-8")
    result = run_cli("cite", "rank-zinc", "--csl", str(style))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "not a CSL style" in result.stderr


def test_without_citeproc_a_csl_style_says_how_to_install_it() -> None:
    script = (
        "import sys; sys.modules['citeproc'] = None\n"
        "from cis_facts.entry import main\n"
        "sys.argv = ['cis-facts', 'cite', 'rank-zinc', '--style', 'apa']\n"
        "main()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        check=False,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "100", "CIS_FACTS_CACHE": "off"},
    )
    assert proc.returncode == 2
    assert (
        proc.stderr == "cis-facts: CSL styles need citeproc-py: pip install 'cis-facts[styles]'\n"
    )


README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(
    r"^\$ cis-facts (cite [^\n|>]*)\n(.*?)^```", README, flags=re.MULTILINE | re.DOTALL
)


@pytest.mark.parametrize(("command", "printed"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_shows_cite_as_the_tool_prints_it(
    run_cli: RunCli, command: str, printed: str
) -> None:
    assert run(run_cli, *shlex.split(command)) == printed


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed (.ci/run does)")
def test_four_pasted_markdown_outputs_through_pandoc_attach_every_note(
    run_cli: RunCli, tmp_path: Path
) -> None:
    # Pandoc warns "Duplicate note reference" when two pasted outputs define one label.
    pasted = [
        ("cite", "rank-zinc", "--style", "markdown"),
        ("cite", "rank-zinc", "--style", "markdown", "--lang", "kk"),
        ("cite", "export-share-italy", "georgia-withdrawal", "--style", "markdown", "--lang", "ru"),
        ("trade", "exports", "--format", "markdown"),
    ]
    document = "\n\n".join(run(run_cli, *args) for args in pasted)
    (tmp_path / "pasted.md").write_text(document, encoding="utf-8")
    done = subprocess.run(
        ["pandoc", "pasted.md", "-t", "html"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert done.stderr == ""
    labels = _definitions(document)
    assert len(labels) == len(set(labels)) == 8
    # every marker links to a note of its own (Pandoc repeats a note cited twice)
    markers = re.findall(r"\[\^([^\]]+)\](?!:)", document)
    assert set(markers) == set(labels)
    assert done.stdout.count('class="footnote-ref"') == len(markers)
    assert f'id="fn{len(markers)}"' in done.stdout
    assert f'id="fn{len(markers) + 1}"' not in done.stdout


def test_the_note_marker_stands_where_each_language_puts_it(run_cli: RunCli) -> None:
    # Kazakh and Russian: before the full stop; English: after it; after «г.» it ends
    kk = run(run_cli, "cite", "rank-zinc", "--style", "markdown", "--lang", "kk").splitlines()[0]
    assert kk == "Қазақстан мырыштан әлемде бірінші орын алады[^rank-zinc-kk]."
    ru = run(
        run_cli, "cite", "georgia-withdrawal", "--style", "markdown", "--lang", "ru"
    ).splitlines()[0]
    assert ru == "Грузия вышла из СНГ 18\u00a0августа 2009\u00a0г.[^georgia-withdrawal-ru]"
    en = run(run_cli, "cite", "rank-zinc", "--style", "markdown").splitlines()[0]
    assert en == "Kazakhstan ranks 1st in the world for zinc.[^rank-zinc-en]"
    html = run(run_cli, "cite", "rank-zinc", "--style", "html", "--lang", "ru").splitlines()[0]
    assert html.endswith('<sup><a href="#cite-rank-zinc-ru">[1]</a></sup>.</p>')
    wiki = run(run_cli, "cite", "rank-zinc", "--style", "wikipedia", "--lang", "ru")
    assert wiki.startswith("Казахстан занимает первое место в мире по цинку<ref name=")
    assert wiki.endswith("</ref>.\n")
    english = run(run_cli, "cite", "rank-zinc", "--style", "wikipedia")
    assert english.startswith("Kazakhstan ranks 1st in the world for zinc.<ref name=")


def test_quotes_within_the_quote_take_the_inner_marks(run_cli: RunCli) -> None:
    # «…«Беловеж келісімін»…» would close the quote early; within «…» quotes are „…“
    out = run(run_cli, "cite", "ashgabat-meeting", "--style", "markdown", "--lang", "ru")
    assert "Ашхабадта кездесіп, „Беловеж келісімін“ қолдайтындықтарын мәлімдеді»; " in out
    assert "поддерживают „Беловежское соглашение“»; " in out
    assert out.count("«") == out.count("»")
