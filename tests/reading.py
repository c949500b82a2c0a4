"""What the typed-answer tests share: one way to ask the understanding engine, on the day the
tuning sets are scored against, and the values a clarifying question offers."""

from __future__ import annotations

from datetime import date

from flows.reading.understanding import Understander, Understanding

TODAY = date(2026, 12, 6)


def understand(u: Understander, field: str, text: str, today: date = TODAY) -> Understanding:
    return u.understand(field, text, {}, today)


def options(got: Understanding) -> list[object]:
    return [o.value for o in got.options]
