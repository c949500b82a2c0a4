"""Waiting and inspection helpers for tests: wait for a request, an idle bot, a held poll.

Why its own module: tests never sleep for time to pass; every wait here resumes on the fake's
wake-up signals (a request arrived or was answered, an update was queued) and is bounded by a
timeout.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from .records import SEND_METHODS, Request
from .state import FakeState


class Waiting(FakeState):
    """What tests wait for and look up in the recorded requests."""

    def sent_to(self, chat_id: int) -> list[Request]:
        """Message-sending calls (also failed ones; see ``Request.ok``) targeting ``chat_id``."""
        return [r for r in self.requests if r.method in SEND_METHODS and r.chat_id == chat_id]

    async def wait_polling(
        self,
        timeout: float = 10.0,  # noqa: ASYNC109 - bounded wait, like wait_for
    ) -> None:
        """Wait until a getUpdates long poll is being held (the bot is idle and listening)."""
        if not await self._requests_signal.wait_until(lambda: self._polls_waiting > 0, timeout):
            raise TimeoutError(f"no getUpdates long poll within {timeout}s")

    async def wait_until(
        self,
        condition: Callable[[], bool],
        timeout: float = 10.0,  # noqa: ASYNC109 - bounded wait, like wait_for
    ) -> bool:
        """Wait until ``condition()`` holds, checking it whenever a request arrives or is
        answered; False if ``timeout`` seconds passed first (e.g. what a chat shows)."""
        return await self._requests_signal.wait_until(condition, timeout)

    def mark(self) -> int:
        """Index to pass as ``since`` so a wait only considers requests made after now."""
        return len(self.requests)

    def assert_no_violations(self) -> None:
        if self.violations:
            listing = "\n  ".join(self.violations)
            raise AssertionError(f"{len(self.violations)} Telegram rule violation(s):\n  {listing}")

    async def wait_for(
        self,
        predicate: Callable[[Request], bool],
        timeout: float = 10.0,  # noqa: ASYNC109 - the documented fixture API; bounded wait
        *,
        since: int = 0,
    ) -> Request:
        """The first recorded request (from index ``since``) satisfying ``predicate``.

        Requests are recorded on arrival, so waiting for ``getUpdates`` tells that the bot is
        polling; any other request already carries its answer (and ``messages`` is updated).
        """
        found: list[Request] = []
        scanned = since

        def check() -> bool:
            nonlocal scanned
            while scanned < len(self.requests) and not found:
                if predicate(self.requests[scanned]):
                    found.append(self.requests[scanned])
                scanned += 1
            return bool(found)

        if not await self._requests_signal.wait_until(check, timeout):
            recent = [f"{r.method}({r.chat_id})" for r in self.requests[-10:]]
            raise TimeoutError(f"no matching request within {timeout}s; last requests: {recent}")
        return found[0]

    async def wait_idle(
        self,
        timeout: float = 10.0,  # noqa: ASYNC109 - the documented fixture API; bounded wait
        *,
        quiet: float = 0.05,
    ) -> None:
        """Wait until every queued update was fetched, nothing is in flight and no request
        arrived for ``quiet`` seconds; the bot has then (very probably) finished reacting."""

        def delivered() -> bool:
            # Long polls are the bot's idle state, so only count other requests as in flight.
            busy = self._in_flight - self._polls_waiting
            return busy <= 0 and all(u["update_id"] <= self._delivered_upto for u in self._queue)

        seen = 0

        def activity() -> bool:
            return len(self.requests) != seen or not delivered()

        async with asyncio.timeout(timeout):
            while True:
                await self._requests_signal.wait_until(delivered, None)
                seen = len(self.requests)
                if not await self._requests_signal.wait_until(activity, quiet):
                    return
