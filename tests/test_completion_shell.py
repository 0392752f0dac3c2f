"""Completion run as the shell runs it: the real bash function from ``completion bash``.

Each test sources the script in a bash process, sets COMP_WORDS and COMP_CWORD as bash
sets them for the typed line (escapes and quotes included), calls the completion
function and reads COMPREPLY; some then run the completed line in bash.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import RunCli

from cis_facts.complete import bash_escaped
from cis_facts.loader import ENV_VAR

SCRIPT = Path(sys.executable).parent / "cis-facts"

pytestmark = pytest.mark.skipif(
    not SCRIPT.exists() or shutil.which("bash") is None, reason="needs bash and the script"
)


def bash(code: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    full["PATH"] = f"{SCRIPT.parent}{os.pathsep}{full.get('PATH', '')}"
    full.update(env)
    return subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", code],
        env=full,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def completions(*typed: str, **env: str) -> list[str]:
    """COMPREPLY for the line ``cis-facts TYPED...``; the last word is being completed.

    Each word is given as it stands on the command line (``Russian\\\\ F``, ``"Russian F``).
    """
    words = " ".join(shlex.quote(w) for w in ("cis-facts", *typed))
    code = (
        'eval "$(cis-facts completion bash)"; '
        f"COMP_WORDS=({words}); COMP_CWORD={len(typed)}; "
        '_cis_facts_completion cis-facts; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    proc = bash(code, **env)
    assert proc.stderr == ""
    return proc.stdout.splitlines()


def test_typed_letters_are_kept() -> None:
    """Ge<Tab> offers Georgia and Germany; their common prefix is still "Ge"."""
    offered = completions("country", "Ge")
    assert offered == ["Georgia", "Germany"]
    assert all(value.startswith("Ge") for value in offered)  # the shell's common prefix


def test_lower_case_typing_is_kept() -> None:
    assert completions("country", "ge") == ["georgia", "germany"]


def test_multi_word_name_is_escaped_and_the_line_runs() -> None:
    (value,) = completions("country", "Russian\\ F")
    assert value == "Russian\\ Federation"
    proc = bash(f"cis-facts country {value} --format csv --fields id | sed -n 2p")
    assert (proc.stdout, proc.stderr) == ("RU\n", "")


def test_inside_an_opened_quote_the_value_is_left_for_the_quote() -> None:
    assert completions("country", '"Russian F') == ["Russian Federation"]


HOSTILE = """
[[sources]]
id = "fx-hostile"
title = "A hostile file"
language = "en"
kind = "document"

[[countries]]
code = "MN"
name_en = "Mongolia"
name_kk = "Моңғолия"
name_ru = "Монголия"
aliases = ["Mon$(touch PWNED)", "Mon`touch PWNED`"]
source = "fx-hostile"
quote = "none"
"""


@pytest.mark.parametrize("opened", ["", '"', "'"])
def test_user_values_complete_inert(tmp_path: Path, opened: str) -> None:
    """A name holding $(...) or backquotes is inserted as text the shell never runs."""
    data = tmp_path / "hostile.toml"
    data.write_text(HOSTILE, encoding="utf-8")
    offered = completions("--data", str(data), "country", opened + "Mon$")
    assert offered, "the hostile alias is offered"
    for value in offered:
        line = f"echo {opened}{value}{opened}"
        proc = bash(line, cwd=tmp_path)
        assert proc.returncode == 0
        assert proc.stdout.strip().startswith("Mon$(") or proc.stdout.strip().startswith("Mon`")
    assert not (tmp_path / "PWNED").exists()


def test_bash_escaping_rules() -> None:
    assert bash_escaped("iron ore") == "iron\\ ore"
    assert bash_escaped("$(x)") == "\\$\\(x\\)"
    assert bash_escaped("it's", "'") == "it'\\''s"
    assert bash_escaped('a"$b`', '"') == 'a\\"\\$b\\`'


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (("figures", "inv"), ["investment"]),
        (("figures", "world-"), ["world-gdp", "world-exports"]),
        (("statements", "cis-"), ["cis-nature", "cis-plans"]),
        (("resources", "--mineral", "iron"), ["iron\\ ore"]),
        (("resources", "--mineral", "мыр"), ["мырыш"]),
        (("timeline", "--kind", "fo"), ["founding"]),
        (("show", "georgia-"), ["georgia-accession", "georgia-charter-1994", "georgia-withdrawal"]),
        (("cite", "rank-ur"), ["rank-uranium"]),
        (("trade", "exports", "--country", "Ital"), ["Italy"]),
        (("members", "--format", "js"), ["json", "jsonl"]),
        (("memb",), ["members"]),
    ],
)
def test_what_completes(typed: tuple[str, ...], expected: list[str]) -> None:
    assert completions(*typed) == expected


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_command_prints_the_script(run_cli: RunCli, shell: str) -> None:
    result = run_cli("completion", shell)
    assert result.exit_code == 0
    assert "_CIS_FACTS_COMPLETE" in result.stdout
    assert result.stderr == ""
    proc = subprocess.run(
        [str(SCRIPT)],
        env={**os.environ, "_CIS_FACTS_COMPLETE": f"{shell}_source"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.stdout == result.stdout  # the same script either way


def test_completion_refuses_an_unknown_shell(run_cli: RunCli) -> None:
    result = run_cli("completion", "tcsh")
    assert result.exit_code == 2
