"""JSON and JSON lines parse under any locale: UTF-8 or ``\\uXXXX`` escapes, never ``\\xNN``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cis_facts.safety import ascii_json

SCRIPT = Path(sys.executable).parent / "cis-facts"
LABEL = "Эмодзи 🌍 Türkiye Қазақстан"
LOCALES = {
    "ascii": ({"PYTHONIOENCODING": "ascii"}, "ascii"),
    "latin-1": ({"PYTHONIOENCODING": "latin-1"}, "latin-1"),
    "cp1252": ({"PYTHONIOENCODING": "cp1252"}, "cp1252"),
    "C": ({"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}, "ascii"),
    "utf-8": ({"PYTHONIOENCODING": "utf-8"}, "utf-8"),
}

pytestmark = pytest.mark.skipif(not SCRIPT.exists(), reason=f"{SCRIPT} is not installed")


@pytest.fixture(scope="module")
def emoji_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("json-locale") / "emoji.toml"
    path.write_text(
        '[[sources]]\nid = "em-src"\ntitle = "Эмодзи 🌍"\nlanguage = "ru"\n\n'
        '[[figures]]\nid = "em-figure"\n'
        f'label_en = "{LABEL}"\nlabel_kk = "{LABEL}"\nsource = "em-src"\n'
        'quote = "🌍 ТМД"\ntopic = "emoji"\nmeasure = "count"\nvalue = 1\nunit = "шт"\n',
        encoding="utf-8",
    )
    return path


def _run(args: list[str], locale: str) -> tuple[int, bytes, bytes]:
    overrides, _ = LOCALES[locale]
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("CIS_FACTS_DATA", "LC_ALL", "LANG", "PYTHONIOENCODING", "PYTHONUTF8")
    }
    env.update(overrides)
    proc = subprocess.run(
        [str(SCRIPT), *args], capture_output=True, env=env, timeout=60, check=False
    )
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.parametrize("locale", LOCALES)
def test_json_parses_and_keeps_every_character(emoji_data: Path, locale: str) -> None:
    code, out, err = _run(["--data", str(emoji_data), "show", "em-figure", "-f", "json"], locale)
    assert (code, err) == (0, b"")
    assert b"\\x" not in out
    (record,) = json.loads(out.decode(LOCALES[locale][1]))
    assert (record["label_en"], record["quote"], record["unit"]) == (LABEL, "🌍 ТМД", "шт")


@pytest.mark.parametrize("locale", LOCALES)
def test_jsonl_parses_line_by_line(emoji_data: Path, locale: str) -> None:
    code, out, err = _run(["--data", str(emoji_data), "figures", "emoji", "-f", "jsonl"], locale)
    assert (code, err) == (0, b"")
    lines = out.decode(LOCALES[locale][1]).split("\n")
    assert lines[-1] == ""
    records = [json.loads(line) for line in lines[:-1]]
    assert [r["label"] for r in records] == [LABEL]


@pytest.mark.parametrize("locale", LOCALES)
def test_packaged_trade_json_parses(locale: str) -> None:
    code, out, _ = _run(["trade", "imports", "-f", "json", "--lang", "kk"], locale)
    assert code == 0
    names = {r["country"]["name"] for r in json.loads(out.decode(LOCALES[locale][1]))}
    assert "Түркия" in names


@pytest.mark.parametrize("locale", LOCALES)
def test_json_export_to_stdout_parses(emoji_data: Path, locale: str) -> None:
    code, out, _ = _run(["--data", str(emoji_data), "export", "--to", "json", "-"], locale)
    assert code == 0
    document = json.loads(out.decode(LOCALES[locale][1]))
    assert any(f["label_en"] == LABEL for f in document["figures"])


@pytest.mark.parametrize("locale", ["ascii", "C"])
def test_click_usage_errors_are_safe_on_an_ascii_stream(locale: str) -> None:
    code, out, err = _run(["country", "--format", "жсон", "Қазақстан"], locale)
    assert code == 2
    assert out == b""
    text = err.decode("ascii")  # strictly ASCII: no raw UTF-8 bytes
    assert "Traceback" not in text
    assert "is not one of" in text
    assert "\\u0436" in text or "\\udcd0" in text  # C locale: argv bytes escaped


def test_ascii_json_escapes_beyond_the_basic_plane() -> None:
    assert ascii_json('["🌍", "ü", "a"]') == '["\\ud83c\\udf0d", "\\u00fc", "a"]'
    assert json.loads(ascii_json('["🌍ü"]')) == ["🌍ü"]
