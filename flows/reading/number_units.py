"""How a typed number becomes an answer: the period it was given in, rounding, bounds, and the
text it reads back with ("30 min a day × 7 days = 3.5 h/week").

WHY apart: `flows/reading/understand_number.py` decides which number is meant; these small rules say
what it is worth once chosen, and are shared by every number question.
"""

from __future__ import annotations

import re

from flows.reading.answer_model import in_bounds
from flows.reading.understand_reading import Reading

PER_MONTH = re.compile(r"(?i)\b(a|per|each|every)\s+month\b|\bmonthly\b|/\s*mo(nth)?\b")
"""An amount said per month ("200 a month", "$3k/mo")."""
_AMOUNT = r"\d[\d,.]*\s*k?\s*(?:usd|dollars?|bucks|euros?|pounds?)?\s*"
_PER_FORTNIGHT = re.compile(
    rf"(?i){_AMOUNT}(?:(?:a|per|each|every)\s+fortnight\b|fortnightly\b|bi-?weekly\b"
    r"|every\s+(?:two|2)\s+weeks\b)"
)
_PER_WEEK = re.compile(
    rf"(?i){_AMOUNT}(?:(?:a|per|each|every)\s+(?:week|wk)\b|weekly\b|/\s*w(?:ee)?k\b)"
)
"""An amount said per fortnight or per week, the period right after it ("$150 a fortnight"),
not "20 hours a week, $5k" where the week is the hours'."""
OPENING_NUMBER = re.compile(
    r"(?i)^\W*(?:like|about|around|maybe|roughly|prob(?:ably)?|~)?\s*(\d+(?:\.\d+)?)\s*[.!;]\s+\S"
)
"""A first sentence that is only a number ("like 30. i'm part-time at the library (20h)"): the
answer itself, said before anything else."""


def times_a_year(text: str) -> int | None:
    """How often a year an amount said per period comes ("$150 a fortnight": 26), or None."""
    if PER_MONTH.search(text):
        return 12
    if _PER_FORTNIGHT.search(text):
        return 26
    return 52 if _PER_WEEK.search(text) else None


def period_factor(kinds: list[str]) -> tuple[float, str | None]:
    days = next((k for k in kinds if k.startswith("days:")), None)
    if days is not None:
        return float(days.split(":")[1]), days
    named = {k for k in kinds if k.startswith("day:")}
    if named and not {"weekdays", "weekend"} & set(kinds):
        return float(len(named)), f"days:{len(named)}"
    if "per_week" in kinds and "per_day" not in kinds:  # "10 hours per week after work"
        return 1.0, None
    if "per_month" in kinds:
        return 12 / 52, "per_month"
    if "per_fortnight" in kinds:
        return 0.5, "per_fortnight"
    if "weekdays" in kinds:  # "an hour a day on weekdays, more on weekends": at least 5
        return 5.0, "weekdays"
    if "weekend" in kinds:
        return (2.0, "weekend") if "per_day" in kinds else (1.0, "weekend_total")
    if "per_day" in kinds:
        return 7.0, "per_day"
    return 1.0, None


def ranged(
    field: str, value: int, note: str | None = None, values: dict[str, str] | None = None
) -> Reading:
    if not in_bounds(field, value):
        return Reading(error=f"out_of_range_{field}")
    return Reading((value,), note=note, note_values=values or {})


def round_half_up(value: float) -> int:
    return int(value + 0.5 + 1e-6) if value >= 0 else -int(-value + 0.5 + 1e-6)


def round_half_down(value: float) -> int:
    """3.5 h/week is 3: a pace written down should be one a person can keep."""
    return int(value + 0.5 - 1e-6) if value >= 0 else -int(-value + 0.5 - 1e-6)


def num_text(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def hours_text(hours: float) -> str:
    if hours < 1:
        return f"{round(hours * 60)} min"
    return f"{num_text(hours)} h"
