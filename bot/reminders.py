"""Reminder nudges: setup, management, the nudge buttons, and the one sweep that sends them.

Durability: reminders live in the database with their next due time (UTC seconds, indexed). A
sweep handles each due row on its own: claim it, send it, mark it sent. So:
- a restart loses nothing (the rows are the schedule; there are no per-user jobs);
- a crash leaves at most the rows being sent at that moment claimed, by a process that is gone:
  the next sweep releases them at once (bot.storage ties a claim to its process) and sends them;
- however long the bot was down, a row is sent once and rescheduled from now: one catch-up.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from aiolimiter import AsyncLimiter
from telegram.error import Forbidden, TelegramError

from bot.clock import Clock
from bot.plans import Plans
from bot.progress import Progress
from bot.storage import ReminderRecord, Storage
from flows.actions import ManageReminders, NudgePause, Snooze
from flows.content import ReminderText
from flows.events import Press, Text
from flows.reminder_setup import ReminderSetup, SetupState
from flows.reply import Button, Reply, ReplyBuilder
from flows.schedule import ReminderSchedule

log = logging.getLogger("aipath.reminders")

REMINDERS_AT = "rem"
NUDGE_AT = "nudge"
"""Screen names of the reminder settings and of nudge-related replies (`Reply.state`)."""
CATCH_UP_AFTER = timedelta(hours=6)
"""A nudge this late is worded as a catch-up after downtime."""
SNOOZES = {"day": timedelta(days=1), "week": timedelta(weeks=1)}
NUDGES_PER_SECOND = 24
"""Nudges are bulk messages, kept under 25/s (Telegram allows about 30): one every 1/24 s, so
even with timing jitter no one-second window holds more than 25."""

Send = Callable[[int, Reply], Awaitable[None]]


@dataclass
class SweepStats:
    claimed: int = 0
    sent: int = 0
    deferred: int = 0
    blocked: int = 0
    failed: int = 0
    skipped_stale: int = 0
    users: list[int] = field(default_factory=list)


def epoch(moment: datetime) -> int:
    return int(moment.timestamp())


def from_epoch(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


class Reminders:
    def __init__(
        self,
        plans: Plans,
        storage: Storage,
        words: ReminderText,
        *,
        clock: Clock,
        default_timezone: str = "UTC",
        pace_per_second: float | None = None,
    ) -> None:
        self.plans = plans
        self.storage = storage
        self.words = words
        self.setup = ReminderSetup(words)
        self.board = Progress(plans, storage, words, clock)
        """The progress screen, its ticks, and what nudges ask."""
        self.clock = clock
        self.default_timezone = default_timezone
        # One nudge every 1/pace seconds: no one-second window ever holds more than `pace`.
        self._pace = AsyncLimiter(1, 1 / pace_per_second) if pace_per_second else None

    # ------------------------------------------------------------------------------ setup

    async def start_setup(self, user_id: int, chat_id: int) -> Reply:
        record = await self.storage.load_reminder(user_id)
        if record is not None and record.status != "stopped":  # "Change": from what is set
            result = self.setup.start_from(ReminderSchedule.model_validate_json(record.schedule))
        else:
            result = self.setup.start(self._zone_of(record))
        assert result.state is not None and result.reply is not None
        await self._save_setup(user_id, chat_id, record, result.state)
        return result.reply

    async def setup_event(self, user_id: int, chat_id: int, event: Press | Text) -> Reply | None:
        """Route a press or typed text to the setup in progress; None if there is none."""
        record = await self.storage.load_reminder(user_id)
        if record is None or record.setup is None:
            return None
        result = self.setup.handle(SetupState.model_validate_json(record.setup), event)
        if result.state is not None:
            await self._save_setup(user_id, chat_id, record, result.state)
            assert result.reply is not None
            return result.reply
        assert result.schedule is not None
        now = self.clock()
        next_due = result.schedule.next_delivery(now)  # the time it will really arrive
        await self.storage.save_reminder(
            ReminderRecord(
                user_id=user_id,
                chat_id=chat_id,
                schedule=result.schedule.model_dump_json(),
                status="active",
                next_due=epoch(next_due),
            ),
            now=now,
        )
        text = self.words.messages["reminders_on"].format(
            when=self.setup.describe(result.schedule), next=self._local(result.schedule, next_due)
        )
        return self._manage_reply(text, "active")

    async def abandon_setup(self, user_id: int) -> None:
        """Forget a setup left half-way: another dialogue has taken over the screen."""
        record = await self.storage.load_reminder(user_id)
        if record is not None and record.setup is not None:
            await self.storage.save_reminder(replace(record, setup=None), now=self.clock())

    async def _save_setup(
        self, user_id: int, chat_id: int, record: ReminderRecord | None, state: SetupState
    ) -> None:
        await self.storage.save_reminder(
            ReminderRecord(
                user_id=user_id,
                chat_id=chat_id,
                schedule=record.schedule
                if record
                else ReminderSchedule(timezone=state.timezone).model_dump_json(),
                status=record.status if record else "stopped",
                next_due=record.next_due if record else None,
                setup=state.model_dump_json(),
            ),
            now=self.clock(),
        )

    def _zone_of(self, record: ReminderRecord | None) -> str:
        if record is None:
            return self.default_timezone
        return ReminderSchedule.model_validate_json(record.schedule).timezone

    # ------------------------------------------------------------------------------ manage

    async def overview(self, user_id: int, chat_id: int) -> Reply:
        """/reminders: the current settings with change / pause / stop, or the setup."""
        record = await self.storage.load_reminder(user_id)
        if record is None or record.status == "stopped":
            return await self.start_setup(user_id, chat_id)
        schedule = ReminderSchedule.model_validate_json(record.schedule)
        status = self.words.messages[f"status_{record.status}"]
        nxt = self._local(schedule, from_epoch(record.next_due)) if record.next_due else "—"
        text = self.words.messages["reminders_summary"].format(
            when=self.setup.describe(schedule), status=status, next=nxt
        )
        return self._manage_reply(text, record.status)

    async def manage(self, user_id: int, chat_id: int, action: str) -> Reply:
        """change / pause / stop / resume (the `op` of a ManageReminders press)."""
        m = self.words.messages
        now = self.clock()
        record = await self.storage.load_reminder(user_id)
        if action == "change" or record is None:
            return await self.start_setup(user_id, chat_id)
        schedule = ReminderSchedule.model_validate_json(record.schedule)
        if action == "pause":
            await self.storage.set_reminder_status(user_id, "paused", next_due=None, now=now)
            return self._manage_reply(m["reminders_paused"], "paused")
        if action == "stop":
            await self.storage.set_reminder_status(user_id, "stopped", next_due=None, now=now)
            return self._manage_reply(m["reminders_stopped"], "stopped")
        if action == "resume":
            nxt = schedule.next_delivery(now)
            await self.storage.set_reminder_status(user_id, "active", next_due=epoch(nxt), now=now)
            return self._manage_reply(
                m["reminders_resumed"].format(next=self._local(schedule, nxt)), "active"
            )
        return await self.overview(user_id, chat_id)

    async def on_return(self, user_id: int) -> None:
        """A user who had blocked the bot is back (/start): their reminders resume."""
        record = await self.storage.load_reminder(user_id)
        if record is not None and record.status == "blocked":
            now = self.clock()
            schedule = ReminderSchedule.model_validate_json(record.schedule)
            await self.storage.set_reminder_status(
                user_id, "active", next_due=epoch(schedule.next_due(now)), now=now
            )

    def _manage_reply(self, text: str, status: str) -> Reply:
        b = self.words.buttons
        out = ReplyBuilder()
        out.add("text", text)
        if status == "active":
            out.row(
                Button(b["change"], ManageReminders("change")),
                Button(b["pause"], ManageReminders("pause")),
                Button(b["stop"], ManageReminders("stop")),
            )
        elif status in ("paused", "blocked"):
            out.row(
                Button(b["resume"], ManageReminders("resume")),
                Button(b["change"], ManageReminders("change")),
                Button(b["stop"], ManageReminders("stop")),
            )
        else:
            out.row(Button(b["turn_on"], ManageReminders("change")))
        return out.build("info", REMINDERS_AT)

    def _local(self, schedule: ReminderSchedule, moment: datetime) -> str:
        return f"{moment.astimezone(schedule.zone):%a %d %b, %H:%M}"

    # ------------------------------------------------------------------------------ nudges

    async def nudge_action(self, user_id: int, chat_id: int, action: Snooze | NudgePause) -> Reply:
        """'Not yet' and 'Pause' on a nudge (ticks go to the progress board)."""
        if isinstance(action, Snooze):
            reply = await self.board.snooze(user_id, action.span)
            return reply or await self.overview(user_id, chat_id)
        return await self.manage(user_id, chat_id, "pause")

    def _text(self, text: str) -> Reply:
        out = ReplyBuilder()
        out.add("text", text)
        return out.build("info", NUDGE_AT)

    # ------------------------------------------------------------------------------ sweep

    async def sweep(self, send: Send, *, limit: int = 500, concurrency: int = 25) -> SweepStats:
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
        view = await self.plans.view(row.user_id)
        late = now - from_epoch(row.next_due or claimed) >= CATCH_UP_AFTER
        reply = await self.board.nudge(row.user_id, view, schedule, catch_up=late) if view else None
        if reply is None:  # no plan or plan complete: nothing to nudge about
            await self.storage.finish_claim(
                row.user_id, claimed, next_due=None, sent_at=None, status="stopped"
            )
            return
        try:
            if self._pace is not None:
                async with self._pace:
                    await send(row.chat_id, reply)
            else:
                await send(row.chat_id, reply)
        except Forbidden:
            await self.storage.finish_claim(
                row.user_id, claimed, next_due=None, sent_at=None, status="blocked"
            )
            stats.blocked += 1
            log.info("event=nudge_blocked user=%s", row.user_id)
            return
        except TelegramError as exc:  # 429 beyond the limiter's retries, network: next sweep
            await self.storage.finish_claim(
                row.user_id, claimed, next_due=row.next_due, sent_at=None
            )
            stats.failed += 1
            log.warning("event=nudge_failed user=%s error=%s", row.user_id, type(exc).__name__)
            return
        await self.storage.finish_claim(
            row.user_id, claimed, next_due=epoch(schedule.next_due(now)), sent_at=claimed
        )
        stats.sent += 1
        stats.users.append(row.user_id)
