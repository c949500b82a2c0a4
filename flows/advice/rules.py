"""Profile → Recommendation: the ONE advice object every screen renders from.

The decision (`decide.py`) picks the path; this module assembles everything the headline,
the costs, the plan, the other paths, the self-check and the nudges show about it: every limit
checked with its verdict, the changes that were re-run and really make a path fit, whether the
path serves the goal, what fits the limits when the goal's path does not, the reasons, caveats,
next steps and the plan, all in the person's own numbers. No screen recomputes any of it, so no
two screens can disagree. This module never writes a sentence of its own.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict

from flows.advice.changes import Change, changes_for
from flows.advice.decide import ALL_PATHS, Decision, Situation, decide, relevant
from flows.advice.fit import LimitCheck, RuledOut, Verdict, demands, ruled_out
from flows.advice.goal import serves
from flows.advice.money import CashFlow, cash_flow, path_figures
from flows.advice.others import (
    Alternative,
    WithinLimits,
    alternatives,
    notes_for,
    passed_over,
    within_limits,
)
from flows.content import Content
from flows.plan import Milestone, build_plan
from flows.profile import DegreeLevel, PathId, Profile, ProfileField
from flows.words import answer_label, count, money

__all__ = [
    "Alternative",
    "CashFlow",
    "Change",
    "Decision",
    "LimitCheck",
    "RuledOut",
    "WithinLimits",
    "decide",
    "money",
]

MAX_CHANGES = 4
UNSURE_FIELDS: tuple[ProfileField, ...] = ("goal_role", "target_employer", "needs_visa")


class Reason(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str
    answers: list[ProfileField]
    """The profile fields whose answers produced this reason."""


class SelfCheckItem(BaseModel):
    model_config = ConfigDict(frozen=True)

    title: str
    text: str
    for_goal: bool
    """One of the signals the person's goal puts first."""


class Recommendation(BaseModel):
    model_config = ConfigDict(frozen=True)

    path: PathId
    path_name: str
    rule: str
    fits: bool
    """True only when every limit of the recommended path fits."""
    path_fits: Verdict
    situation: Situation
    serves_goal: bool
    """Whether the path meets what the goal requires (false when that cannot be told)."""
    goal_gap: str
    fit_summary: str
    checks: list[LimitCheck]
    """Every limit of the recommended path, with its verdict."""
    limits: list[LimitCheck]
    """The limits the recommended path breaks."""
    changes: list[Change]
    within_limits: WithinLimits | None
    passed_over: str
    """When a path that usually suits the person's background lost on a limit: which, and the
    limit ("" when none did)."""
    degree_level: DegreeLevel | None
    cash_flow: CashFlow
    figures: list[str]
    reasons: list[Reason]
    caveats: list[str]
    unsure: list[ProfileField]
    """The answers given as "not sure", in interview order."""
    alternatives: list[Alternative]
    ruled_out: list[RuledOut]
    next_steps: list[str]
    plan: list[Milestone]
    self_check: list[SelfCheckItem]
    """What hiring managers look for, the person's goal's signals first."""
    unknown_note: str
    """What the articles do say where a figure of the path is missing ("" if none is)."""

    def record(self) -> dict[str, object]:
        """What storage keeps: the decision, not its text (the text regenerates from content)."""
        return {
            "path": self.path,
            "rule": self.rule,
            "fits": self.fits,
            "degree_level": self.degree_level,
            "alternatives": [a.path for a in self.alternatives],
            "plan_weeks": self.plan[-1].end_week if self.plan else 0,
        }


def display_values(profile: Profile, content: Content, plan: list[Milestone]) -> dict[str, str]:
    """Values advice sentences may use: {budget}, {hours_per_week} ("1 hour"), {pause},
    {years_experience} ("1 year"), {first_step} (this week's step of the first milestone)."""
    first = plan[0] if plan else None
    step = first.weekly_steps[0] if first and first.weekly_steps else ""
    return {
        "budget": money(profile.budget_usd),
        "hours_per_week": count(content, "hour", profile.hours_per_week),
        "pause": count(content, "month", profile.can_pause_income),
        "years_experience": count(content, "year", profile.years_experience),
        "first_title": first.title if first else "",
        "first_step": step,
    }


def _once(texts: list[str]) -> list[str]:
    return list(dict.fromkeys(texts))


