"""Buttons of the reminder setup: time zone, cadence, days, time, quiet hours.

Each sets a choice rather than toggling it, so a double tap leaves the same setup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from flows.actions.codec import Action, register


@register
@dataclass(frozen=True, slots=True)
class SetupZone(Action):
    PREFIX: ClassVar[str] = "sz"
    zone: str


@register
@dataclass(frozen=True, slots=True)
class SetupCadence(Action):
    PREFIX: ClassVar[str] = "sc"
    cadence: str


@register
@dataclass(frozen=True, slots=True)
class SetupDay(Action):
    """Sets one weekday on or off (not a toggle: a double tap leaves the same choice)."""

    PREFIX: ClassVar[str] = "sd"
    day: int
    on: bool


@register
@dataclass(frozen=True, slots=True)
class SetupDaysDone(Action):
    PREFIX: ClassVar[str] = "sdd"


@register
@dataclass(frozen=True, slots=True)
class SetupTime(Action):
    PREFIX: ClassVar[str] = "st"
    at: str


@register
@dataclass(frozen=True, slots=True)
class SetupQuiet(Action):
    PREFIX: ClassVar[str] = "sq"
    choice: str


@register
@dataclass(frozen=True, slots=True)
class QuietMove(Action):
    """Setup: the chosen time was inside quiet hours; move the reminder to `at`."""

    PREFIX: ClassVar[str] = "qm"
    at: str


@register
@dataclass(frozen=True, slots=True)
class QuietChange(Action):
    """Setup: the chosen time was inside quiet hours; choose the quiet hours again."""

    PREFIX: ClassVar[str] = "qc"


SETUP_ACTIONS = (
    SetupZone,
    SetupCadence,
    SetupDay,
    SetupDaysDone,
    SetupTime,
    SetupQuiet,
    QuietMove,
    QuietChange,
)
