"""The other paths, beside the recommended one: each with its verdict and why it comes second,
the path that surely fits the limits when the recommended one may not, and a near miss (the path
the answers point to first, when it breaks a limit)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from flows.advice.decide import ALL_PATHS, Decision, relevant
from flows.advice.fit import LimitCheck, PathFit, Verdict
from flows.advice.goal import serves
from flows.advice.money import CashFlow, cash_flow
from flows.conditions import holds
from flows.content import Content, Note
from flows.profile import DegreeLevel, PathId, Profile


class Alternative(BaseModel):
    model_config = ConfigDict(frozen=True)

    path: PathId
    name: str
    why: str
    """What the path is, in one line."""
    fits: Verdict
    why_not: str
    """Why it comes second: the limit it breaks, what cannot be told, or a weaker match."""
    limits: list[LimitCheck]
    """The limits it breaks."""
    checks: list[LimitCheck]
    serves_goal: bool
    cash_flow: CashFlow


class WithinLimits(BaseModel):
    """When the recommended path does not surely fit: the path that does, and what it won't give."""

    model_config = ConfigDict(frozen=True)

    path: PathId
    name: str
    fits: Verdict
    gap: str
    """What it will not give the goal ("" when it serves the goal too)."""


def notes_for(
    notes: list[Note], profile: Profile, fit: PathFit, level: DegreeLevel | None
) -> list[Note]:
    fitting = {c.limit for c in fit.checks if c.fits == "fits"}
    return [
        n
        for n in notes
        if (n.paths is None or fit.path in n.paths)
        and (n.levels is None or level in n.levels)
        and holds(n.when, profile)
        and set(n.if_fits) <= fitting
    ]


def alternatives(decision: Decision, profile: Profile, content: Content) -> list[Alternative]:
    """Every other path the person is eligible for: those that fit first, then those that may."""
    table, texts = content.rules, content.rules.texts
    out: list[Alternative] = []
    for path, fit in decision.fits.items():
        if path == decision.path or not relevant(path, profile, content):
            continue
        served, gap = serves(path, profile, content)
        notes = notes_for(table.why_not, profile, fit, None)
        reasons = [c.text for c in fit.broken[:1] or fit.unknown[:1]]
        if notes:
            reasons.append(notes[0].text)
        elif served != "yes":
            reasons.append(texts["alternative_gap"].format(gap=gap))
        why_not = " ".join(reasons) or table.alternative_notes[path]
        out.append(
            Alternative(
                path=path,
                name=fit.name,
                why=table.alternative_notes[path],
                fits=fit.fits,
                why_not=why_not,
                limits=fit.broken,
                checks=fit.checks,
                serves_goal=served == "yes",
                cash_flow=cash_flow(path, profile, content),
            )
        )
    order = {"fits": 0, "not_published": 1, "does_not_fit": 2}
    return sorted(out, key=lambda a: order[a.fits])


def within_limits(decision: Decision, profile: Profile, content: Content) -> WithinLimits | None:
    """The best path that surely fits (else may fit), when the recommended one does not surely:
    in the rule table's order, then any other."""
    if decision.situation == "fits":
        return None
    ranked = [r.path for r in content.rules.rules if holds(r.when, profile)] + list(ALL_PATHS)
    for verdict in ("fits", "not_published"):
        for path in dict.fromkeys(ranked):
            fit = decision.fits.get(path)
            if path == decision.path or fit is None or fit.fits != verdict:
                continue
            if not relevant(path, profile, content):
                continue
            _, gap = serves(path, profile, content)
            return WithinLimits(path=path, name=fit.name, fits=fit.fits, gap=gap)
    return None


def passed_over(decision: Decision, profile: Profile, content: Content) -> str:
    """The path the person's background points to first, when it breaks a limit and another was
    chosen: named on the headline, so a near miss is not hidden under "Other paths"."""
    if decision.situation != "fits":
        return ""
    for rule in content.rules.rules:
        if not holds(rule.when, profile):
            continue
        if rule.path == decision.path:
            return ""
        fit = decision.fits.get(rule.path)
        if fit is None or fit.fits != "does_not_fit":
            continue
        texts = content.rules.texts
        return texts["passed_over"].format(name=fit.name, why=fit.broken[0].text)
    return ""
