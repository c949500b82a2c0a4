"""Profile → Recommendation, following the articles' decision framework.

The precedence lives in ONE place: the ordered rule table in `content/rules.yaml`. The first rule
whose conditions hold picks the path; supporting reasons, caveats and extra next steps are notes
filtered by the same kind of conditions. This module only evaluates that table.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict

from flows.content import Condition, Content, LearningPath, Note, Rule, When
from flows.plan import Milestone, build_plan
from flows.profile import PathId, Profile, ProfileField


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


class Recommendation(BaseModel):
    model_config = ConfigDict(frozen=True)

    path: PathId
    path_name: str
    rule: str
    figures: list[str]
    reasons: list[Reason]
    caveats: list[str]
    alternatives: list[Alternative]
    next_steps: list[str]
    plan: list[Milestone]

    def record(self) -> dict[str, object]:
        """What storage keeps: the decision, not its text (the text regenerates from content)."""
        return {
            "path": self.path,
            "rule": self.rule,
            "alternatives": [a.path for a in self.alternatives],
            "plan_weeks": self.plan[-1].end_week if self.plan else 0,
        }


def holds(when: When, profile: Profile) -> bool:
    return all(_test(cond, getattr(profile, field)) for field, cond in when.items())


def _test(cond: Condition, value: str | int) -> bool:
    if cond.in_ is not None:
        return value in cond.in_
    assert isinstance(value, int)
    if cond.lt is not None and not value < cond.lt:
        return False
    return not (cond.gte is not None and not value >= cond.gte)


def money(usd: int) -> str:
    return f"${usd:,}"


def display_values(profile: Profile) -> dict[str, str]:
    """Profile values as they read inside advice sentences ({budget}, {hours_per_week}, …)."""
    return {
        "budget": money(profile.budget_usd),
        "hours_per_week": str(profile.hours_per_week),
        "years_experience": str(profile.years_experience),
    }


def path_figures(path: LearningPath, content: Content) -> list[str]:
    """The path's published figures, one line each, as the articles write them."""
    labels = content.dialogue.sections
    lines = [f"{labels['figure_duration']}: {path.duration.text}"]
    if path.weekly_load:
        lines.append(f"{labels['figure_weekly_load']}: {path.weekly_load}")
    if path.entry_requirement:
        lines.append(f"{labels['figure_entry']}: {path.entry_requirement}")
    for key, item in (
        ("figure_tuition", path.tuition),
        ("figure_scholarship", path.scholarship),
        ("figure_earnings", path.earnings),
    ):
        if item is not None:
            lines.append(f"{labels[key]}: {item.text}")
    if path.net_position:
        lines.append(f"{labels['figure_net']}: {path.net_position}")
    return lines


def choose_rule(profile: Profile, rules: list[Rule]) -> Rule:
    """The first rule of the ordered table that holds (the last rule always does)."""
    return next(rule for rule in rules if holds(rule.when, profile))


def _notes(notes: list[Note], profile: Profile, path: PathId) -> list[Note]:
    return [n for n in notes if (n.paths is None or path in n.paths) and holds(n.when, profile)]


def recommend(profile: Profile, content: Content) -> Recommendation:
    """The advice for one profile. Pure and deterministic: same profile, same recommendation."""
    table = content.rules
    rule = choose_rule(profile, table.rules)
    path = content.advice.path(rule.path)
    values: Mapping[str, str] = display_values(profile)

    reasons = [Reason(text=rule.reason.format_map(values), answers=list(rule.when))]
    reasons += [
        Reason(text=n.text.format_map(values), answers=list(n.when))
        for n in _notes(table.supporting_reasons, profile, rule.path)
    ]
    caveats = [n.text.format_map(values) for n in _notes(table.caveats, profile, rule.path)]
    caveats += path.limitations
    steps = [n.text.format_map(values) for n in _notes(table.next_steps, profile, rule.path)]
    alternatives = [
        Alternative(
            path=alt,
            name=content.advice.path(alt).name,
            why=table.alternative_notes[alt],
        )
        for alt in rule.alternatives
    ]
    return Recommendation(
        path=rule.path,
        path_name=path.name,
        rule=rule.id,
        figures=path_figures(path, content),
        reasons=reasons,
        caveats=caveats,
        alternatives=alternatives,
        next_steps=[*path.next_steps, *steps],
        plan=build_plan(profile, path, content.advice),
    )
