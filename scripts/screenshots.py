"""Regenerate the README's SVG screenshots from the real output, with Rich's own export.

Run from the repository root:  .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from cis_facts.answer import Answer
from cis_facts.loader import load
from cis_facts.query.timeline import timeline
from cis_facts.query.trade import partners
from cis_facts.render.terminal import render
from cis_facts.render.views import view

OUT = Path(__file__).resolve().parents[1] / "docs" / "img"
WIDTH = 100


def shoot(answer: Answer, name: str, title: str) -> Path:
    console = Console(
        record=True,
        width=WIDTH,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        markup=False,
        emoji=False,
        highlight=False,
    )
    render(view(answer), console)
    path = OUT / f"{name}.svg"
    path.write_text(console.export_svg(title=title), encoding="utf-8")
    return path


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    base = load()
    shots = [
        (timeline(base, "en"), "timeline", "cis-facts timeline"),
        (partners(base, "export", "en"), "trade-exports", "cis-facts trade exports"),
    ]
    for answer, name, title in shots:
        print(shoot(answer, name, title))


if __name__ == "__main__":
    main()
