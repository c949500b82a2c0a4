"""The reminder setup dialogue: timezone → cadence → days → time → quiet hours. Pure.

Kept apart from the interview graph because it is optional and can be entered any time after a
recommendation; it uses the same Reply and Button types so every transport renders it as is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Final

from flows.actions import (
    Action,
    QuietChange,
    QuietMove,
    SetupCadence,
    SetupDay,
    SetupDaysDone,
    SetupQuiet,
    SetupTime,
    SetupZone,
)
from flows.content import ReminderText
from flows.events import Press, Text
from flows.reading.setup_words import SetupWords, is_quiet_choice, quiet_window
from flows.reminder_setup_screens import SetupScreens
from flows.reminder_setup_state import QUIET_CHOICES, SetupState
from flows.reply import Button, Reply
from flows.schedule import ReminderSchedule, parse_local_time, parse_timezone

Update = dict[str, Any] | tuple[str, dict[str, Any]] | str | None
"""What a rule makes of a press: fields to change, ("finish", fields to change), a notice key,
or None when the press does not apply (then the current step is shown again)."""


@dataclass(frozen=True, slots=True)
class SetupRule:
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
    return ("finish", {"quiet": a.choice}) if is_quiet_choice(a.choice) else None


def _move(state: SetupState, a: QuietMove) -> Update:
    at = parse_local_time(a.at)
    return ("finish", {"at": at}) if at else None


def _change_quiet(state: SetupState, a: QuietChange) -> Update:
    return {"step": "quiet"}


STEPS: Final[dict[tuple[str, type[Action]], SetupRule]] = {
    ("timezone", SetupZone): SetupRule(_zone),
    ("cadence", SetupCadence): SetupRule(_cadence),
    ("days", SetupDay): SetupRule(_day),
    ("days", SetupDaysDone): SetupRule(_days_done),
    ("time", SetupTime): SetupRule(_time),
    ("quiet", SetupQuiet): SetupRule(_quiet),
    ("conflict", QuietMove): SetupRule(_move),
    ("conflict", QuietChange): SetupRule(_change_quiet),
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
    def __init__(self, words: ReminderText, typed: SetupWords | None = None) -> None:
        self.words = words
        self.typed = typed
        self.screens = SetupScreens(words)

    def start(self, default_timezone: str) -> SetupResult:
        state = SetupState(timezone=default_timezone)
        return SetupResult(state, None, self.show(state))

    def start_from(self, schedule: ReminderSchedule) -> SetupResult:
        """'Change': the steps again, starting from (and marking) the current choices."""
        quiet = (schedule.quiet_start, schedule.quiet_end)
        key = next((k for k, v in QUIET_CHOICES.items() if v == quiet), None)
        if key is None and schedule.quiet_start and schedule.quiet_end:
            key = f"{schedule.quiet_start:%H:%M}-{schedule.quiet_end:%H:%M}"
        state = SetupState(
            timezone=schedule.timezone,
            cadence=schedule.cadence,
            days=schedule.weekdays,
            at=schedule.at,
            quiet=key if schedule.quiet_start else "none",
            current=self.describe_all(schedule),
        )
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
            return self._finish(state.model_copy(update=update[1]))
        return self._next(state.model_copy(update=update))

    def _typed(self, state: SetupState, text: str) -> SetupResult:
        if self.typed is not None:  # words → the buttons' actions (reading/setup_words.py)
            typed = self.typed.typed(state.step, text)
            if typed.choices:
                shown = self.show(state)
                rows = tuple((Button(label, action),) for label, action in typed.choices)
                return SetupResult(state, None, replace(shown, buttons=rows + shown.buttons))
            result = SetupResult(state, None, None)
            for action in typed.actions:
                assert result.state is not None
                result = self.handle(result.state, Press(action))
                if result.state is None:
                    return result
            if typed.actions:
                return result
        m = self.words.messages
        if state.step == "timezone":
            zone = parse_timezone(text)
            if zone is None:
                return SetupResult(state, None, self.show(state, m["bad_timezone"]))
            return self._next(state.model_copy(update={"timezone": zone, "step": "cadence"}))
        if state.step in ("time", "conflict"):
            at = parse_local_time(text)
            if at is None:
                return SetupResult(state, None, self.show(state, m["bad_time"]))
            if state.step == "conflict":  # a time typed instead of a button: check it again
                return self._finish(state.model_copy(update={"at": at}))
            return self._next(state.model_copy(update={"at": at, "step": "quiet"}))
        return SetupResult(state, None, self.show(state, m["bad_quiet"]))

    def _next(self, state: SetupState) -> SetupResult:
        return SetupResult(state, None, self.show(state))

    def _finish(self, state: SetupState) -> SetupResult:
        """Save the schedule, unless its time falls in its own quiet hours: then ask."""
        schedule = _schedule(state)
        if schedule.quiet_conflict() is not None:
            state = state.model_copy(update={"step": "conflict"})
            return SetupResult(state, None, self.show(state))
        return SetupResult(None, schedule, None)

    def show(self, state: SetupState, notice: str | None = None) -> Reply:
        return self.screens.show(state, notice)

    def describe_all(self, schedule: ReminderSchedule) -> str:
        return self.screens.describe_all(schedule)

    def describe(self, schedule: ReminderSchedule) -> str:
        return self.screens.describe(schedule)


def _schedule(state: SetupState) -> ReminderSchedule:
    quiet = quiet_window(state.quiet)
    return ReminderSchedule(
        timezone=state.timezone,
        weekdays=state.days or (0,),
        at=state.at,
        cadence=state.cadence,
        quiet_start=quiet[0] if quiet else None,
        quiet_end=quiet[1] if quiet else None,
    )
