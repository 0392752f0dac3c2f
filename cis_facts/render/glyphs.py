"""The membership chart's marks: one glyph and one colour per mark, shared by every format.

Standard library only, so the Markdown path draws the same chart without loading Rich.
"""

from __future__ import annotations

import re

# One glyph per chart mark (a wide chart doubles it), with the colour a terminal gives it.
CHART_GLYPHS = {
    "member": ("█", "green"),
    "associate": ("▒", "yellow"),
    "joined": ("▐", "green"),
    "founder": ("▓", "cyan"),
    "associate_change": ("▞", "yellow"),
    "became_associate": ("▞", "yellow"),
    "left": ("▌", "red"),
    "signatory": ("░", "blue"),
    "acceding": ("▚", "blue"),
    "none": ("·", "dim"),
}
_MARK = re.compile(r"\{mark:([a-z_]+)\}")


def legend(text: str, wide: bool = True) -> str:
    """Replace ``{mark:KEY}`` in a legend by the glyph the chart draws for KEY."""
    return _MARK.sub(lambda m: CHART_GLYPHS[m.group(1)][0] * (2 if wide else 1), text)
