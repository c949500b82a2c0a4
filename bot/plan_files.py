"""The plan as files: roadmap pictures sized for a phone (here), and an .ics calendar of
deadlines (`bot/plan_calendar.py`, re-exported here).

Roadmap pages are 360 pt wide (a phone's width, so 1 pt on the page is 1 pt on the screen) and at
most 640 pt tall (9:16), rendered at 2 px per pt: 720 × ≤ 1280 px, which Telegram shows as sent
(it scales photos down to 1280 px on the long side, so one tall picture of a long plan would
shrink to unreadable). A long plan becomes several pages; every page shares one time axis that
runs from the plan's start (or today, if earlier) to its end.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

import matplotlib.dates as mdates
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from bot.plan_calendar import day_label
from bot.plan_calendar import milestone_uid as milestone_uid
from bot.plan_calendar import plan_ics as plan_ics
from flows.progress import milestone_weeks, week_step
from flows.schedule import DatedMilestone

WIDTH_PT = 360.0
MAX_HEIGHT_PT = 640.0
MIN_HEIGHT_PT = 450.0
"""Short plans still get a portrait page (4:5)."""
DPI = 144  # 2 px per pt
ROWS_PER_PAGE = 7
"""The most rows that fit in MAX_HEIGHT_PT when every title takes two lines."""
LEFT, RIGHT = 0.05, 0.95  # the time axis, as fractions of the page width

TITLE_PT, ROW_TITLE_PT, SMALL_PT = 15.0, 12.5, 11.0
LINE = 1.3  # line height in font sizes
INK, MUTED, DONE_INK = "#111827", "#4b5563", "#15803d"
TRACK, FUTURE, DONE_BAR, NOW_BAR, NOW_BAND, TODAY = (
    "#e5e7eb",
    "#93c5fd",
    "#86efac",
    "#1d4ed8",
    "#fef3c7",
    "#dc2626",
)


def _wrap(text: str, width: int, lines: int = 2) -> list[str]:
    out = textwrap.wrap(text, width, break_on_hyphens=False) or [text]
    if len(out) > lines:
        out = out[:lines]
        out[-1] = textwrap.shorten(out[-1] + " …", width, placeholder=" …")
    return out


def _split(heights: Sequence[float], room: float) -> list[range]:
    """Rows per page, as even in count as possible, each page's rows within `room` points."""
    count = len(heights)
    for pages in range(max(1, -(-count // ROWS_PER_PAGE)), count + 1):
        bounds = [round(i * count / pages) for i in range(pages + 1)]
        split = [range(bounds[i], bounds[i + 1]) for i in range(pages)]
        if all(sum(heights[i] for i in rows) <= room for rows in split):
            return split
    return [range(i, i + 1) for i in range(count)]


def _row_height(title_lines: int) -> float:
    return 6 + ROW_TITLE_PT * LINE * title_lines + SMALL_PT * LINE + 16


def _header_height(title_lines: int, small_lines: int) -> float:
    return 14 + TITLE_PT * LINE * title_lines + SMALL_PT * LINE * small_lines + 16


FOOTER_PT = 2 * SMALL_PT * LINE + 14


def roadmap_figures(
    milestones: Sequence[DatedMilestone],
    title: str,
    *,
    done: int,
    today: date,
    words: Mapping[str, str],
) -> list[Figure]:
    """One portrait Figure per page. The object API (no pyplot) keeps no global state, so this
    is safe in a worker thread."""
    if not milestones:
        return []
    first = min(milestones[0].start, today)
    last = milestones[-1].end + timedelta(days=1)
    head = _wrap(title, 34)
    subtitle = words["roadmap_subtitle"].format(
        done=done,
        total=len(milestones),
        start=day_label(milestones[0].start),
        end=day_label(milestones[-1].end),
    )
    titles = [_wrap(m.title, 38) for m in milestones]
    heights = [_row_height(len(t)) for t in titles]
    one_page = _header_height(len(head), 2) + sum(heights) + FOOTER_PT <= MAX_HEIGHT_PT
    header = _header_height(len(head), 2 if one_page else 3)
    pages = _split(heights, MAX_HEIGHT_PT - header - FOOTER_PT)
    figures = []
    for number, rows in enumerate(pages, start=1):
        lines = [subtitle, words["roadmap_today"].format(day=day_label(today))]
        if len(pages) > 1:
            lines.append(words["roadmap_page"].format(page=number, pages=len(pages)))
        body = sum(heights[i] for i in rows)
        height = max(MIN_HEIGHT_PT, header + body + FOOTER_PT)
        stretch = (height - header - FOOTER_PT - body) / len(rows)
        fig = Figure(figsize=(WIDTH_PT / 72, height / 72), dpi=DPI, facecolor="white")
        ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
        span = mdates.date2num(last) - mdates.date2num(first)
        x0 = mdates.date2num(first) - span * LEFT / (RIGHT - LEFT)
        ax.set_xlim(x0, x0 + span / (RIGHT - LEFT))
        ax.set_ylim(height, 0)  # y in points from the top of the page
        ax.set_axis_off()
        _header(ax, head, lines)
        y = header
        for i in rows:
            _row(ax, milestones[i], titles[i], y, heights[i] + stretch, done, today, words)
            y += heights[i] + stretch
        _time_axis(ax, first, last, y, today)
        figures.append(fig)
    return figures


def _header(ax: Axes, head: list[str], lines: list[str]) -> None:
    text = ax.get_yaxis_transform()  # x as a fraction of the page, y in points
    y = 14.0
    for line in head:
        ax.text(
            LEFT, y, line, transform=text, fontsize=TITLE_PT, weight="bold", va="top", color=INK
        )
        y += TITLE_PT * LINE
    for n, line in enumerate(lines):
        colour, weight = (TODAY, "bold") if n == 1 else (MUTED, "normal")
        ax.text(
            LEFT, y, line, transform=text, fontsize=SMALL_PT, va="top", color=colour, weight=weight
        )
        y += SMALL_PT * LINE


def _row(
    ax: Axes,
    m: DatedMilestone,
    title: list[str],
    top: float,
    height: float,
    done: int,
    today: date,
    words: Mapping[str, str],
) -> None:
    text = ax.get_yaxis_transform()
    is_done, is_now = m.index < done, m.index == done
    if is_now:
        ax.axhspan(top, top + height, color=NOW_BAND, zorder=0)
    mark = "✓ " if is_done else "▶ " if is_now else ""
    y = top + 6
    for n, line in enumerate(title):
        ax.text(
            LEFT,
            y,
            (mark if n == 0 else " " * len(mark)) + line,
            transform=text,
            fontsize=ROW_TITLE_PT,
            weight="bold",
            va="top",
            color=DONE_INK if is_done else INK,
        )
        y += ROW_TITLE_PT * LINE
    dates = words["roadmap_dates"].format(
        start=day_label(m.start), end=day_label(m.end), weeks=milestone_weeks(m)
    )
    ax.text(LEFT, y, dates, transform=text, fontsize=SMALL_PT, va="top", color=MUTED)
    if is_done or is_now:
        step = week_step(m, today)
        status = (
            words["roadmap_done"]
            if is_done
            else words["roadmap_starts"].format(day=day_label(m.start))
            if today < m.start  # weeks count from the day it starts
            else words["roadmap_now"].format(week=step.week, weeks=step.weeks)
        )
        ax.text(
            RIGHT,
            y,
            status,
            transform=text,
            fontsize=SMALL_PT,
            va="top",
            ha="right",
            weight="bold",
            color=DONE_INK if is_done else NOW_BAR,
        )
    y += SMALL_PT * LINE + 4
    start = mdates.date2num(m.start)
    width = mdates.date2num(m.end + timedelta(days=1)) - start
    left, right = _axis_ends(ax)
    ax.barh(y + 5, right - left, left=left, height=3, color=TRACK, zorder=1)
    colour = DONE_BAR if is_done else NOW_BAR if is_now else FUTURE
    ax.barh(y + 5, width, left=start, height=10, color=colour, zorder=2)
    if ax.get_xlim()[0] < mdates.date2num(today) <= right:
        now = mdates.date2num(today)
        ax.plot([now, now], [y - 3, y + 13], color=TODAY, linewidth=2, zorder=3)


def _axis_ends(ax: Axes) -> tuple[float, float]:
    lo, hi = ax.get_xlim()
    return lo + (hi - lo) * LEFT, lo + (hi - lo) * RIGHT


def _time_axis(ax: Axes, first: date, last: date, bottom: float, today: date) -> None:
    """Month ticks under the rows, the axis ending where the plan ends, and today's mark."""
    left, right = _axis_ends(ax)
    ax.plot([left, right], [bottom + 4, bottom + 4], color=MUTED, linewidth=1, zorder=3)
    for label in month_ticks(first, last):
        tick = mdates.date2num(label)
        ax.plot([tick, tick], [bottom + 4, bottom + 8], color=MUTED, linewidth=1, zorder=3)
        ax.text(
            tick,
            bottom + 10,
            f"{label:%b}\n{label:%Y}",
            fontsize=SMALL_PT,
            ha="center",
            va="top",
            color=MUTED,
            linespacing=1.1,
        )
    if first <= today < last:
        now = mdates.date2num(today)
        ax.plot([now], [bottom + 4], marker="v", markersize=9, color=TODAY, zorder=4)


def month_ticks(first: date, last: date, most: int = 5) -> list[date]:
    """First days of months inside [first, last], every 1, 2, 3, 4, 6 or 12 months: the
    smallest step that gives at most `most` ticks (5 two-line labels fit 360 pt)."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = next((s for s in (1, 2, 3, 4, 6, 12) if months / s <= most), 24)
    ticks: list[date] = []
    year, month = first.year, first.month
    while True:
        tick = date(year, month, 1)
        if tick > last:
            return ticks
        if tick >= first and (month - 1) % step == 0:
            ticks.append(tick)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def figure_png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def roadmap_pages(
    milestones: Sequence[DatedMilestone],
    title: str,
    *,
    done: int,
    today: date,
    words: Mapping[str, str],
) -> list[bytes]:
    """The roadmap as PNG pages (run it with asyncio.to_thread: it takes a few hundred ms)."""
    figures = roadmap_figures(milestones, title, done=done, today=today, words=words)
    return [figure_png(fig) for fig in figures]
