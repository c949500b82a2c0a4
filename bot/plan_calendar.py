"""The plan as an .ics calendar: one short all-day event per milestone deadline.

Each event has an alarm the day before. UIDs are a hash of an opaque plan key and the milestone
index: stable across re-dating (so apps update events instead of duplicating them) and free of
anything that identifies the person. Apart from the roadmap pictures: importing this module
alone does not load matplotlib.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from flows.schedule import DatedMilestone


def day_label(d: date) -> str:
    """A date as the plan's files show it: '7 Dec 2026'."""
    return f"{d.day} {d:%b %Y}"


def milestone_uid(plan_key: str, index: int) -> str:
    """Stable for the plan's lifetime, unguessable without the plan key, says nothing of who."""
    digest = hashlib.sha256(f"{plan_key}:{index}".encode()).hexdigest()[:32]
    return f"{digest}@aipath"


def plan_ics(
    milestones: Sequence[DatedMilestone],
    title: str,
    *,
    plan_key: str,
    revision: int,
    stamp: datetime,
    words: Mapping[str, str],
) -> bytes:
    """One all-day event on each milestone's deadline, with an alarm the day before.

    `plan_key` is an opaque per-plan id (never a Telegram id); `revision` counts the times the
    plan was re-dated and becomes every event's SEQUENCE, and `stamp` (when that revision was
    made, aware) its DTSTAMP, so calendar apps replace the old events on re-import.
    """
    cal = Calendar()
    cal.add("prodid", "-//AI Path Advisor//aipath//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", words["calendar_name"].format(title=title))
    total = len(milestones)
    for m in milestones:
        summary = words["calendar_summary"].format(title=m.title, number=m.index + 1, total=total)
        event = Event()
        event.add("uid", milestone_uid(plan_key, m.index))
        event.add("dtstamp", stamp)
        event.add("sequence", revision)
        event.add("summary", summary)
        event.add(
            "description",
            words["calendar_description"].format(
                milestone=m.milestone, start=day_label(m.start), end=day_label(m.end)
            ),
        )
        event.add("dtstart", m.end)
        event.add("dtend", m.end + timedelta(days=1))  # DTEND is exclusive for all-day events
        event.add("transp", "TRANSPARENT")  # a deadline, not a busy day
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", words["calendar_alarm"].format(title=m.title))
        # 15 h before the deadline day's midnight: 09:00 local time on the day before.
        alarm.add("trigger", timedelta(hours=-15))
        event.add_component(alarm)
        cal.add_component(event)
    return bytes(cal.to_ical())
