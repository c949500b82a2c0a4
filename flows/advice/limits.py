"""The hard limits of a path, each checked against one answer, with one of three verdicts: fits,
does not fit, or not published (the figure needed to tell is missing: never counted as fitting).

Limits: weekly study hours, the longest acceptable self-paced plan, tuition against the budget,
months without pay, and living on apprenticeship pay. Each check carries its line in the
person's own numbers, from the `check_*` templates of `content/rules.yaml`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from flows.advice.paths import level_of
from flows.advice.pay import monthly_pay, pay_program
from flows.content import Content, Demands
from flows.content.rules import LimitName
from flows.plan import plan_months
from flows.profile import PathId, Profile, ProfileField
from flows.words import answer_label, count, duration, money

Verdict = Literal["fits", "does_not_fit", "not_published"]
LimitId = LimitName


class LimitCheck(BaseModel):
    """One limit checked: the answer it is held against, what the path asks, and the verdict."""

    model_config = ConfigDict(frozen=True)

    limit: LimitId
    answer: ProfileField
    value: str | int | None
    demand: str | int | None
    """What the path asks, comparable with `value` (None: not published)."""
    fits: Verdict
    text: str
    note: str = ""
    """A caveat on a fitting check: a budget that reaches only the low end of a range."""


def limit_checks(
    path: PathId, need: Demands, profile: Profile, content: Content
) -> list[LimitCheck]:
    """Every limit `need` sets, checked against this person's answers."""
    return [
        *_hours(need, profile, content),
        *_pace(path, need, profile, content),
        *_budget(need, profile, content),
        *_unpaid(need, profile, content),
        *_pay(path, need, profile, content),
    ]


def _check(
    content: Content,
    limit: LimitId,
    answer: ProfileField,
    given: str | int | None,
    asked: str | int | None,
    verdict: Verdict,
    key: str,
    **words: str,
) -> LimitCheck:
    """One check: the answer, what the person `given`, what the path `asked`, the verdict, and
    its line from the `check_{limit}_{key}` template filled with `words`."""
    text = content.rules.texts[f"check_{limit}_{key}"].format(**words)
    return LimitCheck(
        limit=limit, answer=answer, value=given, demand=asked, fits=verdict, text=text
    )


def _hours(need: Demands, profile: Profile, content: Content) -> list[LimitCheck]:
    have = profile.hours_per_week
    value = count(content, "hour", have)
    if not need.hours_published:
        return [
            _check(
                content,
                "hours",
                "hours_per_week",
                have,
                None,
                "not_published",
                "unknown",
                value=value,
            )
        ]
    if not need.load:
        return []
    ask = need.weekly_hours
    verdict: Verdict = "fits" if ask <= have else "does_not_fit"
    text = need.load_text or content.rules.texts["load_plain"].format(
        hours=count(content, "hour", ask)
    )
    key = "fits" if verdict == "fits" else "breaks"
    return [
        _check(
            content, "hours", "hours_per_week", have, ask, verdict, key, demand=text, value=value
        )
    ]


def _pace(path: PathId, need: Demands, profile: Profile, content: Content) -> list[LimitCheck]:
    if need.max_months is None:
        return []
    level = level_of(path, profile, content)
    months = plan_months(profile, path, level, profile.hours_per_week, content.advice)
    verdict: Verdict = "fits" if months <= need.max_months else "does_not_fit"
    demand = pace_hours(path, profile, need.max_months, content) if verdict != "fits" else None
    key = "fits" if verdict == "fits" else "breaks"
    return [
        _check(
            content,
            "pace",
            "hours_per_week",
            profile.hours_per_week,
            demand,
            verdict,
            key,
            value=count(content, "hour", profile.hours_per_week),
            now=duration(content, months),
            most=count(content, "month", need.max_months),
        )
    ]


def pace_hours(path: PathId, profile: Profile, max_months: int, content: Content) -> int | None:
    """The fewest weekly hours at which the plan finishes within `max_months` (None: none up to
    80 do). A plan never gets longer with more hours, so a binary search finds it."""
    level = level_of(path, profile, content)

    def within(hours: int) -> bool:
        return plan_months(profile, path, level, hours, content.advice) <= max_months

    low, high = profile.hours_per_week, 80
    if not within(high):
        return None
    while low < high:
        mid = (low + high) // 2
        low, high = (low, mid) if within(mid) else (mid + 1, high)
    return low


