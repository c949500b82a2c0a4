"""The reminder setup typed in words: one pure reading per step, as the buttons' own actions.

WHY: the setup's prompt says "or type your answer", but only zone names, offsets and clock
times were read: "weekly", "after 10pm" and "10pm to 7am" were refused, and quiet hours were
two fixed windows. Here what is typed becomes the same actions the buttons send, so the setup
machine (`flows/reminder_setup.py`) stays the one place that decides; a message that says more
than the step asks ("weekly on Sunday evening") becomes the actions for the following steps too.
Words are in content/vocabulary.yaml `setup` and `zones`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

from flows.actions import (
    Action,
    QuietMove,
    SetupCadence,
    SetupDay,
    SetupDaysDone,
    SetupQuiet,
    SetupTime,
    SetupZone,
)
from flows.numbers import words_of
from flows.reading.timezones import Zones, zone_label
from flows.reading.understand_text import PhraseTable, read_words
from flows.reading.vocabulary import Vocabulary
from flows.schedule import parse_local_time

_CLOCK = re.compile(
    r"\b(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)|\b(\d{1,2})[:.h](\d{2})\b", re.IGNORECASE
)
_ORDER = ("timezone", "cadence", "days", "time", "quiet")


@dataclass(frozen=True, slots=True)
class Typed:
    """What a typed message means in the setup: actions to apply in order, or buttons to
    choose from (a country with several zones), or nothing (the step's hint is shown)."""

    actions: tuple[Action, ...] = ()
    choices: tuple[tuple[str, Action], ...] = ()


class SetupWords:
    def __init__(self, vocabulary: Vocabulary) -> None:
        s = vocabulary.setup
        self.zones = Zones(vocabulary)
        self.cadence: PhraseTable[str] = PhraseTable(
            [(p, "daily") for p in s.daily] + [(p, "weekly") for p in s.weekly]
        )
        self.days: PhraseTable[tuple[int, ...]] = PhraseTable(
            [(p, (d,)) for p, d in s.days.items()]
            + [(p, tuple(ds)) for p, ds in s.day_groups.items()]
        )
        self.parts: PhraseTable[str] = PhraseTable(s.parts_of_day.items())
        self.no_quiet = {words_of(p) for p in s.no_quiet}
        self.markers: PhraseTable[str] = PhraseTable((p, "quiet") for p in s.quiet_markers)

    # ------------------------------------------------------------------------------ steps

    def timezone(self, text: str) -> Typed:
        reading = self.zones.read(text)
        if reading.zone:
            return Typed((SetupZone(reading.zone),))
        return Typed(choices=tuple((_place(z), SetupZone(z)) for z in reading.options))

    def cadence_of(self, text: str) -> str | None:
        found = [f.payload for f in self.cadence.find(read_words(text, ()))]
        days = self.days_of(text)
        if "daily" in found or (days is not None and len(days) == 7):
            return "daily"
        if "weekly" in found or days:
            return "weekly"
        return None

    def days_of(self, text: str) -> tuple[int, ...] | None:
        found = self.days.find(read_words(text, ()))
        if not found:
            return None
        return tuple(sorted({d for f in found for d in f.payload}))

    def time_of(self, text: str) -> time | None:
        """A clock time ("6pm", "18:30"), or a part of the day ("evening" → 19:00)."""
        clock = _CLOCK.search(text)
        if clock:
            return parse_local_time(clock.group(0).replace(".", ""))
        whole = parse_local_time(text)
        if whole is not None:
            return whole
        parts = self.parts.find(read_words(text, ()))
        return parse_local_time(parts[-1].payload) if parts else None

    def quiet_of(self, text: str) -> str | None:
        """ "none", or a window "HH:MM-HH:MM" ("10pm to 7am", "after 10pm", "22-7")."""
        if words_of(text) in self.no_quiet:
            return "none"
        times = [parse_local_time(m.group(0).replace(".", "")) for m in _CLOCK.finditer(text)]
        bare = re.findall(r"\b(\d{1,2})\s*(?:-|–|to|till|until)\s*(\d{1,2})\b", text.lower())
        if len(times) < 2 and bare:
            start, end = (int(bare[0][0]), int(bare[0][1]))
            if start <= 23 and end <= 23:
                times = [time(start), time(end)]
        found = [t for t in times if t is not None]
        low = f" {words_of(text)} "
        if len(found) >= 2 and found[0] != found[1]:
            return _window(found[0], found[1])
        if len(found) == 1 and (" after " in low or " from " in low or " past " in low):
            return _window(found[0], time(8, 0))
        if len(found) == 1 and (" before " in low or " until " in low or " till " in low):
            return _window(time(22, 0), found[0])
        return None

    # ------------------------------------------------------------------------------ messages

    def typed(self, step: str, text: str) -> Typed:
        """The actions for `text` typed at `step`, and for later steps it also answers."""
        if step == "conflict":
            at = self.time_of(text)
            return Typed((QuietMove(at.strftime("%H:%M")),) if at else ())
        if step not in _ORDER:
            return Typed()
        actions: list[Action] = []
        cadence = self.cadence_of(text)
        for current in _ORDER[_ORDER.index(step) :]:
            if (
                current == "quiet"
                and step != "quiet"
                and not self.markers.find(read_words(text, ()))
            ):
                break  # "after 10pm" at the time step is the time, not quiet hours
            found = self._step(current, text, cadence)
            if current == "timezone" and found.choices:
                return found
            if not found.actions:
                if current == "days" and cadence == "daily":
                    continue
                break
            actions += found.actions
            if current == "quiet":
                break
        return Typed(tuple(actions))

    def _step(self, step: str, text: str, cadence: str | None) -> Typed:
        if step == "timezone":
            return self.timezone(text)
        if step == "cadence":
            return Typed((SetupCadence(cadence),) if cadence else ())
        if step == "days":
            days = self.days_of(text)
            if not days or cadence == "daily":
                return Typed()
            chosen: list[Action] = [SetupDay(d, d in days) for d in range(7)]
            return Typed((*chosen, SetupDaysDone()))
        if step == "time":
            at = self.time_of(_drop_window(text))
            return Typed((SetupTime(at.strftime("%H:%M")),) if at else ())
        quiet = self.quiet_of(text)
        return Typed((SetupQuiet(quiet),) if quiet else ())


def quiet_window(choice: str | None) -> tuple[time, time] | None:
    """The quiet hours a SetupQuiet choice stands for: a named button ("night") or a typed
    window ("22:00-07:00"); None for no quiet hours or a choice that is not one."""
    named = {"night": (time(22, 0), time(8, 0)), "late": (time(23, 0), time(7, 0))}
    if choice in named:
        return named[choice]
    if not choice or "-" not in choice:
        return None
    start, end = (parse_local_time(part) for part in choice.split("-", 1))
    return (start, end) if start and end and start != end else None


def is_quiet_choice(choice: str) -> bool:
    return choice == "none" or quiet_window(choice) is not None


def _place(zone: str) -> str:
    """ "America/New_York" → "New York (America/New_York)" for a choice button."""
    return f"{zone.rsplit('/', 1)[-1].replace('_', ' ')} ({zone_label(zone)})"


def _window(start: time, end: time) -> str:
    return f"{start.strftime('%H:%M')}-{end.strftime('%H:%M')}"


def _drop_window(text: str) -> str:
    """A reminder time is not read out of quiet hours typed in the same message."""
    return re.split(r"(?i)\bquiet\b|\bno messages\b|\bdon'?t\b", text)[0]
