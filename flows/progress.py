"""Progress through a dated plan: the weekly streak, this week's step, the weekly summary.

Pure functions of the plan, the milestones done and today's date. A streak that any button press
could grow would praise nothing, so only real progress counts: a milestone or a weekly step done.
"Not yet" is an honest answer, but it is not progress.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, cast

from pydantic import BaseModel, ConfigDict

from flows.schedule import DatedMilestone

ProgressKind = Literal["milestone_done", "step_done", "not_yet", "undo"]
REAL_PROGRESS: frozenset[ProgressKind] = frozenset({"milestone_done", "step_done"})

_TOPIC_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+|\s*\+\s*")
_PART = re.compile(r"\s*\(part (\d+) of (\d+)\)\s*$")
_LABEL = re.compile(r"^[^:]{1,24}:\s+")
"""'Layer 1: ' or 'Phase 2: ' before the topics."""


TickKind = Literal["step", "milestone", "skip"]
UNDO_DEPTH = 5
"""How many ticks back "Undo last" can go, one press each."""


class Tick(BaseModel):
    """A tick on the progress screen or a nudge, and everything it changed, so that undoing it
    puts back exactly what was there before: the milestones done, the week it added to the
    streak, and the reminders it quieted or stopped."""

    model_config = ConfigDict(frozen=True)

    kind: TickKind
    index: int
    """The milestone it was about."""
    week: int = 0
    """For a step: the milestone's week whose step it ticked off."""
    at: int
    """When (epoch seconds): which tick an Undo button is about."""
    done: int
    """Milestones done before it."""
    checkin: str | None = None
    """The ISO week it added to the weekly streak (None: the week was in it already)."""
    reminder: tuple[str, int | None] | None = None
    """The reminders' (status, next due) before it, when it changed them."""

    def is_step(self, index: int, week: int) -> bool:
        return self.kind == "step" and self.index == index and self.week == week

    def applies_to(self, done: int) -> bool:
        """Whether the plan still stands as this tick left it (else it cannot be undone)."""
        return done == (self.index if self.kind == "step" else self.index + 1)


def iso_week(day: date) -> str:
    """'2026-W48': the ISO week a day falls in (weeks start on Monday)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def counts_toward_streak(kind: ProgressKind) -> bool:
    return kind in REAL_PROGRESS


def progress_weeks(events: Iterable[tuple[date, ProgressKind]]) -> set[str]:
    """The ISO weeks with real progress in them."""
    return {iso_week(day) for day, kind in events if counts_toward_streak(kind)}


def weekly_streak(weeks: Iterable[str], today: date) -> int:
    """Consecutive weeks with real progress, ending this week or, if this week has none yet,
    last week (a streak is not lost on Monday morning)."""
    have = set(weeks)
    cursor = today if iso_week(today) in have else today - timedelta(weeks=1)
    streak = 0
    while iso_week(cursor) in have:
        streak += 1
        cursor -= timedelta(weeks=1)
    return streak


# ---------------------------------------------------------------------------- this week's step


@dataclass(frozen=True, slots=True)
class WeekStep:
    """Where today falls inside a milestone and what to work on this week."""

    week: int
    """1-based week of the milestone that contains today (clamped to the milestone)."""
    weeks: int
    step: str
    is_outcome: bool
    """True in the milestone's last week: the step is to check the milestone's outcome."""


def milestone_weeks(m: DatedMilestone) -> int:
    return max(1, -(-((m.end - m.start).days + 1) // 7))


def split_topics(title: str) -> list[str]:
    """'Python fundamentals, Git and the command line' → the three things it names.

    A label before a colon is dropped; a milestone that is part k of n of a longer step takes
    its k-th share of the step's topics ('… (part 2 of 2)' → the second half)."""
    part = _PART.search(title)
    core = _LABEL.sub("", _PART.sub("", title))
    topics = [p.strip(" .") for p in _TOPIC_SPLIT.split(core) if p.strip(" .")] or [core]
    if part is None:
        return topics
    k, n = int(part.group(1)), int(part.group(2))
    share = topics[round((k - 1) * len(topics) / n) : round(k * len(topics) / n)]
    return share or topics


