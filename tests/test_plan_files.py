"""The roadmap pictures (readable on a phone) and the calendar file (RFC 5545, useful alarms)."""

from __future__ import annotations

import struct
from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import date2num
from matplotlib.figure import Figure
from matplotlib.text import Text

from bot.plan_files import milestone_uid, month_ticks, plan_ics, roadmap_figures, roadmap_pages
from flows.content import Content
from flows.schedule import DatedMilestone

PHONE_PT = 360
START = date(2026, 11, 2)
TITLES = (
    "Python fundamentals, Git and the command line",
    "Math foundations and classical ML",
    "Deep learning and NLP basics",
    "Cloud certification prep and a first portfolio project",
    "Production skills and a second portfolio project",
    "Open-source contribution and job search",
)


def two_year_plan(count: int = 20, weeks: int = 5) -> list[DatedMilestone]:
    """About two years in `count` milestones, with long titles that wrap."""
    out = []
    for i in range(count):
        begin = START + timedelta(weeks=weeks * i)
        out.append(
            DatedMilestone(
                index=i,
                title=f"{TITLES[i % len(TITLES)]} (part {i // len(TITLES) + 1})",
                milestone="A regression, a classifier and a clustering model you built yourself "
                "and can walk someone through, with “results” written up.",
                start=begin,
                end=begin + timedelta(weeks=weeks, days=-1),
            )
        )
    return out


def png_size(png: bytes) -> tuple[int, int]:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)


def drawn_texts(fig: Figure) -> list[Text]:
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


@pytest.fixture
def figures(content: Content) -> list[Figure]:
    return roadmap_figures(
        two_year_plan(),
        "Your study plan: Structured self-study",
        done=7,
        today=date(2027, 8, 20),
        words=content.reminders.messages,
    )


def test_every_page_is_portrait_and_phone_sized(content: Content) -> None:
    pages = roadmap_pages(
        two_year_plan(),
        "Your study plan: Structured self-study",
        done=7,
        today=date(2027, 8, 20),
        words=content.reminders.messages,
    )
    assert 2 <= len(pages) <= 4
    for png in pages:
        width, height = png_size(png)
        # 2 px per pt at 360 pt wide; within Telegram's 1280 px so it is never scaled down
        assert width == 720
        assert width < height <= 1280


@pytest.mark.parametrize("count", [1, 3, 6, 13, 20])
def test_smallest_text_is_at_least_11_pt_at_phone_width(content: Content, count: int) -> None:
    figures = roadmap_figures(
        two_year_plan(count),
        "Your study plan: Work-integrated AI program for career switchers",
        done=min(2, count - 1),
        today=START + timedelta(weeks=12),
        words=content.reminders.messages,
    )
    for fig in figures:
        scale = PHONE_PT / (fig.get_figwidth() * 72)
        texts = drawn_texts(fig)
        assert texts
        smallest = min(t.get_fontsize() * scale for t in texts)
        assert smallest >= 11, f"{smallest:.1f} pt at {PHONE_PT} pt wide"


def test_no_text_runs_off_the_page(figures: list[Figure]) -> None:
    for fig in figures:
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        page = fig.bbox
        for text in drawn_texts(fig):
            box = text.get_window_extent(canvas.get_renderer())
            assert page.x0 <= box.x0 and box.x1 <= page.x1, text.get_text()
            assert page.y0 <= box.y0 and box.y1 <= page.y1, text.get_text()


def test_every_milestone_appears_once_and_pages_read_in_order(figures: list[Figure]) -> None:
    shown = [
        t.get_text().lstrip("✓▶ ")
        for fig in figures
        for t in drawn_texts(fig)
        if t.get_fontweight() == "bold" and "(part" in t.get_text()
    ]
    plan = two_year_plan()
    # titles wrap onto two lines; the line with "(part n)" closes each title
    assert len(shown) == len(plan)
    assert all(t.endswith(f"(part {m.index // 6 + 1})") for t, m in zip(shown, plan, strict=True))


def test_done_milestones_are_marked_and_the_current_one_highlighted(
    figures: list[Figure],
) -> None:
    texts = [t.get_text() for fig in figures for t in drawn_texts(fig)]
    assert sum(t.startswith("✓ ") for t in texts) == 7
    assert sum(t.startswith("▶ ") for t in texts) == 1
    assert texts.count("Done") == 7
    assert any(t.startswith("Now · week ") for t in texts)
    assert any("Today: 20 Aug 2027" in t for t in texts)


def test_a_plan_not_started_counts_no_week_yet(content: Content) -> None:
    """Issue 21.1: before its first day, the current milestone says when it starts."""
    figures = roadmap_figures(
        two_year_plan(),
        "Your study plan: Structured self-study",
        done=0,
        today=START - timedelta(days=3),
        words=content.reminders.messages,
    )
    texts = [t.get_text() for fig in figures for t in drawn_texts(fig)]
    assert "Starts 2 Nov 2026" in texts, texts
    assert not any(t.startswith("Now · week ") for t in texts)


