"""Evaluating the conditions of `content/rules.yaml` (`when`) on a profile."""

from __future__ import annotations

from flows.content import Condition, When
from flows.profile import Profile


def holds(when: When, profile: Profile) -> bool:
    return all(_test(cond, getattr(profile, field)) for field, cond in when.items())


def _test(cond: Condition, value: str | int | None) -> bool:
    if cond.in_ is not None:
        return value in cond.in_
    if not isinstance(value, int):
        return False
    if cond.lt is not None and not value < cond.lt:
        return False
    return not (cond.gte is not None and not value >= cond.gte)
