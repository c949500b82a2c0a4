"""Hard limits: does a path fit a person, and if not, what would have to change.

A path declares its demands in `content/advice.yaml` (prerequisites, weekly study hours, months
without pay, tuition, and for self-paced paths the longest acceptable plan). A person's answers
set the limits. Prerequisites decide eligibility (a path whose prerequisites are not met is
ruled out, never offered); the other demands decide whether an eligible path fits.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from flows.content import Content, Demands
from flows.plan import self_study_months
from flows.profile import DegreeLevel, PathId, Profile, ProfileField


class Limit(BaseModel):
    """One hard limit the path breaks: the answer, what the person said, what the path asks."""

    model_config = ConfigDict(frozen=True)

    answer: ProfileField
    value: str | int
    demand: str | int
    text: str


class Change(BaseModel):
    """The smallest change to one answer that would make `path` fit (with the other changes
    listed for the same path)."""

    model_config = ConfigDict(frozen=True)

    answer: ProfileField
    to: str | int
    path: PathId
    text: str


class RuledOut(BaseModel):
    model_config = ConfigDict(frozen=True)

    path: PathId
    answer: ProfileField
    text: str


def money(usd: int) -> str:
    return f"${usd:,}"


def degree_level(profile: Profile, content: Content) -> DegreeLevel:
    return content.advice.degree_level(profile.degree).id


def demands(path: PathId, profile: Profile, content: Content) -> Demands:
    """What `path` asks of this person (the degree path: the degree level they would take)."""
    if path == "degree":
        return content.advice.degree_level(profile.degree).demands
    return content.advice.path(path).demands


def path_name(path: PathId, profile: Profile, content: Content) -> str:
    if path == "degree":
        return content.advice.degree_level(profile.degree).name
    return content.advice.path(path).name


def answer_label(profile: Profile, field: ProfileField, content: Content) -> str:
    """How an answer reads in a sentence: the option's label for choices, the number otherwise."""
    value = str(getattr(profile, field))
    options = content.dialogue.questions[field].options
    return next((o.label for o in options if o.value == value), value)


def ruled_out(path: PathId, profile: Profile, content: Content) -> RuledOut | None:
    """Why the person is not eligible for `path` (a prerequisite they do not meet), or None."""
    need = demands(path, profile, content)
    texts = content.rules.texts
    name = path_name(path, profile, content)
    field: ProfileField | None = None
    if need.coding is not None and profile.coding_experience not in need.coding:
        field = "coding_experience"
    elif profile.years_experience < need.min_years:
        field = "years_experience"
    elif need.degree is not None and profile.degree not in need.degree:
        field = "degree"
    if field is None:
        return None
    value = answer_label(profile, field, content)
    return RuledOut(
        path=path, answer=field, text=texts[f"ruled_out_{field}"].format(path=name, value=value)
    )


def limits(path: PathId, profile: Profile, content: Content) -> list[Limit]:
    """The hard limits an eligible `path` breaks for this person (empty: it fits)."""
    need = demands(path, profile, content)
    texts = content.rules.texts
    name = path_name(path, profile, content)
    out: list[Limit] = []
    hours = profile.hours_per_week
    if need.weekly_hours > hours:
        text = texts["limit_hours_per_week"].format(
            path=name, demand=need.weekly_hours, value=hours
        )
        out.append(Limit(answer="hours_per_week", value=hours, demand=need.weekly_hours, text=text))
    if need.max_months is not None:
        months = self_study_months(profile, hours, content.advice)
        if months > need.max_months:
            to = pace_hours(profile, need.max_months, content)
            now = duration_text(months, content)
            text = texts["limit_pace"].format(value=hours, now=now)
            out.append(Limit(answer="hours_per_week", value=hours, demand=to, text=text))
    if need.tuition_usd_min is not None and need.tuition_usd_min > profile.budget_usd:
        demand = money(need.tuition_usd_min)
        text = texts["limit_budget_usd"].format(
            path=name, demand=demand, value=money(profile.budget_usd)
        )
        out.append(
            Limit(
                answer="budget_usd",
                value=profile.budget_usd,
                demand=need.tuition_usd_min,
                text=text,
            )
        )
    if need.unpaid_months > profile.can_pause_income:
        value = answer_label(profile, "can_pause_income", content)
        text = texts["limit_can_pause_income"].format(
            path=name, months=need.unpaid_months, value=value
        )
        out.append(
            Limit(
                answer="can_pause_income",
                value=profile.can_pause_income,
                demand=need.unpaid_months,
                text=text,
            )
        )
    return out


def pace_hours(profile: Profile, max_months: int, content: Content) -> int:
    """The fewest weekly hours at which the self-study plan finishes within `max_months`."""
    return next(
        h
        for h in range(profile.hours_per_week, 81)
        if self_study_months(profile, h, content.advice) <= max_months
    )


def duration_text(months: float, content: Content) -> str:
    texts = content.rules.texts
    if months > 24:
        return texts["years"].format(n=f"{months / 12:.1f}".rstrip("0").rstrip("."))
    return texts["months"].format(n=round(months))


def changes_for(
    path: PathId, broken: list[Limit], profile: Profile, content: Content
) -> list[Change]:
    """One change per broken limit: the answer set to exactly what the path asks."""
    texts = content.rules.texts
    name = path_name(path, profile, content)
    need = demands(path, profile, content)
    out: list[Change] = []
    for limit in broken:
        if limit.answer == "hours_per_week" and need.max_months is not None:
            assert isinstance(limit.demand, int)
            now = self_study_months(profile, profile.hours_per_week, content.advice)
            then = self_study_months(profile, limit.demand, content.advice)
            text = texts["change_pace"].format(
                value=profile.hours_per_week,
                now=duration_text(now, content),
                to=limit.demand,
                then=duration_text(then, content),
            )
        elif limit.answer == "budget_usd":
            assert isinstance(limit.demand, int)
            text = texts["change_budget_usd"].format(to=money(limit.demand), path=name)
        elif limit.answer == "can_pause_income":
            text = texts["change_can_pause_income"].format(months=need.unpaid_months, path=name)
        else:
            text = texts[f"change_{limit.answer}"].format(to=limit.demand, path=name)
        out.append(Change(answer=limit.answer, to=limit.demand, path=path, text=text))
    return out
