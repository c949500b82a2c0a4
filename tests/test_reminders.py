"""Reminder nudges with an injected clock on both storage backends (a real SQLite file, a real
PostgreSQL server): no sleeping, no network."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from bench.telegram_driver import FakeClock
from bot.dispatcher import Dispatcher
from bot.storage import Storage, StorageOptions, open_storage
from bot.sweep import Blocked, NudgeNotSent, Sweep, SweepStats, epoch
from flows.actions import Action, ManageReminders, NudgeDone, NudgePause, Snooze
from flows.dialogues.dated_plan import PlanView, view_of
from flows.engine import Conversation, Engine
from flows.events import Command, Incoming, Press
from flows.reply import Reply
from flows.schedule import ReminderSchedule
from flows.turn.context import Dialogues
from flows.turn.effects import Decision
from flows.turn.records import ReminderRecord
from tests.conftest import BASE_PROFILE
from tests.stored import reminder, save

USER = 77
MONDAY_18_BERLIN = datetime(2026, 11, 23, 17, tzinfo=UTC)


class Outbox:
    """Stands in for Telegram: records what would be sent, or raises what Telegram would."""

    def __init__(self) -> None:
        self.sent: list[tuple[int, Reply]] = []
        self.fail_with: BaseException | None = None

    async def __call__(self, chat_id: int, reply: Reply) -> None:
        if self.fail_with is not None:
            raise self.fail_with
        self.sent.append((chat_id, reply))

    def text(self, index: int = -1) -> str:
        return "\n".join(b.text for b in self.sent[index][1].blocks)


@pytest.fixture
async def storage(database: str | Path):  # type: ignore[no-untyped-def]
    storage = await open_storage(database)
    yield storage
    await storage.close()


class Service:
    """One person's plan, progress and reminders through the real turn (load, decide, commit)
    and the real sweep, as the bot runs them."""

    def __init__(self, engine: Engine, storage: Storage, clock: FakeClock) -> None:
        self.dialogues = Dialogues.build(engine.content, engine=engine, resume_after=None)
        self.storage = storage
        self.clock = clock
        self.dispatcher = Dispatcher(self.dialogues, storage, clock=clock)
        self.sweeper = Sweep(self.dialogues, storage, clock=clock)

    async def handle(self, event: Incoming, user_id: int = USER) -> Decision:
        return await self.dispatcher.handle(user_id, user_id, event)

    async def press(self, action: Action) -> Reply:
        """The screen a press shows (the last one)."""
        return (await self.handle(Press(action))).screens[-1]

    async def command(self, name: str) -> Reply:
        return (await self.handle(Command(name))).screens[-1]

    async def sweep(self, send: Outbox) -> SweepStats:
        return await self.sweeper.run(send)

    async def plan(self, user_id: int = USER, *, store: bool = True) -> PlanView | None:
        """The plan as the next turn sees it; `store`: as a turn that looks at it stores it
        (created on first view, re-dated after an hours change)."""
        if store:
            await self.handle(Command("progress"), user_id)
        state = await self.storage.load_turn(user_id)
        engine = self.dialogues.engine
        return view_of(engine, state.conversation, state.plan, self.clock().date(), "key")


def service(engine: Engine, storage: Storage, clock: FakeClock) -> Service:
    return Service(engine, storage, clock)


async def finished_user(
    storage: Storage, clock: FakeClock, schedule: ReminderSchedule, *, user_id: int = USER
) -> None:
    conv = Conversation(state="recommendation", answers=BASE_PROFILE)
    due = epoch(schedule.next_due(clock() - timedelta(minutes=1)))
    record = ReminderRecord(user_id, user_id, schedule.model_dump_json(), "active", due)
    await save(storage, user_id, conv, now=clock(), chat_id=user_id, reminder=record)


BERLIN = ReminderSchedule(timezone="Europe/Berlin", weekdays=(0,), at=time(18, 0))


async def test_nudge_is_sent_at_the_local_time_and_only_once(
    engine: Engine, storage: Storage
) -> None:
    clock = FakeClock(datetime(2026, 11, 22, 12, tzinfo=UTC))
    reminders, outbox = service(engine, storage, clock), Outbox()
    await finished_user(storage, clock, BERLIN)
    assert (await reminders.sweep(outbox)).sent == 0
    clock.now = MONDAY_18_BERLIN - timedelta(seconds=1)
    assert (await reminders.sweep(outbox)).sent == 0
    clock.now = MONDAY_18_BERLIN
    assert (await reminders.sweep(outbox)).sent == 1
    assert (await reminders.sweep(outbox)).sent == 0
    assert "Milestone 1 of" in outbox.text() and "(0% of your plan done)" in outbox.text()
    record = await reminder(storage, USER)
    assert record is not None and record.next_due == epoch(MONDAY_18_BERLIN + timedelta(days=7))


async def test_done_advances_the_plan_and_counts_the_streak(
    engine: Engine, storage: Storage
) -> None:
    clock = FakeClock(MONDAY_18_BERLIN)
    reminders = service(engine, storage, clock)
    await finished_user(storage, clock, BERLIN)
    reply = await reminders.press(NudgeDone(0))
    assert "Well done! Next up:" in reply.blocks[0].text
    progress = await reminders.command("progress")
    assert "1 of" in progress.blocks[0].text and "Weekly streak: 1" in progress.blocks[0].text


async def test_snooze_pause_resume_and_stop(engine: Engine, storage: Storage) -> None:
    clock = FakeClock(MONDAY_18_BERLIN)
    reminders, outbox = service(engine, storage, clock), Outbox()
    await finished_user(storage, clock, BERLIN)
    await reminders.sweep(outbox)
    reply = await reminders.press(Snooze("day"))
    # a Monday-only schedule: "not yet" waits for its next Monday, not an extra Tuesday nudge
    assert "Mon 30 Nov, 18:00" in reply.blocks[0].text
    clock.advance(days=7, hours=-1)
    assert (await reminders.sweep(outbox)).sent == 0
    clock.advance(hours=1)
    assert (await reminders.sweep(outbox)).sent == 1
    await reminders.press(NudgePause())
    clock.advance(days=30)
    assert (await reminders.sweep(outbox)).sent == 0
    await reminders.press(ManageReminders("resume"))
    clock.advance(days=7)
    assert (await reminders.sweep(outbox)).sent == 1
    await reminders.press(ManageReminders("stop"))
    clock.advance(days=7)
    assert (await reminders.sweep(outbox)).sent == 0
    record = await reminder(storage, USER)
    assert record is not None and record.status == "stopped"


async def test_downtime_collapses_into_one_catch_up(engine: Engine, storage: Storage) -> None:
    clock = FakeClock(datetime(2026, 11, 22, 12, tzinfo=UTC))
    reminders, outbox = service(engine, storage, clock), Outbox()
    daily = ReminderSchedule(timezone="UTC", cadence="daily", at=time(9, 0))
    await finished_user(storage, clock, daily)
    clock.advance(days=5)  # five missed daily nudges while the bot was down
    assert (await reminders.sweep(outbox)).sent == 1
    assert (await reminders.sweep(outbox)).sent == 0
    assert "catch-up" in outbox.text()
    record = await reminder(storage, USER)
    assert record is not None and record.next_due is not None
    assert record.next_due > epoch(clock())


async def test_quiet_hours_defer_a_late_nudge(engine: Engine, storage: Storage) -> None:
    clock = FakeClock(datetime(2026, 11, 22, 12, tzinfo=UTC))
    reminders, outbox = service(engine, storage, clock), Outbox()
    quiet = ReminderSchedule(
        timezone="UTC",
        cadence="daily",
        at=time(21, 0),
        quiet_start=time(22, 0),
        quiet_end=time(8, 0),
    )
    await finished_user(storage, clock, quiet)
    clock.now = datetime(2026, 11, 23, 2, tzinfo=UTC)  # back online at 2 a.m.
    stats = await reminders.sweep(outbox)
    assert stats.deferred == 1 and not outbox.sent
    clock.now = datetime(2026, 11, 23, 8, tzinfo=UTC)
    assert (await reminders.sweep(outbox)).sent == 1


async def test_a_blocked_user_is_disabled_until_they_return(
    engine: Engine, storage: Storage
) -> None:
    clock = FakeClock(MONDAY_18_BERLIN)
    reminders, outbox = service(engine, storage, clock), Outbox()
    await finished_user(storage, clock, BERLIN)
    outbox.fail_with = Blocked()
    assert (await reminders.sweep(outbox)).blocked == 1
    outbox.fail_with = None
    clock.advance(days=14)
    assert (await reminders.sweep(outbox)).sent == 0
    await reminders.command("start")
    clock.advance(days=7)
    assert (await reminders.sweep(outbox)).sent == 1


async def test_a_429_leaves_the_nudge_for_the_next_sweep(engine: Engine, storage: Storage) -> None:
    clock = FakeClock(MONDAY_18_BERLIN)
    reminders, outbox = service(engine, storage, clock), Outbox()
    await finished_user(storage, clock, BERLIN)
    outbox.fail_with = NudgeNotSent("RetryAfter")
    assert (await reminders.sweep(outbox)).failed == 1
    outbox.fail_with = None
    clock.advance(seconds=30)
    assert (await reminders.sweep(outbox)).sent == 1


async def test_a_claim_left_by_a_crash_is_sent_once_after_the_lease(
    engine: Engine, storage: Storage
) -> None:
    clock = FakeClock(MONDAY_18_BERLIN)
    await finished_user(storage, clock, BERLIN)
    # A sweep claimed the row, then the process died before sending it.
    assert await storage.claim(USER, epoch(clock())) is not None
    reminders, outbox = service(engine, storage, clock), Outbox()
    assert (await reminders.sweep(outbox)).sent == 0  # still within the lease: not sent twice
    clock.advance(seconds=StorageOptions().claim_lease + 1)
    stats = await reminders.sweep(outbox)
    assert stats.skipped_stale == 1 and stats.sent == 1  # back to due, sent once
    assert (await reminders.sweep(outbox)).sent == 0
    clock.advance(days=7)
    assert (await reminders.sweep(outbox)).sent == 1  # the schedule carries on


SWEEP_SCRIPT = """
import asyncio, sys
from datetime import datetime
from bot.storage import open_storage
from bot.sweep import Sweep
from flows.content import default_content
from flows.turn.context import Dialogues

