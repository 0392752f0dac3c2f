"""Which facts a draft cites: its citation keys checked against the fact base."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from cis_facts.drafts import Key
from cis_facts.errors import NotFoundError
from cis_facts.model import FactBase
from cis_facts.text import best_names


def cited_facts(base: FactBase, keys: Sequence[Key], others: Iterable[str] = ()) -> list[str]:
    """The ids of the facts the keys name, each once, in order of first use.

    Keys defined by a bibliography of the writer's own (``others``) are left out; any other
    key that names no fact raises NotFoundError naming each such key where first used, with
    the fact ids close to them.
    """
    ids = {f.id for f in base.facts()}
    own = set(others)
    unknown: dict[str, Key] = {}
    for key in keys:
        if key.key not in ids and key.key not in own:
            unknown.setdefault(key.key, key)
    if unknown:
        listing = ", ".join(f"{k} ({key.where})" for k, key in unknown.items())
        close = [name for k in unknown for name in best_names(k, sorted(ids))]
        raise NotFoundError(
            f"citation keys that name no fact: {listing}; keys of a bibliography of your own "
            "go in --other-bibliography FILE",
            list(dict.fromkeys(close)),
            key="unknown_keys",
            keys=listing,
        )
    return list(dict.fromkeys(k.key for k in keys if k.key in ids))
