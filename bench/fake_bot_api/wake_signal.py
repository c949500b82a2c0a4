"""A broadcast wake-up for waiting on the fake's state without sleeping.

Why: long polls and the ``wait_*`` helpers must resume as soon as an update is pushed or a
request arrives, and tests never sleep for time to pass.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable


class Signal:
    """Broadcast wake-up that synchronous code can fire.

    Why not ``asyncio.Condition``: the ``push_*`` helpers are plain functions, and notifying a
    Condition needs its lock (an ``await``). Waiters re-check their predicate after each notify,
    so no wake-up can be lost in the single-threaded event loop.
    """

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait_until(self, predicate: Callable[[], bool], seconds: float | None) -> bool:
        """Wait until ``predicate()`` holds; False if ``seconds`` passed first (None: forever)."""
        try:
            async with asyncio.timeout(seconds):
                while not predicate():
                    await self._event.wait()
        except TimeoutError:
            return predicate()
        return True
