"""The Profile: what the interview learns about a person, and the contract `aipath advise` reads."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

CodingExperience = Literal["none", "some", "production", "ml"]
Degree = Literal["none", "bachelor_other", "bachelor_cs", "graduate"]
GoalRole = Literal["applied_ml", "mlops", "research", "unsure"]
TargetEmployer = Literal["industry", "research_lab", "regulated", "unsure"]
NeedsVisa = Literal["yes", "no", "unsure"]
IncomePause = Literal["no", "months", "years"]
LearningStyle = Literal["self_directed", "structured", "fast_intro"]
PathId = Literal["degree", "certificate", "accelerated_immersive", "immersive", "self_study"]
DegreeLevel = Literal["bachelor", "master", "phd"]
"""Which degree the `degree` path means: set by the degree a person already holds."""

ProfileField = Literal[
    "coding_experience",
    "years_experience",
    "degree",
    "goal_role",
    "target_employer",
    "needs_visa",
    "budget_usd",
    "can_pause_income",
    "hours_per_week",
    "learning_style",
]

PROFESSIONAL_CODING: frozenset[str] = frozenset({"production", "ml"})
"""Coding backgrounds that count as professional software experience (and so ask for years)."""

FIELD_VALUES: dict[str, tuple[str, ...]] = {
    "coding_experience": get_args(CodingExperience),
    "degree": get_args(Degree),
    "goal_role": get_args(GoalRole),
    "target_employer": get_args(TargetEmployer),
    "needs_visa": get_args(NeedsVisa),
    "can_pause_income": get_args(IncomePause),
    "learning_style": get_args(LearningStyle),
    "path": get_args(PathId),
}
"""The allowed values of every choice field (numeric fields are absent)."""

NUMERIC_BOUNDS: dict[str, tuple[int, int | None]] = {
    "years_experience": (0, 60),
    "budget_usd": (0, None),
    "hours_per_week": (1, 80),
}


class Profile(BaseModel):
    """A completed interview. `years_experience` is 0 when the person never coded professionally."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    coding_experience: CodingExperience
    years_experience: int = Field(default=0, ge=0, le=60)
    degree: Degree
    goal_role: GoalRole
    target_employer: TargetEmployer
    needs_visa: NeedsVisa
    budget_usd: int = Field(ge=0)
    can_pause_income: IncomePause
    hours_per_week: int = Field(ge=1, le=80)
    learning_style: LearningStyle
