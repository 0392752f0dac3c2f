"""The texts the copy keys put on the clipboard, made as ``cite`` and ``show`` make them.

Each is exactly what the command prints, without the final newline.
"""

from __future__ import annotations

from cis_facts.model import FactBase, Lang


def citation(base: FactBase, fact_id: str, style: str, lang: Lang) -> str:
    """What ``cis-facts cite ID --style STYLE`` prints."""
    from cis_facts.query import facts

    answer = facts.cite(base, fact_id, style, lang)
    return str(answer.records[0]["text"])


def fact_json(base: FactBase, fact_id: str, lang: Lang) -> str:
    """What ``cis-facts show ID --format json`` prints."""
    from cis_facts.query import facts
    from cis_facts.render.machine import RENDERERS

    answer = facts.show(base, fact_id, lang)
    return RENDERERS["json"](answer, answer.fields).rstrip("\n")
