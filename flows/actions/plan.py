"""Buttons of the dated plan, progress, nudges and reminder settings.

Progress and nudge buttons carry the milestone `index` (and week) they were sent about, so a
second tap, or a tap on an old nudge, is recognised as stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from flows.actions.codec import Action, register


@register
@dataclass(frozen=True, slots=True)
class ShowPlan(Action):
    """'My plan' under the recommendation."""

    PREFIX: ClassVar[str] = "pl"


@register
@dataclass(frozen=True, slots=True)
class PlanStart(Action):
    PREFIX: ClassVar[str] = "ps"
    choice: str


@register
@dataclass(frozen=True, slots=True)
class RemindMe(Action):
    PREFIX: ClassVar[str] = "rm"


@register
@dataclass(frozen=True, slots=True)
class ShowProgress(Action):
    PREFIX: ClassVar[str] = "pg"


@register
@dataclass(frozen=True, slots=True)
class ManageReminders(Action):
    """change / pause / stop / resume on the reminder settings."""

    PREFIX: ClassVar[str] = "mr"
    op: str


@register
@dataclass(frozen=True, slots=True)
class NudgeDone(Action):
    """'Done' on a nudge about milestone `index` (a second tap, or an old nudge, is stale)."""

    PREFIX: ClassVar[str] = "nd"
    index: int


@register
@dataclass(frozen=True, slots=True)
class Snooze(Action):
    PREFIX: ClassVar[str] = "sn"
    span: str


@register
@dataclass(frozen=True, slots=True)
class NudgePause(Action):
    PREFIX: ClassVar[str] = "np"


@register
@dataclass(frozen=True, slots=True)
class StepDone(Action):
    """'This week's step done' on a nudge about week `week` of milestone `index`."""

    PREFIX: ClassVar[str] = "sw"
    index: int
    week: int


@register
@dataclass(frozen=True, slots=True)
class ProgressUndo(Action):
    """Undo the tick made at `tick` (epoch seconds; stale unless it is the newest tick, and
    the plan still stands as it left it)."""

    PREFIX: ClassVar[str] = "pu"
    tick: int


@register
@dataclass(frozen=True, slots=True)
class ProgressSkip(Action):
    """Move on from milestone `index` without counting it as done work."""

    PREFIX: ClassVar[str] = "pk"
    index: int


PROGRESS_ACTIONS = (ShowProgress, NudgeDone, StepDone, ProgressUndo, ProgressSkip)
REMINDER_ACTIONS = (RemindMe, ManageReminders, Snooze, NudgePause, *PROGRESS_ACTIONS)
PLAN_ACTIONS = (ShowPlan, PlanStart)
