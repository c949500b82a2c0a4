"""The personal study plan: milestones of at most 13 weeks, each with an outcome to tick off.

The steps come from `content/advice.yaml` (`plans`): programs follow the provider's published
coursework order, the degree goes term by term with the production layer after, self-study goes
layer by layer with the named free resources, and every plan ends with job-search and interview
tasks. Self-paced steps stretch or shrink with weekly hours around the article's reference pace
(15-20 h/week for the 12-month timeline; full-time no faster than 8 months). Below that pace
nothing is capped: the plan is as long as it really takes, and a step longer than 13 weeks is
split into parts. MLOps and platform goals take the platform variant of self-study, which puts the
engineering (containers, APIs, tracking) before the maths (article 001: for MLOps, software
fundamentals matter more than deep mathematical intuition).

Every milestone carries its weekly steps (`weekly_steps`, one sentence per week, each saying what
done looks like), written in content per plan step and spread over the milestone's weeks, so the
nudges and /progress never have to cut a step out of a title.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from flows.content import Advice, Pacing, PlanId, PlanStep
from flows.profile import DegreeLevel, PathId, Profile

SELF_PACED: dict[bool, PlanId] = {False: "self_study", True: "self_study_platform"}
"""The self-study plan, by whether the goal is MLOps / ML platform work."""

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
    costs: tuple[str, ...] = ()
    """Paid items this milestone names (exam fees): never listed as free resources."""
    weekly_steps: tuple[str, ...] = ()
    """One step per week of the milestone (week k: `weekly_steps[k - 1]`), each a sentence saying
    what done looks like, from content; the nudges and /progress show it as this week's step."""


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


@dataclass(frozen=True, slots=True)
class _Slot:
    """Where one milestone falls: part `part` of `parts` of `step`, weeks `start`..`end`."""

    step: PlanStep
    part: int
    parts: int
    start: int
    end: int


def _layout(sized: Iterable[tuple[PlanStep, float]]) -> Iterator[_Slot]:
    """Lays steps end to end. Week boundaries are rounded from a running total, so the rounding
    never piles up; a step longer than 13 weeks becomes equal parts. The plan and its length
    (`plan_weeks`) both come from here, so they always agree."""
    elapsed, end = 0.0, 0
    for step, weeks in sized:
        parts = max(1, math.ceil(weeks / MAX_MILESTONE_WEEKS - 1e-9))
        for part in range(1, parts + 1):
            start = end + 1
            elapsed += weeks / parts
            end = max(start, round(elapsed))
            yield _Slot(step, part, parts, start, end)


def _milestone(slot: _Slot, part_label: str) -> Milestone:
    step, part, parts = slot.step, slot.part, slot.parts
    title, outcome = step.title, step.outcome
    if parts > 1:
        title = part_label.format(title=step.title, part=part, parts=parts)
    if part < parts and step.part_outcomes:
        earlier = step.part_outcomes
        outcome = earlier[(part - 1) * len(earlier) // (parts - 1)]
    return Milestone(
        title=title,
        milestone=outcome,
        start_week=slot.start,
        end_week=slot.end,
        kind=step.kind,
        resources=tuple(step.resources),
        costs=tuple(step.costs),
        weekly_steps=spread(share(step.steps, part, parts), slot.end - slot.start + 1),
    )


def share(items: Sequence[str], part: int, parts: int) -> list[str]:
    """Part `part` of `parts`: its in-order share of `items`, never empty."""
    first = min((part - 1) * len(items) // parts, len(items) - 1)
    last = max(first + 1, part * len(items) // parts)
    return list(items[first:last])


def spread(steps: Sequence[str], weeks: int) -> tuple[str, ...]:
    """One entry per week: steps in order, each over its share of the weeks; when there are more
    steps than weeks, a week takes several."""
    if not steps:
        return ()
    out: list[str] = []
    for week in range(weeks):
        first = week * len(steps) // weeks
        last = max(first + 1, (week + 1) * len(steps) // weeks)
        out.append(" ".join(steps[first:last]))
    return tuple(out)


def plan_steps(
    profile: Profile, path: PathId, level: DegreeLevel | None, advice: Advice
) -> list[tuple[PlanStep, bool]]:
    """The steps of this person's plan, each with whether it stretches with weekly hours."""
    plans = advice.plans
    skip = profile.coding_experience

    def own_pace(plan: PlanId) -> list[tuple[PlanStep, bool]]:
        return [(s, True) for s in plans[plan] if skip not in s.skip_for]

    def fixed(plan: PlanId) -> list[tuple[PlanStep, bool]]:
        return [(s, False) for s in plans[plan]]

    layers = SELF_PACED[profile.goal_role == "mlops"]
    if path == "self_study":
        return own_pace(layers) + own_pace("job_search")
    if path == "certificate":
        return fixed("certificate") + own_pace(layers) + own_pace("job_search")
    if path == "degree":
        level = level or "master"
        tail = fixed("job_search") if level == "master" else []
        return fixed(DEGREE_PLANS[level]) + tail
    return fixed(path) + fixed("job_search")


def sized_steps(
    profile: Profile, path: PathId, level: DegreeLevel | None, hours: int, advice: Advice
) -> Iterator[tuple[PlanStep, float]]:
    """Each step of the plan with its length in weeks at `hours` a week."""
    factor = pace_factor(hours, advice.pacing)
    short_certificate = hours > advice.pacing.reference_hours_max
    for step, stretches in plan_steps(profile, path, level, advice):
        weeks: float = step.weeks
        if stretches:
            weeks *= factor
        elif path == "certificate" and step.kind == "program" and short_certificate:
            weeks /= 2  # the 8-week end of "8 to 16 week" for people studying more than 20 h
        yield step, weeks


def build_plan(
    profile: Profile,
    path: PathId,
    level: DegreeLevel | None,
    advice: Advice,
    part_label: str = "{title} (part {part} of {parts})",
) -> list[Milestone]:
    """Milestones for `path`, sized for this person's weekly hours and starting point."""
    sized = sized_steps(profile, path, level, profile.hours_per_week, advice)
    return [_milestone(slot, part_label) for slot in _layout(sized)]


def plan_weeks(
    profile: Profile, path: PathId, level: DegreeLevel | None, hours: int, advice: Advice
) -> int:
    """The last week of this person's plan for `path` at `hours` a week (as `build_plan` lays it
    out, without building the milestones)."""
    end = 0
    for slot in _layout(sized_steps(profile, path, level, hours, advice)):
        end = slot.end
    return end


def plan_months(
    profile: Profile, path: PathId, level: DegreeLevel | None, hours: int, advice: Advice
) -> float:
    """How many months this person's plan for `path` takes at `hours` a week."""
    return plan_weeks(profile, path, level, hours, advice) / WEEKS_PER_MONTH