def test_time_axis_ends_where_the_plan_ends(figures: list[Figure]) -> None:
    plan = two_year_plan()
    for fig in figures:
        ax = fig.axes[0]
        end_x = ax.transData.transform((date2num(plan[-1].end + timedelta(days=1)), 0))[0]
        start_x = ax.transData.transform((date2num(plan[0].start), 0))[0]
        width = fig.bbox.width
        assert end_x == pytest.approx(0.95 * width)
        assert start_x == pytest.approx(0.05 * width)


def test_month_ticks_stay_inside_the_plan_and_are_few() -> None:
    ticks = month_ticks(date(2026, 11, 2), date(2028, 10, 1))
    assert 3 <= len(ticks) <= 5
    assert all(date(2026, 11, 2) <= t <= date(2028, 10, 1) for t in ticks)
    assert month_ticks(date(2027, 1, 10), date(2027, 3, 20)) == [date(2027, 2, 1), date(2027, 3, 1)]


# ---------------------------------------------------------------------------------- calendar

STAMP = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def ics(content: Content, plan: list[DatedMilestone], *, revision: int = 0) -> bytes:
    return plan_ics(
        plan,
        "Your study plan: Structured self-study",
        plan_key="k3Jq9-opaque",
        revision=revision,
        stamp=STAMP + timedelta(days=revision),
        words=content.reminders.messages,
    )


def test_one_short_all_day_event_per_deadline_with_the_outcome(content: Content) -> None:
    plan = two_year_plan()
    cal = Calendar.from_ical(ics(content, plan))
    events = cal.walk("VEVENT")
    assert len(events) == len(plan)
    for event, m in zip(events, plan, strict=True):
        assert event.decoded("dtstart") == m.end
        assert event.decoded("dtend") == m.end + timedelta(days=1)
        assert m.milestone in str(event["description"])
        assert m.title in str(event["summary"])


def test_each_event_has_an_alarm_on_the_day_before(content: Content) -> None:
    plan = two_year_plan(3)
    for event, m in zip(Calendar.from_ical(ics(content, plan)).walk("VEVENT"), plan, strict=True):
        (alarm,) = event.walk("VALARM")
        assert str(alarm["action"]) == "DISPLAY" and str(alarm["description"])
        fires = datetime.combine(m.end, datetime.min.time()) + alarm.decoded("trigger")
        assert fires.date() == m.end - timedelta(days=1)
        assert 8 <= fires.hour <= 10  # a civil hour, not midnight


def test_uids_are_stable_across_redating_and_name_nobody(content: Content) -> None:
    plan = two_year_plan(6)
    later = [
        m.model_copy(
            update={"start": m.start + timedelta(weeks=3), "end": m.end + timedelta(weeks=3)}
        )
        for m in plan
    ]
    first = Calendar.from_ical(ics(content, plan, revision=0)).walk("VEVENT")
    second = Calendar.from_ical(ics(content, later, revision=2)).walk("VEVENT")
    assert [str(e["uid"]) for e in first] == [str(e["uid"]) for e in second]
    assert len({str(e["uid"]) for e in first}) == len(plan)
    assert milestone_uid("another-plan", 0) != str(first[0]["uid"])
    assert "k3Jq9" not in str(first[0]["uid"])
    # re-dated: a higher SEQUENCE and a newer DTSTAMP, so calendar apps replace the event
    assert {int(e["sequence"]) for e in first} == {0}
    assert {int(e["sequence"]) for e in second} == {2}
    assert all(
        e.decoded("dtstamp") > f.decoded("dtstamp") for e, f in zip(second, first, strict=True)
    )
    assert second[0].decoded("dtstart") == first[0].decoded("dtstart") + timedelta(weeks=3)


def test_the_file_follows_rfc_5545_line_rules(content: Content) -> None:
    raw = ics(content, two_year_plan())
    assert raw.endswith(b"\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(lines) and b"\r" not in b"".join(lines)  # CRLF only
    assert max(len(line) for line in lines) <= 75  # octets, not characters
    assert any(line.startswith(b" ") for line in lines)  # long descriptions were folded
    for line in lines:
        line.decode("utf-8")  # folding never splits a multi-byte character
    unfolded = raw.replace(b"\r\n ", b"").decode()
    events = unfolded.split("BEGIN:VEVENT")[1:]
    assert all("\r\nDTSTAMP:20261123T093000Z\r\n" in e for e in events)
    assert all("\r\nDTSTART;VALUE=DATE:" in e and "\r\nDTEND;VALUE=DATE:" in e for e in events)
    assert all("\r\nUID:" in e and "\r\nSEQUENCE:0\r\n" in e for e in events)
    assert unfolded.startswith("BEGIN:VCALENDAR\r\n")
    assert "\r\nVERSION:2.0\r\n" in unfolded and "\r\nPRODID:" in unfolded
    assert unfolded.count("BEGIN:VALARM") == unfolded.count("END:VALARM") == 20
    assert "“results”" in unfolded
