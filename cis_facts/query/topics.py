"""Facts grouped by topic: the order of first appearance, and a prefix filter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from cis_facts.errors import NotFoundError
from cis_facts.text import best_names, fold


class HasTopic(Protocol):
    @property
    def topic(self) -> str: ...


T = TypeVar("T", bound=HasTopic)


def topics(facts: Sequence[HasTopic]) -> list[str]:
    """Each topic once, in the order it first appears."""
    return list(dict.fromkeys(f.topic for f in facts))


def by_topic(facts: Sequence[T], topic: str | None, kind: str) -> list[T]:
    """``facts`` grouped by topic in order of first appearance; ``topic`` keeps those whose
    topic starts so. NotFoundError (with the topics there are) when nothing is left."""
    known = topics(facts)
    chosen = list(facts)
    if topic:
        wanted = fold(topic)
        chosen = [f for f in chosen if fold(f.topic).startswith(wanted)]
        if not chosen:
            close = best_names(topic, known)
            if close:
                raise NotFoundError(f"no topic {topic!r}", close, key="no_topic", topic=topic)
            listed = ", ".join(known)  # nothing close: the topics there are, not a guess
            raise NotFoundError(
                f"no topic {topic!r}; topics: {listed}",
                key="no_topic_listed",
                topic=topic,
                topics=listed,
            )
    if not chosen:
        raise NotFoundError(f"no {kind} in the fact base", key=f"no_items.{kind}")
    order = {t: i for i, t in enumerate(known)}
    return sorted(chosen, key=lambda f: order[f.topic])
