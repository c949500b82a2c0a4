"""Reading the number questions: years coding, budget, months without pay, hours a week.

WHY: "30 min a day" was stored as 210 h/week and "evenings, maybe 1-2h" as 1. Here the period a
number is given in (a day, weekday evenings, weekends, a month) is applied and named in the echo
("30 min a day × 7 days = 3.5 h/week"), hours round half down (honest rather than hopeful), a
year typed as a date counts from the clock ("since 2015"), and when a message holds several
numbers the one next to the question's unit is taken, or the person is asked.
"""

from __future__ import annotations

import re
from datetime import date

from flows.answer_model import in_bounds
from flows.numbers import NumberReader
from flows.numbers import Reading as Number
from flows.understand_choice import NOTHING, Reading
from flows.understand_text import PhraseTable, Words, split_clauses
from flows.vocabulary import Vocabulary

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_CONTRAST = re.compile(r"(?i)\bbut\b|\bthough\b|\bhowever\b|\band\b")
_PER_MONTH = re.compile(r"(?i)\b(a|per|each|every)\s+month\b|\bmonthly\b|/\s*mo(nth)?\b")


class NumberFields:
    """Readers for the four number questions, sharing one NumberReader and the vocabulary."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        v = vocabulary
        self.v = v
        self.numbers = NumberReader(v)
        h = v.hours
        self.periods: PhraseTable[str] = PhraseTable(
            [(p, "per_day") for p in h.per_day]
            + [(p, "weekdays") for p in h.weekdays]
            + [(p, "weekend") for p in h.weekend]
            + [(p, "per_week") for p in h.per_week]
            + [(p, "per_month") for p in h.per_month]
            + [(p, f"days:{n}") for p, n in h.days_words.items()]
            + [(p, "full_time") for p in h.full_time]
        )
        self.hours_ask: PhraseTable[tuple[int, ...]] = PhraseTable(
            (p, tuple(vs)) for p, vs in h.ask_words.items()
        )
        self.pause_words: PhraseTable[tuple[int, ...]] = PhraseTable(
            [(p, (0,)) for p in v.pause.zero] + [(p, tuple(vs)) for p, vs in v.pause.ask.items()]
        )
        self.zero: dict[str, PhraseTable[str]] = {
            "years_experience": PhraseTable(
                (p, "zero") for p in [*v.years.zero, *v.zero_phrases.get("years_experience", [])]
            ),
            "budget_usd": PhraseTable((p, "zero") for p in v.zero_phrases.get("budget_usd", [])),
        }
        self.since: PhraseTable[str] = PhraseTable((p, "since") for p in v.years.since)

    # ------------------------------------------------------------------------------ helpers

    def _one(self, text: str, field: str, *, money: bool = False) -> Number | str | None:
        """The number for `field`: from the clause with the field's unit when several clauses
        hold numbers; "several_numbers" when that does not single one out."""
        whole = self.numbers.read(text, field, money=money, periods=False)
        if not isinstance(whole, str):
            return whole
        readings = self._parts(text, field, money=money)
        marked = [r for r in readings if r.marked]
        if len(marked) == 1:
            return marked[0]
        if len(readings) == 1 and whole != "several_numbers":
            return readings[0]
        return whole

    def _parts(self, text: str, field: str, *, money: bool) -> list[Number]:
        """The numbers of each part of a message (clauses, and the sides of a "but")."""
        parts = [p for c in split_clauses(text) for p in _CONTRAST.split(c) if p.strip()]
        return [
            r
            for part in parts
            if isinstance(r := self.numbers.read(part, field, money=money, periods=False), Number)
        ]

    def _several(self, text: str, field: str, *, money: bool = False) -> Reading:
        """ "10 years but only 3 in backend": ask which, with each number as a button."""
        values = [
            *dict.fromkeys(_round_half_up(r.value) for r in self._parts(text, field, money=money))
        ]
        values = [v for v in values if in_bounds(field, v)]
        if len(values) >= 2:
            return Reading(tuple(values[:4]))
        return Reading(error="several_numbers")

    # ------------------------------------------------------------------------------ years

    def years(self, text: str, words: Words, today: date | None) -> Reading:
        since = self._since_year(text, words)
        if since is not None:
            if today is None or since > today.year:
                return Reading(error="invalid_integer")
            return Reading(
                (today.year - since,),
                note="since",
                note_values={"year": str(since), "today": str(today.year)},
            )
        number = self._one(text, "years_experience")
        if number == "several_numbers":
            return self._several(text, "years_experience")
        if isinstance(number, str):
            return Reading(error=number)
        if number is None:
            if self.zero["years_experience"].find(words):
                return Reading((0,))
            return NOTHING
        value = int(number.value + 1e-6) + number.shift
        return _ranged("years_experience", max(value, 0) if number.shift < 0 else value)

    def _since_year(self, text: str, words: Words) -> int | None:
        match = _YEAR.search(text)
        if match is None:
            return None
        year = match.group(1)
        before = words.tokens[: words.tokens.index(year)] if year in words.tokens else ()
        zeros = (0,) * len(before)
        if self.since.find(Words(tuple(before), zeros, zeros)) or set(words.tokens) == {year}:
            return int(year)
        return None

    # ------------------------------------------------------------------------------ budget

    def budget(self, text: str, words: Words) -> Reading:
        number = self._one(text, "budget_usd", money=True)
        if number == "several_numbers":
            return self._several(text, "budget_usd", money=True)
        if isinstance(number, str):
            return Reading(error=number)
        if number is None:
            return Reading((0,)) if self.zero["budget_usd"].find(words) else NOTHING
        value = _round_half_up(number.value)
        if _PER_MONTH.search(text):  # "200 a month": over a year, or that amount in all?
            return Reading((value * 12, value))
        amb = self.v.ambiguous
        plain = not number.marked and not number.scaled and number.value == int(number.value)
        if plain and number.shift == 0 and 1 <= value < amb.budget_usd_below:
            return Reading((value * amb.budget_usd_scale, value))
        return _ranged("budget_usd", value)

    # ------------------------------------------------------------------------------ months

    def pause(self, text: str, words: Words) -> Reading:
        """Months someone could go without pay: 0 when they cannot stop earning."""
        number = self._one(text, "can_pause_income")
        found = self.pause_words.find(words)
        if (
            isinstance(number, Number)
            and not number.marked
            and any(f.payload == (0,) for f in found)
        ):
            return Reading((0,))  # "no way, I have two kids": the 2 is not months
        if isinstance(number, Number):
            if not number.marked:
                value = _round_half_up(number.value)
                if 1 <= value <= 3 and number.value == value:
                    return Reading((value, value * 12))  # "2": months or years?
                return _ranged("can_pause_income", value)
            months = number.value + min(number.shift, 0)
            return _ranged("can_pause_income", max(_round_half_down(months), 0))
        if found:
            last = max(words.contrast[f.start] for f in found)
            found = [f for f in found if words.contrast[f.start] == last]
            if any(f.payload == (0,) for f in found):
                return Reading((0,))
            return Reading(found[-1].payload)
        return Reading(error=number) if isinstance(number, str) else NOTHING

    # ------------------------------------------------------------------------------ hours

    def hours(self, text: str, words: Words) -> Reading:
        found = self.periods.find(words)
        kinds = [f.payload for f in found]
        if "full_time" in kinds:
            return Reading((40,))
        stripped = text
        for f in sorted(found, key=lambda f: -len(f.phrase)):
            stripped = re.sub(
                r"(?i)\b" + r"\W+".join(map(re.escape, f.phrase.split())) + r"\b", " ", stripped
            )
        number = self._one(stripped, "hours_per_week")
        if isinstance(number, str):
            return Reading(error=number)
        if number is None:
            asked = self.hours_ask.find(words)
            return Reading(asked[0].payload) if asked else NOTHING
        amount = number.value
        factor, note = self._period(kinds)
        exact = round(amount * factor, 2)
        if note is None and not number.marked and number.shift == 0 and amount == int(amount):
            amb = self.v.ambiguous
            if 1 <= amount <= amb.hours_per_week_up_to:
                n = int(amount)
                return Reading((n, n * amb.hours_per_week_scale))
        value = _round_half_down(exact) + number.shift
        values = {"amount": _hours_text(amount), "exact": _num_text(exact)}
        if 0 < exact < 1:
            value = 1
        if note is None and value != exact and number.shift == 0:
            note, values = "rounded", {"value": str(value)}
        elif note == "per_month" or (note and value != exact):
            values["value"] = str(value)
        if note and note.startswith("days:"):
            values["days"] = note.split(":")[1]
            note = "days"
        return _ranged("hours_per_week", value, note, values)

    @staticmethod
    def _period(kinds: list[str]) -> tuple[float, str | None]:
        days = next((k for k in kinds if k.startswith("days:")), None)
        if days is not None:
            return float(days.split(":")[1]), days
        if "per_month" in kinds:
            return 12 / 52, "per_month"
        if "weekdays" in kinds:  # "an hour a day on weekdays, more on weekends": at least 5
            return 5.0, "weekdays"
        if "weekend" in kinds:
            return (2.0, "weekend") if "per_day" in kinds else (1.0, "weekend_total")
        if "per_day" in kinds:
            return 7.0, "per_day"
        return 1.0, None


def _ranged(
    field: str, value: int, note: str | None = None, values: dict[str, str] | None = None
) -> Reading:
    if not in_bounds(field, value):
        return Reading(error=f"out_of_range_{field}")
    return Reading((value,), note=note, note_values=values or {})


def _round_half_up(value: float) -> int:
    return int(value + 0.5 + 1e-6) if value >= 0 else -int(-value + 0.5 + 1e-6)


def _round_half_down(value: float) -> int:
    """3.5 h/week is 3: a pace written down should be one a person can keep."""
    return int(value + 0.5 - 1e-6) if value >= 0 else -int(-value + 0.5 - 1e-6)


def _num_text(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _hours_text(hours: float) -> str:
    if hours < 1:
        return f"{round(hours * 60)} min"
    return f"{_num_text(hours)} h"
