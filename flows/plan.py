"""The personal study plan: milestones of at most 13 weeks, each with an outcome to tick off.

The steps come from `content/advice.yaml` (`plans`): programs follow the provider's published
coursework order, the degree goes term by term with the production layer after, self-study goes
layer by layer with the named free resources, and every plan ends with job-search and interview
tasks. Self-paced steps stretch or shrink with weekly hours around the article's reference pace
(15-20 h/week for the 12-month timeline; full-time no faster than 8 months). Below that pace
nothing is capped: the plan is as long as it really takes, and a step longer than 13 weeks is
split into parts.
"""

from __future__ import annotations

import math

from pydantic import BaseModel, ConfigDict, Field

from flows.content import Advice, Pacing, PlanId, PlanStep
from flows.profile import DegreeLevel, PathId, Profile

WEEKS_PER_MONTH = 52 / 12
MAX_MILESTONE_WEEKS = 13
DEGREE_PLANS: dict[DegreeLevel, PlanId] = {
    "bachelor": "degree_bachelor",
    "master": "degree_master",
    "phd": "degree_phd",
}


class Milestone(BaseModel):
    model_config = ConfigDict(frozen=True)

    title: str
    milestone: str
    """The outcome that shows this milestone is done."""
    start_week: int = Field(ge=1)
    end_week: int = Field(ge=1)
    kind: str = "study"
    """program | study | degree | job_search"""
    resources: tuple[str, ...] = ()


def pace_factor(hours_per_week: int, pacing: Pacing) -> float:
    """How much longer (>1) or shorter (<1) than the reference pace a self-paced step runs.

    Faster than the reference: no quicker than the full-time minimum. Slower: as long as it takes
    (no ceiling), so a plan never promises the curriculum in less time than the hours allow."""
    if hours_per_week > pacing.reference_hours_max:
        floor = pacing.full_time_months_min / pacing.reference_months
        return max(pacing.reference_hours_max / hours_per_week, floor)
    if hours_per_week < pacing.reference_hours_min:
        return pacing.reference_hours_min / hours_per_week
    return 1.0


class _Calendar:
    """Lays milestones end to end. Week boundaries are rounded from a running total, so the
    rounding never piles up; a step longer than 13 weeks becomes equal parts."""

    def __init__(self, part_label: str) -> None:
        self.elapsed = 0.0
        self.items: list[Milestone] = []
        self.part_label = part_label

    def add(self, step: PlanStep, weeks: float) -> None:
        parts = max(1, math.ceil(weeks / MAX_MILESTONE_WEEKS - 1e-9))
        for i in range(1, parts + 1):
            title, outcome = step.title, step.outcome
            if parts > 1:
                title = self.part_label.format(title=step.title, part=i, parts=parts)
            if i < parts and step.part_outcomes:
                earlier = step.part_outcomes
                outcome = earlier[(i - 1) * len(earlier) // (parts - 1)]
            start = self.items[-1].end_week + 1 if self.items else 1
            self.elapsed += weeks / parts
            end = max(start, round(self.elapsed))
            self.items.append(
                Milestone(
                    title=title,
                    milestone=outcome,
                    start_week=start,
                    end_week=end,
                    kind=step.kind,
                    resources=tuple(step.resources),
                )
            )


def plan_steps(
    profile: Profile, path: PathId, level: DegreeLevel | None, advice: Advice
) -> list[tuple[PlanStep, bool]]:
    """The steps of this person's plan, each with whether it stretches with weekly hours."""
    plans = advice.plans
    skip = profile.coding_experience

    def own_pace(plan: PlanId, start: int = 0) -> list[tuple[PlanStep, bool]]:
        return [(s, True) for s in plans[plan][start:] if skip not in s.skip_for]

    def fixed(plan: PlanId) -> list[tuple[PlanStep, bool]]:
        return [(s, False) for s in plans[plan]]

    if path == "self_study":
        return own_pace("self_study") + own_pace("job_search")
    if path == "certificate":
        return fixed("certificate") + own_pace("self_study", start=1) + own_pace("job_search")
    if path == "degree":
        level = level or "master"
        tail = fixed("job_search") if level == "master" else []
        return fixed(DEGREE_PLANS[level]) + tail
    return fixed(path) + fixed("job_search")


def build_plan(
    profile: Profile,
    path: PathId,
    level: DegreeLevel | None,
    advice: Advice,
    part_label: str = "{title} (part {part} of {parts})",
) -> list[Milestone]:
    """Milestones for `path`, sized for this person's weekly hours and starting point."""
    factor = pace_factor(profile.hours_per_week, advice.pacing)
    cal = _Calendar(part_label)
    short_certificate = profile.hours_per_week > advice.pacing.reference_hours_max
    for step, stretches in plan_steps(profile, path, level, advice):
        weeks: float = step.weeks
        if stretches:
            weeks *= factor
        elif path == "certificate" and step.kind == "program" and short_certificate:
            weeks /= 2  # the 8-week end of "8 to 16 week" for people studying more than 20 h
        cal.add(step, weeks)
    return cal.items


def self_study_months(profile: Profile, hours: int, advice: Advice) -> float:
    """How many months this person's self-study plan takes at `hours` a week."""
    factor = pace_factor(hours, advice.pacing)
    steps = plan_steps(profile, "self_study", None, advice)
    return sum(s.weeks for s, _ in steps) * factor / WEEKS_PER_MONTH
