"""The answer values typed answers are read into: the Profile's, seen from the understanding.

WHY a module of its own: the understanding (`flows/reading/understanding.py` and its parts) needs
each question's kind, its options and its bounds, and nothing else of the Profile; this names them
once, from `flows/profile.py`, so the two can never disagree.
"""

from __future__ import annotations

from typing import Final, Literal, get_args

from flows.profile import FIELD_VALUES, NUMERIC_BOUNDS, ProfileField

FieldKind = Literal["choice", "integer", "money", "months"]

FIELDS: Final[tuple[str, ...]] = get_args(ProfileField)
"""Every question, in interview order."""

CHOICES: Final[dict[str, tuple[str, ...]]] = {
    f: values for f, values in FIELD_VALUES.items() if f in FIELDS
}
"""The allowed values of every choice question."""

BOUNDS: Final[dict[str, tuple[int, int | None]]] = NUMERIC_BOUNDS
"""Whole-number questions and their bounds (months without pay: 0 = cannot stop earning)."""

KINDS: Final[dict[str, FieldKind]] = {
    **dict.fromkeys(CHOICES, "choice"),
    "years_experience": "integer",
    "budget_usd": "money",
    "can_pause_income": "months",
    "hours_per_week": "integer",
}


def in_bounds(field: str, value: int) -> bool:
    low, high = BOUNDS[field]
    return value >= low and (high is None or value <= high)


def is_valid(name: str, value: object) -> bool:
    """Whether `value` is an allowed answer to question `name` (an option, or a whole number
    within its bounds)."""
    if KINDS[name] == "choice":
        return isinstance(value, str) and value in CHOICES[name]
    if not isinstance(value, int) or isinstance(value, bool):
        return False
    return in_bounds(name, value)
