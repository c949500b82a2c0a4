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

from flows.numbers import NumberReader, words_of
from flows.numbers import Reading as Number
from flows.reading.answer_model import in_bounds
from flows.reading.number_money import Money
from flows.reading.number_parts import NumberParts
from flows.reading.number_units import OPENING_NUMBER, ranged, round_half_up
from flows.reading.understand_budget import BudgetReader
from flows.reading.understand_guards import Guards
from flows.reading.understand_hours import HoursReader
from flows.reading.understand_pause import PauseReader
from flows.reading.understand_reading import NOTHING, Reading
from flows.reading.understand_text import PhraseTable, Words, read_words, split_clauses
from flows.reading.vocabulary import Vocabulary

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_CONTRAST = re.compile(r"(?i)\bbut\b|\bthough\b|\bhowever\b|\band\b(?!\s+(?:an?\s+)?half\b)")
_LIKE_AN_AGE = 30
"""A bare number of years this large is as likely an age ("34"): asked, never stored."""
_THEN = re.compile(r"(?i)\b(?:then|plus|after that|afterwards|followed by|before that)\b")
_IF = re.compile(r"(?i)\b(?:if|unless|as long as)\b")
_CLAUSE_END = re.compile(r"[,.;]|\bthen\b")


class NumberFields:
    """Readers for the four number questions, sharing one NumberReader and the vocabulary."""

    def __init__(self, vocabulary: Vocabulary, buttons: dict[str, tuple[int, ...]]) -> None:
        v = vocabulary
        self.v = v
        self.counts = {
            **dict.fromkeys(v.numbers.article, 1),
            **{w: int(n) for w, n in v.numbers.ones.items()},
        }
        said = "|".join(map(re.escape, sorted(self.counts, key=len, reverse=True)))
        self.said_years = re.compile(
            rf"(?i)\b(\d{{1,2}}|{said})[\s-]*(years?|yrs?|months?|mos?)\b"
            r"(?!\s+(?:ago|old|off|break))"
        )
        """A number of years said beside dates that may count them differently ("the one year")."""
        self.numbers = NumberReader(v)
        self.parts = NumberParts(v, self.numbers)
        self.money = Money(v)
        self.guards = Guards(v, self.numbers)
        self.buttons = buttons
        """Each number question's button values: offered when a typed number can't be used."""
        self.hours_reader = HoursReader(
            v, self.parts, self.guards, buttons, self._one, self._several
        )
        self.pause_reader = PauseReader(
            v, self.numbers, self.parts, self._one, self._parts, self._several
        )
        self.zero: dict[str, PhraseTable[str]] = {
            "years_experience": PhraseTable(
                (p, "zero") for p in [*v.years.zero, *v.zero_phrases.get("years_experience", [])]
            ),
            "budget_usd": PhraseTable((p, "zero") for p in v.zero_phrases.get("budget_usd", [])),
        }
        self.since: PhraseTable[str] = PhraseTable((p, "since") for p in v.years.since)
        self.not_working: PhraseTable[str] = PhraseTable((p, "off") for p in v.years.not_working)
        self._year_words = frozenset(
            w
            for p in [*v.years.short_year_before, *v.parts.month_names, *v.hedged_number_words]
            for w in words_of(p).split()
        )
        """Words that may stand between "since" and its year ("since early march 2019")."""
        self.short_of: PhraseTable[str] = PhraseTable((p, "short") for p in v.years.short_of)
        self.just_over: PhraseTable[str] = PhraseTable((p, "just") for p in v.years.just_over)
        self.last_month = re.compile(
            r"(?i)\b(?:last|this past|in)\s+("
            + "|".join(sorted(map(re.escape, v.parts.month_names), key=len, reverse=True))
            + r")\b(?!\s*\d)"
        )
        self.budget_reader = BudgetReader(
            v,
            self.numbers,
            self.parts,
            self.guards,
            self.money,
            buttons["budget_usd"],
            self.zero["budget_usd"],
            (self._one, self._parts, self._several),
        )
        self.subjects = {
            name: PhraseTable((p, name) for p in phrases)
            for name, phrases in v.guards.number_subjects.items()
        }

    # ------------------------------------------------------------------------------ helpers

    def _one(self, text: str, field: str, *, money: bool = False) -> Number | str | None:
        """The number for `field`: from the clause with the field's unit when several clauses
        hold numbers; "several_numbers" when that does not single one out."""
        whole = self.numbers.read(text, field, money=money, periods=False)
        if not isinstance(whole, str):
            return whole
        readings = self._parts(text, field, money=money)
        marked = [r for r in readings if r.marked]
        scaled = money and any(r.scaled and not r.marked for r in readings)  # "…and a grand"
        if len(marked) == 1 and not scaled and not self._competing(text, field, money=money):
            opening = OPENING_NUMBER.match(text)
            if opening and float(opening[1]) != marked[0].value:
                return "several_numbers"  # the answer said first, a unit's number after: asked
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

    def _competing(self, text: str, field: str, *, money: bool) -> bool:
        """ "10 years of teaching, 0 of coding": the number with the unit is about something
        else, and a number without it is said about what this question counts. Asked."""
        table = self.subjects.get(field)
        if table is None:
            return False
        about: list[tuple[bool, bool]] = []
        for part in (p for c in split_clauses(text) for p in _CONTRAST.split(c) if p.strip()):
            number = self.numbers.read(part, field, money=money, periods=False)
            if isinstance(number, Number):
                subject = bool(table.find(read_words(part, ())))
                about.append((number.marked, subject))
        marked_off = any(m and not s for m, s in about)
        return marked_off and any(not m and s for m, s in about)

    def _several(self, text: str, field: str, *, money: bool = False) -> Reading:
        """ "10 years but only 3 in backend": ask which, with each number as a button."""
        values = [
            *dict.fromkeys(round_half_up(r.value) for r in self._parts(text, field, money=money))
        ]
        values = [v for v in values if in_bounds(field, v)]
        if len(values) >= 2:
            return Reading(tuple(values[:4]))
        return Reading(error="several_numbers")

    # ------------------------------------------------------------------------------ years

    def years(self, text: str, words: Words, today: date | None) -> Reading:
        since = self._since_year(text, words, self.parts.span_years(text))
        if since is not None and (today is None or since > today.year):
            return Reading(error="invalid_integer")
        dated = self.parts.dated(text, today, since)
        if dated is None and since is not None and today is not None:
            dated = Reading(
                (today.year - since,),
                note="since",
                note_values={"year": str(since), "today": str(today.year)},
            )
        if dated is not None:
            said = (
                {  # not a stint the dates already add ("2016-2020, then 3 years freelance")
                    (int(m[1]) if m[1].isdigit() else self.counts.get(m[1].lower(), 0))
                    // (12 if m[2].lower().startswith("mo") else 1)
                    for m in self.said_years.finditer(text)
                    if not _THEN.search(text[max(0, m.start() - 25) : m.start()])
                }
                - set(dated.values)
            )
            if dated.stored and said:  # "since 2016 … 8 yrs paid": the dates or the number?
                return Reading((*dated.values, *sorted(said)))
            if dated.stored and self.parts.mixed_career(text):
                # "backend dev from 2019, moved into product mgmt in 2024": not all of it was
                # software; the dates' count is offered, never stored
                rest = [b for b in self.buttons["years_experience"] if b != dated.values[0]]
                return Reading((dated.values[0], *rest))
            return dated
        parts = self.parts.parts(text, drop=self.parts.not_professional)
        professional = [p for _, p in parts if not self.parts.not_professional(p)]
        if parts and len(professional) < len(parts):
            if not professional:  # "coding as a hobby for 6 years": not professional years
                found = [
                    n for _, p in parts for n in self._parts(p, "years_experience", money=False)
                ]
                values = [int(n.value + 1e-3) for n in found]
                if self.zero["years_experience"].find(words) and not values:
                    return Reading((0,))
                return Reading(tuple(dict.fromkeys([0, *values]))[:4])
            text = ", ".join(professional)
            words = read_words(text, self.v.contrasts)
        each = self.parts.each(text, self.counts)
        if each is not None:  # "three contracts back to back, each one a year": 3 in all?
            return each
        stints = self.parts.stints(text, "years_experience")
        if stints is not None:
            return stints
        started = self.last_month.search(text)
        if started and today is not None and not self.parts.has_number(text):
            # "started my first dev job last march": months ago, under a year
            month = self.v.parts.month_names[started.group(1).lower()]
            ago = (today.month - month) % 12 or 12
            return Reading((ago // 12,), note="since_month", note_values={"months": str(ago)})
        number = self._one(text, "years_experience")
        if number == "several_numbers":
            return self._several(text, "years_experience")
        if isinstance(number, str):
            return Reading(error=number)
        if number is None:
            if self.zero["years_experience"].find(words):
                return Reading((0,))
            return NOTHING
        # whole years done: "just over two years" is 2, "more than 10" 11, "less than a year" 0
        shift = min(number.shift, 0) if self.just_over.find(words) else number.shift
        value = int(number.value + 1e-3) + shift
        if number.shift == 0 and value >= 1 and self.short_of.find(words):
            return ranged("years_experience", value - 1)  # "I'll hit 1 year in march": 0
        if number.shift > 0 and shift > 0:
            after = [  # "over a decade, 13 i think": the number said after the bound is offered
                int(n.value + 1e-3)
                for n in self._parts(text, "years_experience", money=False)
                if not n.marked
                and n.value > value - shift
                and in_bounds("years_experience", int(n.value + 1e-3))
            ]
            if after:
                return Reading(tuple(dict.fromkeys([after[0], value])))
            past = {"number": str(value - shift)}  # "11 years (more than 10)"
            return ranged("years_experience", value, "more_than", past)
        if not number.marked and value >= _LIKE_AN_AGE and in_bounds("years_experience", value):
            # "34": an age as likely as years of work
            return Reading((value, *self.buttons["years_experience"]))
        return ranged("years_experience", max(value, 0) if number.shift < 0 else value)

    def _since_year(self, text: str, words: Words, spans: set[int]) -> int | None:
        """The year after "since" that is not part of a span ("2015-2018, back since 2024":
        2024; "from 2018 to 2022" has none)."""
        for match in _YEAR.finditer(text):
            year = match.group(1)
            seen = text[: match.start()].count(year)  # "2020 to 2023 then X since 2023": the 2nd
            if int(year) in spans and (not seen or self.parts.has_span(text[match.start() :])):
                continue
            at = [i for i, t in enumerate(words.tokens) if t == year][seen : seen + 1]
            before = words.tokens[: at[0]] if at else ()
            zeros = (0,) * len(before)
            found = self.since.find(Words(tuple(before), zeros, zeros))
            # "since jan 2021", "back in early 2019", not "a masters in stats, graduated 2020"
            # nor "then a career break since 2022"
            if any(
                self._year_words.issuperset(before[f.end :])
                and (
                    "since" in before[: max(0, f.start - 3)]  # "since i finished X in 2016"
                    or not self.not_working.find(
                        Words(before[max(0, f.start - 3) : f.start], zeros[:3], zeros[:3])
                    )
                )
                for f in found
            ):
                return int(year)
            if set(words.tokens) == {year}:
                return int(year)
        return None

    def conditional(self, name: str, text: str, reading: Reading) -> Reading:
        """A stored number said under a condition is asked: "if I get the severance, 6 months,
        without it 2" offers both; "the whole program if it's under a year" offers the number
        with the buttons, since the only number is the condition's."""
        condition = _IF.search(text)
        if not reading.stored or condition is None:
            return reading
        rest = text[condition.start() :]
        end = _CLAUSE_END.search(rest)
        inside = rest[: end.start()] if end else rest
        outside = text[: condition.start()] + (rest[end.start() :] if end else "")
        money = name == "budget_usd"

        def has(part: str) -> bool:
            return self.numbers.read(part, name, money=money, periods=False) is not None

        if has(inside) and not has(outside):
            value = reading.values[0]
            return Reading((value, *(b for b in self.buttons[name] if b != value))[:4])
        several = self._several(text, name, money=money)
        return several if len(several.values) >= 2 else reading

    def budget(self, text: str, words: Words) -> Reading:
        return self.budget_reader.read(text, words)

    def hours(self, text: str, words: Words) -> Reading:
        return self.hours_reader.read(text)

    def pause(self, text: str, words: Words) -> Reading:
        return self.pause_reader.read(text, words)
