"""What the terminal decides, tested on a real terminal (a pseudo-terminal) and in-process:
the default format, NO_COLOR, and the tolerance of the sum check.

Each test here was written against a deliberate bug the rest of the suite let through:
the default format no longer following the terminal, NO_COLOR ignored, and the sum
check's tolerance raised from 0.05 to 0.5.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import RunCli

from cis_facts import output
from cis_facts.environment import Environment

SCRIPT = Path(sys.executable).parent / "cis-facts"
ESC = b"\x1b["


def _on_a_terminal(args: list[str], **env: str) -> bytes:
    """Run the installed script with stdout on a pseudo-terminal; what it printed."""
    import pty

    main, secondary = pty.openpty()
    environ = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NO_COLOR", "FORCE_COLOR", "CIS_FACTS_DATA", "COLUMNS", "TERM")
    }
    environ.update(COLUMNS="100", LANG="C.UTF-8", PYTHONIOENCODING="utf-8", TERM="xterm-256color")
    # What the renderer writes, not a pager's own terminal codes (the pager has its tests).
    environ.update(CIS_FACTS_PAGER="")
    environ.update(env)
    proc = subprocess.Popen(
        [str(SCRIPT), *args], stdout=secondary, stderr=subprocess.PIPE, env=environ
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # EIO: the process closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    assert proc.wait(timeout=60) == 0
    assert proc.stderr is not None
    proc.stderr.close()
    return b"".join(chunks)


needs_script = pytest.mark.skipif(not SCRIPT.exists(), reason=f"{SCRIPT} is not installed")
needs_pty = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals")


@needs_script
@needs_pty
def test_default_is_a_table_on_a_terminal() -> None:
    out = _on_a_terminal(["members"], NO_COLOR="1")
    assert "┃ Country".encode() in out
    assert b"\tmember\t" not in out


@needs_script
@needs_pty
def test_colour_on_a_terminal_unless_no_color() -> None:
    assert ESC in _on_a_terminal(["members"])  # so that the check below can fail
    plain = _on_a_terminal(["members"], NO_COLOR="1")
    assert ESC not in plain
    assert "┃ Country".encode() in plain


def test_color_never_beats_force_color(run_cli: RunCli) -> None:
    """An explicit flag wins over the environment either way (no-color.org)."""
    plain = run_cli(
        "members", "--format", "table", "--color", "never", environ={"FORCE_COLOR": "1"}
    )
    assert plain.exit_code == 0
    assert ESC.decode() not in plain.stdout
    assert "┃ Country" in plain.stdout


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(("tty", "expected"), [(True, "table"), (False, "plain")])
def test_default_format_follows_the_terminal(
    monkeypatch: pytest.MonkeyPatch, tty: bool, expected: str
) -> None:
    monkeypatch.setattr(sys, "stdout", _Stream(tty))
    assert output.default_format(Environment.from_system()) == expected


def _totals(tmp_path: Path, turnover: str) -> Path:
    path = tmp_path / "totals.toml"
    records = [("exports", "100.0"), ("imports", "200.0"), ("turnover", turnover)]
    path.write_text(
        '[[sources]]\nid = "ts-src"\ntitle = "Sums"\nlanguage = "en"\n\n'
        + "".join(
            f'[[trade_totals]]\nid = "ts-cis-{flow}-2005"\nlabel_en = "{flow}"\n'
            f'label_kk = "{flow}"\nsource = "ts-src"\nquote = "q"\npartners = "cis"\n'
            f'flow = "{flow}"\nvalue = {value}\nunit = "USD million"\ndate = "2005"\n\n'
            for flow, value in records
        ),
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("turnover", "check"),
    [
        ("300.0", "exports + imports = 300 ✓"),
        ("300.04", "exports + imports = 300 ✓"),  # the text rounds to 0.1
        ("300.1", "MISMATCH: exports + imports = 300, stated 300.1 (differs by \u22120.1)"),
        ("299.7", "MISMATCH: exports + imports = 300, stated 299.7 (differs by +0.3)"),
    ],
)
def test_sum_check_tolerates_rounding_only(
    run_cli: RunCli, tmp_path: Path, turnover: str, check: str
) -> None:
    data = _totals(tmp_path, turnover)
    result = run_cli("--data", data, "trade", "totals", "--format", "json")
    assert result.exit_code == 0, result.stderr
    records = {r["id"]: r for r in json.loads(result.stdout)}
    assert records["ts-cis-turnover-2005"]["sum_check"] == check
