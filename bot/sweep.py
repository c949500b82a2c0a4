"""The reminder sweep: find due nudges, claim each, send it, mark it sent. I/O only.

What a nudge says is decided in flows (flows/dialogues/nudge.py) from the person's loaded state;
this module decides when, and carries it out. Durability: reminders live in the database with
their next due time (UTC seconds, indexed), and a sweep handles each due row on its own:
- a restart loses nothing (the rows are the schedule; there are no per-user jobs);
- a crash leaves at most the rows being sent at that moment claimed, by a process that is gone:
  the next sweep releases them at once (bot.storage ties a claim to its process) and sends them;
- however long the bot was down, a row is sent once and rescheduled from now: one catch-up.
The transport's `send` raises `Blocked` (the person blocked the bot) or `NudgeNotSent` (anything
else that failed); the sweep knows no transport.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from aiolimiter import AsyncLimiter

from bot.clock import Clock
from bot.storage import Storage
from flows.dialogues.nudge import decide_nudge
from flows.dialogues.reminder_settings import epoch, from_epoch
from flows.reply import Reply
from flows.schedule import ReminderSchedule
from flows.turn.context import Dialogues
from flows.turn.effects import Changes
from flows.turn.records import ReminderRecord

__all__ = ["NUDGES_PER_SECOND", "Blocked", "NudgeNotSent", "Sweep", "epoch"]

log = logging.getLogger("aipath.reminders")

CATCH_UP_AFTER = timedelta(hours=6)
"""A nudge this late is worded as a catch-up after downtime."""
NUDGES_PER_SECOND = 24
"""Nudges are bulk messages, kept under 25/s (Telegram allows about 30): one every 1/24 s, so
even with timing jitter no one-second window holds more than 25."""

Send = Callable[[int, Reply], Awaitable[None]]


class Blocked(Exception):
    """The person blocked the bot: their reminders wait until they come back (/start)."""


class NudgeNotSent(Exception):
    """Sending failed for another reason (rate limit, network): the next sweep tries again."""


@dataclass
class SweepStats:
    claimed: int = 0
    sent: int = 0
    deferred: int = 0
    blocked: int = 0
    failed: int = 0
    skipped_stale: int = 0
    users: list[int] = field(default_factory=list)


class Sweep:
    def __init__(
        self,
        dialogues: Dialogues,
        storage: Storage,
        *,
        clock: Clock,
        pace_per_second: float | None = None,
    ) -> None:
        self.dialogues = dialogues
        self.storage = storage
        self.clock = clock
        # One nudge every 1/pace seconds: no one-second window ever holds more than `pace`.
        self._pace = AsyncLimiter(1, 1 / pace_per_second) if pace_per_second else None

    async def run(self, send: Send, *, limit: int = 500, concurrency: int = 25) -> SweepStats:
        """Send every due nudge once. Called by ONE repeating JobQueue job."""
        now = self.clock()
        stats = SweepStats()
        stats.skipped_stale = await self.storage.release_lost_claims(epoch(now))
        rows = await self.storage.due_reminders(epoch(now), limit)
        gate = asyncio.Semaphore(concurrency)

        async def one(row: ReminderRecord) -> None:
            async with gate:  # claim only when about to send: a crash strands few claims
                claimed = await self.storage.claim(row.user_id, epoch(now))
                if claimed is None:
                    return
                stats.claimed += 1
                await self._deliver(claimed, now, send, stats)

        await asyncio.gather(*(one(r) for r in rows))
        return stats

    async def _deliver(
        self, row: ReminderRecord, now: datetime, send: Send, stats: SweepStats
    ) -> None:
        schedule = ReminderSchedule.model_validate_json(row.schedule)
        claimed = epoch(now)
        later = schedule.deliverable_at(now)
        if later > now:  # quiet hours: hold it until they end
            await self.storage.finish_claim(
                row.user_id, claimed, next_due=epoch(later), sent_at=None
            )
            stats.deferred += 1
            return
        state = await self.storage.load_turn(row.user_id)
        late = now - from_epoch(row.next_due or claimed) >= CATCH_UP_AFTER
        nudge = decide_nudge(
            self.dialogues, state, schedule, now, catch_up=late, fresh_key=secrets.token_urlsafe(12)
        )
        if nudge.plan is not None:  # created, re-dated, or a weekly summary remembered
            await self.storage.commit_turn(Changes(row.user_id, now, plan=nudge.plan))
        if nudge.reply is None and nudge.wait_until is not None:  # the plan starts later
            await self.storage.finish_claim(
                row.user_id, claimed, next_due=epoch(nudge.wait_until), sent_at=None
            )
            stats.deferred += 1
            return
        if nudge.reply is None:  # no plan or plan complete: nothing to nudge about
            await self.storage.finish_claim(
                row.user_id, claimed, next_due=None, sent_at=None, status="stopped"
            )
            return
        try:
            if self._pace is not None:
                async with self._pace:
                    await send(row.chat_id, nudge.reply)
            else:
                await send(row.chat_id, nudge.reply)
        except Blocked:
            await self.storage.finish_claim(
                row.user_id, claimed, next_due=None, sent_at=None, status="blocked"
            )
            stats.blocked += 1
            log.info("event=nudge_blocked user=%s", row.user_id)
            return
        except NudgeNotSent as exc:  # 429 beyond the limiter's retries, network: next sweep
            await self.storage.finish_claim(
                row.user_id, claimed, next_due=row.next_due, sent_at=None
            )
            stats.failed += 1
            log.warning("event=nudge_failed user=%s error=%s", row.user_id, exc)
            return
        await self.storage.finish_claim(
            row.user_id, claimed, next_due=epoch(schedule.next_due(now)), sent_at=claimed
        )
        stats.sent += 1
        stats.users.append(row.user_id)
