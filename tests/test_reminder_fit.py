"""Reminder setup that fits: a time inside quiet hours gets a choice, "Change" starts from the
current settings, and the confirmation shows the time the nudge will really arrive."""

from __future__ import annotations

from datetime import UTC, datetime, time
from pathlib import Path

import pytest

from bench.telegram_driver import FakeClock
from bot.storage import Storage, open_storage
from flows.actions import (
    ManageReminders,
    QuietChange,
    QuietMove,
    SetupCadence,
    SetupQuiet,
    SetupTime,
    SetupZone,
)
from flows.content import Content
from flows.engine import Engine
from flows.events import Press, Text
from flows.reminder_setup import ReminderSetup, SetupResult
from flows.reminder_setup_state import SetupState
from flows.reply import Reply
from flows.schedule import ReminderSchedule
from tests.test_reminders import finished_user, service


def labels(reply: Reply | None) -> list[str]:
    assert reply is not None
    return [b.label for b in reply.flat_buttons]


def text(reply: Reply | None) -> str:
    assert reply is not None
    return "\n".join(b.text for b in reply.blocks)


def walk(setup: ReminderSetup, *steps: Press | Text) -> SetupResult:
    result = setup.start("UTC")
    for step in steps:
        assert result.state is not None
        result = setup.handle(result.state, step)
    return result


def test_a_time_inside_quiet_hours_gets_a_clear_choice(content: Content) -> None:
    setup = ReminderSetup(content.reminders)
    result = walk(
        setup,
        Press(SetupZone("UTC")),
        Press(SetupCadence("daily")),
        Text("23:00"),
        Press(SetupQuiet("night")),
    )
    assert result.schedule is None and result.state is not None  # nothing saved yet
    assert result.state.step == "conflict"
    assert "23:00 falls inside your quiet hours (22:00–08:00)" in text(result.reply)
    assert labels(result.reply) == ["Move to 21:30", "Move to 08:00", "Change quiet hours"]

    moved = setup.handle(result.state, Press(QuietMove("21:30")))
    assert moved.schedule is not None and moved.schedule.at == time(21, 30)
    assert moved.schedule.quiet_start == time(22, 0)

    again = setup.handle(result.state, Press(QuietChange()))
    assert again.state is not None and again.state.step == "quiet"
    fixed = setup.handle(again.state, Press(SetupQuiet("none")))
    assert fixed.schedule is not None and fixed.schedule.at == time(23, 0)
    assert fixed.schedule.quiet_start is None

    typed = setup.handle(result.state, Text("07:00"))  # still quiet: asked again
    assert typed.state is not None and typed.state.step == "conflict"
    typed = setup.handle(result.state, Text("19:00"))
    assert typed.schedule is not None and typed.schedule.at == time(19, 0)


def test_a_time_outside_quiet_hours_is_saved_at_once(content: Content) -> None:
    result = walk(
        ReminderSetup(content.reminders),
        Press(SetupZone("UTC")),
        Press(SetupCadence("daily")),
        Press(SetupTime("20:00")),
        Press(SetupQuiet("night")),
    )
    assert result.schedule is not None and result.schedule.quiet_conflict() is None


def test_change_starts_from_the_current_settings(content: Content) -> None:
    setup = ReminderSetup(content.reminders)
    current = ReminderSchedule(
        timezone="Europe/Berlin",
        cadence="daily",
        at=time(7, 15),
        quiet_start=time(22, 0),
        quiet_end=time(8, 0),
    )
    result = setup.start_from(current)
    assert isinstance(result.state, SetupState)
    assert "Now set: every day at 07:15 (Europe/Berlin), quiet 22:00–08:00" in text(result.reply)
    assert "✓ Berlin / Paris" in labels(result.reply)
    result = setup.handle(result.state, Press(SetupZone("Europe/Berlin")))
    assert "✓ Daily" in labels(result.reply)
    assert result.state is not None
    result = setup.handle(result.state, Press(SetupCadence("daily")))
    assert labels(result.reply)[0] == "✓ 07:15"  # not a preset: offered first, ticked
    assert result.state is not None
    result = setup.handle(result.state, Press(SetupTime("07:15")))
    assert "✓ 22:00–08:00" in labels(result.reply)
    assert result.state is not None
    # 07:15 is inside 22:00–08:00: keeping both would mean silently moved nudges
    result = setup.handle(result.state, Press(SetupQuiet("night")))
    assert result.state is not None and result.state.step == "conflict"


@pytest.fixture
async def storage(tmp_path: Path):  # type: ignore[no-untyped-def]
    storage = await open_storage(tmp_path / "bot.db")
    yield storage
    await storage.close()


async def test_the_confirmation_shows_when_the_nudge_really_arrives(
    engine: Engine, storage: Storage
) -> None:
    clock = FakeClock(datetime(2026, 11, 23, 12, tzinfo=UTC))  # Monday 12:00 UTC
    reminders = service(engine, storage, clock)
    late = ReminderSchedule(cadence="daily", at=time(18, 0))
    await finished_user(storage, clock, late)
    screen = await reminders.press(ManageReminders("change"))
    assert "Now set: every day at 18:00 (UTC), no quiet hours" in text(screen)
    for step in (
        Press(SetupZone("UTC")),
        Press(SetupCadence("daily")),
        Press(SetupTime("20:00")),
        Press(SetupQuiet("late")),
    ):
        reply = (await reminders.handle(step)).screens[-1]
    assert "Next one: Mon 23 Nov, 20:00" in text(reply)


async def test_resuming_an_old_schedule_shows_the_real_next_time(
    engine: Engine, storage: Storage
) -> None:
    clock = FakeClock(datetime(2026, 11, 23, 12, tzinfo=UTC))
    reminders = service(engine, storage, clock)
    # saved before conflicts were caught: 23:00 inside 22:00–08:00
    old = ReminderSchedule(
        cadence="daily", at=time(23, 0), quiet_start=time(22, 0), quiet_end=time(8, 0)
    )
    await finished_user(storage, clock, old)
    await reminders.press(ManageReminders("pause"))
    reply = await reminders.press(ManageReminders("resume"))
    assert "Next one: Tue 24 Nov, 08:00" in text(reply)  # not a 23:00 that never comes
