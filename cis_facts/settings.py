"""Per-invocation settings shared by the CLI layer: data files, language, the terminal.

The fact base is loaded at most once per call, on first use.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import get_args

from cis_facts import cache
from cis_facts.environment import Environment
from cis_facts.loader import load_stamped
from cis_facts.model import FactBase, Lang


def default_lang(environ: Mapping[str, str]) -> Lang:
    """Kazakh or Russian when the locale says so (``LC_ALL``, ``LC_MESSAGES``, ``LANG``),
    else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return _known(value.lower()[:2]) or "en"
    return "en"


_LANGS: dict[str, Lang] = {lang: lang for lang in get_args(Lang)}


def _known(code: str) -> Lang | None:
    """``code`` as a language the tool speaks, or None."""
    return _LANGS.get(code)


class Settings:
    """What the group options decided, and the fact base once loaded."""

    def __init__(
        self,
        data: tuple[str, ...] = (),
        lang: str | None = None,
        pager: bool = True,
        env: Environment | None = None,
    ) -> None:
        self.data = data
        self.lang = lang
        self.pager = pager
        self.env = env or Environment.from_system()
        self._base: FactBase | None = None
        self._stamps: list[cache.Stamp] = []
        # The language the command answers in, once it has resolved it (for its errors).
        self.lang_used: Lang | None = None

    def base(self, *, from_files: bool = False) -> FactBase:
        """The loaded base; ``from_files`` validates the files even when a cache holds it."""
        if self._base is None:
            environ = self.env.environ
            self._base, self._stamps = load_stamped(
                self.data,
                cached=cache.enabled(environ) and not from_files,
                cache_dir=cache.directory(environ),
            )
        return self._base

    def cache_key(self) -> tuple[str | None, list[cache.Stamp]]:
        """Where entries derived from the loaded base are cached (None: nowhere), and the
        stamps of its files that key them."""
        self.base()
        return cache.directory(self.env.environ), self._stamps

    def resolve_lang(self, given: str | None) -> Lang:
        chosen = _known((given or self.lang or "").lower())
        self.lang_used = chosen or default_lang(self.env.environ)
        return self.lang_used
