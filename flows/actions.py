"""Every button action in the product, as one small typed dataclass each, with one codec.

A button's callback data is `prefix|field|field…`: the class's `PREFIX`, then its fields in
declaration order (ints as decimal, bools as 1/0, strings as they are). `Action.encode()` is the
ONE place that checks Telegram's 64-byte limit; the module-level `decode()` turns any string
(forged, stale, truncated, from an older release) into an action or None and never raises.

To add a button: add one frozen dataclass with a unique `PREFIX` here. Actions whose meaning
depends on what was on screen carry that screen (`at`: the interview state, a setup step, the
milestone index), so a press on an old message is recognised as stale instead of misapplied.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar, get_type_hints

MAX_BYTES = 64
"""Telegram's limit on callback data (UTF-8 bytes)."""
SEP = "|"

_REGISTRY: dict[str, type[Action]] = {}


class ActionTooLong(ValueError):
    """The encoded action would not fit in Telegram's callback data."""


@dataclass(frozen=True, slots=True)
class Action:
    """Base of every button action. Subclasses set `PREFIX` and declare typed fields."""

    PREFIX: ClassVar[str] = ""

    def encode(self) -> str:
        parts = [self.PREFIX]
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            text = str(int(value)) if isinstance(value, bool) else str(value)
            if SEP in text:
                raise ValueError(f"{type(self).__name__}.{f.name} contains {SEP!r}")
            parts.append(text)
        data = SEP.join(parts)
        if len(data.encode()) > MAX_BYTES:
            raise ActionTooLong(f"{type(self).__name__} encodes to over {MAX_BYTES} bytes")
        return data


def register(cls: type[Action]) -> type[Action]:
    """Class decorator (applied after @dataclass) that makes `decode` know the class."""
    if not cls.PREFIX or SEP in cls.PREFIX or cls.PREFIX in _REGISTRY:
        raise TypeError(f"{cls.__name__}: prefix {cls.PREFIX!r} is empty, bad or taken")
    _REGISTRY[cls.PREFIX] = cls
    return cls


def _convert(kind: Any, text: str) -> object:
    if kind is bool:
        if text not in ("0", "1"):
            raise ValueError(text)
        return text == "1"
    if kind is int:
        if not text.lstrip("-").isdigit() or len(text) > 12:
            raise ValueError(text)
        return int(text)
    return text


@cache
def _fields(prefix: str) -> tuple[dict[str, Any], tuple[dataclasses.Field[Any], ...]]:
    """A class's resolved field types and fields, worked out once (get_type_hints is slow)."""
    cls = _REGISTRY[prefix]
    return get_type_hints(cls), dataclasses.fields(cls)


def decode(data: str | None) -> Action | None:
    """The action in `data`, or None for anything that is not one of ours. Never raises."""
    if not data or len(data.encode(errors="replace")) > MAX_BYTES:
        return None
    prefix, *raw = data.split(SEP)
    cls = _REGISTRY.get(prefix)
    if cls is None:
        return None
    try:
        hints, fields = _fields(prefix)
        if len(raw) != len(fields):
            return None
        values = {
            f.name: _convert(hints[f.name], text) for f, text in zip(fields, raw, strict=True)
        }
        return cls(**values)
    except (ValueError, TypeError):
        return None


# ---------------------------------------------------------------------------------- interview


@register
@dataclass(frozen=True, slots=True)
class Begin(Action):
    PREFIX: ClassVar[str] = "go"
    at: str


@register
@dataclass(frozen=True, slots=True)
class Pick(Action):
    """An answer button on question `at`."""

    PREFIX: ClassVar[str] = "a"
    at: str
    value: str


@register
@dataclass(frozen=True, slots=True)
class Back(Action):
    PREFIX: ClassVar[str] = "bk"
    at: str


@register
@dataclass(frozen=True, slots=True)
class Restart(Action):
    """Asks to start over (the confirmation follows)."""

    PREFIX: ClassVar[str] = "rs"
    at: str


@register
@dataclass(frozen=True, slots=True)
class RestartAnswer(Action):
    PREFIX: ClassVar[str] = "rsa"
    at: str
    yes: bool


@register
@dataclass(frozen=True, slots=True)
class Help(Action):
    PREFIX: ClassVar[str] = "hp"
    at: str


@register
@dataclass(frozen=True, slots=True)
class Confirm(Action):
    """'Looks right' on the summary."""

    PREFIX: ClassVar[str] = "ok"
    at: str


@register
@dataclass(frozen=True, slots=True)
class Edit(Action):
    PREFIX: ClassVar[str] = "ed"
    at: str
    field: str


@register
@dataclass(frozen=True, slots=True)
class Resume(Action):
    """'Continue where I was' (welcome-back, FAQ, plan outline): valid in any state."""

    PREFIX: ClassVar[str] = "re"


@register
@dataclass(frozen=True, slots=True)
class FaqMenu(Action):
    PREFIX: ClassVar[str] = "fq"


@register
@dataclass(frozen=True, slots=True)
class Faq(Action):
    PREFIX: ClassVar[str] = "fa"
    id: str


@register
@dataclass(frozen=True, slots=True)
class AskTopic(Action):
    """A topic offered under an answer to a typed question (`Passage.key`); valid anywhere."""

    PREFIX: ClassVar[str] = "ak"
    key: str


@register
@dataclass(frozen=True, slots=True)
class Topic(Action):
    """A detail screen about `name` (a recommendation section, a path…), for any content."""

    PREFIX: ClassVar[str] = "tp"
    name: str


# ---------------------------------------------------------------------------------- plan


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


# ---------------------------------------------------------------------------------- reminders


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
    """Undo ticking off milestone `index` (stale unless it is the last one done)."""

    PREFIX: ClassVar[str] = "pu"
    index: int


@register
@dataclass(frozen=True, slots=True)
class ProgressSkip(Action):
    """Move on from milestone `index` without counting it as done work."""

    PREFIX: ClassVar[str] = "pk"
    index: int


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


# ---------------------------------------------------------------------------------- account


@register
@dataclass(frozen=True, slots=True)
class DeleteAnswer(Action):
    PREFIX: ClassVar[str] = "del"
    yes: bool


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
PROGRESS_ACTIONS = (ShowProgress, NudgeDone, StepDone, ProgressUndo, ProgressSkip)
REMINDER_ACTIONS = (RemindMe, ManageReminders, Snooze, NudgePause, *PROGRESS_ACTIONS)
PLAN_ACTIONS = (ShowPlan, PlanStart)


def all_action_classes() -> list[type[Action]]:
    return list(_REGISTRY.values())
