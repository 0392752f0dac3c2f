"""The texts the copy keys put on the clipboard, made as ``cite`` and ``show`` make them.

Each is exactly what the command prints, without the final newline.
"""

# Imported where used: the query, views and formats load when a text is first copied or shown.

from __future__ import annotations

from cis_facts.model import FactBase, Lang


def citation(base: FactBase, fact_id: str, style: str, lang: Lang) -> str:
    """What ``cis-facts cite ID --style STYLE`` prints."""
    from cis_facts.query import facts
    from cis_facts.render.localized import localize
    from cis_facts.render.views import view

    return view(localize(facts.cite(base, [fact_id], style), lang)).text


def fact_json(base: FactBase, fact_id: str, lang: Lang) -> str:
    """What ``cis-facts show ID --format json`` prints."""
    from cis_facts.query import facts
    from cis_facts.render.formats import render_text
    from cis_facts.render.localized import localize
    from cis_facts.render.views import view

    shown = localize(facts.show(base, fact_id), lang)
    return render_text(view(shown), "json", None).rstrip("\n")
