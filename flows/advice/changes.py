"""What would make a path fit: the smallest change to each answer a limit breaks, offered only
after the engine has been run again on the changed answers and the path really fits.

A limit whose figure the articles do not publish cannot be fixed by changing an answer, so a path
with such a limit gets no changes at all: "With $10,000 it would fit" is never said of a program
whose weekly hours nobody publishes.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from flows.advice.fit import LimitCheck, PathFit, demands, path_fit
from flows.advice.pay import monthly_pay, pay_program
from flows.content import Content
from flows.plan import plan_months
from flows.profile import PathId, Profile, ProfileField
from flows.words import count, duration, money

Answer = str | int


class Change(BaseModel):
    """A change to one answer that, with the other changes listed for the same path, makes
    `path` fit (checked by running the engine on the changed answers)."""

    model_config = ConfigDict(frozen=True)

    answer: ProfileField
    to: str | int
    path: PathId
    text: str


def needed_answers(fit: PathFit, profile: Profile, content: Content) -> dict[ProfileField, Answer]:
    """For each limit that is not met, the answer that would meet it (nothing for a figure the
    articles do not publish); two limits on one answer take the larger."""
    out: dict[ProfileField, Answer] = {}
    for check in fit.checks:
        wanted = None if check.fits == "fits" else _answer_for(fit.path, check, profile, content)
        if wanted is None:
            continue
        field, value = wanted
        current = out.get(field)
        if isinstance(value, int) and isinstance(current, int):
            value = max(value, current)
        out[field] = value
    return out


def _answer_for(
    path: PathId, check: LimitCheck, profile: Profile, content: Content
) -> tuple[ProfileField, Answer] | None:
    if check.limit != "pay":
        return (check.answer, check.demand) if isinstance(check.demand, int) else None
    # Yes to the pay question when it names this program; else months without pay that cover
    # the whole program.
    if pay_program(profile.model_dump(), content.advice) == path:
        return "apprenticeship_pay", "yes"
    need = demands(path, profile, content)
    return "can_pause_income", (need.unpaid_months or 0) + need.earning_months


def changes_for(fit: PathFit, profile: Profile, content: Content) -> list[Change]:
    """The changes that together make `fit.path` fit, or none if no set of answers would."""
    updates = needed_answers(fit, profile, content)
    if not updates:
        return []
    changed = profile.model_copy(update={str(k): v for k, v in updates.items()})
    if path_fit(fit.path, changed, content).fits != "fits":
        return []
    return [
        Change(answer=field, to=to, path=fit.path, text=_text(fit, field, to, profile, content))
        for field, to in updates.items()
    ]


def _text(fit: PathFit, field: ProfileField, to: Answer, profile: Profile, content: Content) -> str:
    texts = content.rules.texts
    name = fit.name
    if field == "hours_per_week" and any(c.limit == "pace" for c in fit.broken):
        assert isinstance(to, int)
        level = content.advice.degree_level(profile.degree).id if fit.path == "degree" else None
        now = plan_months(profile, fit.path, level, profile.hours_per_week, content.advice)
        then = plan_months(profile, fit.path, level, to, content.advice)
        return texts["change_pace"].format(
            value=count(content, "hour", profile.hours_per_week),
            now=duration(content, now),
            to=count(content, "hour", to),
            then=duration(content, then),
            path=name,
        )
    if field == "hours_per_week":
        assert isinstance(to, int)
        return texts["change_hours_per_week"].format(to=count(content, "hour", to), path=name)
    if field == "budget_usd":
        assert isinstance(to, int)
        return texts["change_budget_usd"].format(to=money(to), path=name)
    if field == "can_pause_income":
        assert isinstance(to, int)
        return texts["change_can_pause_income"].format(to=count(content, "month", to), path=name)
    need = demands(fit.path, profile, content)
    return texts["change_apprenticeship_pay"].format(
        pay=money(monthly_pay(fit.path, content.advice)),
        months=count(content, "month", need.earning_months),
        path=name,
    )
