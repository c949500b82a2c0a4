"""Nudges that fit: quiet-hour conflicts, the real next time, snoozes in step with the schedule."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from flows.schedule import ReminderSchedule


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


NIGHT = {"quiet_start": time(22, 0), "quiet_end": time(8, 0)}


@pytest.mark.parametrize(
    ("at", "conflict"),
    [
        (time(23, 0), True),
        (time(22, 0), True),
        (time(7, 59), True),
        (time(8, 0), False),
        (time(21, 59), False),
        (time(18, 0), False),
    ],
)
def test_a_time_inside_quiet_hours_is_a_conflict(at: time, conflict: bool) -> None:
    schedule = ReminderSchedule(cadence="daily", at=at, **NIGHT)
    assert (schedule.quiet_conflict() is not None) is conflict


def test_a_conflict_offers_the_nearest_times_on_either_side() -> None:
    found = ReminderSchedule(cadence="daily", at=time(23, 0), **NIGHT).quiet_conflict()
    assert found is not None
    assert (found.before, found.after) == (time(21, 30), time(8, 0))
    # quiet hours that do not cross midnight
    day = ReminderSchedule(at=time(13, 0), quiet_start=time(12, 0), quiet_end=time(14, 0))
    found = day.quiet_conflict()
    assert found is not None and (found.before, found.after) == (time(11, 30), time(14, 0))
    assert ReminderSchedule(at=time(23, 0)).quiet_conflict() is None  # no quiet hours


def test_the_next_time_shown_is_the_time_it_will_really_arrive() -> None:
    schedule = ReminderSchedule(timezone="Europe/Berlin", cadence="daily", at=time(23, 0), **NIGHT)
    now = utc(2026, 11, 23, 12)  # Monday 13:00 in Berlin
    assert schedule.next_due(now) == utc(2026, 11, 23, 22)  # 23:00 local: inside quiet hours
    assert schedule.next_delivery(now) == utc(2026, 11, 24, 7)  # 08:00 local next morning


def test_not_yet_on_a_daily_schedule_asks_again_tomorrow_at_the_usual_time() -> None:
    daily = ReminderSchedule(cadence="daily", at=time(18, 0))
    pressed = utc(2026, 11, 23, 18, 5)  # Monday, just after the nudge
    assert daily.snooze_until(pressed, 1) == utc(2026, 11, 24, 18)
    # pressed in the small hours: "tomorrow" is still the next calendar day
    assert daily.snooze_until(utc(2026, 11, 24, 0, 30), 1) == utc(2026, 11, 25, 18)
    assert daily.snooze_until(pressed, 7) == utc(2026, 11, 30, 18)


def test_not_yet_on_a_weekly_schedule_waits_for_the_next_nudge_day() -> None:
    weekly = ReminderSchedule(weekdays=(0, 3), at=time(18, 0))  # Mon and Thu
    pressed = utc(2026, 11, 23, 18, 5)  # Monday
    assert weekly.snooze_until(pressed, 1) == utc(2026, 11, 26, 18)  # Thursday, not Tuesday
    assert weekly.snooze_until(pressed, 7) == utc(2026, 11, 30, 18)


def test_a_snooze_never_lands_in_quiet_hours() -> None:
    schedule = ReminderSchedule(
        cadence="daily", at=time(7, 0), quiet_start=time(22, 0), quiet_end=time(7, 30)
    )
    assert schedule.snooze_until(utc(2026, 11, 23, 9), 1) == utc(2026, 11, 24, 7, 30)


def test_after_this_weeks_step_nudges_rest_until_a_given_day() -> None:
    daily = ReminderSchedule(timezone="America/New_York", cadence="daily", at=time(9, 0))
    assert daily.first_slot_from(date(2026, 11, 30)) == utc(2026, 11, 30, 14)  # 09:00 EST
    weekly = ReminderSchedule(weekdays=(2,), at=time(9, 0))
    assert weekly.first_slot_from(date(2026, 11, 30)) == utc(2026, 12, 2, 9)  # its Wednesday
    assert daily.summary_day() == 0
    assert ReminderSchedule(weekdays=(4, 2), at=time(9, 0)).summary_day() == 2
