"""The answer values typed answers are read into: the model the lead decided for round 3.

WHY a module of its own: the Profile (`flows/profile.py`) and the question declarations belong to
the advice work, which adds `data` (coding), `graduate_other` (degree) and months without pay as
a number (`can_pause_income`). Until that lands on one branch, the understanding reads typed text
into these values and validates its vocabulary against them; the engine stores only what the
Profile of the day accepts (`Question.is_valid`) and asks with the buttons otherwise. After the
merge `CHOICES` must equal `flows.profile.FIELD_VALUES` for these fields (a test checks it once
the Profile carries them).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Final, Literal, get_args

from flows.profile import ProfileField

if TYPE_CHECKING:
    from flows.understanding import Understanding

FieldKind = Literal["choice", "integer", "money", "months"]

CHOICES: Final[dict[str, tuple[str, ...]]] = {
    "coding_experience": ("none", "some", "data", "production", "ml"),
    "degree": ("none", "bachelor_other", "bachelor_cs", "graduate", "graduate_other"),
    "goal_role": ("applied_ml", "mlops", "research", "unsure"),
    "target_employer": ("industry", "research_lab", "regulated", "unsure"),
    "needs_visa": ("yes", "no", "unsure"),
    "learning_style": ("self_directed", "structured", "fast_intro"),
}
"""The allowed values of every choice question."""

BOUNDS: Final[dict[str, tuple[int, int | None]]] = {
    "years_experience": (0, 60),
    "budget_usd": (0, None),
    "can_pause_income": (0, 60),
    "hours_per_week": (1, 80),
}
"""Whole-number questions and their bounds (months without pay: 0 = cannot stop earning)."""

KINDS: Final[dict[str, FieldKind]] = {
    **dict.fromkeys(CHOICES, "choice"),
    "years_experience": "integer",
    "budget_usd": "money",
    "can_pause_income": "months",
    "hours_per_week": "integer",
}

FIELDS: Final[tuple[str, ...]] = get_args(ProfileField)
"""Every question, in interview order."""

PROFESSIONAL: Final = frozenset({"production", "ml"})
"""Coding answers after which the interview asks for years of professional experience."""


def in_bounds(field: str, value: int) -> bool:
    low, high = BOUNDS[field]
    return value >= low and (high is None or value <= high)


_OLDER: Final[dict[tuple[str, str], str]] = {
    ("coding_experience", "data"): "ml",
    ("degree", "graduate_other"): "graduate",
}
"""Round-3 values the older Profile folds into another ("I already work with data or ML")."""


def to_profile(field: str, value: str | int) -> str | int:
    """`value` as the Profile of the day stores it: itself once the Profile carries the round-3
    values (after the advice branch lands), else the older value it folds into (months without
    pay: 0 → "no", under a year → "months", a year or more → "years")."""
    from flows.profile import FIELD_VALUES

    allowed = FIELD_VALUES.get(field)
    if allowed is None or value in allowed:
        return value
    if isinstance(value, int) and set(allowed) == {"no", "months", "years"}:
        return "no" if value == 0 else "months" if value < 12 else "years"
    return _OLDER.get((field, str(value)), value)


def as_profile(got: Understanding) -> Understanding:
    """The understanding's values as the Profile of the day stores them (`to_profile`)."""
    field = got.field
    options = tuple(replace(o, value=to_profile(field, o.value)) for o in got.options)
    unique = tuple({o.value: o for o in options}.values())
    value = None if got.value is None else to_profile(field, got.value)
    also = {f: to_profile(f, v) for f, v in got.also.items()}
    return replace(got, value=value, options=unique, also=also)
