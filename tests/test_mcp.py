"""``cis-facts mcp``: the MCP server, driven by the MCP SDK's own stdio client.

One session launches ``python -m cis_facts mcp`` and makes every call; the tests read its
answers. Nothing is mocked: the client, the protocol and the server are the SDK's.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from conftest import RunCli
from signals import sigint_as_in_a_terminal

CALLS: dict[str, tuple[str, dict[str, Any]]] = {
    "uranium": ("search", {"query": "uranium", "limit": 3}),
    "world_cup": ("search", {"query": "Who won the 2018 FIFA World Cup?"}),
    "zinc_kk": ("search", {"query": "Қазақстан мырыш", "limit": 1, "lang": "kk"}),
    "typo": ("show", {"id": "rank-uranum"}),
    "uranium_kk": ("show", {"id": "rank-uranium", "lang": "kk"}),
    "charter": ("show", {"id": "charter-in-force-1994"}),
    "cite": ("cite", {"id": "rank-uranium", "lang": "ru"}),
    "members": ("members_on", {"date": "1991-12-10"}),
    "after": ("members_on", {"date": "2030-01-01"}),
    "bad_date": ("members_on", {"date": "1993-13"}),
    "bad_limit": ("search", {"query": "zinc", "limit": "many"}),
    "zero_limit": ("search", {"query": "zinc", "limit": 0}),
    "bad_lang": ("show", {"id": "rank-zinc", "lang": "de"}),
    "bad_kind": ("timeline", {"kind": "wedding"}),
    "no_events": ("timeline", {"start": "1950", "end": "1960"}),
    "founding": ("timeline", {"start": "1991-12-01", "end": "1991-12-09"}),
}


async def _session(environ: dict[str, str], errlog: Any) -> dict[str, Any]:
    # The SDK (and anyio below) is imported by the tests that use it: a test process that
    # runs none of them does not spend half a second importing it.
    from mcp import ClientSession, StdioServerParameters
    from mcp.client.stdio import stdio_client

    params = StdioServerParameters(
        command=sys.executable, args=["-m", "cis_facts", "mcp"], env=environ
    )
    answers: dict[str, Any] = {}
    async with (
        stdio_client(params, errlog=errlog) as (read, write),
        ClientSession(read, write) as session,
    ):
        answers["init"] = await session.initialize()
        answers["tools"] = await session.list_tools()
        for name, (tool, arguments) in CALLS.items():
            answers[name] = await session.call_tool(tool, arguments)
    # The server's default language is the command's --lang.
    russian = params.model_copy(update={"args": [*params.args, "--lang", "ru"]})
    async with (
        stdio_client(russian, errlog=errlog) as (read, write),
        ClientSession(read, write) as session,
    ):
        await session.initialize()
        answers["ru"] = await session.call_tool("search", {"query": "uranium", "limit": 1})
    return answers


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    home = tmp_path_factory.mktemp("mcp-home")
    environ = {
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / "cache"),
        "LANG": "C.UTF-8",
        "PYTHONPATH": os.pathsep.join(sys.path),
    }
    with tempfile.TemporaryFile("w+", encoding="utf-8") as errlog:
        import anyio

        found = anyio.run(_session, environ, errlog)
        errlog.seek(0)
        found["stderr"] = errlog.read()
    return found


def structured(result: Any) -> dict[str, Any]:
    """The tool's answer; the text content is the same answer as JSON."""
    assert result.is_error is False, result.content[0].text
    assert json.loads(result.content[0].text) == result.structured_content
    answer: dict[str, Any] = result.structured_content
    return answer


def error_text(result: Any) -> str:
    assert result.is_error is True
    assert result.structured_content is None
    text: str = result.content[0].text
    return text


def test_the_server_names_itself_and_lists_its_tools(answers: dict[str, Any]) -> None:
    assert answers["init"].server_info.name == "cis-facts"
    names = [tool.name for tool in answers["tools"].tools]
    assert names == ["search", "show", "cite", "members_on", "timeline"]
    search = answers["tools"].tools[0]
    assert search.input_schema["required"] == ["query"]
    assert search.input_schema["properties"]["lang"] == {
        "anyOf": [{"enum": ["en", "kk", "ru"], "type": "string"}, {"type": "null"}],
        "default": None,
        "title": "Lang",
    }


