"""The reminder setup dialogue: timezone → cadence → days → time → quiet hours. Pure.

Kept apart from the interview graph because it is optional and can be entered any time after a
recommendation; it uses the same Reply and Button types so every transport renders it as is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from typing import Literal

from pydantic import BaseModel, ConfigDict

from flows.content import ReminderText
from flows.events import Press, Text
from flows.reply import Button, Reply, ReplyBuilder
from flows.schedule import ReminderSchedule, parse_local_time, parse_timezone

SetupStepName = Literal["timezone", "cadence", "days", "time", "quiet"]
PREFIX = "setup:"
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
        if event.at != PREFIX + state.step:
            return SetupResult(state, None, self.show(state))
        kind, _, value = event.action.partition(":")
        if state.step == "timezone" and kind == "tz" and parse_timezone(value):
            return self._next(state.model_copy(update={"timezone": value, "step": "cadence"}))
        if state.step == "cadence" and kind in ("daily", "weekly"):
            step: SetupStepName = "days" if kind == "weekly" else "time"
            return self._next(state.model_copy(update={"cadence": kind, "step": step}))
        if state.step == "days" and kind == "day" and value.isdigit() and int(value) < 7:
            days = set(state.days) ^ {int(value)}
            return self._next(state.model_copy(update={"days": tuple(sorted(days))}))
        if state.step == "days" and kind == "done":
            if not state.days:
                return SetupResult(state, None, self.show(state, self.words.messages["need_a_day"]))
            return self._next(state.model_copy(update={"step": "time"}))
        if state.step == "time" and kind == "at" and parse_local_time(value):
            at = parse_local_time(value)
            return self._next(state.model_copy(update={"at": at, "step": "quiet"}))
        if state.step == "quiet" and kind == "quiet" and value in QUIET_CHOICES:
            return self._finish(state, QUIET_CHOICES[value])
        return SetupResult(state, None, self.show(state))

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
        at = PREFIX + state.step
        out = ReplyBuilder()
        if notice:
            out.add("note", notice)
        out.add("text", m[f"setup_{state.step}"])
        if state.step == "timezone":
            zones = [Button(z.label, f"tz:{z.zone}", at) for z in self.words.timezones]
            for i in range(0, len(zones), 2):
                out.row(*zones[i : i + 2])
        elif state.step == "cadence":
            out.row(Button(b["weekly"], "weekly", at), Button(b["daily"], "daily", at))
        elif state.step == "days":
            days = [
                Button(f"✓ {name}" if i in state.days else name, f"day:{i}", at)
                for i, name in enumerate(self.words.weekdays)
            ]
            out.row(*days[:4])
            out.row(*days[4:])
            out.row(Button(b["days_done"], "done", at))
        elif state.step == "time":
            out.row(*(Button(t, f"at:{t}", at) for t in self.words.times))
        else:
            out.row(Button(b["quiet_none"], "quiet:none", at))
            out.row(
                Button(b["quiet_night"], "quiet:night", at),
                Button(b["quiet_late"], "quiet:late", at),
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
