"""The plan as files: a PNG roadmap readable on a phone, and an .ics calendar of milestones."""

from __future__ import annotations

import io
import textwrap
from datetime import datetime, timedelta

import matplotlib.dates as mdates
from icalendar import Calendar, Event
from matplotlib.figure import Figure

from flows.schedule import DatedMilestone

PALETTE = ("#2563eb", "#16a34a", "#d97706", "#9333ea", "#dc2626", "#0891b2", "#4d7c0f")


def roadmap_png(milestones: list[DatedMilestone], title: str, *, done: int = 0) -> bytes:
    """A vertical timeline, one bar per milestone: tall rather than wide, to fit a phone."""
    rows = len(milestones)
    pitch = 1.8  # vertical room per milestone: a two-line title, the bar and its dates
    # The object API (no pyplot): no global figure registry, so it is safe in a worker thread.
    fig = Figure(figsize=(7.5, 1.2 + 1.25 * rows), dpi=144)
    ax = fig.subplots()
    for i, m in enumerate(milestones):
        y = (rows - 1 - i) * pitch
        start = mdates.date2num(m.start)
        width = mdates.date2num(m.end + timedelta(days=1)) - start
        colour = "#9ca3af" if i < done else PALETTE[i % len(PALETTE)]
        ax.barh(y, width, left=start, height=0.5, color=colour)
        label = "\n".join(textwrap.wrap(m.title, 34)[:2])
        span = f"{m.start:%d %b %Y} – {m.end:%d %b %Y}"
        ax.text(
            start,
            y + 0.34,
            f"{'✓ ' if i < done else ''}{label}",
            fontsize=10,
            va="bottom",
            ha="left",
            fontweight="bold",
        )
        ax.text(start, y - 0.32, span, fontsize=8.5, va="top", ha="left", color="#374151")
    ax.set_yticks([])
    ax.set_ylim(-0.8, (rows - 1) * pitch + 1.2)
    first = mdates.date2num(milestones[0].start) if milestones else 0
    last = mdates.date2num(milestones[-1].end) if milestones else 1
    ax.set_xlim(first - 5, last + (last - first) * 0.45 + 5)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=6))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.set_title("\n".join(textwrap.wrap(title, 48)), fontsize=13, loc="left")
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def plan_ics(
    milestones: list[DatedMilestone], title: str, *, uid_prefix: str, stamp: datetime
) -> bytes:
    """All-day calendar events, one per milestone, with what 'done' looks like as the note."""
    cal = Calendar()
    cal.add("prodid", "-//AI Path Advisor//aipath//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", title)
    for m in milestones:
        event = Event()
        event.add("uid", f"{uid_prefix}-{m.index}@aipath")
        event.add("dtstamp", stamp)
        event.add("summary", m.title)
        event.add("description", m.milestone)
        event.add("dtstart", m.start)
        event.add("dtend", m.end + timedelta(days=1))  # DTEND is exclusive for all-day events
        cal.add_component(event)
    return bytes(cal.to_ical())
