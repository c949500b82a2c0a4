"""Reminder schedules across timezones and daylight-saving changes; plan dating."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from flows.plan import Milestone
from flows.schedule import ReminderSchedule, date_plan, parse_local_time, parse_timezone


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "after", "expected"),
    [
        # Monday 18:00 local, asked on Sunday 2026-11-22
        ("UTC", utc(2026, 11, 22, 12), utc(2026, 11, 23, 18)),
        ("Europe/Berlin", utc(2026, 11, 22, 12), utc(2026, 11, 23, 17)),  # CET = UTC+1
        ("America/New_York", utc(2026, 11, 22, 12), utc(2026, 11, 23, 23)),  # EST = UTC-5
        ("Asia/Kolkata", utc(2026, 11, 22, 12), utc(2026, 11, 23, 12, 30)),  # IST = UTC+5:30
        ("Australia/Sydney", utc(2026, 11, 22, 12), utc(2026, 11, 23, 7)),  # AEDT = UTC+11
    ],
)
def test_weekly_nudge_lands_at_the_local_time(
    zone: str, after: datetime, expected: datetime
) -> None:
    schedule = ReminderSchedule(timezone=zone, weekdays=(0,), at=time(18, 0))
    assert schedule.next_due(after) == expected


def test_local_time_is_kept_across_the_spring_forward_change() -> None:
    # New York moves from EST (UTC-5) to EDT (UTC-4) on Sunday 2026-03-08.
    schedule = ReminderSchedule(timezone="America/New_York", cadence="daily", at=time(9, 0))
    before = schedule.next_due(utc(2026, 3, 7, 0))
    after = schedule.next_due(before)
    assert before == utc(2026, 3, 7, 14)  # 09:00 EST
    assert after == utc(2026, 3, 8, 13)  # 09:00 EDT: 23 hours later
    assert after.astimezone(schedule.zone).hour == 9


def test_local_time_is_kept_across_the_autumn_change() -> None:
    # Berlin moves from CEST (UTC+2) to CET (UTC+1) on Sunday 2026-10-25.
    schedule = ReminderSchedule(timezone="Europe/Berlin", weekdays=(6,), at=time(18, 0))
    first = schedule.next_due(utc(2026, 10, 17, 0))
    second = schedule.next_due(first)
    assert first == utc(2026, 10, 18, 16)
    assert second == utc(2026, 10, 25, 17)
    assert first.astimezone(schedule.zone).hour == second.astimezone(schedule.zone).hour == 18


def test_a_time_skipped_by_dst_moves_forward() -> None:
    schedule = ReminderSchedule(timezone="America/New_York", cadence="daily", at=time(2, 30))
    due = schedule.next_due(utc(2026, 3, 8, 0))
    assert due.astimezone(schedule.zone).hour == 3


def test_several_weekdays_and_strictly_after() -> None:
    schedule = ReminderSchedule(timezone="UTC", weekdays=(0, 3), at=time(7, 0))
    monday = utc(2026, 11, 23, 7)
    assert schedule.next_due(monday) == utc(2026, 11, 26, 7)  # Thursday, not the same instant


def test_quiet_hours_hold_a_nudge_until_they_end() -> None:
    schedule = ReminderSchedule(
        timezone="Europe/London", at=time(18, 0), quiet_start=time(22, 0), quiet_end=time(8, 0)
    )
    assert schedule.deliverable_at(utc(2026, 11, 23, 23)) == utc(2026, 11, 24, 8)
    assert schedule.deliverable_at(utc(2026, 11, 24, 3)) == utc(2026, 11, 24, 8)
    noon = utc(2026, 11, 24, 12)
    assert schedule.deliverable_at(noon) == noon


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        ("UTC+3", "Etc/GMT-3"),
        ("utc-5", "Etc/GMT+5"),
        ("+2", "Etc/GMT-2"),
        ("GMT", "UTC"),
        ("UTC+0", "UTC"),
        ("Mars/Olympus", None),
        ("UTC+5:30", None),
        ("", None),
        ("UTC+15", None),
    ],
)
def test_parse_timezone(typed: str, zone: str | None) -> None:
    assert parse_timezone(typed) == zone


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("18:30", time(18, 30)),
        ("7", time(7)),
        ("6pm", time(18)),
        ("6:15 am", time(6, 15)),
        ("1830", time(18, 30)),
        ("25:00", None),
        ("13pm", None),
        ("soon", None),
    ],
)
def test_parse_local_time(typed: str, expected: time | None) -> None:
    assert parse_local_time(typed) == expected


def test_date_plan_and_rebasing() -> None:
    plan = [
        Milestone(title=f"M{i}", milestone="x", start_week=1 + 4 * i, end_week=4 + 4 * i)
        for i in range(3)
    ]
    start = date(2026, 11, 23)
    dated = date_plan(plan, start)
    assert dated[0].start == start and dated[0].end == date(2026, 12, 20)
    assert dated[1].start == date(2026, 12, 21)
    rebased = date_plan(plan, start, rebase_index=1, rebase_date=date(2027, 2, 1))
    assert rebased[0] == dated[0]
    assert rebased[1].start == date(2027, 2, 1)
    assert rebased[2].start == date(2027, 3, 1)