def test_search_answers_with_the_fact_and_its_evidence(answers: dict[str, Any]) -> None:
    answer = structured(answers["uranium"])
    assert answer["answer"] == "rank-uranium"
    first = answer["records"][0]
    assert (first["id"], first["answers"]) == ("rank-uranium", True)
    assert first["quote"] == "ураннан шамамен 25 %-ын құрайды"
    assert first["evidence"] == [
        {
            "id": "rank-uranium",
            "quote": "ураннан шамамен 25 %-ын құрайды",
            "quote_translations": {
                "en": "makes up about 25% of uranium",
                "ru": "составляет около 25\u00a0% урана",
            },
            "translator": "cis-facts",
            "source": {
                "id": "kk-text",
                "title": "Тәуелсіз Мемлекеттер Достастығы (ТМД)",
                "citation": (
                    "Kazakh-language reference text on the CIS and Kazakhstan in the world economy"
                ),
            },
            "note": (
                "The text does not say whether the share is of world reserves or of world "
                "output; the passage is about Kazakhstan's natural resources."
            ),
            "note_source": None,
            "check": {
                "status": "found_verbatim",
                "file": "000_032a50789da7a807.txt",
                "paragraph": 1,
                "sentence": 63,
            },
        }
    ]
    assert [r["answers"] for r in answer["records"][1:]] == [False] * (len(answer["records"]) - 1)


def test_a_question_the_base_does_not_answer_gets_not_in_the_base(
    answers: dict[str, Any],
) -> None:
    assert structured(answers["world_cup"]) == {
        "answer": "not in the base",
        "asked": "Who won the 2018 FIFA World Cup?",
        "records": [],
        "reason": (
            "no fact holds enough of the question's words (two thirds of them, and every "
            "state it names), so the base does not answer it"
        ),
    }
    typo = structured(answers["typo"])
    assert (typo["answer"], typo["records"]) == ("not in the base", [])
    assert typo["did_you_mean"][0] == "rank-uranium"
    none = structured(answers["no_events"])
    assert (none["answer"], none["records"]) == ("not in the base", [])


def test_answers_speak_the_language_asked(answers: dict[str, Any]) -> None:
    zinc = structured(answers["zinc_kk"])
    assert zinc["answer"] == "rank-zinc"
    assert zinc["records"][0]["label"] == "Қазақстан мырыштан әлемде бірінші орын алады"
    assert zinc["records"][0]["evidence"][0]["quote_translations"]["ru"] == (
        "Казахстан занимает первое место в мире по цинку, вольфраму и бариту"
    )
    note = structured(answers["uranium_kk"])["records"][0]["evidence"][0]["note"]
    assert note.startswith("Мәтінде бұл үлестің әлемдік қорға ма, әлде әлемдік өндіріске ме")
    cited = structured(answers["cite"])
    assert cited["records"][0]["text"].startswith(
        "Доля Казахстана в мире по урану — около 25\u00a0%.\n"
        "Источник: Содружество Независимых Государств (СНГ), абзац 1, предложение 63;"
    )
    assert cited["records"][0]["evidence"][0]["check"]["status"] == "found_verbatim"


def test_the_command_s_lang_is_the_default(answers: dict[str, Any]) -> None:
    russian = structured(answers["ru"])
    assert russian["lang"] == "ru"
    assert russian["records"][0]["label"] == "Доля Казахстана в мире по урану — около 25\u00a0%"
    assert russian["records"][0]["evidence"][0]["note"].startswith("Текст не уточняет")
    assert structured(answers["uranium"])["lang"] == "en"


def test_a_quote_from_a_document_not_shipped_is_marked_unchecked(
    answers: dict[str, Any],
) -> None:
    charter = structured(answers["charter"])
    evidence = charter["records"][0]["evidence"][0]
    assert evidence["source"]["id"] == "cis-charter-decision"
    assert evidence["check"] == {
        "status": "not_checked",
        "reason": "the source document is not shipped with the package",
    }