async def main():
    storage = await open_storage(sys.argv[1])
    now = datetime.fromisoformat(sys.argv[2])
    sweep = Sweep(Dialogues.build(default_content()), storage, clock=lambda: now)
    sent = []
    async def send(chat_id, reply):
        sent.append(chat_id)
    await sweep.run(send)
    await storage.close()
    print(",".join(map(str, sent)))

asyncio.run(main())
"""


async def test_a_new_process_resumes_the_schedule(
    engine: Engine, storage: Storage, database: str | Path
) -> None:
    clock = FakeClock(datetime(2026, 11, 22, 12, tzinfo=UTC))
    await finished_user(storage, clock, BERLIN)
    await finished_user(
        storage,
        clock,
        ReminderSchedule(timezone="America/New_York", weekdays=(0,), at=time(18, 0)),
        user_id=USER + 1,
    )

    def sweep_in_new_process(now: datetime) -> list[int]:
        out = subprocess.run(
            [sys.executable, "-c", SWEEP_SCRIPT, str(database), now.isoformat()],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
        return [int(x) for x in out.stdout.strip().split(",") if x]

    assert sweep_in_new_process(MONDAY_18_BERLIN) == [USER]
    assert sweep_in_new_process(MONDAY_18_BERLIN + timedelta(hours=6)) == [USER + 1]
    assert sweep_in_new_process(MONDAY_18_BERLIN + timedelta(hours=7)) == []


async def test_changing_weekly_hours_redates_the_rest_of_the_plan(
    engine: Engine, storage: Storage
) -> None:
    clock = FakeClock(datetime(2026, 11, 23, 9, tzinfo=UTC))
    plans = service(engine, storage, clock)
    profile = {
        **BASE_PROFILE,
        "learning_style": "self_directed",
        "budget_usd": 0,
        "hours_per_week": 20,
    }
    finished = Conversation(state="recommendation", answers=profile)
    await save(storage, USER, finished, now=clock(), chat_id=USER)
    first = await plans.plan()
    assert first is not None and first.recommendation.path == "self_study"
    await plans.press(NudgeDone(0))
    clock.advance(days=60)
    slower = {**profile, "hours_per_week": 8}
    slower_done = Conversation(state="recommendation", answers=slower)
    await save(storage, USER, slower_done, now=clock(), chat_id=USER)
    again = await plans.plan(store=False)
    assert again is not None and again.redated
    done = again.milestones[0]  # the finished one keeps its start and ends before the change
    assert done.start == first.milestones[0].start and done.end < clock().date()
    assert again.milestones[1].start == clock().date()  # the rest runs from the change
    old_span = first.milestones[-1].end - first.milestones[1].start
    new_span = again.milestones[-1].end - again.milestones[1].start
    assert new_span > old_span  # fewer hours a week: a longer plan
    screen = await plans.command("plan")
    assert "your plan now runs from" in "\n".join(b.text for b in screen.blocks)
    assert not (await plans.plan()).redated  # only once  # type: ignore[union-attr]
