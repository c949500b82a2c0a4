"""Competing signals in one message: asked about, never stored on the stronger-looking reading.

WHY: the tuning sets were passed phrase by phrase, and unseen wordings still stored wrong values
whenever one message carried two readings. Each guard here names a CLASS of such message and
turns it into a question with the right options ("unknown is a value"):

- hours with a vague part ("one hour on weekdays, more on weekends"): the total is not known;
- a commute ("45 min each way"): how many days a week is not said;
- a year at the hours question ("since 2019"): that is years of experience, not hours;
- a citizenship and a different target country ("Indian citizen, planning to work in
  Germany"): the citizenship's "no visa" is not the answer for the country named;
- a budget without a number ("money isn't an issue"), months until a named month ("until my
  severance runs out in march", counted from the clock).
The words are in `content/vocabulary.yaml` `guards`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from flows.numbers import NumberReader, words_of
from flows.numbers import Reading as Number
from flows.reading.number_units import round_half_down
from flows.reading.timezones import country_names
from flows.reading.understand_reading import Reading
from flows.reading.understand_text import PhraseTable, Words, read_words, split_clauses
from flows.reading.vocabulary import Vocabulary

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_PARTS = re.compile(r"(?i)\bbut\b|\band\b|\bthough\b|\bplus\b")
_HOUR_UNIT = re.compile(r"(?i)\d\s*(h|hrs?|hours?|min|mins|minutes?)\b")


_FINISHING = frozenset(
    {"finishing", "finish", "finished", "graduating", "done", "due", "until", "by"}
)
"""Before a year to come: the degree in progress ends then, it says nothing of the one held."""


class Guards:
    """Built once per Understander from the vocabulary; every method is pure."""

    def __init__(self, v: Vocabulary, numbers: NumberReader) -> None:
        g = v.guards
        self.v = v
        self.numbers = numbers
        self.vague: PhraseTable[str] = PhraseTable((p, "vague") for p in g.vague_amounts)
        self.commute: PhraseTable[str] = PhraseTable((p, "commute") for p in g.commute)
        self.commute_days = tuple(g.commute_days)
        self.since: PhraseTable[str] = PhraseTable((p, "since") for p in v.years.since)
        self.budget_vague: PhraseTable[tuple[int, ...]] = PhraseTable(
            (p, tuple(vs)) for p, vs in g.budget_vague.items()
        )
        self.budget_ask: PhraseTable[tuple[int, ...]] = PhraseTable(
            (p, tuple(vs)) for p, vs in g.budget_ask.items()
        )
        self.until: PhraseTable[str] = PhraseTable((p, "until") for p in g.until_words)
        self.stops: PhraseTable[str] = PhraseTable((p, "stops") for p in g.pay_stops)
        self.months: PhraseTable[int] = PhraseTable(v.parts.month_names.items())
        self.places = _Places(v)

    # ------------------------------------------------------------------------------ hours

    def hours(
        self,
        text: str,
        read: Callable[[str], Reading],
        kinds_of: Callable[[str], set[str]],
    ) -> Reading | None:
        """A reading of the hours question when the message holds a competing signal, else
        None (the ordinary reading goes on)."""
        words = read_words(text, self.v.contrasts)
        year = _YEAR.search(text)
        if year and not _HOUR_UNIT.search(text) and self._after_since(words, year.group(1)):
            return Reading()  # "since 2019": years of experience, read there
        parts = [p for c in split_clauses(text) for p in _PARTS.split(c) if p.strip()]
        numbered = [i for i, p in enumerate(parts) if self._number(p)]
        vague = [
            p
            for i, p in enumerate(parts)
            if kinds_of(p)
            and not self._number(p)
            and (self.vague.find(read_words(p, ())) or self._extra_slot(p, i, numbered))
        ]
        rest = [p for p in parts if p not in vague]
        if vague and rest and any(self._number(p) for p in rest):
            known = read(", ".join(rest))
            if known.stored and isinstance(known.values[0], int):
                base = known.values[0]
                extra = self._vague_extra(vague[0])
                return Reading(tuple(dict.fromkeys(base + e for e in (0, *extra)))[:4])
        if self.commute.find(words) and not kinds_of(text):
            number = self.numbers.read(text, "hours_per_week", money=False, periods=False)
            if isinstance(number, Number) and number.value > 0:
                daily = round(number.value, 2)
                weekly = (max(round_half_down(daily * d), 1) for d in self.commute_days)
                return Reading(tuple(dict.fromkeys(weekly)))
        return None

    def _extra_slot(self, part: str, index: int, numbered: list[int]) -> bool:
        """ "3h each, plus saturday mornings": a time named after the hours, with no hours of
        its own, adds an unknown amount; the person is asked rather than given the part."""
        slot = any(
            re.search(rf"(?i)\b{re.escape(phrase)}\b", part) for phrase in self.v.hours.ask_words
        )
        return slot and bool(numbered) and index > numbered[0]

    def _number(self, part: str) -> bool:
        read = self.numbers.read(part, "hours_per_week", money=False, periods=False)
        return isinstance(read, Number)

    def _vague_extra(self, part: str) -> tuple[int, ...]:
        asked = self.v.hours.ask_words
        for phrase, values in sorted(asked.items(), key=lambda kv: -len(kv[0])):
            if re.search(rf"(?i)\b{re.escape(phrase)}\b", part):
                return tuple(values[:2])
        return (5, 10)

    def _after_since(self, words: Words, year: str) -> bool:
        if year not in words.tokens:
            return False
        before = words.tokens[: words.tokens.index(year)]
        zeros = (0,) * len(before)
        return bool(self.since.find(Words(tuple(before), zeros, zeros)))

    # ------------------------------------------------------------------------------ others

    def settle(self, name: str, words: Words, today: date | None, reading: Reading) -> Reading:
        """A reader's result checked for the competing signals of its question."""
        if name == "needs_visa":
            return self._visa(words, reading)
        if name == "degree" and reading.stored and today is not None:
            ends = {end for _, end in reading.spans}
            ahead = [
                i
                for i, t in enumerate(words.tokens)
                if t.isdigit()
                and today.year < int(t) <= 2100
                and {i, i - 1} & ends
                and words.tokens[i - 1] not in _FINISHING  # "a masters now, finishing 2027"
            ]
            if ahead and reading.values[0] != "none":  # "bsc cs 2028": not held yet
                return Reading(("none", reading.values[0]), spans=reading.spans)
        if name == "can_pause_income" and not reading.stored:
            return self.months_until(words, today) or reading  # "savings last until june"
        if reading.values or reading.error:
            return reading
        if name == "budget_usd":
            return self.budget(words) or reading
        return reading

    def vague_budget(self, words: Words) -> Reading | None:
        """ "a few thousand": an amount said only roughly; amounts offered."""
        found = self.budget_vague.find(words)
        return Reading(found[0].payload) if found else None

    def budget(self, words: Words) -> Reading | None:
        """ "money isn't really an issue": no amount given; amounts offered."""
        found = self.budget_ask.find(words)
        return Reading(found[0].payload) if found else None

    def months_until(self, words: Words, today: date | None) -> Reading | None:
        """ "until my severance runs out in march": whole months from today to that month."""
        if today is None or not self.until.find(words):
            return None
        named = self.months.find(words)
        if not named:
            return None
        month = named[-1].payload
        months = (month - today.month) % 12 or 12
        earlier = [  # "funding runs out in june": the pay stops then, not today
            f.payload
            for f in named[:-1]
            if f.payload != month and self.stops.find(words, max(0, f.start - 4), f.start)
        ]
        if earlier:  # "funding runs out in june, saved enough to get to september": from june?
            return Reading(tuple(dict.fromkeys([(month - earlier[-1]) % 12 or 12, months])))
        note_values = {"text": named[-1].phrase, "months": str(months)}
        return Reading((months,), note="until_month", note_values=note_values)

    def _visa(self, words: Words, reading: Reading) -> Reading:
        """A citizenship and a country to work in: the same (or both in the free-movement
        area) means no visa; different countries mean one is likely needed, so a "no" read
        from "citizen" is not stored but asked. A "yes" said outright stands."""
        home, target = self.places.home_and_target(words)
        if home is None or target is None:
            return reading
        said = reading.values[0] if reading.stored else None
        if self.places.free_to_work(home, target):
            if said == "yes":
                return Reading(("no", "yes"), spans=reading.spans)
            return Reading(("no",), spans=reading.spans) if said in (None, "no") else reading
        if said == "yes":
            return reading
        return Reading(("yes", "no", "unsure"), spans=reading.spans)


