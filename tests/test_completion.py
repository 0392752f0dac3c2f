"""Shell completion through Click's protocol: country names, fact ids, options.

Most tests ask Click's ``BashComplete`` in-process; the subprocess tests run the installed
script with ``_CIS_FACTS_COMPLETE=bash_complete`` exactly as the shell function does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.shell_completion import BashComplete

from cis_facts.cli import cli
from cis_facts.loader import ENV_VAR, load

SCRIPT = Path(sys.executable).parent / "cis-facts"
COMPLETE_VAR = "_CIS_FACTS_COMPLETE"
VALID_EXTRA = Path(__file__).parent / "fixtures" / "valid_extra.toml"


def complete(args: list[str], incomplete: str) -> list[str]:
    """The values Click offers after ``cis-facts ARGS`` for the word ``incomplete``."""
    shell = BashComplete(cli, {}, "cis-facts", COMPLETE_VAR)
    return [item.value for item in shell.get_completions(args, incomplete)]


def run_complete(words: str, shell: str = "bash", **env: str) -> subprocess.CompletedProcess[str]:
    """Run the installed script the way the generated shell function does.

    With nothing to offer, Click writes one empty line, which the shell functions drop.
    """
    if not SCRIPT.exists():
        pytest.skip(f"{SCRIPT} is not installed")
    full_env = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    full_env.update(
        env,
        COMP_WORDS=words,
        COMP_CWORD=str(len(words.split()) - 1),
        **{COMPLETE_VAR: f"{shell}_complete"},
    )
    return subprocess.run(
        [str(SCRIPT)], env=full_env, capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.parametrize(
    ("incomplete", "expected"),
    [
        ("Kaz", "Kazakhstan"),
        ("kaz", "kazakhstan"),  # spelled as typed: the shell only adds letters
        ("kz", "kz"),
        ("KZ", "KZ"),
        ("казак", "казакстан"),  # typed without Kazakh letters, and kept so
        ("Қаз", "Қазақстан"),
        ("Казах", "Казахстан"),  # Russian
        ("Russian F", "Russian Federation"),  # an alias
    ],
)
def test_country_completes_codes_and_names(incomplete: str, expected: str) -> None:
    assert expected in complete(["country"], incomplete)


def test_country_completion_offers_each_state_once() -> None:
    values = complete(["country"], "")
    assert values == [c.code for c in load().countries]


def test_country_completion_without_a_match_is_empty() -> None:
    assert complete(["country"], "Atlantis") == []


def test_timeline_country_option_completes() -> None:
    assert complete(["timeline", "--country"], "Geo") == ["Georgia"]


@pytest.mark.parametrize("command", ["show", "cite"])
def test_fact_id_prefix_completes(command: str) -> None:
    assert complete([command], "rank-z") == ["rank-zinc"]
    ids = complete([command], "")
    assert ids == [f.id for f in load().facts()]


def test_fact_id_completion_carries_the_label_as_help() -> None:
    shell = BashComplete(cli, {}, "cis-facts", COMPLETE_VAR)
    (item,) = shell.get_completions(["show"], "rank-zinc")
    assert item.help == "Kazakhstan ranks 1st in the world for zinc"


def test_options_complete() -> None:
    assert complete(["timeline"], "--for") == ["--format"]
    assert "--force" in complete(["export"], "--f")


def test_format_choices_complete() -> None:
    assert complete(["members", "--format"], "j") == ["json", "jsonl"]


def test_completion_reads_data_option() -> None:
    args = ["--data", str(VALID_EXTRA), "country"]
    assert complete(args, "Mong") == ["Mongolia"]
    assert complete(["--data", str(VALID_EXTRA), "show"], "fx-mn") == ["fx-mn-import-position"]


def test_completion_reads_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(VALID_EXTRA))
    assert complete(["country"], "MN") == ["MN"]


def test_broken_base_completes_to_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[[countries]]\ncode = 1\n", encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(broken))
    assert complete(["country"], "Kaz") == []
    assert complete(["show"], "rank") == []


def test_installed_script_completes_a_country() -> None:
    proc = run_complete("cis-facts country Kaz")
    assert proc.returncode == 0
    assert proc.stdout.splitlines() == ["plain,Kazakhstan"]
    assert proc.stderr == ""


def test_installed_script_completes_for_zsh_with_help() -> None:
    proc = run_complete("cis-facts cite rank-zi", shell="zsh")
    assert proc.stdout.splitlines() == [
        "plain",
        "rank-zinc",
        "Kazakhstan ranks 1st in the world for zinc",
    ]
    assert proc.stderr == ""


@pytest.mark.parametrize(
    "words", ["cis-facts country Kaz", "cis-facts show rank", "cis-facts timeline --country Ge"]
)
@pytest.mark.parametrize("contents", ["[[countries]]\ncode = 1\n", "not = [toml", None])
def test_installed_script_is_silent_on_a_broken_base(
    tmp_path: Path, words: str, contents: str | None
) -> None:
    path = tmp_path / "data.toml"  # None: the file does not exist
    if contents is not None:
        path.write_text(contents, encoding="utf-8")
    proc = run_complete(words, **{ENV_VAR: str(path)})
    assert (proc.returncode, proc.stdout.strip(), proc.stderr) == (0, "", "")


def test_installed_script_is_silent_on_a_broken_data_option(tmp_path: Path) -> None:
    proc = run_complete(f"cis-facts --data {tmp_path / 'missing.toml'} country Kaz")
    assert (proc.returncode, proc.stdout.strip(), proc.stderr) == (0, "", "")


@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash", "complete -o nosort -F _cis_facts_completion cis-facts"),
        ("zsh", "compdef _cis_facts_completion cis-facts"),
        ("fish", "complete --no-files --command cis-facts"),
    ],
)
def test_enable_scripts_are_generated(shell: str, marker: str) -> None:
    if not SCRIPT.exists():
        pytest.skip(f"{SCRIPT} is not installed")
    env = {**os.environ, COMPLETE_VAR: f"{shell}_source"}
    proc = subprocess.run(
        [str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.returncode == 0
    assert marker in proc.stdout
    assert proc.stderr == ""


def test_bash_enable_line_completes_in_bash() -> None:
    """The one-line set-up from the README, run in a real bash."""
    if not SCRIPT.exists() or shutil.which("bash") is None:
        pytest.skip("needs bash and the installed script")
    script = (
        'eval "$(_CIS_FACTS_COMPLETE=bash_source cis-facts)"; '
        "COMP_WORDS=(cis-facts country Kaz); COMP_CWORD=2; "
        '_cis_facts_completion cis-facts; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    env = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    env["PATH"] = f"{SCRIPT.parent}{os.pathsep}{env.get('PATH', '')}"
    proc = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (proc.stdout, proc.stderr) == ("Kazakhstan\n", "")


@pytest.mark.parametrize(
    ("args", "incomplete", "expected"),
    [
        (["country", "United"], "K", ["Kingdom"]),
        (["country", "United"], "", ["States", "Kingdom"]),
        (["country", "united"], "ki", ["kingdom"]),
        (["country", "Russian"], "F", ["Federation"]),
    ],
)
def test_a_name_of_several_words_completes_after_a_plain_space(
    args: list[str], incomplete: str, expected: list[str]
) -> None:
    assert complete(args, incomplete) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["resources", "--mineral"], "zinc"),
        (["resources", "--lang", "kk", "--mineral"], "мырыш"),
        (["--lang", "ru", "resources", "--mineral"], "цинк"),
    ],
)
def test_minerals_complete_in_the_answer_s_language(args: list[str], expected: str) -> None:
    offered = complete(args, "")
    assert len(offered) == 14
    assert offered[0] == expected


def test_minerals_of_another_language_complete_when_typed() -> None:
    assert complete(["resources", "--mineral"], "мы") == ["мырыш", "мыс"]
