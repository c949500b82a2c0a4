"""What nudges say: this week's step for a long milestone, the outcome in its last week, the
week in review on the summary day, and the progress screen."""

from __future__ import annotations

from datetime import date, timedelta

from flows.content import Content
from flows.nudges import compose_nudge, progress_text
from flows.progress import weekly_summary
from flows.schedule import DatedMilestone

MONDAY = date(2026, 11, 23)


def plan() -> list[DatedMilestone]:
    first = DatedMilestone(
        index=0,
        title="Python fundamentals, Git and the command line",
        milestone="Several small Python scripts in a GitHub repo.",
        start=MONDAY - timedelta(weeks=9),
        end=MONDAY - timedelta(days=1),
    )
    second = DatedMilestone(
        index=1,
        title="Math foundations and classical ML",
        milestone="A regression, a classifier and a clustering model you built yourself.",
        start=MONDAY,
        end=MONDAY + timedelta(weeks=9, days=-1),
    )
    return [first, second]


def test_a_long_milestone_nudge_asks_about_this_weeks_step(content: Content) -> None:
    words = content.reminders.messages
    nudge = compose_nudge(plan(), 1, MONDAY + timedelta(weeks=2, days=1), words)
    assert nudge is not None and nudge.kind == "step"
    assert "Week 3 of 9. This week's step: Math foundations" in nudge.text
    assert words["nudge_ask_step"] in nudge.text
    assert words["nudge_ask_outcome"] not in nudge.text
    assert "Milestone 2 of 2" in nudge.text and "50%" in nudge.text


def test_the_last_week_asks_whether_the_milestone_is_done(content: Content) -> None:
    words = content.reminders.messages
    nudge = compose_nudge(plan(), 1, MONDAY + timedelta(weeks=8, days=3), words)
    assert nudge is not None and nudge.kind == "outcome"
    assert words["nudge_ask_outcome"] in nudge.text
    assert "A regression, a classifier" in nudge.text


def test_on_the_summary_day_the_week_in_review_comes_first(content: Content) -> None:
    words = content.reminders.messages
    p = plan()
    summary = weekly_summary(
        p, done=1, done_at_last_summary=0, steps_done=1, start=p[0].start, today=MONDAY
    )
    nudge = compose_nudge(p, 1, MONDAY, words, summary=summary, catch_up=True)
    assert nudge is not None and nudge.with_summary
    assert nudge.text.startswith(words["nudge_catch_up_note"])
    review = nudge.text.index(words["summary_title"])
    assert review < nudge.text.index("Milestone 2 of 2")
    assert "Done: Python fundamentals, Git and the command line." in nudge.text
    assert "Next: milestone" not in nudge.text  # the nudge itself says what is next


def test_no_nudge_once_the_plan_is_complete(content: Content) -> None:
    assert compose_nudge(plan(), 2, MONDAY, content.reminders.messages) is None


def test_progress_screen_shows_the_current_milestone_and_an_honest_streak(
    content: Content,
) -> None:
    words = content.reminders.messages
    text = progress_text(plan(), 1, MONDAY + timedelta(days=8), 3, words)
    assert text.splitlines()[0] == "▓░ 1 of 2 milestones done"
    assert "Now: milestone 2 of 2, Math foundations and classical ML (due Sun 24 Jan)" in text
    assert "Week 2 of 9" in text
    assert "Weekly streak: 3. It counts weeks in which you ticked off" in text
    assert words["plan_complete"] in progress_text(plan(), 2, MONDAY, 0, words)
