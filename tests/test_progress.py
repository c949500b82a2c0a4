"""Progress logic: the streak counts real progress only, this week's step, the weekly summary."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from flows.content import Content
from flows.progress import (
    ProgressKind,
    progress_weeks,
    split_topics,
    step_line,
    summary_text,
    week_step,
    week_steps,
    weekly_streak,
    weekly_summary,
    weeks_left_at_pace,
)
from flows.schedule import DatedMilestone

MONDAY = date(2026, 11, 23)


def milestone(index: int, start: date, weeks: int, title: str = "") -> DatedMilestone:
    return DatedMilestone(
        index=index,
        title=title or "Python fundamentals, Git and the command line",
        milestone="Several small Python scripts in a GitHub repo, pushed from the command line.",
        start=start,
        end=start + timedelta(weeks=weeks, days=-1),
    )


def plan(*weeks: int) -> list[DatedMilestone]:
    out, start = [], MONDAY
    for i, w in enumerate(weeks):
        out.append(milestone(i, start, w, title=f"Milestone {i + 1}"))
        start += timedelta(weeks=w)
    return out


# ---------------------------------------------------------------------------------- streak


def test_not_yet_never_counts_toward_the_streak() -> None:
    events: list[tuple[date, ProgressKind]] = [
        (MONDAY - timedelta(weeks=2), "milestone_done"),
        (MONDAY - timedelta(weeks=1), "not_yet"),
        (MONDAY - timedelta(weeks=1), "not_yet"),
        (MONDAY, "step_done"),
    ]
    weeks = progress_weeks(events)
    assert weeks == {"2026-W46", "2026-W48"}
    assert weekly_streak(weeks, MONDAY) == 1  # the "Not yet" week broke it


def test_streak_counts_consecutive_weeks_of_real_progress() -> None:
    events: list[tuple[date, ProgressKind]] = [
        (MONDAY - timedelta(weeks=w, days=-2), "step_done") for w in range(1, 4)
    ]
    weeks = progress_weeks(events)
    # nothing yet this week: the streak still stands on last week's progress
    assert weekly_streak(weeks, MONDAY) == 3
    assert weekly_streak(weeks | {"2026-W48"}, MONDAY + timedelta(days=3)) == 4
    # a whole week without progress ends it
    assert weekly_streak(weeks, MONDAY + timedelta(weeks=1)) == 0
    assert weekly_streak(progress_weeks([(MONDAY, "not_yet"), (MONDAY, "undo")]), MONDAY) == 0


def test_streak_crosses_the_new_year() -> None:
    weeks = progress_weeks([(date(2026, 12, 30), "step_done"), (date(2027, 1, 5), "step_done")])
    assert weekly_streak(weeks, date(2027, 1, 6)) == 2


# ---------------------------------------------------------------------------- this week's step


def test_topics_come_from_the_milestone_title() -> None:
    assert split_topics("Python fundamentals, Git and the command line") == [
        "Python fundamentals",
        "Git",
        "the command line",
    ]
    assert split_topics("Coursework + paid apprenticeship") == ["Coursework", "paid apprenticeship"]
    assert split_topics("Foundations") == ["Foundations"]
    # a label is dropped; part k of n takes its share of the topics
    assert split_topics("Layers 2-3: math foundations and classical ML (part 1 of 2)") == [
        "math foundations"
    ]
    assert split_topics("Layers 2-3: math foundations and classical ML (part 2 of 2)") == [
        "classical ML"
    ]
    assert split_topics("Interview preparation (part 2 of 3)") == ["Interview preparation"]


def test_a_long_milestone_has_a_step_per_week_ending_with_its_outcome() -> None:
    m = milestone(0, MONDAY, 9)
    steps = week_steps(m)
    assert len(steps) == 9
    assert steps[-1] == m.milestone
    # topics in order, each given about the same number of weeks
    assert steps[:3] == ["Python fundamentals"] * 3
    assert steps[3:6] == ["Git"] * 3 and steps[6:8] == ["the command line"] * 2


def test_short_milestones_merge_topics_or_are_just_the_outcome() -> None:
    assert week_steps(milestone(0, MONDAY, 2)) == [
        "Python fundamentals, Git, the command line",
        milestone(0, MONDAY, 2).milestone,
    ]
    assert week_steps(milestone(0, MONDAY, 1)) == [milestone(0, MONDAY, 1).milestone]
    # explicit topics (as a plan may carry them) win over the title
    assert week_steps(milestone(0, MONDAY, 3), topics=["A", "B"]) == [
        "A",
        "B",
        milestone(0, MONDAY, 3).milestone,
    ]


@pytest.mark.parametrize(
    ("today", "week", "is_outcome"),
    [
        (MONDAY - timedelta(days=3), 1, False),  # not started yet: week 1
        (MONDAY, 1, False),
        (MONDAY + timedelta(days=6), 1, False),
        (MONDAY + timedelta(days=7), 2, False),
        (MONDAY + timedelta(weeks=8, days=2), 9, True),
        (MONDAY + timedelta(weeks=20), 9, True),  # overdue: still the outcome
    ],
)
def test_which_week_of_the_milestone_today_is(today: date, week: int, is_outcome: bool) -> None:
    step = week_step(milestone(0, MONDAY, 9), today)
    assert (step.week, step.weeks, step.is_outcome) == (week, 9, is_outcome)


def test_step_line_reads_well(content: Content) -> None:
    m = milestone(0, MONDAY, 9)
    words = content.reminders.messages
    assert step_line(m, week_step(m, MONDAY + timedelta(days=15)), words) == (
        "Week 3 of 9. This week's step: Python fundamentals"
    )
    last = step_line(m, week_step(m, m.end), words)
    assert last.startswith("Week 9 of 9, the last one.") and m.milestone in last


# ---------------------------------------------------------------------------- weekly summary


def test_weeks_left_at_this_pace() -> None:
    p = plan(4, 4, 4, 4)
    assert weeks_left_at_pace(p, 0, MONDAY, MONDAY + timedelta(weeks=3)) is None
    assert weeks_left_at_pace(p, 1, MONDAY, MONDAY + timedelta(days=3)) is None  # too soon
    # 4 planned weeks done in 8: half speed, so the 12 weeks left take 24
    assert weeks_left_at_pace(p, 1, MONDAY, MONDAY + timedelta(weeks=8)) == 24
    # ahead of plan: 8 planned weeks in 4
    assert weeks_left_at_pace(p, 2, MONDAY, MONDAY + timedelta(weeks=4)) == 4
    assert weeks_left_at_pace(p, 4, MONDAY, MONDAY + timedelta(weeks=20)) == 0


def test_weekly_summary_says_what_was_done_what_is_next_and_how_long(content: Content) -> None:
    p = plan(4, 4, 4, 4)
    words = content.reminders.messages
    today = MONDAY + timedelta(weeks=8)
    summary = weekly_summary(
        p, done=2, done_at_last_summary=1, steps_done=1, start=MONDAY, today=today
    )
    assert summary.done_titles == ("Milestone 2",)
    text = summary_text(summary, words)
    assert "Milestone 2" in text
    assert "milestone 3 of 4, Milestone 3" in text
    assert "about 8 weeks to go" in text

    quiet = summary_text(
        weekly_summary(p, done=2, done_at_last_summary=2, steps_done=0, start=MONDAY, today=today),
        words,
    )
    assert words["summary_nothing"] in quiet

    steps_only = summary_text(
        weekly_summary(p, done=2, done_at_last_summary=2, steps_done=1, start=MONDAY, today=today),
        words,
    )
    assert words["summary_steps"] in steps_only

    finished = summary_text(
        weekly_summary(p, done=4, done_at_last_summary=3, steps_done=1, start=MONDAY, today=today),
        words,
    )
    assert words["summary_complete"] in finished and "Milestone 4" in finished


def test_summary_before_any_progress_explains_the_pace_comes_later(content: Content) -> None:
    p = plan(4, 4)
    text = summary_text(
        weekly_summary(p, done=0, done_at_last_summary=0, steps_done=0, start=MONDAY, today=MONDAY),
        content.reminders.messages,
    )
    assert content.reminders.messages["summary_pace_unknown"] in text
