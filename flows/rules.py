"""Profile → Recommendation, following the articles' decision framework.

Hard limits before preferences (see `flows/fit.py`): only paths that fit the person's hours,
income pause, budget and prerequisites are candidates. The precedence lives in ONE place, the
ordered rule table in `content/rules.yaml`: the first rule whose conditions hold and whose path
fits picks it. A `required` rule (a credential need) that cannot be met means nothing fits; so does
a table with no fitting path at all. Then the advice says so, names the closest path and the
smallest changes that would make one fit. This module evaluates that table and assembles the
recommendation; it never writes a sentence of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from flows.content import Condition, Content, Note, Rule, When
from flows.fit import (
    Change,
    Limit,
    RuledOut,
    answer_label,
    changes_for,
    degree_level,
    demands,
    limits,
    money,
    path_name,
    ruled_out,
)
from flows.money import CashFlow, cash_flow, path_figures
from flows.plan import Milestone, build_plan
from flows.profile import FIELD_VALUES, DegreeLevel, PathId, Profile, ProfileField

__all__ = ["CashFlow", "Change", "Limit", "RuledOut", "money"]

ALL_PATHS: tuple[PathId, ...] = FIELD_VALUES["path"]  # type: ignore[assignment]
MAX_CHANGES = 4


class Reason(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str
    answers: list[ProfileField]
    """The profile fields whose answers produced this reason."""


class Alternative(BaseModel):
    model_config = ConfigDict(frozen=True)

    path: PathId
    name: str
    why: str
    """What the path is, in one line."""
    fits: bool
    why_not: str
    """Why it comes second: the limit it breaks, or what makes it a weaker match."""
    limits: list[Limit]
    cash_flow: CashFlow


class Recommendation(BaseModel):
    model_config = ConfigDict(frozen=True)

    path: PathId
    path_name: str
    rule: str
    fits: bool
    fit_summary: str
    """'It fits your answers: …' naming the limits the person gave ("" when it does not fit)."""
    limits: list[Limit]
    changes: list[Change]
    degree_level: DegreeLevel | None
    cash_flow: CashFlow
    figures: list[str]
    reasons: list[Reason]
    caveats: list[str]
    alternatives: list[Alternative]
    ruled_out: list[RuledOut]
    next_steps: list[str]
    plan: list[Milestone]

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


@dataclass(frozen=True, slots=True)
class Decision:
    """The choice alone (no texts, no plan): cheap enough to run over every answer combination."""

    path: PathId
    rule: Rule
    fits: bool
    limits: list[Limit]
    degree_level: DegreeLevel | None


def holds(when: When, profile: Profile) -> bool:
    return all(_test(cond, getattr(profile, field)) for field, cond in when.items())


def _test(cond: Condition, value: str | int) -> bool:
    if cond.in_ is not None:
        return value in cond.in_
    assert isinstance(value, int)
    if cond.lt is not None and not value < cond.lt:
        return False
    return not (cond.gte is not None and not value >= cond.gte)


def display_values(profile: Profile) -> dict[str, str]:
    """Profile values as they read inside advice sentences ({budget}, {hours_per_week}, …)."""
    return {
        "budget": money(profile.budget_usd),
        "hours_per_week": str(profile.hours_per_week),
        "years_experience": str(profile.years_experience),
    }


def eligible(profile: Profile, content: Content) -> list[PathId]:
    return [p for p in ALL_PATHS if ruled_out(p, profile, content) is None]


def decide(profile: Profile, content: Content) -> Decision:
    """Walk the rule table over the paths that fit; fall back to the closest path."""
    ok = eligible(profile, content)
    broken = {p: limits(p, profile, content) for p in ok}
    matching = [r for r in content.rules.rules if holds(r.when, profile)]
    chosen: Rule | None = None
    for rule in matching:
        if rule.path in ok and not broken[rule.path]:
            chosen = rule
            break
        if rule.required:
            chosen = rule
            break
    if chosen is None:  # no rule's path fits: the matching rule whose path breaks fewest limits
        candidates = [r for r in matching if r.path in ok]
        chosen = min(candidates, key=lambda r: len(broken[r.path]))
    path = chosen.path
    return Decision(
        path=path,
        rule=chosen,
        fits=not broken.get(path, []),
        limits=broken.get(path, []),
        degree_level=degree_level(profile, content) if path == "degree" else None,
    )


def _notes(
    notes: list[Note], profile: Profile, path: PathId, level: DegreeLevel | None
) -> list[Note]:
    return [
        n
        for n in notes
        if (n.paths is None or path in n.paths)
        and (n.levels is None or level in n.levels)
        and holds(n.when, profile)
    ]


def _once(texts: list[str]) -> list[str]:
    return list(dict.fromkeys(texts))


def _relevant_alternative(path: PathId, profile: Profile, content: Content) -> bool:
    """A PhD is no alternative for someone with a graduate degree and no research interest."""
    if path != "degree" or degree_level(profile, content) != "phd":
        return True
    return profile.goal_role == "research" or profile.target_employer == "research_lab"


def alternatives(chosen: PathId, profile: Profile, content: Content) -> list[Alternative]:
    """Every other path the person is eligible for, those that fit first."""
    table = content.rules
    out: list[Alternative] = []
    for path in eligible(profile, content):
        if path == chosen or not _relevant_alternative(path, profile, content):
            continue
        broken = limits(path, profile, content)
        notes = _notes(table.why_not, profile, path, None)
        why_not = broken[0].text if broken else (notes[0].text if notes else "")
        out.append(
            Alternative(
                path=path,
                name=path_name(path, profile, content),
                why=table.alternative_notes[path],
                fits=not broken,
                why_not=why_not or table.alternative_notes[path],
                limits=broken,
                cash_flow=cash_flow(path, profile, content),
            )
        )
    return sorted(out, key=lambda a: not a.fits)


def smallest_changes(decision: Decision, profile: Profile, content: Content) -> list[Change]:
    """For the closest path, one change per broken limit; then, unless the answers require that
    path, other eligible paths that a single change would make fit."""
    if decision.fits:
        return []
    out = changes_for(decision.path, decision.limits, profile, content)
    if decision.rule.required:  # a credential need: only that path answers it
        return out
    for path in eligible(profile, content):
        broken = limits(path, profile, content)
        if path != decision.path and len(broken) == 1:
            out += changes_for(path, broken, profile, content)
    return out[:MAX_CHANGES]


def fit_summary(decision: Decision, profile: Profile, content: Content) -> str:
    if not decision.fits:
        return ""
    known = demands(decision.path, profile, content).figure_kind != "not_published"
    return content.dialogue.sections["fits_line" if known else "fits_unknown"].format(
        hours=profile.hours_per_week,
        budget=money(profile.budget_usd),
        pause=answer_label(profile, "can_pause_income", content),
    )


def recommend(profile: Profile, content: Content) -> Recommendation:
    """The advice for one profile. Pure and deterministic: same profile, same recommendation."""
    table = content.rules
    decision = decide(profile, content)
    path, level = decision.path, decision.degree_level
    values: Mapping[str, str] = display_values(profile)
    rule = decision.rule
    reasons = [Reason(text=rule.reason.format_map(values), answers=list(rule.when))]
    reasons += [
        Reason(text=n.text.format_map(values), answers=list(n.when))
        for n in _notes(table.supporting_reasons, profile, path, level)
    ]
    caveats = [n.text.format_map(values) for n in _notes(table.caveats, profile, path, level)]
    base_steps = (
        content.advice.degree_level(profile.degree).next_steps
        if path == "degree"
        else content.advice.path(path).next_steps
    )
    steps = [n.text.format_map(values) for n in _notes(table.next_steps, profile, path, level)]
    excluded = [r for p in ALL_PATHS if (r := ruled_out(p, profile, content)) is not None]
    return Recommendation(
        path=path,
        path_name=path_name(path, profile, content),
        rule=rule.id,
        fits=decision.fits,
        fit_summary=fit_summary(decision, profile, content),
        limits=decision.limits,
        changes=smallest_changes(decision, profile, content),
        degree_level=level,
        cash_flow=cash_flow(path, profile, content),
        figures=path_figures(path, profile, content),
        reasons=reasons,
        caveats=_once(caveats),
        alternatives=alternatives(path, profile, content),
        ruled_out=excluded,
        next_steps=_once([*base_steps, *steps]),
        plan=build_plan(
            profile, path, level, content.advice, content.dialogue.sections["plan_part"]
        ),
    )
