"""Numbers as they read in a sentence: counts with the right plural, money, plan lengths, and a
person's answers. Every word comes from content (`units` and `texts` in `content/rules.yaml`),
so "1 hour" and "3 hours" are both written there, never assembled in Python."""

from __future__ import annotations

from typing import Literal

from flows.content import Content
from flows.profile import Profile, ProfileField

Unit = Literal["hour", "week", "month", "year"]


def count(content: Content, unit: Unit, n: float) -> str:
    """'1 hour', '5 hours', '2.5 years': the unit's singular or plural form from content."""
    one, other = content.rules.units[unit]
    shown = f"{n:g}" if isinstance(n, float) else str(n)
    return (one if shown == "1" else other).format(n=shown)


def money(usd: int) -> str:
    return f"${usd:,}"


def duration(content: Content, months: float) -> str:
    """A plan length: months up to two years, years after ("about 2.5 years")."""
    if months > 24:
        return count(content, "year", float(f"{months / 12:.1f}"))
    return count(content, "month", max(1, round(months)))


def answer_label(profile: Profile, field: ProfileField, content: Content) -> str:
    """How an answer reads in a sentence: the option's label where a button gave it, else the
    number with its unit ("3 months", "8 hours")."""
    value = getattr(profile, field)
    options = content.dialogue.questions[field].options
    label = next((o.label for o in options if o.value == str(value)), None)
    if label is not None:
        return label
    if field == "can_pause_income":
        return count(content, "month", value)
    if field == "hours_per_week":
        return count(content, "hour", value)
    if field == "budget_usd":
        return money(value)
    return str(value)