class _Places:
    """Country names (content/places.tsv), nationality adjectives and where each stands in a
    message: after a destination word ("work in Germany") or not (home: "Indian citizen")."""

    def __init__(self, v: Vocabulary) -> None:
        g = v.guards
        names = {c: c for c in country_names()}
        names.update({words_of(k): words_of(c) for k, c in g.nationalities.items()})
        names.update({words_of(k): words_of(c) for k, c in g.cities.items()})
        names.update({words_of(b): "eu" for b in g.bloc_names})
        self.countries: PhraseTable[str] = PhraseTable(names.items())
        self.destinations: PhraseTable[str] = PhraseTable((p, "to") for p in g.destinations)
        self.free = frozenset(words_of(c) for c in g.free_movement) | {"eu"}
        self.negators = frozenset({"not", "no", "non", "never", "nor"})

    def home_and_target(self, words: Words) -> tuple[str | None, str | None]:
        marks = {f.end: f for f in self.destinations.find(words)}
        home: str | None = None
        targets: list[str] = []
        for found in self.countries.find(words):
            at = found.start
            if at and words.tokens[at - 1] == "the":
                at -= 1
            if not self.negators.isdisjoint(words.tokens[max(at - 3, 0) : at]):
                continue  # "not a US citizen": no home said
            if at in marks:
                targets.append(found.payload)
            elif home is None:
                home = found.payload
        # "Swiss citizen: no sponsorship to work in Switzerland, but I intend to work in the
        # United States": the place that is not home is the one the question is about
        abroad = [t for t in targets if t != home]
        return home, next(iter(abroad or targets), None)

    def free_to_work(self, home: str, target: str) -> bool:
        return home == target or (home in self.free and target in self.free)
