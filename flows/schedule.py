"""Reminder schedules and dated plans: pure date arithmetic, no I/O, no clock of its own.

Local times are turned into UTC with zoneinfo for each occurrence separately, so a nudge set for
18:00 stays at 18:00 local time across daylight-saving changes.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator

from flows.plan import Milestone

Cadence = Literal["daily", "weekly"]

_ZONE_NAME = re.compile(r"^[A-Za-z0-9_+\-]+(?:/[A-Za-z0-9_+\-]+){0,2}$")
"""What an IANA zone name can look like: checked before zoneinfo, which turns anything else
(e.g. 300 bytes of text) into a file path and raises an OSError naming it."""
_ZONE_MAX = 64

_OFFSET = re.compile(r"^(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)


def parse_timezone(text: str) -> str | None:
    """An IANA zone name ('Europe/Berlin') or a UTC offset ('UTC+3', '+05:30'); None if neither.

    Whole-hour offsets map to the IANA 'Etc/GMT∓N' zones (note their inverted sign).
    """
    raw = text.strip()
    if not raw:
        return None
    if raw.upper() in ("UTC", "GMT", "Z"):
        return "UTC"
    match = _OFFSET.match(raw)
    if match:
        sign, hours, minutes = match.group(1), int(match.group(2)), int(match.group(3) or 0)
        if minutes or hours > 14:
            return None
        if hours == 0:
            return "UTC"
        return f"Etc/GMT{'-' if sign == '+' else '+'}{hours}"
    if len(raw) > _ZONE_MAX or not _ZONE_NAME.match(raw):
        return None
    try:
        ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
    return raw


def parse_local_time(text: str) -> time | None:
    """'18:30', '18.30', '1830', '6pm', '6:30 pm' → a time; None if it is not one."""
    raw = text.strip().lower().replace(" ", "")
    match = re.fullmatch(r"(\d{1,2})(?:[:.h]?(\d{2}))?(am|pm)?", raw)
    if not match:
        return None
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


QUIET_MARGIN = timedelta(minutes=30)
"""A time moved out of quiet hours to before them lands this long before they start."""


class QuietConflict(BaseModel):
    """A reminder time inside the quiet hours, and the two nearest times outside them."""

    model_config = ConfigDict(frozen=True)

    chosen: time
    quiet_start: time
    quiet_end: time
    before: time
    after: time


class ReminderSchedule(BaseModel):
    """When a person wants nudges, in their own timezone."""

    model_config = ConfigDict(frozen=True)

    timezone: str = "UTC"
    weekdays: tuple[int, ...] = Field(default=(0,), min_length=1)
    """Monday = 0 … Sunday = 6; used when cadence is weekly."""
    at: time = time(18, 0)
    cadence: Cadence = "weekly"
    quiet_start: time | None = None
    quiet_end: time | None = None

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        zone = parse_timezone(value)
        if zone is None:
            raise ValueError(f"unknown timezone {value!r}")
        return zone

    @field_validator("weekdays")
    @classmethod
    def _days(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if any(not 0 <= d <= 6 for d in value):
            raise ValueError("weekdays are 0 (Monday) to 6 (Sunday)")
        return tuple(sorted(set(value)))

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def _days_allowed(self) -> tuple[int, ...]:
        return tuple(range(7)) if self.cadence == "daily" else self.weekdays

    def in_quiet_hours(self, local: time) -> bool:
        start, end = self.quiet_start, self.quiet_end
        if start is None or end is None or start == end:
            return False
        if start < end:
            return start <= local < end
        return local >= start or local < end

    def next_due(self, after: datetime) -> datetime:
        """The first nudge strictly after `after` (UTC in, UTC out)."""
        zone = self.zone
        local_day = after.astimezone(zone).date()
        for offset in range(0, 15):
            day = local_day + timedelta(days=offset)
            if day.weekday() not in self._days_allowed():
                continue
            when = self.localize(day, self.at)
            if when > after:
                return when
        raise AssertionError("a weekly schedule always has a day within 15 days")

    def localize(self, day: date, at: time) -> datetime:
        """Local wall-clock time on `day` as UTC.

        zoneinfo resolves a time skipped by a spring-forward change with the offset in force
        before it (so 02:30 becomes 03:30), and a repeated time to its first occurrence.
        """
        return datetime.combine(day, at, tzinfo=self.zone).astimezone(UTC)

    def deliverable_at(self, moment: datetime) -> datetime:
        """`moment`, or the end of quiet hours if it falls inside them."""
        local = moment.astimezone(self.zone)
        if not self.in_quiet_hours(local.time()) or self.quiet_end is None:
            return moment
        day = local.date()
        if self.quiet_end <= local.time():
            day += timedelta(days=1)
        return self.localize(day, self.quiet_end)

    def next_delivery(self, after: datetime) -> datetime:
        """When the next nudge will really arrive: the next slot, moved past quiet hours.

        This is the time to show a person, never `next_due` alone.
        """
        return self.deliverable_at(self.next_due(after))

    def snooze_until(self, now: datetime, days: int) -> datetime:
        """ "Not yet" for `days` days, in step with the schedule: the first scheduled slot on or
        after the local day `days` days from now (a daily schedule asks tomorrow at its usual
        time; a weekly one simply asks on its next day), moved past quiet hours."""
        local_day = now.astimezone(self.zone).date() + timedelta(days=days)
        start_of_day = self.localize(local_day, time(0, 0)) - timedelta(seconds=1)
        return self.next_delivery(max(start_of_day, now))

    def first_slot_from(self, day: date) -> datetime:
        """The first slot on or after local day `day` (moved past quiet hours): once this
        week's step is done, nudges rest until the milestone's next week begins."""
        return self.next_delivery(self.localize(day, time(0, 0)) - timedelta(seconds=1))

    def summary_day(self) -> int:
        """The weekday of the weekly summary: the first nudge day of the week (Monday for a
        daily schedule)."""
        return self._days_allowed()[0]

    def quiet_conflict(self) -> QuietConflict | None:
        """The chosen time falls inside the quiet hours: the two nearest times that do not."""
        if self.quiet_start is None or self.quiet_end is None or not self.in_quiet_hours(self.at):
            return None
        before = (datetime.combine(date(2000, 1, 2), self.quiet_start) - QUIET_MARGIN).time()
        if self.in_quiet_hours(before):  # less than the margin between quiet spells
            before = self.quiet_end
        return QuietConflict(
            chosen=self.at,
            quiet_start=self.quiet_start,
            quiet_end=self.quiet_end,
            before=before,
            after=self.quiet_end,
        )


class DatedMilestone(BaseModel):
    model_config = ConfigDict(frozen=True)

    index: int
    title: str
    milestone: str
    start: date
    end: date
    weekly_steps: tuple[str, ...] = ()
    """One step per week of the milestone, from content (`Milestone.weekly_steps`)."""


def date_plan(
    plan: list[Milestone], start: date, *, rebase_index: int = 0, rebase_date: date | None = None
) -> list[DatedMilestone]:
    """Give milestones real dates. From `rebase_index` on, dates count from `rebase_date`.

    Re-dating keeps finished milestones where they were and lays the rest out from the day the
    person's weekly hours changed.
    """
    out: list[DatedMilestone] = []
    for index, m in enumerate(plan):
        if index >= rebase_index and rebase_date is not None and rebase_index < len(plan):
            anchor_week = plan[rebase_index].start_week
            base = rebase_date - timedelta(weeks=anchor_week - 1)
        else:
            base = start
        begin = base + timedelta(weeks=m.start_week - 1)
        end = base + timedelta(weeks=m.end_week) - timedelta(days=1)
        if rebase_date is not None and index < rebase_index:
            # finished before the change: never shown as running past it
            end = max(min(end, rebase_date - timedelta(days=1)), begin)
        out.append(
            DatedMilestone(
                index=index,
                title=m.title,
                milestone=m.milestone,
                start=begin,
                end=end,
                weekly_steps=m.weekly_steps,
            )
        )
    return out
