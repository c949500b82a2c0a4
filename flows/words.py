"""Numbers as they read in a sentence: counts with the right plural, money, plan lengths, and a
person's answers. Every word comes from content (`units` and `texts` in `content/rules.yaml`),
so "1 hour" and "3 hours" are both written there, never assembled in Python."""

from __future__ import annotations

from typing import Literal

from flows.content import Content
from flows.profile import NUMERIC_BOUNDS, Profile, ProfileField

Unit = Literal["hour", "week", "month", "year"]


def count(content: Content, unit: Unit, n: float) -> str:
    """'1 hour', '5 hours', '2.5 years': the unit's singular or plural form from content."""
    one, other = content.rules.units[unit]
    shown = f"{n:g}" if isinstance(n, float) else str(n)
    return (one if shown == "1" else other).format(n=shown)


def button_label(content: Content, field: str, value: object) -> str | None:
    """The label of the button that stores exactly `value`: any choice; of a number's buttons
    only the one for none ("Nothing ($0)"), since the others stand for ranges."""
    if field in NUMERIC_BOUNDS and value != 0:
        return None
    options = content.dialogue.questions[field].options
    return next((o.label for o in options if o.value == str(value)), None)


def money(usd: int) -> str:
    return f"${usd:,}"


def duration(content: Content, months: float) -> str:
    """A plan length: months up to two years, years after ("about 2.5 years")."""
    if months > 24:
        return count(content, "year", float(f"{months / 12:.1f}"))
    return count(content, "month", max(1, round(months)))


def answer_label(profile: Profile, field: ProfileField, content: Content) -> str:
    """How an answer reads in a sentence: a choice's label; a number as the person's own number
    with its unit ("3 months", "8 hours"), never the button range it is the lower end of ("1–3
    months"); a zero as its button says it ("No, I need my income")."""
    value = getattr(profile, field)
    label = button_label(content, field, value)
    if label is not None:
        return label
    if field == "can_pause_income":
        return count(content, "month", value)
    if field == "hours_per_week":
        return count(content, "hour", value)
    if field == "budget_usd":
        return money(value)
    return str(value)
