"""Updates from one user run strictly in order; different users run in parallel."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

PTB_SLOTS = 1 << 30


class PerUserUpdateProcessor(BaseUpdateProcessor):
    """Serialises updates per user with one lock each, dropped once nobody waits on it.

    An update takes one of the `max_concurrent_updates` slots only once it holds its user's
    lock: a person (or a group member) who sends 150 messages at once queues behind their own
    lock without occupying a slot, so everyone else keeps being answered.

    The lock table only holds users with an update in flight, so memory does not grow with the
    number of users.
    """

    def __init__(self, max_concurrent_updates: int = 256) -> None:
        # PTB's own semaphore (taken before `do_process_update`, final) must never make an
        # update wait: it is set far above any real backlog, and `_slots` does the limiting.
        super().__init__(PTB_SLOTS)
        self.slots = max_concurrent_updates
        self._locks: dict[int, tuple[asyncio.Lock, int]] = {}
        self._slots = asyncio.BoundedSemaphore(max_concurrent_updates)

    @staticmethod
    def _key(update: object) -> int | None:
        if isinstance(update, Update) and update.effective_user is not None:
            return update.effective_user.id
        return None

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """The user's lock first, then a slot (PTB's default takes the slot first)."""
        key = self._key(update)
        if key is None:
            async with self._slots:
                await coroutine
            return
        lock, users = self._locks.get(key, (asyncio.Lock(), 0))
        self._locks[key] = (lock, users + 1)
        try:
            async with lock, self._slots:
                await coroutine
        finally:
            lock, users = self._locks[key]
            if users <= 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)

    @property
    def in_flight(self) -> int:
        return len(self._locks)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""
