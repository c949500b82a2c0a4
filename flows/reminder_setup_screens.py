"""The reminder setup's screens: each step's question and buttons, the quiet-hours conflict,
and a schedule described in words. Pure.

WHY apart from `flows/reminder_setup.py`: that module decides the steps; this one only draws
them, from `content/reminders.yaml`.
"""

from __future__ import annotations

from flows.actions import (
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
from flows.reading.setup_words import quiet_window
from flows.reading.timezones import zone_label
from flows.reminder_setup_state import QUIET_CHOICES, SETUP_SCREEN, SetupState
from flows.reply import Button, Reply, ReplyBuilder
from flows.schedule import ReminderSchedule


class SetupScreens:
    def __init__(self, words: ReminderText) -> None:
        self.words = words

    def show(self, state: SetupState, notice: str | None = None) -> Reply:
        m, b = self.words.messages, self.words.buttons
        at = SETUP_SCREEN
        out = ReplyBuilder()
        if notice:
            out.add("note", notice)
        if state.current:
            out.add("note", m["setup_current"].format(when=state.current))
        if state.step == "conflict":
            return self._conflict(state, out)
        out.add("text", m[f"setup_{state.step}"])
        mark = state.current is not None  # changing: tick what is set now
        if state.step == "timezone":
            zones = [
                Button(_tick(z.label, mark and z.zone == state.timezone), SetupZone(z.zone))
                for z in self.words.timezones
            ]
            if mark and state.timezone not in {z.zone for z in self.words.timezones}:
                zones.insert(0, Button(_tick(state.timezone, True), SetupZone(state.timezone)))
            for i in range(0, len(zones), 2):
                out.row(*zones[i : i + 2])
        elif state.step == "cadence":
            out.row(
                Button(
                    _tick(b["weekly"], mark and state.cadence == "weekly"), SetupCadence("weekly")
                ),
                Button(_tick(b["daily"], mark and state.cadence == "daily"), SetupCadence("daily")),
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
            now = state.at.strftime("%H:%M")
            times = list(self.words.times)
            if mark and now not in times:
                times.insert(0, now)
            out.row(*(Button(_tick(t, mark and t == now), SetupTime(t)) for t in times))
        else:
            ticked = {k: _tick(b[f"quiet_{k}"], mark and state.quiet == k) for k in QUIET_CHOICES}
            out.row(Button(ticked["none"], SetupQuiet("none")))
            out.row(
                Button(ticked["night"], SetupQuiet("night")),
                Button(ticked["late"], SetupQuiet("late")),
            )
        return out.build("question", at)

    def _conflict(self, state: SetupState, out: ReplyBuilder) -> Reply:
        """The time is inside the quiet hours: move it to just before or after them, or
        choose the quiet hours again. Nothing is saved until one of these is picked."""
        quiet = quiet_window(state.quiet)
        schedule = ReminderSchedule(
            at=state.at,
            quiet_start=quiet[0] if quiet else None,
            quiet_end=quiet[1] if quiet else None,
        )
        found = schedule.quiet_conflict()
        assert found is not None
        m, b = self.words.messages, self.words.buttons
        hhmm = "%H:%M"
        out.add(
            "text",
            m["quiet_conflict"].format(
                time=found.chosen.strftime(hhmm),
                start=found.quiet_start.strftime(hhmm),
                end=found.quiet_end.strftime(hhmm),
            ),
        )
        before, after = found.before.strftime(hhmm), found.after.strftime(hhmm)
        out.row(
            Button(b["move_before"].format(time=before), QuietMove(before)),
            Button(b["move_after"].format(time=after), QuietMove(after)),
        )
        out.row(Button(b["change_quiet"], QuietChange()))
        return out.build("question", SETUP_SCREEN)

    def describe_all(self, schedule: ReminderSchedule) -> str:
        """The schedule with its quiet hours: 'every day at 18:00 (UTC), quiet 22:00–08:00'."""
        m = self.words.messages
        if schedule.quiet_start is None or schedule.quiet_end is None:
            quiet = m["quiet_none"]
        else:
            quiet = m["quiet_span"].format(
                start=schedule.quiet_start.strftime("%H:%M"),
                end=schedule.quiet_end.strftime("%H:%M"),
            )
        return f"{self.describe(schedule)}, {quiet}"

    def describe(self, schedule: ReminderSchedule) -> str:
        """'Mon, Thu at 18:00 (Europe/Berlin)' or 'every day at 07:00 (UTC)'."""
        m = self.words.messages
        clock = schedule.at.strftime("%H:%M")
        zone = zone_label(schedule.timezone)
        if schedule.cadence == "daily":
            return m["cadence_daily"].format(time=clock, zone=zone)
        days = ", ".join(self.words.weekdays[d] for d in schedule.weekdays)
        return m["cadence_weekly"].format(days=days, time=clock, zone=zone)


def _tick(label: str, on: bool) -> str:
    return f"✓ {label}" if on else label
