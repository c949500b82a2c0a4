"""Updates from one user run strictly in order; different users run in parallel.

Within a process a lock per user does it; across worker processes sharing PostgreSQL, each
update also runs inside the storage's `user_turn` (a per-user advisory lock), attached at start-up.
A button press is also handed to `CallbackAnswers` when it is admitted and when it is done, so
its spinner stops in time even when its turn is slow or fails (bot/telegram/callback_answers.py).

Built on PTB's public extension point `BaseUpdateProcessor`. PTB takes its own semaphore
(`max_concurrent_updates`) in `process_update`, a final method, before `do_process_update`; an
update waiting there for its user's lock would hold a slot, so one person's flood could occupy
them all. PTB's limit is therefore the number of updates ADMITTED (waiting for their user's turn
or running), and `slots` limits how many run. Tested with python-telegram-bot 22.8 (pyproject
pins >=22.8,<23: PTB changes public behaviour only in major versions).
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import os
import time
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.telegram.callback_answers import CallbackAnswers

log = logging.getLogger("aipath.turns")

Turn = Callable[[int], AbstractAsyncContextManager[None]]

ADMITTED = 1 << 16
"""Updates PTB lets in at once (waiting for their user's lock or running): far above any real
backlog, so admission never makes an update wait; `slots` does the limiting."""


class PerUserUpdateProcessor(BaseUpdateProcessor):
    """Serialises updates per user with one lock each, dropped once nobody waits on it.

    An update takes one of the `max_concurrent_updates` slots only once it holds its user's
    lock: a person (or a group member) who sends 150 messages at once queues behind their own
    lock without occupying a slot, so everyone else keeps being answered.

    The lock table only holds users with an update in flight, so memory does not grow with the
    number of users.
    """

    def __init__(
        self, max_concurrent_updates: int = 256, *, callback_answers: CallbackAnswers | None = None
    ) -> None:
        super().__init__(ADMITTED)
        self.slots = max_concurrent_updates
        self._answers = callback_answers
        self._locks: dict[int, tuple[asyncio.Lock, int]] = {}
        self._slots = asyncio.BoundedSemaphore(max_concurrent_updates)
        self._turn: Turn | None = None

    def hold_turns_with(self, turn: Turn) -> None:
        """Run each user's updates inside `turn(user_id)` too (the storage's cross-process lock)."""
        self._turn = turn

    @staticmethod
    def _key(update: object) -> int | None:
        if isinstance(update, Update) and update.effective_user is not None:
            return update.effective_user.id
        return None

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """The user's lock first, then a slot (PTB's default takes the slot first); a press is
        answered by the time its update is done."""
        query = update.callback_query if isinstance(update, Update) else None
        if query is None or self._answers is None:
            await self._serialised(update, coroutine)
            return
        self._answers.arrived(query.id)
        try:
            await self._serialised(update, coroutine)
        finally:
            await self._answers.settle(query.id)

    async def _serialised(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = self._key(update)
        if key is None:
            async with self._slots:
                await coroutine
            return
        lock, users = self._locks.get(key, (asyncio.Lock(), 0))
        self._locks[key] = (lock, users + 1)
        try:
            async with lock, self._slots:
                if self._turn is None:
                    await coroutine
                else:
                    await self._in_turn(self._turn, key, coroutine)
        finally:
            lock, users = self._locks[key]
            if users <= 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)

    async def _in_turn(self, turn: Turn, key: int, coroutine: Awaitable[Any]) -> None:
        """The update inside the user's cross-process turn; if the turn cannot be taken (the
        database is unreachable), the update fails without leaving its coroutine un-awaited."""
        started = False
        try:
            async with turn(key):
                started = True
                await self._timed(key, coroutine)
        finally:
            if not started and inspect.iscoroutine(coroutine):
                coroutine.close()

    @staticmethod
    async def _timed(key: int, coroutine: Awaitable[Any]) -> None:
        """At DEBUG, one line per update: which worker held the user, from when to when."""
        began = time.time()
        try:
            await coroutine
        finally:
            if log.isEnabledFor(logging.DEBUG):
                log.debug(
                    "event=turn user=%s worker=%s began=%.6f ended=%.6f",
                    key,
                    os.getpid(),
                    began,
                    time.time(),
                )

    @property
    def in_flight(self) -> int:
        return len(self._locks)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""
