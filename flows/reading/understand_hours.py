"""Reading the hours question: each part of the week read on its own, the period applied and
named in the echo ("30 min a day × 7 days = 3.5 h/week"), a job's hours left out.

WHY apart from `understand_number.py`: hours have the most ways to be said (days, evenings,
commutes, days left out, "half a day"), and their tables are built once here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from flows.numbers import Reading as Number
from flows.numbers import has_phrase, words_of
from flows.reading.answer_model import BOUNDS
from flows.reading.number_hours import HourParts
from flows.reading.number_parts import NumberParts
from flows.reading.number_units import (
    OPENING_NUMBER,
    hours_text,
    num_text,
    period_factor,
    ranged,
    round_half_down,
)
from flows.reading.understand_guards import Guards
from flows.reading.understand_reading import NOTHING, Reading
from flows.reading.understand_text import PhraseTable, read_words
from flows.reading.vocabulary import Vocabulary

_LONG_EVENING = 4  # hours: this many on each evening is rarer than this many in all
_HOUR_AMOUNT = re.compile(r"(?i)\d\s*(?:h|hrs?|hours?)\b")
_WEEKLY_AMOUNT = re.compile(r"(?i)\b(\d{1,2})\s*(?:a|per|/|each)\s*(?:week|wk)\b")
_BARE_AMOUNT = re.compile(
    r"(?i)(?<![\d.])(?<!from )(?<!at )(?<!to )(?<![-–])([1-7]?\d)\b"
    r"(?!\s*(?:[-/:%]|days?\b|d\b|nights?|weeks?|months?|years?|yrs?|k\b|am\b|pm\b|to\b|till\b|until\b|and\b|or\b))"
)
"""An amount a week with no unit, beside "full time": another case ("full time over the summer,
like 6 a week in term"), asked with the full-time week."""

One = Callable[[str, str], "Number | str | None"]


_COUNTED_DAYS = re.compile(
    r"(?i)\b(\d|one|two|three|four|five|six|seven)\s+(?:full|whole|entire)\s+days?\b"
)
"""A count of whole days ("two full days"): a day's hours each, not a full-time week."""


class HoursReader:
    """Built once per Understander from the vocabulary; `read` is pure."""

    def __init__(
        self,
        v: Vocabulary,
        parts: NumberParts,
        guards: Guards,
        buttons: dict[str, tuple[int, ...]],
        one: One,
        several: Callable[[str, str], Reading],
    ) -> None:
        self.v = v
        self.parts = parts
        self.hour_parts = HourParts(parts)
        self.guards = guards
        self.buttons = buttons
        self._one = one
        self.totals = [words_of(t) for t in v.hours.totals]
        self.other_units = re.compile("|".join(map(re.escape, v.hours.other_units)))
        self._several = several
        count = "|".join([r"\d", *v.numbers.ones])
        self.rota = re.compile(
            rf"(?i)\b(?:{count})\s*(?:days?|nights?|shifts?)?\s*on\W+(?:and\s+)?"
            rf"({count})\s*(?:days?|nights?)?\s*off\b"
        )
        self.day_index = {d: i % 7 for i, d in enumerate(v.parts.day_names)}
        named = "|".join(sorted(map(re.escape, v.parts.day_names), key=len, reverse=True))
        self.day_run = re.compile(
            rf"(?i)\b(?:from\s+)?({named})\s*(?:-|–|to|through|thru|till|until)\s*({named})\b"
        )
        self.off = re.compile(rf"(?i)\b(?:{'|'.join(map(re.escape, v.hours.off_days))})\b")
        h = v.hours
        self.periods: PhraseTable[str] = PhraseTable(
            [(p, "per_day") for p in h.per_day]
            + [(p, "weekdays") for p in h.weekdays]
            + [(p, "workday_hint") for p in h.workday_hints]
            + [(p, "weekend") for p in h.weekend]
            + [(p, "per_week") for p in h.per_week]
            + [(p, "per_month") for p in h.per_month]
            + [(p, "per_fortnight") for p in h.per_fortnight]
            + [(p, f"days:{n}") for p, n in h.days_words.items()]
            + [(p, "full_time") for p in h.full_time]
            + [(p, "half_time") for p in h.half_time]
            + [(p, f"day:{words_of(p)[:3]}") for p in v.parts.day_names]
        )
        each = sorted(map(re.escape, ["each", *h.per_day]), key=len, reverse=True)
        weekend = sorted(map(re.escape, h.weekend), key=len, reverse=True)
        self.weekend_each = re.compile(
            rf"(?i)\b(?:{'|'.join(weekend)})\s+(\d+(?:\.\d+)?\s*[a-z]*)\s+(?:{'|'.join(each)})\b"
        )
        """ "weekends 3h each": 3 hours on each weekend day."""
        self.hours_ask: PhraseTable[tuple[int, ...]] = PhraseTable(
            (p, tuple(vs)) for p, vs in h.ask_words.items()
        )
        days = "|".join(sorted(map(re.escape, [*v.parts.day_names, *h.weekend]), key=len)[::-1])
        self.how_often = re.compile(
            rf"(?i)\b(?:{days}|{'|'.join(map(re.escape, h.how_often))})\b|\d+\s*(?:x|times)\b"
        )
        """Words that say on how many days a day's hours fall ("a whole day on saturdays")."""
        self.skipped_days = re.compile(
            rf"(?i)\b(?:{'|'.join(map(re.escape, v.parts.skipped_days))})\s+"
            rf"((?:{days})(?:\s*(?:,|and|or|&)\s*(?:{days}))*)\b"
        )

    def read(self, text: str) -> Reading:
        """Hours a week: each part of the week read on its own and added up when the parts
        name different days ("3 on saturday and 3 on sunday"); a job's hours left out."""
        for phrase in self.v.parts.work_week:
            if "full time" in phrase:  # "I have a full time job": not 40 hours of study
                text = re.sub(rf"(?i)\b{re.escape(phrase)}\b", " ", text)
        text = self.hour_parts.each_way(self.hour_parts.clock_hours(text))
        text = self.weekend_each.sub(r"\1 each weekend day", text)
        for phrase in self.v.hours.all_week:  # "every day 3 hours including weekends": all 7
            text = re.sub(rf"(?i)\b{re.escape(phrase)}\b", " every day ", text)
        text = _COUNTED_DAYS.sub(self._counted_days, text)  # "two full days a week": 16 hours
        lengths = sorted(self.v.hours.day_lengths.items(), key=lambda p: -len(p[0]))
        lone_day = None
        for phrase, hours in lengths:  # "half a day": 4 hours (not "an hour and a half a day")
            text, n = re.subn(
                rf"(?i)(?<!\band )(?<!\band a )(?<!\bn )\b{re.escape(phrase)}\b",
                f"{hours} hours",
                text,
            )
            lone_day = hours if n and hours < 40 else lone_day
        if lone_day is not None and not self.how_often.search(text):
            # "whole day, unemployed rn": a day's hours, on how many days a week? asked
            return Reading((lone_day, lone_day * 5, lone_day * 7))
        text = self._off_days(self._day_range(text))
        if self._only_other_units(text):  # "6 months": how long, not hours a week
            return Reading(self.buttons["hours_per_week"], note="other_unit")
        guarded = self.guards.hours(
            text,
            self.read,
            self._period_kinds,
        )
        if guarded is not None:
            return guarded
        schedule = self.hour_parts.schedule(
            text, self._hours_part, self._period_kinds, self._has_amount
        )
        return schedule if schedule is not None else self._hours_part(text)

    def _counted_days(self, m: re.Match[str]) -> str:
        count = m.group(1).lower()
        days = int(count) if count.isdigit() else self.v.numbers.ones.get(count, 1)
        return f"{days * self.v.hours.day_lengths.get('a full day', 8)} hours"

    def _only_other_units(self, text: str) -> bool:
        """Every number in `text` comes with a unit of how long ("6 months"), none with hours."""
        numbers = re.findall(r"\d+(?:\.\d+)?\s*([a-z]*)", text.lower())
        return bool(numbers) and all(self.other_units.fullmatch(unit) for unit in numbers)

    def _day_range(self, text: str) -> str:
        """ "3 hrs mon-thu": a run of days is that many days ("on 4 days")."""

        def days(m: re.Match[str]) -> str:
            first, last = (self.day_index[m.group(i).lower()] for i in (1, 2))
            if (first, last) == (0, 4):
                return "on weekdays"
            return f"on {(last - first) % 7 + 1} days"

        return self.day_run.sub(days, text)

    def _off_days(self, text: str) -> str:
        """ "3 nights on 4 off. On my off days I can do 4 hours": the off days are 4 days."""
        rota = self.rota.search(text)
        if rota is None:
            return text
        word = rota.group(1).lower()
        off = int(word) if word.isdigit() else self.v.numbers.ones.get(word, 0)
        text = text[: rota.start()] + " " + text[rota.end() :]
        return self.off.sub(f"{off} days", text) if off else text

    def _has_amount(self, text: str) -> bool:
        """Whether a number is left once the period phrases ("three evenings") are taken out."""
        stripped = text
        for f in self.periods.find(read_words(text, self.v.contrasts)):
            stripped = re.sub(
                r"(?i)\b" + r"\W+".join(map(re.escape, f.phrase.split())) + r"\b", " ", stripped
            )
        return self.parts.has_number(stripped)

    def _period_kinds(self, text: str) -> set[str]:
        return {f.payload for f in self.periods.find(read_words(text, self.v.contrasts))}

    def _days_off(self, text: str) -> tuple[str, int]:
        """ "two hours a night except fridays": the days left out, and the text without them."""
        match = self.skipped_days.search(text)
        if match is None:
            return text, 0
        named = self.periods.find(read_words(match.group(1), ()))
        days = sum(2 if f.payload == "weekend" else 1 for f in named if f.payload != "per_day")
        return text[: match.start()] + text[match.end() :], days

    def _hours_part(self, text: str) -> Reading:
        text, days_off = self._days_off(text)
        words = read_words(text, self.v.contrasts)
        found = [  # "not full time": no full-time week
            f
            for f in self.periods.find(words)
            if not (f.payload == "full_time" and words.tokens[f.start - 1 : f.start] == ("not",))
        ]
        kinds = [f.payload for f in found]
        days = any(k.startswith("day:") or k == "weekend" for k in kinds)  # "whole days on sat…"
        last = max(words.contrast, default=0)
        later = last > 0 and any(  # "basically full time, but no more than 30": 30
            c == last and t.isdigit() for t, c in zip(words.tokens, words.contrast, strict=True)
        )
        for kind, hours in (("half_time", 20), ("full_time", 40)):  # "full time? half of that"
            if (
                kind in kinds
                and not _HOUR_AMOUNT.search(text)
                and not (days and kind == "full_time")
                and not later
            ):
                weekly = _WEEKLY_AMOUNT.search(text) or _BARE_AMOUNT.search(text)
                if weekly and int(weekly[1]) != hours:  # "full-time-ish, 35": 35 or 40?
                    return Reading(
                        (int(weekly[1]), hours)
                        if weekly.re is _BARE_AMOUNT
                        else (hours, int(weekly[1]))
                    )
                return Reading((hours,))  # "full time, 50-60 hrs": the hours given win
        found = [f for f in found if f.payload not in ("full_time", "half_time")]
        kinds = [f.payload for f in found]
        stripped = text
        for f in sorted(found, key=lambda f: -len(f.phrase)):
            stripped = re.sub(
                r"(?i)\b" + r"\W+".join(map(re.escape, f.phrase.split())) + r"\b", " ", stripped
            )
        number = self._one(stripped, "hours_per_week")
        opening = OPENING_NUMBER.match(stripped)  # "maybe 25. my weekend job takes 16h": asked
        if number == "several_numbers" and (set(kinds) <= {"per_week"} or opening):
            # "some weeks 5 some weeks 20", "10 a week. 15 in the summer": asked
            return self._several(stripped, "hours_per_week")
        if isinstance(number, str):
            return Reading(error=number)
        if number is None:
            asked = self.hours_ask.find(words)
            return Reading(asked[0].payload) if asked else NOTHING
        amount = number.value
        if {"workday_hint", "per_day"} <= set(kinds) and "weekdays" not in kinds:
            # "30 min a day on my lunch break", "1-2h per day after work": every day, or workdays?
            return Reading(
                tuple(dict.fromkeys(round_half_down(round(amount * d, 2)) for d in (7, 5)))
            )
        factor, note = period_factor(["weekdays" if k == "workday_hint" else k for k in kinds])
        if factor > 1 and any(has_phrase(words_of(text), t) for t in self.totals):
            factor, note = 1.0, None  # "12 hours saturday and sunday together": 12 in all
        if days_off and note in ("per_day", "weekdays") and factor > days_off:
            factor, note = factor - days_off, f"days:{int(factor - days_off)}"
        exact = round(amount * factor, 2)
        if note is None and not number.marked and number.shift == 0 and amount == int(amount):
            amb = self.v.ambiguous
            if 1 <= amount <= amb.hours_per_week_up_to:
                n = int(amount)
                return Reading((n, n * amb.hours_per_week_scale))
        value = round_half_down(exact) + number.shift
        values = {"amount": hours_text(amount), "exact": num_text(exact)}
        if 0 < exact < 1:
            value = 1
        if note is None and value != exact and number.shift == 0:
            note, values = "rounded", {"value": str(value)}
        elif note == "per_month" or (note and value != exact):
            values["value"] = str(value)
        if note and note.startswith("days:"):
            values["days"] = note.split(":")[1]
            note = "one_day" if values["days"] == "1" else "days"
        if value > (BOUNDS["hours_per_week"][1] or value):  # "100": more than a week holds
            return Reading(self.buttons["hours_per_week"], note="too_many")
        weekdays = bool({"weekdays", "workday_hint"} & set(kinds)) and "per_day" not in kinds
        mixed = weekdays and any(k == "weekend" or k.startswith("day:") for k in kinds)
        hinted = set(kinds) == {"workday_hint"} and amount >= _LONG_EVENING
        if factor > 1 and (value > 40 >= amount or mixed or hinted):
            # "evenings after the kids go to bed, maybe 8-10 hours": that many every evening?
            # "lunch breaks + sunday afternoons, maybe 6-8": in all, or on each weekday? Asked
            # "evenings and weekends, maybe 15": 15 a week, or 15 on each evening? Asked
            return Reading((round_half_down(amount), value))
        return ranged("hours_per_week", value, note, values)
