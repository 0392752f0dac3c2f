"""Wheel build step: validate the packaged fact base and ship its cache entry.

The entry (``cis_facts/data/facts.cache``, see ``cis_facts/cache.py``) lets calls on the
packaged base skip parsing and validating ``facts.toml`` at every start. It is keyed by
the bytes of the very ``facts.toml`` shipped beside it, so an entry that does not match
is ignored at run time. Editable installs get none: there ``facts.toml`` is edited.
"""

from __future__ import annotations

import marshal
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class FactBaseCacheHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        sys.path.insert(0, self.root)
        try:
            from cis_facts import cache
            from cis_facts.loader import load, read_packaged
        finally:
            sys.path.pop(0)
        base = load()  # raises, failing the build, if the packaged base is invalid
        stamps = [cache.stamp(cache.PACKAGED, read_packaged())]
        entry = cache.encode(base, stamps)
        if cache.decode(entry, stamps, base.files) != base:
            raise RuntimeError("the packaged fact base does not read back from its cache entry")
        folder = Path(tempfile.mkdtemp(prefix="cis-facts-build-"))
        path = folder / cache.PACKAGED_ENTRY
        path.write_bytes(entry)
        build_data["force_include"][str(path)] = f"cis_facts/data/{cache.PACKAGED_ENTRY}"
        self._ship_search_index(base, stamps, folder, build_data)

    def _ship_search_index(
        self, base: Any, stamps: list[Any], folder: Path, build_data: dict[str, Any]
    ) -> None:
        """The packaged base's search index, so that no search builds it at run time."""
        from cis_facts import cache
        from cis_facts.query import search

        records, matcher = search.build(base)
        entry = search.packaged_index_entry(stamps, matcher.index.plain())
        head, stored = marshal.loads(entry)
        boosts = [search.KIND_BOOST.get(r.kind, 1.0) for r in records]
        index = search.Index.from_plain(stored, search.WEIGHTS, boosts)
        if index is None or head != (search.INDEX_ENTRY, *cache.header(stamps)):
            raise RuntimeError("the packaged base's search index does not read back")
        path = folder / search.PACKAGED_INDEX
        path.write_bytes(entry)
        build_data["force_include"][str(path)] = f"cis_facts/data/{search.PACKAGED_INDEX}"