def week_steps(m: DatedMilestone, topics: Sequence[str] = ()) -> list[str]:
    """One step per week of the milestone. Written in content for the milestone (its
    `weekly_steps`, where the plan has them): those, one a week. Otherwise its topics spread in
    order over all weeks but the last, and the last week is for the milestone's outcome."""
    weeks = milestone_weeks(m)
    written = cast(tuple[str, ...], getattr(m, "weekly_steps", ()))
    if written:
        return [written[min(week, len(written) - 1)] for week in range(weeks)]
    if weeks == 1:
        return [m.milestone]
    named = list(topics) or split_topics(m.title)
    study_weeks = weeks - 1
    steps: list[str] = []
    for week in range(study_weeks):
        first = week * len(named) // study_weeks
        last = max(first + 1, (week + 1) * len(named) // study_weeks)
        steps.append(", ".join(named[first:last]))
    return [*steps, m.milestone]


def week_step(m: DatedMilestone, today: date, topics: Sequence[str] = ()) -> WeekStep:
    """This week's step of milestone `m`; before it starts, week 1; after its end, the last."""
    steps = week_steps(m, topics)
    week = min(max((today - m.start).days // 7 + 1, 1), len(steps))
    return WeekStep(
        week=week, weeks=len(steps), step=steps[week - 1], is_outcome=week == len(steps)
    )


# ---------------------------------------------------------------------------- weekly summary


def _plan_weeks(milestones: Sequence[DatedMilestone]) -> float:
    return sum(((m.end - m.start).days + 1) / 7 for m in milestones)


def weeks_left_at_pace(
    milestones: Sequence[DatedMilestone], done: int, start: date, today: date
) -> int | None:
    """Weeks until the plan is finished if the person keeps the pace they have had so far.

    The pace is planned weeks completed per calendar week since the start. None until there is
    a pace to speak of: nothing done yet, or less than a week gone.
    """
    remaining = _plan_weeks(milestones[done:])
    if remaining == 0:
        return 0
    elapsed = (today - start).days / 7
    completed = _plan_weeks(milestones[:done])
    if done == 0 or elapsed < 1 or completed == 0:
        return None
    return max(1, round(remaining / (completed / elapsed)))


@dataclass(frozen=True, slots=True)
class WeeklySummary:
    done_titles: tuple[str, ...]
    """Milestones finished since the last summary."""
    steps_done: int
    """Weekly steps ticked off in the past week (0 or 1 per week)."""
    next_milestone: DatedMilestone | None
    next_step: WeekStep | None
    weeks_left: int | None
    total: int
    done: int


def weekly_summary(
    milestones: Sequence[DatedMilestone],
    *,
    done: int,
    done_at_last_summary: int,
    steps_done: int,
    start: date,
    today: date,
) -> WeeklySummary:
    """What was done since the last summary, what is next, and the weeks left at this pace."""
    finished = tuple(m.title for m in milestones[max(0, done_at_last_summary) : done])
    current = milestones[done] if done < len(milestones) else None
    return WeeklySummary(
        done_titles=finished,
        steps_done=steps_done,
        next_milestone=current,
        next_step=week_step(current, today) if current else None,
        weeks_left=weeks_left_at_pace(milestones, done, start, today),
        total=len(milestones),
        done=done,
    )


def summary_text(
    summary: WeeklySummary, words: Mapping[str, str], *, with_next: bool = True
) -> str:
    """The summary in the words of content/reminders.yaml ('summary_*' messages). Without
    `with_next` when a nudge about the next step follows it anyway."""
    lines = [words["summary_title"]]
    if summary.done_titles:
        lines.append(words["summary_done"].format(items="; ".join(summary.done_titles)))
    elif summary.steps_done:
        lines.append(words["summary_steps"].format(count=summary.steps_done))
    else:
        lines.append(words["summary_nothing"])
    nxt, step = summary.next_milestone, summary.next_step
    if nxt is None or step is None:
        lines.append(words["summary_complete"])
        return "\n".join(lines)
    if with_next:
        lines.append(
            words["summary_next"].format(
                number=nxt.index + 1, total=summary.total, title=nxt.title, step=step.step
            )
        )
    if summary.weeks_left is None:
        lines.append(words["summary_pace_unknown"])
    else:
        lines.append(words["summary_pace"].format(weeks=summary.weeks_left))
    return "\n".join(lines)


def step_line(m: DatedMilestone, step: WeekStep, words: Mapping[str, str]) -> str:
    """'Week 3 of 9 of …: this week's step is …' for a nudge or the progress screen."""
    key = "step_outcome" if step.is_outcome else "step_week"
    return words[key].format(week=step.week, weeks=step.weeks, title=m.title, step=step.step)
