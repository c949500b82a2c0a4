"""The personal study plan: milestones in weeks from the start, sized by weekly hours.

Self-paced parts follow the 12-month timeline and the skill layers, stretched or compressed by the
article's pacing (15-20 h/week ≈ 12 months; full-time 8-14; part-time 12-24). Program parts follow
the provider's published phases, which do not depend on the learner's pace.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from flows.content import Advice, LearningPath, Pacing
from flows.profile import Profile

WEEKS_PER_MONTH = 52 / 12


class Milestone(BaseModel):
    model_config = ConfigDict(frozen=True)

    title: str
    milestone: str
    start_week: int = Field(ge=1)
    end_week: int = Field(ge=1)


def pace_factor(hours_per_week: int, pacing: Pacing) -> float:
    """How much longer (>1) or shorter (<1) than the reference 12 months a self-paced plan runs."""
    if hours_per_week > pacing.reference_hours_max:
        floor = pacing.full_time_months_min / pacing.reference_months
        return max(pacing.reference_hours_max / hours_per_week, floor)
    if hours_per_week < pacing.reference_hours_min:
        ceiling = pacing.part_time_months_max / pacing.reference_months
        return min(pacing.reference_hours_min / hours_per_week, ceiling)
    return 1.0


class _Calendar:
    """Lays milestones end to end. Week boundaries are rounded from a running total, so the
    rounding never piles up across milestones."""

    def __init__(self) -> None:
        self.elapsed = 0.0
        self.items: list[Milestone] = []

    def add(self, title: str, milestone: str, weeks: float) -> None:
        start = self.items[-1].end_week + 1 if self.items else 1
        self.elapsed += weeks
        end = max(start, round(self.elapsed))
        self.items.append(
            Milestone(title=title, milestone=milestone, start_week=start, end_week=end)
        )


def _self_paced(
    cal: _Calendar, profile: Profile, advice: Advice, factor: float, first_month: int = 1
) -> None:
    """The 12-month timeline from `first_month` on, scaled by `factor`."""
    for step in advice.timeline:
        if step.end_month < first_month:
            continue
        months = step.end_month - max(step.start_month, first_month) + 1
        cal.add(step.focus, step.done_looks_like, months * WEEKS_PER_MONTH * factor)


def _program(cal: _Calendar, path: LearningPath) -> None:
    for phase in path.phases:
        months = phase.end_month - phase.start_month + 1
        cal.add(phase.title, phase.milestone, months * WEEKS_PER_MONTH)


def build_plan(profile: Profile, path: LearningPath, advice: Advice) -> list[Milestone]:
    """Milestones for `path`, sized for this person's weekly hours and starting point."""
    factor = pace_factor(profile.hours_per_week, advice.pacing)
    cal = _Calendar()
    # People who already ship code skip the "Python fundamentals" months of the timeline.
    first_month = advice.timeline[1].start_month if profile.is_working_engineer else 1
    layers = sorted(advice.skill_layers, key=lambda layer: layer.order)
    if path.id == "self_study":
        _self_paced(cal, profile, advice, factor, first_month)
    elif path.id == "certificate":
        weeks = path.duration.weeks_min if factor < 1 else path.duration.weeks_max
        cal.add(path.name, path.delivers[0], weeks)
        _self_paced(cal, profile, advice, factor, first_month=advice.timeline[2].start_month)
    elif path.id == "degree":
        prep = layers[0] if not profile.is_working_engineer else layers[1]
        cal.add(prep.name, prep.topics[0], prep.duration.weeks_min * factor)
        cal.add(path.name, path.delivers[0], path.duration.weeks_max)
        production = layers[-1]
        cal.add(production.name, production.topics[0], production.duration.weeks_min * factor)
    else:
        _program(cal, path)
        last = advice.timeline[-1]
        cal.add(last.focus, last.done_looks_like, 2 * WEEKS_PER_MONTH * factor)
    return cal.items