def test_members_on_a_date_rest_on_their_events(answers: dict[str, Any]) -> None:
    members = structured(answers["members"])
    assert [(r["country"]["code"], r["status"]) for r in members["records"]] == [
        ("BY", "founder"),
        ("UA", "founder"),
        ("RU", "signatory"),
    ]
    belarus = members["records"][0]
    assert [e["id"] for e in belarus["evidence"]] == [
        "agreement-ratified-by",
        "belovezh-agreement",
        "almaty-protocol",
    ]
    assert belarus["evidence"][0]["quote"] == (
        "Belarus 8 December 1991 1991-12-10 1994-01-18 official member"
    )
    after = structured(answers["after"])
    assert after["remarks"][0].startswith(
        "1 January 2030 is after the latest membership event in the fact base"
    )
    founding = structured(answers["founding"])
    assert [r["id"] for r in founding["records"]] == ["belovezh-agreement"]
    assert founding["records"][0]["evidence"][0]["check"]["sentence"] > 0


def test_bad_arguments_are_tool_errors(answers: dict[str, Any]) -> None:
    assert error_text(answers["bad_date"]) == (
        "Error executing tool members_on: '1993-13' has no month 13"
    )
    assert "limit\n  Input should be a valid integer" in error_text(answers["bad_limit"])
    assert error_text(answers["zero_limit"]) == (
        "Error executing tool search: limit must be at least 1, not 0"
    )
    assert "Input should be 'en', 'kk' or 'ru'" in error_text(answers["bad_lang"])
    assert error_text(answers["bad_kind"]).startswith(
        "Error executing tool timeline: unknown kind 'wedding'; use one of: founding, "
    )


def test_the_server_writes_nothing_but_the_protocol(answers: dict[str, Any]) -> None:
    assert answers["stderr"] == ""


def test_without_the_sdk_the_command_says_how_to_install_it() -> None:
    blocked = (
        "import sys; sys.modules['mcp'] = None; sys.argv = ['cis-facts', 'mcp']; "
        "from cis_facts.entry import main; main()"
    )
    done = subprocess.run(
        [sys.executable, "-c", blocked],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == (
        "cis-facts: the mcp command needs the MCP Python SDK, which is not installed: "
        "pip install 'cis-facts[mcp]'\n"
    )


def test_other_commands_never_import_the_sdk() -> None:
    script = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from cis_facts.cli import cli\n"
        "assert CliRunner().invoke(cli, ['search', 'uranium', '-f', 'json']).exit_code == 0\n"
        "assert CliRunner().invoke(cli, ['mcp', '--help']).exit_code == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mcp', 'pydantic')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=Path(__file__).parent,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "[]\n"


def test_an_invalid_fact_file_is_reported_before_serving(tmp_path: Path, run_cli: RunCli) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('[[figures]]\nid = "Not An Id"\n', encoding="utf-8")
    result = run_cli("--data", broken, "mcp")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == (
        f"cis-facts: {broken}: fact Not An Id: id: 'Not An Id' is not a kebab-case id "
        "(lower-case letters, digits, hyphens)"
    )


def test_ctrl_c_ends_the_server_at_once() -> None:
    """Once the server answers, SIGINT ends it with 130 while its stdin is still open."""
    with sigint_as_in_a_terminal():
        server = subprocess.Popen(
            [sys.executable, "-m", "cis_facts", "mcp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    assert server.stdin is not None and server.stdout is not None
    try:
        hello = {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "initialize",
            "params": {
                "protocolVersion": "2025-06-18",
                "capabilities": {},
                "clientInfo": {"name": "test", "version": "0"},
            },
        }
        server.stdin.write(json.dumps(hello).encode() + b"\n")
        server.stdin.flush()
        assert json.loads(server.stdout.readline())["id"] == 1  # serving
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=60) == 130
        assert server.stderr is not None
        assert server.stderr.read() == b"cis-facts: interrupted\n"
    finally:
        if server.poll() is None:
            server.kill()
        server.stdin.close()
