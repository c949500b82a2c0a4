"""The reminder setup dialogue: timezone → cadence → days → time → quiet hours. Pure.

Kept apart from the interview graph because it is optional and can be entered any time after a
recommendation; it uses the same Reply and Button types so every transport renders it as is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import time
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict

from flows.actions import (
    Action,
    SetupCadence,
    SetupDay,
    SetupDaysDone,
    SetupQuiet,
    SetupTime,
    SetupZone,
)
from flows.content import ReminderText
from flows.events import Press, Text
from flows.reply import Button, Reply, ReplyBuilder
from flows.schedule import ReminderSchedule, parse_local_time, parse_timezone

SetupStepName = Literal["timezone", "cadence", "days", "time", "quiet"]
SETUP_SCREEN = "setup:"
QUIET_CHOICES: dict[str, tuple[time, time] | None] = {
    "none": None,
    "night": (time(22, 0), time(8, 0)),
    "late": (time(23, 0), time(7, 0)),
}


class SetupState(BaseModel):
    model_config = ConfigDict(frozen=True)

    step: SetupStepName = "timezone"
    timezone: str = "UTC"
    cadence: Literal["daily", "weekly"] = "weekly"
    days: tuple[int, ...] = (0,)
    at: time = time(18, 0)


Update = dict[str, Any] | tuple[str, tuple[time, time] | None] | str | None
"""What a rule makes of a press: fields to change, ("finish", quiet hours), a notice key, or
None when the press does not apply (then the current step is shown again)."""


@dataclass(frozen=True, slots=True)
class Rule:
    apply: Callable[[SetupState, Any], Update]


def _zone(state: SetupState, a: SetupZone) -> Update:
    return {"timezone": a.zone, "step": "cadence"} if parse_timezone(a.zone) else None


def _cadence(state: SetupState, a: SetupCadence) -> Update:
    if a.cadence not in ("daily", "weekly"):
        return None
    return {"cadence": a.cadence, "step": "days" if a.cadence == "weekly" else "time"}


def _day(state: SetupState, a: SetupDay) -> Update:
    if not 0 <= a.day < 7:
        return None
    days = set(state.days) | {a.day} if a.on else set(state.days) - {a.day}
    return {"days": tuple(sorted(days))}


def _days_done(state: SetupState, a: SetupDaysDone) -> Update:
    return {"step": "time"} if state.days else "need_a_day"


def _time(state: SetupState, a: SetupTime) -> Update:
    at = parse_local_time(a.at)
    return {"at": at, "step": "quiet"} if at else None


def _quiet(state: SetupState, a: SetupQuiet) -> Update:
    return ("finish", QUIET_CHOICES[a.choice]) if a.choice in QUIET_CHOICES else None


STEPS: Final[dict[tuple[str, type[Action]], Rule]] = {
    ("timezone", SetupZone): Rule(_zone),
    ("cadence", SetupCadence): Rule(_cadence),
    ("days", SetupDay): Rule(_day),
    ("days", SetupDaysDone): Rule(_days_done),
    ("time", SetupTime): Rule(_time),
    ("quiet", SetupQuiet): Rule(_quiet),
}
"""The setup dialogue as data: (step on screen, button pressed) → rule. A press whose step is
not on screen is stale and shows the current step; `show` draws each step's buttons."""


@dataclass(frozen=True, slots=True)
class SetupResult:
    state: SetupState | None
    """None once the setup is finished (then `schedule` is set)."""
    schedule: ReminderSchedule | None
    reply: Reply | None
    """None when finished: the caller confirms with the schedule it saved."""


class ReminderSetup:
    def __init__(self, words: ReminderText) -> None:
        self.words = words

    def start(self, default_timezone: str) -> SetupResult:
        state = SetupState(timezone=default_timezone)
        return SetupResult(state, None, self.show(state))

    def handle(self, state: SetupState, event: Press | Text) -> SetupResult:
        if isinstance(event, Text):
            return self._typed(state, event.text)
        action = event.action
        rule = STEPS.get((state.step, type(action))) if action is not None else None
        if rule is None:  # a button from another step (an old message, a double tap)
            return SetupResult(state, None, self.show(state))
        update = rule.apply(state, action)
        if update is None:
            return SetupResult(state, None, self.show(state))
        if isinstance(update, str):  # a notice: the step stays
            return SetupResult(state, None, self.show(state, self.words.messages[update]))
        if isinstance(update, tuple):
            return self._finish(state, update[1])
        return self._next(state.model_copy(update=update))

    def _typed(self, state: SetupState, text: str) -> SetupResult:
        m = self.words.messages
        if state.step == "timezone":
            zone = parse_timezone(text)
            if zone is None:
                return SetupResult(state, None, self.show(state, m["bad_timezone"]))
            return self._next(state.model_copy(update={"timezone": zone, "step": "cadence"}))
        if state.step == "time":
            at = parse_local_time(text)
            if at is None:
                return SetupResult(state, None, self.show(state, m["bad_time"]))
            return self._next(state.model_copy(update={"at": at, "step": "quiet"}))
        return SetupResult(state, None, self.show(state, m["bad_quiet"]))

    def _next(self, state: SetupState) -> SetupResult:
        return SetupResult(state, None, self.show(state))

    def _finish(self, state: SetupState, quiet: tuple[time, time] | None) -> SetupResult:
        schedule = ReminderSchedule(
            timezone=state.timezone,
            weekdays=state.days or (0,),
            at=state.at,
            cadence=state.cadence,
            quiet_start=quiet[0] if quiet else None,
            quiet_end=quiet[1] if quiet else None,
        )
        return SetupResult(None, schedule, None)

    def show(self, state: SetupState, notice: str | None = None) -> Reply:
        m, b = self.words.messages, self.words.buttons
        at = SETUP_SCREEN + state.step
        out = ReplyBuilder()
        if notice:
            out.add("note", notice)
        out.add("text", m[f"setup_{state.step}"])
        if state.step == "timezone":
            zones = [Button(z.label, SetupZone(z.zone)) for z in self.words.timezones]
            for i in range(0, len(zones), 2):
                out.row(*zones[i : i + 2])
        elif state.step == "cadence":
            out.row(
                Button(b["weekly"], SetupCadence("weekly")),
                Button(b["daily"], SetupCadence("daily")),
            )
        elif state.step == "days":
            days = [
                Button(f"✓ {name}" if i in state.days else name, SetupDay(i, i not in state.days))
                for i, name in enumerate(self.words.weekdays)
            ]
            out.row(*days[:4])
            out.row(*days[4:])
            out.row(Button(b["days_done"], SetupDaysDone()))
        elif state.step == "time":
            out.row(*(Button(t, SetupTime(t)) for t in self.words.times))
        else:
            out.row(Button(b["quiet_none"], SetupQuiet("none")))
            out.row(
                Button(b["quiet_night"], SetupQuiet("night")),
                Button(b["quiet_late"], SetupQuiet("late")),
            )
        return out.build("question", at)

    def describe(self, schedule: ReminderSchedule) -> str:
        """'Mon, Thu at 18:00 (Europe/Berlin)' or 'every day at 07:00 (UTC)'."""
        m = self.words.messages
        clock = schedule.at.strftime("%H:%M")
        if schedule.cadence == "daily":
            return m["cadence_daily"].format(time=clock, zone=schedule.timezone)
        days = ", ".join(self.words.weekdays[d] for d in schedule.weekdays)
        return m["cadence_weekly"].format(days=days, time=clock, zone=schedule.timezone)