def tuition_text(need: Demands, content: Content) -> str:
    """'$11,900', '$10,000 to $20,000', '$30,000 to well over $120,000'."""
    texts = content.rules.texts
    low, high = need.tuition_usd_min or 0, need.tuition_usd_max
    if high is None or high == low:
        return money(low)
    key = "tuition_range_open" if need.tuition_max_open else "tuition_range"
    return texts[key].format(min=money(low), max=money(high))


def _budget(need: Demands, profile: Profile, content: Content) -> list[LimitCheck]:
    budget = profile.budget_usd
    value = money(budget)
    if need.tuition_usd_min is None:
        if need.figure_kind != "not_published":
            return []
        return [
            _check(
                content,
                "budget",
                "budget_usd",
                budget,
                None,
                "not_published",
                "unknown",
                value=value,
            )
        ]
    low = need.tuition_usd_min
    if low == 0:
        return [_check(content, "budget", "budget_usd", budget, 0, "fits", "free", value=value)]
    if budget < low:
        return [
            _check(
                content,
                "budget",
                "budget_usd",
                budget,
                low,
                "does_not_fit",
                "breaks",
                min=money(low),
                value=value,
            )
        ]
    check = _check(
        content,
        "budget",
        "budget_usd",
        budget,
        low,
        "fits",
        "fits",
        demand=tuition_text(need, content),
        value=value,
    )
    high = need.tuition_usd_max
    if high is not None and budget < high:
        note = content.rules.texts["note_budget_floor"].format(value=value)
        check = check.model_copy(update={"note": note})
    return [check]


def _unpaid(need: Demands, profile: Profile, content: Content) -> list[LimitCheck]:
    have = profile.can_pause_income
    value = answer_label(profile, "can_pause_income", content)
    months = need.unpaid_months
    if months is None:
        return [
            _check(
                content,
                "unpaid",
                "can_pause_income",
                have,
                None,
                "not_published",
                "unknown",
                value=value,
            )
        ]
    if months == 0:
        return [_check(content, "unpaid", "can_pause_income", have, 0, "fits", "none", value=value)]
    demand = count(content, "month", months)
    verdict: Verdict
    if months <= have:
        verdict, key = "fits", "fits"
    elif have >= open_ended_months(content):  # "a year or more" could be enough
        verdict, key = "not_published", "open"
    else:
        verdict, key = "does_not_fit", "breaks"
    check = _check(
        content,
        "unpaid",
        "can_pause_income",
        have,
        months,
        verdict,
        key,
        demand=demand,
        value=value,
    )
    most = need.unpaid_months_max
    if verdict == "fits" and most is not None and have < most:  # the range's floor: say so
        words = {"value": value, "most": count(content, "month", most)}
        check = check.model_copy(
            update={"note": content.rules.texts["note_unpaid_floor"].format(**words)}
        )
    return [check]


def open_ended_months(content: Content) -> int:
    """The top button's value ("A year or more" stores 12): an answer this high is an open
    "at least", so a longer demand cannot be told, not refused."""
    return max(int(o.value) for o in content.dialogue.questions["can_pause_income"].options)


def _pay(path: PathId, need: Demands, profile: Profile, content: Content) -> list[LimitCheck]:
    """Living on apprenticeship pay instead of a salary: fits when the person's months without
    pay cover the whole program, else what they said when asked about this program's pay (a
    "no" to the higher pay of the engineers' program is a "no" to any lower one)."""
    if not need.earnings_usd:
        return []
    pay = monthly_pay(path, content.advice)
    unpaid = need.unpaid_months or 0
    words = {
        "pay": money(pay),
        "months": count(content, "month", need.earning_months),
        "value": answer_label(profile, "can_pause_income", content),
    }
    verdict: Verdict
    if profile.can_pause_income >= unpaid + need.earning_months:
        verdict, key = "fits", "covered"
    else:
        asked = pay_program(profile.model_dump(), content.advice)
        said = profile.apprenticeship_pay
        asked_pay = monthly_pay(asked, content.advice) if asked else 0
        if said == "yes" and asked is not None and asked_pay <= pay:
            verdict, key = "fits", "yes"
        elif said == "no" and asked is not None and asked_pay >= pay:
            verdict, key = "does_not_fit", "no"
        else:
            verdict, key = "not_published", "unknown"
    return [
        _check(
            content,
            "pay",
            "apprenticeship_pay",
            profile.apprenticeship_pay,
            "yes",
            verdict,
            key,
            **words,
        )
    ]
