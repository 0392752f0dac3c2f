"""Write docs/img/browse.svg: the browser after typing ``uran``, drawn by Textual itself.

.venv/bin/python scripts/browse_screenshot.py
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from cis_facts.browse.app import BrowseApp
from cis_facts.loader import load

OUT = Path(__file__).resolve().parents[1] / "docs" / "img" / "browse.svg"
SIZE = (120, 30)


async def shoot() -> None:
    app = BrowseApp(load(()), debounce=0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"uran")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        app.save_screenshot(filename=OUT.name, path=str(OUT.parent))


if __name__ == "__main__":
    asyncio.run(shoot())
    print(OUT)
