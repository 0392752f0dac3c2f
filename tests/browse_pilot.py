"""Helpers to drive the browser with Textual's pilot from plain (non-async) tests."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Awaitable, Callable
from typing import Any

from rich.console import Console
from textual.events import Paste
from textual.pilot import Pilot
from textual.widgets import Static

from cis_facts.browse.app import BrowseApp


def drive(
    app: BrowseApp,
    steps: Callable[[Pilot[None]], Awaitable[Any]],
    size: tuple[int, int] = (80, 24),
) -> Any:
    """Run ``app`` headless at ``size``, await ``steps(pilot)`` and return what it returns."""

    async def main() -> Any:
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            return await steps(pilot)

    return asyncio.run(main())


async def settle(pilot: Pilot[None]) -> None:
    """Wait until the list has been filled for what was typed (the app runs undebounced)."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*text)
    await settle(pilot)


async def paste_text(pilot: Pilot[None], text: str) -> None:
    """Paste ``text`` into the focused widget as a terminal's bracketed paste delivers it:
    one event, so the list is filled once (typing fills it at every key)."""
    pilot.app.post_message(Paste(text))
    await settle(pilot)


def screen_text(app: BrowseApp) -> str:
    """The screen as plain text, one line per terminal row (as export_screenshot draws it)."""
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), record=True, color_system=None
    )
    # The compositor's full update is what App.export_screenshot prints into its SVG.
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text()


def detail_text(app: BrowseApp) -> str:
    return str(app.query_one("#detail", Static).content)


def notes(app: BrowseApp) -> list[str]:
    """The messages of the notifications raised so far (Textual keeps them until they expire)."""
    return [n.message for n in app._notifications]


def listed(app: BrowseApp) -> list[str | None]:
    """The fact id (or country code) behind each listed row, in order."""
    return [row.key for row in app.rows]
