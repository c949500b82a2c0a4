"""What a nudge says: this week's step of a long milestone, its outcome in the last week, and on
the summary day the week in review first. Pure: the bot decides when, this decides what.

A milestone can last three months; asking "Done?" about it every day teaches people to ignore
the question. So a nudge asks about something a person can finish this week, and the
milestone's own outcome only in its last week.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from flows.progress import WeeklySummary, WeekStep, step_line, summary_text, week_step
from flows.schedule import DatedMilestone

NudgeKind = Literal["step", "outcome"]
"""'step': asks about this week's step; 'outcome': asks whether the milestone is done."""


@dataclass(frozen=True, slots=True)
class Nudge:
    kind: NudgeKind
    text: str
    milestone: DatedMilestone
    step: WeekStep
    with_summary: bool


def compose_nudge(
    milestones: Sequence[DatedMilestone],
    done: int,
    today: date,
    words: Mapping[str, str],
    *,
    summary: WeeklySummary | None = None,
    catch_up: bool = False,
    topics: Sequence[str] = (),
) -> Nudge | None:
    """The nudge for the current milestone; None when the plan is complete."""
    if done >= len(milestones):
        return None
    current = milestones[done]
    step = week_step(current, today, topics)
    kind: NudgeKind = "outcome" if step.is_outcome else "step"
    parts = []
    if catch_up:
        parts.append(words["nudge_catch_up_note"])
    if summary is not None:
        parts.append(summary_text(summary, words, with_next=False))
    head = words["nudge_head"].format(
        number=current.index + 1,
        total=len(milestones),
        title=current.title,
        percent=round(100 * done / len(milestones)),
    )
    ask = words["nudge_ask_outcome" if kind == "outcome" else "nudge_ask_step"]
    parts.append(f"{head}\n{step_line(current, step, words)}\n{ask}")
    return Nudge(
        kind=kind,
        text="\n\n".join(parts),
        milestone=current,
        step=step,
        with_summary=summary is not None,
    )


def progress_text(
    milestones: Sequence[DatedMilestone],
    done: int,
    today: date,
    streak: int,
    words: Mapping[str, str],
    *,
    not_started: bool = False,
) -> str:
    """/progress: the bar, the current milestone and this week's step, and an honest streak.
    Before the plan's first day: when it starts and what to prepare, and no week numbers."""
    total = len(milestones)
    lines = [
        words["progress_bar"].format(bar="▓" * done + "░" * (total - done), done=done, total=total)
    ]
    if not_started and milestones:
        lines.append(starts_line(milestones[0], today, words))
    elif done < total:
        current = milestones[done]
        lines.append(
            words["progress_current"].format(
                number=done + 1, total=total, title=current.title, end=_day(current.end)
            )
        )
        lines.append(step_line(current, week_step(current, today), words))
    else:
        lines.append(words["plan_complete"])
    lines.append(words["progress_streak"].format(streak=streak))
    return "\n".join(lines)


def starts_line(first: DatedMilestone, today: date, words: Mapping[str, str]) -> str:
    """'Your plan starts on Mon 14 Dec (in 3 days). To prepare: …' (its first week's step)."""
    days = (first.start - today).days
    when = words["starts_tomorrow"] if days == 1 else words["starts_in_days"].format(days=days)
    step = week_step(first, first.start).step
    return words["progress_not_started"].format(
        start=_day(first.start), when=when, title=first.title, step=step
    )


def _day(d: date) -> str:
    return f"{d:%a} {d.day} {d:%b}"