def smallest_changes(decision: Decision, profile: Profile, content: Content) -> list[Change]:
    """When the chosen path does not fit: the changes that together make it fit; then, unless
    the goal needs that path, other paths that one change makes fit. Every set is checked by
    re-running. A path that may fit gets none: its checks already say what to find out."""
    if decision.situation in ("fits", "cannot_tell"):  # the checks say what to find out
        return []
    own = changes_for(decision.fit, profile, content)
    others: list[Change] = []
    if not decision.rule.required:
        for path, fit in decision.fits.items():
            if path == decision.path or fit.fits == "fits" or not relevant(path, profile, content):
                continue
            more = changes_for(fit, profile, content)
            if len(more) == 1:
                others += more
    return own + others[: max(0, MAX_CHANGES - len(own))]


def fit_summary(decision: Decision, profile: Profile, content: Content) -> str:
    """One line on how the path stands against the person's limits ("" when it breaks one)."""
    s = content.dialogue.sections
    if decision.situation == "fits":
        return s["fits_line"].format(
            hours=count(content, "hour", profile.hours_per_week),
            budget=money(profile.budget_usd),
            pause=answer_label(profile, "can_pause_income", content),
        )
    if decision.situation != "cannot_tell":
        return ""
    unknown = demands(decision.path, profile, content).unknown_text
    return s["fits_unknown_why"].format(unknown=unknown) if unknown else s["fits_unknown"]


def self_check(profile: Profile, content: Content) -> list[SelfCheckItem]:
    """The hiring signals, those the goal puts first at the top (the last two, what counts less
    and who gets through, stay last)."""
    signals = content.advice.hiring_signals[:-2]
    goal = profile.goal_role
    focus = content.rules.self_check_focus.get(goal, []) if goal != "unsure" else []
    first = [s for name in focus for s in signals if s.title == name]
    rest = [s for s in signals if s not in first]
    return [SelfCheckItem(title=s.title, text=s.text, for_goal=s in first) for s in first + rest]


def recommend(profile: Profile, content: Content) -> Recommendation:
    """The advice for one profile. Pure and deterministic: same profile, same recommendation."""
    table, texts = content.rules, content.rules.texts
    decision = decide(profile, content)
    path, level, fit = decision.path, decision.degree_level, decision.fit
    plan = build_plan(profile, path, level, content.advice, content.dialogue.sections["plan_part"])
    values: Mapping[str, str] = display_values(profile, content, plan)
    rule = decision.rule
    reasons = [Reason(text=rule.reason.format_map(values), answers=list(rule.when))]
    reasons += [
        Reason(text=n.text.format_map(values), answers=list(n.when))
        for n in notes_for(table.supporting_reasons, profile, fit, level)
    ]
    caveats = [n.text.format_map(values) for n in notes_for(table.caveats, profile, fit, level)]
    base_steps = (
        content.advice.degree_level(profile.degree).next_steps
        if path == "degree"
        else content.advice.path(path).next_steps
    )
    steps = [n.text.format_map(values) for n in notes_for(table.next_steps, profile, fit, level)]
    served, gap = serves(path, profile, content)
    excluded = [r for p in ALL_PATHS if (r := ruled_out(p, profile, content)) is not None]
    return Recommendation(
        path=path,
        path_name=fit.name,
        rule=rule.id,
        fits=fit.fits == "fits",
        path_fits=fit.fits,
        situation=decision.situation,
        serves_goal=served == "yes",
        goal_gap=gap,
        fit_summary=fit_summary(decision, profile, content),
        checks=fit.checks,
        limits=fit.broken,
        changes=smallest_changes(decision, profile, content),
        within_limits=within_limits(decision, profile, content),
        passed_over=passed_over(decision, profile, content),
        degree_level=level,
        cash_flow=cash_flow(path, profile, content),
        figures=path_figures(path, profile, content),
        reasons=reasons,
        caveats=_once(caveats),
        unsure=[f for f in UNSURE_FIELDS if getattr(profile, f) == "unsure"],
        alternatives=alternatives(decision, profile, content),
        ruled_out=excluded,
        next_steps=_once([texts["next_first_step"].format_map(values), *base_steps, *steps]),
        plan=plan,
        self_check=self_check(profile, content),
        unknown_note=demands(path, profile, content).unknown_text or "",
    )
