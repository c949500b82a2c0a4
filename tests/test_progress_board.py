"""Ticking progress off: the progress screen's buttons, honest streaks, nudges about this week's
step, snoozes in step with the schedule, the weekly summary. Real SQLite, injected clock."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from bench.telegram_driver import FakeClock
from bot.outputs import plan_files
from bot.storage import Storage, open_storage
from bot.sweep import epoch
from flows.actions import (
    NudgeDone,
    PlanStart,
    ProgressSkip,
    ProgressUndo,
    ShowPlan,
    Snooze,
    StepDone,
)
from flows.engine import Engine
from flows.events import Command
from flows.reply import Reply
from flows.schedule import ReminderSchedule
from flows.turn.effects import SendPlanFiles
from tests.stored import reminder, set_due
from tests.test_reminders import USER, Outbox, finished_user, service

MONDAY_9_UTC = datetime(2026, 11, 23, 9, tzinfo=UTC)
DAILY = ReminderSchedule(timezone="UTC", cadence="daily", at=time(18, 0))


@pytest.fixture
async def storage(tmp_path: Path):  # type: ignore[no-untyped-def]
    storage = await open_storage(tmp_path / "bot.db")
    yield storage
    await storage.close()


def text(reply: Reply) -> str:
    return "\n".join(b.text for b in reply.blocks)


def actions(reply: Reply) -> list[object]:
    return [b.action for b in reply.flat_buttons]


async def test_progress_screen_ticks_off_undoes_and_skips(engine: Engine, storage: Storage) -> None:
    clock = FakeClock(MONDAY_9_UTC)
    reminders = service(engine, storage, clock)
    await finished_user(storage, clock, DAILY)
    board = reminders
    screen = await board.command("progress")
    assert "0 of" in text(screen) and "Now: milestone 1 of" in text(screen)
    assert "Week 1 of" in text(screen)
    # Mid-milestone, this week's step and the whole milestone are ticked off separately.
    assert actions(screen) == [StepDone(0, 1), NudgeDone(0), ProgressSkip(0), ShowPlan()]
    step = await board.press(StepDone(0, 1))
    assert "counts for this week's streak" in text(step) and "0 of" in text(step)

    assert ProgressUndo(epoch(clock())) in actions(step)  # every tick can be undone
    clock.advance(minutes=1)
    screen = await board.press(NudgeDone(0))
    assert "Well done!" in text(screen) and "Weekly streak: 1" in text(screen)
    assert ProgressUndo(epoch(clock())) in actions(screen)
    # a second tap on the same button (or an old nudge) changes nothing
    again = await board.press(NudgeDone(0))
    assert "1 of" in text(again) and "Well done!" not in text(again)

    screen = await board.press(ProgressUndo(epoch(clock())))
    assert "milestone 1 is open again" in text(screen) and "0 of" in text(screen)
    # the step ticked before it is still done, and can be undone next
    assert ProgressUndo(epoch(clock() - timedelta(minutes=1))) in actions(screen)

    clock.advance(weeks=1)
    screen = await board.press(ProgressSkip(0))
    assert "Skipped to milestone 2" in text(screen) and "1 of" in text(screen)
    # skipping is not progress: last week's tick still holds the streak, this week adds nothing
    assert "Weekly streak: 1" in text(screen)
    clock.advance(weeks=1)
    assert "Weekly streak: 0" in text(await board.command("progress"))


async def test_not_yet_never_grows_the_streak(engine: Engine, storage: Storage) -> None:
    clock = FakeClock(MONDAY_9_UTC)
    reminders = service(engine, storage, clock)
    await finished_user(storage, clock, DAILY)
    for _ in range(3):
        await reminders.press(Snooze("day"))
        clock.advance(weeks=1)
    assert (await storage.load_turn(USER)).checkin_weeks == ()
    assert "Weekly streak: 0" in text(await reminders.command("progress"))


async def test_daily_not_yet_asks_again_tomorrow_at_the_usual_time(
    engine: Engine, storage: Storage
) -> None:
    clock = FakeClock(datetime(2026, 11, 23, 18, 5, tzinfo=UTC))
    reminders = service(engine, storage, clock)
    await finished_user(storage, clock, DAILY)
    reply = await reminders.press(Snooze("week"))
    assert "Mon 30 Nov, 18:00" in text(reply)
    reply = await reminders.press(Snooze("day"))
    assert "Tue 24 Nov, 18:00" in text(reply)
    record = await reminder(storage, USER)
    assert record is not None
    assert record.next_due == epoch(datetime(2026, 11, 24, 18, tzinfo=UTC))


async def test_long_milestone_nudges_ask_about_this_weeks_step_then_rest(
    engine: Engine, storage: Storage
) -> None:
    clock = FakeClock(datetime(2026, 11, 24, 18, tzinfo=UTC))  # Tuesday
    reminders, outbox = service(engine, storage, clock), Outbox()
    await finished_user(storage, clock, DAILY)
    await set_due(storage, USER, epoch(clock()), now=clock())
    assert (await reminders.sweep(outbox)).sent == 1
    nudge = outbox.sent[-1][1]
    assert "This week's step:" in text(nudge) and "Done with this week's step?" in text(nudge)
    step = next(a for a in actions(nudge) if isinstance(a, StepDone))
    assert step == StepDone(0, 1)
    assert NudgeDone(0) in actions(nudge)

    screen = await reminders.press(step)
    # the plan started today (Tuesday): its second week starts next Tuesday
    assert "I'll stay quiet until Tue 01 Dec, 18:00" in text(screen)
    assert "Weekly streak: 1" in text(screen)
    for _ in range(6):  # Wednesday to Monday: no more asking about a step already done
        clock.advance(days=1)
        assert (await reminders.sweep(outbox)).sent == 0
    clock.advance(days=1)
    assert (await reminders.sweep(outbox)).sent == 1
    assert "Week 2 of" in text(outbox.sent[-1][1])


async def test_the_summary_day_opens_with_the_week_in_review(
    engine: Engine, storage: Storage
) -> None:
    clock = FakeClock(datetime(2026, 11, 24, 18, tzinfo=UTC))  # Tuesday
    reminders, outbox = service(engine, storage, clock), Outbox()
    await finished_user(storage, clock, DAILY)
    await reminders.press(NudgeDone(0))
    view = await reminders.plan()
    assert view is not None
    first = view.milestones[0].title
    clock.now = datetime(2026, 11, 30, 18, tzinfo=UTC)  # Monday, the summary day
    await set_due(storage, USER, epoch(clock()), now=clock())
    assert (await reminders.sweep(outbox)).sent == 1
    monday = text(outbox.sent[-1][1])
    assert monday.index("Your week in review") < monday.index("Milestone 2 of")
    assert f"Done: {first}." in monday
    clock.advance(days=1)
    assert (await reminders.sweep(outbox)).sent == 1
    assert "Your week in review" not in text(outbox.sent[-1][1])


async def test_the_last_week_of_a_milestone_asks_for_its_outcome(
    engine: Engine, storage: Storage
) -> None:
    clock = FakeClock(MONDAY_9_UTC)
    reminders, outbox = service(engine, storage, clock), Outbox()
    await finished_user(storage, clock, DAILY)
    view = await reminders.plan()
    assert view is not None and view.current is not None
    clock.now = datetime.combine(view.current.end, time(18), tzinfo=UTC) - timedelta(days=1)
    await set_due(storage, USER, epoch(clock()), now=clock())
    assert (await reminders.sweep(outbox)).sent == 1
    nudge = outbox.sent[-1][1]
    current = view.current
    outcome = current.weekly_steps[-1] if current.weekly_steps else current.milestone
    assert "Is this milestone done?" in text(nudge) and outcome in text(nudge)
    assert not any(isinstance(a, StepDone) for a in actions(nudge))


async def test_the_roadmap_renders_off_the_event_loop(engine: Engine, storage: Storage) -> None:
    """Other people's updates keep flowing while one roadmap renders (it takes ~0.2-1 s)."""
    clock = FakeClock(MONDAY_9_UTC)
    reminders = service(engine, storage, clock)
    await finished_user(storage, clock, DAILY)
    decision = await reminders.handle(Command("plan"))
    effect = next(e for e in decision.effects if isinstance(e, SendPlanFiles))
    task = asyncio.create_task(plan_files(effect))
    turns = 0
    while not task.done():
        await asyncio.sleep(0)  # a yield, not a wait: the loop is free between these
        turns += 1
    files = await task
    assert turns > 20, "rendering held the event loop"
    assert files[0].picture and files[-1].name == "ai-path-plan.ics"


async def test_a_nudge_due_before_the_plan_starts_waits_for_its_first_day(
    engine: Engine, storage: Storage
) -> None:
    """Issue 21.1, in the sweep itself: a reminder row that comes due before the plan's start
    (set up before the start was moved, or stored by an older release) sends nothing, and is
    put off to the first slot on the start day."""
    clock = FakeClock(datetime(2026, 12, 11, 18, tzinfo=UTC))  # Friday, 18:00
    reminders, outbox = service(engine, storage, clock), Outbox()
    await finished_user(storage, clock, DAILY)
    await reminders.press(PlanStart("2w"))  # from Fri 25 Dec
    await set_due(storage, USER, epoch(clock()), now=clock())
    stats = await reminders.sweep(outbox)
    assert stats.sent == 0 and outbox.sent == []
    record = await reminder(storage, USER)
    assert record is not None and record.status == "active"
    assert record.next_due == epoch(datetime(2026, 12, 25, 18, tzinfo=UTC))
    clock.now = datetime(2026, 12, 25, 18, tzinfo=UTC)
    assert (await reminders.sweep(outbox)).sent == 1
    assert "Week 1 of" in text(outbox.sent[-1][1])
