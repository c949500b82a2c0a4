"""The Profile: what the interview learns about a person, and the contract `aipath advise` reads."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

CodingExperience = Literal["none", "some", "data", "production", "ml"]
"""`data`: analyses data (SQL, BI, spreadsheets); `ml`: builds ML models."""
Degree = Literal["none", "bachelor_other", "bachelor_cs", "graduate", "graduate_other"]
"""`graduate`: a master's or PhD in CS or a related field; `graduate_other`: a master's, MBA or
PhD in another field."""
GoalRole = Literal["applied_ml", "mlops", "research", "unsure"]
TargetEmployer = Literal["industry", "research_lab", "regulated", "unsure"]
NeedsVisa = Literal["yes", "no", "unsure"]
LearningStyle = Literal["self_directed", "structured", "fast_intro"]
ApprenticePay = Literal["yes", "no", "unsure"]
"""Could the person live on a work-integrated program's apprenticeship pay (asked only when it
matters: see `flows/advice/pay.py`)."""
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
    "apprenticeship_pay",
    "hours_per_week",
    "learning_style",
]

PROFESSIONAL_CODING: frozenset[str] = frozenset({"production", "ml"})
"""Coding backgrounds that count as professional software experience (and so ask for years).

Not `data`: the years of someone who analyses data change no decision. The engineers' program
asks for production frontend, backend or full-stack code, which SQL and BI work is not at any
length, and the self-study plan keeps every layer for them whatever their years."""

FIELD_VALUES: dict[str, tuple[str, ...]] = {
    "coding_experience": get_args(CodingExperience),
    "degree": get_args(Degree),
    "goal_role": get_args(GoalRole),
    "target_employer": get_args(TargetEmployer),
    "needs_visa": get_args(NeedsVisa),
    "apprenticeship_pay": get_args(ApprenticePay),
    "learning_style": get_args(LearningStyle),
    "path": get_args(PathId),
}
"""The allowed values of every choice field (numeric fields are absent)."""

NUMERIC_BOUNDS: dict[str, tuple[int, int | None]] = {
    "years_experience": (0, 60),
    "budget_usd": (0, None),
    "can_pause_income": (0, 120),
    "hours_per_week": (1, 80),
}

LEGACY_PAUSE_MONTHS: dict[str, int] = {"no": 0, "months": 3, "years": 12}
"""What the old answers to "Could you stop earning?" mean in months without pay, read as an
honest "at least": "No, I need my income", "For a few months", "For a year or more"."""


def upgrade_answers(answers: Mapping[str, Any]) -> dict[str, Any]:
    """Answers saved (or sent to `aipath advise`) before months without pay became a number,
    with their old meaning kept; everything else unchanged."""
    out = dict(answers)
    pause = out.get("can_pause_income")
    if isinstance(pause, str) and pause in LEGACY_PAUSE_MONTHS:
        out["can_pause_income"] = LEGACY_PAUSE_MONTHS[pause]
    return out


class Profile(BaseModel):
    """A completed interview. `years_experience` is 0 when the person never coded professionally.

    `can_pause_income` is months the person could go without pay (0: they need their income)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    coding_experience: CodingExperience
    years_experience: int = Field(default=0, ge=0, le=60)
    degree: Degree
    goal_role: GoalRole
    target_employer: TargetEmployer
    needs_visa: NeedsVisa
    budget_usd: int = Field(ge=0)
    can_pause_income: int = Field(ge=0, le=120)
    apprenticeship_pay: ApprenticePay | None = None
    """None when the question was not asked (it did not matter, or an older profile)."""
    hours_per_week: int = Field(ge=1, le=80)
    learning_style: LearningStyle

    @model_validator(mode="before")
    @classmethod
    def _legacy_answers(cls, data: Any) -> Any:
        return upgrade_answers(data) if isinstance(data, Mapping) else data
