"""Citations of many facts at once, their locators, keys and footnote labels."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner, Result

from cis_facts import __version__
from cis_facts.cli import cli
from cis_facts.environment import Environment

ENV = {"NO_COLOR": "", "COLUMNS": "100", "CIS_FACTS_CACHE": "off"}


def invoke(*args: str, stdin: str | None = None) -> Result:
    env = Environment(stdout_isatty=False, width=100, environ=ENV)
    return CliRunner().invoke(cli, list(args), obj=env, env=ENV, input=stdin)


def run(*args: str, stdin: str | None = None) -> str:
    result = invoke(*args, stdin=stdin)
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return result.stdout


def test_two_ids_give_two_citations_each_fact_once() -> None:
    out = run("cite", "rank-zinc", "georgia-withdrawal", "rank-zinc")
    blocks = out.rstrip("\n").split("\n\n")
    assert [b.splitlines()[0] for b in blocks] == [
        "Kazakhstan ranks 1st in the world for zinc.",
        "Georgia left the CIS on 18 August 2009.",
    ]
    assert blocks[0] == run("cite", "rank-zinc").rstrip("\n")


def test_ids_from_stdin_one_a_line() -> None:
    ids = "rank-zinc\n\n  georgia-withdrawal  \n"
    assert run("cite", "-", stdin=ids) == run("cite", "rank-zinc", "georgia-withdrawal")


def test_no_ids_on_stdin_is_a_usage_error() -> None:
    result = invoke("cite", "-", stdin="\n")
    assert result.exit_code == 2
    assert "no fact ids" in result.stderr


def test_an_unknown_id_among_many_exits_1_naming_it() -> None:
    result = invoke("cite", "rank-zinc", "rank-zink")
    assert result.exit_code == 1
    assert "rank-zink" in result.stderr and result.stdout == ""


def test_json_has_one_record_per_fact_with_its_locator_and_version() -> None:
    records = json.loads(run("cite", "rank-zinc", "rank-uranium", "--format", "json"))
    assert [(r["id"], r["paragraph"], r["sentence_number"]) for r in records] == [
        ("rank-zinc", 1, 62),
        ("rank-uranium", 1, 63),
    ]
    assert {r["version"] for r in records} == {__version__}


@pytest.mark.parametrize("style", ["bibtex", "csl-json"])
def test_bibliography_of_many_facts_holds_each_source_once(style: str) -> None:
    out = run("cite", "almaty-protocol", "rank-zinc", "georgia-withdrawal", "--style", style)
    if style == "bibtex":
        keys = re.findall(r"^@\w+\{([^,]+),", out, flags=re.MULTILINE)
    else:
        keys = [item["id"] for item in json.loads(out)]
    assert keys == ["kk-text", "alma-ata-protocol", "belta-georgia-2008"]


def test_keys_are_stable_across_calls_and_orders() -> None:
    one = json.loads(run("cite", "rank-zinc", "almaty-protocol", "--style", "csl-json"))
    two = json.loads(run("cite", "almaty-protocol", "--style", "csl-json"))
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


def test_footnote_labels_never_collide_across_pasted_outputs() -> None:
    document = "\n\n".join(run(*args) for args in PASTED)
    labels = _definitions(document)
    assert len(labels) > 20
    assert len(labels) == len(set(labels)), [x for x in labels if labels.count(x) > 1]
    assert _references(document) == set(labels)
    assert not [label for label in labels if label.isdigit()]


def test_footnote_labels_name_the_fact_and_the_language() -> None:
    kk = run("cite", "rank-zinc", "--style", "markdown", "--lang", "kk")
    assert _definitions(kk) == ["rank-zinc-kk"]
    table = run("trade", "exports", "--format", "markdown", "--lang", "ru")
    assert "exports-export-share-switzerland-ru" in _definitions(table)
