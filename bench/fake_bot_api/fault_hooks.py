"""Fault injection: seeded network faults, failing calls, blocked users, held sends.

Why its own module: what a bad day between the bot and Telegram looks like is one concern; the
HTTP layer (:mod:`bench.fake_bot_api.http_layer`) calls :meth:`FaultHooks._fault_before` and
:meth:`FaultHooks._faulty_answer` on every call, and tests switch the faults on and off here.
The seeded draws themselves live in :mod:`bench.fake_bot_api.faults`.
"""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import web

from .faults import ACTING, FaultPlan, Faults
from .records import DEFAULT_DESCRIPTIONS, ApiError, Request
from .rules import canonical_method
from .state import FakeState


class FaultHooks(FakeState):
    """Switching faults on and off, and how an injected fault changes an answer."""

    def fail_next(
        self,
        method: str,
        *,
        error_code: int = 429,
        retry_after: int = 1,
        description: str | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` with an error (429 flood wait default)."""
        canonical = canonical_method(method)
        if canonical is None:
            raise ValueError(f"unknown method {method!r}")
        if description is None:
            description = (
                f"Too Many Requests: retry after {retry_after}"
                if error_code == 429
                else DEFAULT_DESCRIPTIONS.get(error_code, f"Error {error_code}")
            )
        for _ in range(times):
            after = retry_after if error_code == 429 else None
            self._failures[canonical].append(ApiError(error_code, description, retry_after=after))

    def inject_faults(self, plan: FaultPlan | None) -> Faults | None:
        """From now on every call may fail as `plan` says (None: no more faults); see faults.py.
        Returns the drawing object, whose ``drawn`` counts the faults injected."""
        self.faults = Faults(plan) if plan is not None else None
        return self.faults

    def hold_sends(self) -> None:
        """Hold every sendMessage before Telegram accepts it (not recorded, counted in
        ``held_sends``) until :meth:`release_sends`; if the client died meanwhile, the message
        never reached Telegram and is dropped."""
        self._sends_open.clear()

    async def wait_held_sends(
        self,
        count: int = 1,
        timeout: float = 10.0,  # noqa: ASYNC109 - bounded wait, like wait_for
    ) -> None:
        if not await self._requests_signal.wait_until(lambda: self.held_sends >= count, timeout):
            raise TimeoutError(f"fewer than {count} held sendMessage within {timeout}s")

    def release_sends(self) -> None:
        self._sends_open.set()

    def block_user(self, chat_id: int) -> None:
        """Every later send to ``chat_id`` answers 403 Forbidden."""
        self._blocked.add(chat_id)

    def unblock_user(self, chat_id: int) -> None:
        self._blocked.discard(chat_id)

    def _fault_before(self, fault: str | None) -> dict[str, Any] | None:
        """The answer of a fault that strikes before the call is carried out (None: carry on)."""
        if fault is None or fault in ACTING:
            return None
        if fault == "reset_before":
            return {"ok": False, "error_code": 0, "description": "connection reset"}
        assert self.faults is not None
        if fault == "429":
            retry = self.faults.plan.retry_after
            return ApiError(
                429, f"Too Many Requests: retry after {retry}", retry_after=retry
            ).payload()
        code = self.faults.status_5xx()
        return ApiError(code, DEFAULT_DESCRIPTIONS[code]).payload()

    async def _faulty_answer(
        self, request: web.Request, record: Request, payload: dict[str, Any]
    ) -> web.Response:
        """Deliver (or lose) the answer the way the injected fault says."""
        if record.fault in ("reset_before", "reset_after"):
            if request.transport is not None:
                request.transport.abort()
            return web.Response(status=499, text="connection reset")
        if record.fault == "stall":
            assert self.faults is not None
            await asyncio.sleep(self.faults.plan.stall_seconds)
        status = 200 if payload["ok"] else int(payload["error_code"])
        return web.json_response(payload, status=status)
