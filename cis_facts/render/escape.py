"""Data as literal Markdown text: shared by the Markdown renderer and the citations."""

from __future__ import annotations

import re

from cis_facts.inert import visible

_SPECIAL = re.compile(r"([\\`*_\[\]|#!~])")
# An autolink starts at "scheme:", "www." or an address's "@"; escaping that character
# (CommonMark lets any ASCII punctuation be escaped) leaves the text as it reads.
_AUTOLINK = re.compile(r"(?i)(?<=[a-z0-9])(:)(?=//)|(?<=\bwww)(\.)|(@)")


def escape(text: str) -> str:
    """``text`` as literal Markdown inline text, on one line."""
    text = visible(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    text = _AUTOLINK.sub(lambda m: "\\" + m.group(), text)
    return text.replace("\r\n", "<br>").replace("\n", "<br>").replace("\r", "<br>")
