"""Reading months without pay: 0 when someone cannot stop earning, savings over monthly costs
("$9k saved and I spend ~$3k a month": 3), a cap after the months ("so 3 max"), and a zero
beside a number asked rather than dropped ("can't stop working, but part time for 6 months").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from flows.numbers import NumberReader
from flows.numbers import Reading as Number
from flows.reading.number_money import share_named
from flows.reading.number_parts import NumberParts
from flows.reading.number_units import PER_MONTH, ranged, round_half_down, round_half_up
from flows.reading.understand_reading import NOTHING, Reading
from flows.reading.understand_text import PhraseTable, Words
from flows.reading.vocabulary import Vocabulary

One = Callable[..., Number | str | None]
Parts = Callable[..., list[Number]]
Several = Callable[..., Reading]
_MORE = re.compile(r"(?i)\b\d{1,2}\s+more\b")


class PauseReader:
    """Months someone could go without pay, sharing the number questions' helpers."""

    def __init__(
        self,
        v: Vocabulary,
        numbers: NumberReader,
        parts: NumberParts,
        one: One,
        number_parts: Parts,
        several: Several,
    ) -> None:
        self.v, self.numbers, self.parts = v, numbers, parts
        self._one, self._parts, self._several = one, number_parts, several
        caps = "|".join(map(re.escape, v.pause.caps)) or "(?!)"
        self._cap = re.compile(rf"(?i)\b(\d+(?:\.\d+)?)\s*(?:{caps})\b")
        self.pause_words: PhraseTable[tuple[int, ...]] = PhraseTable(
            [(p, (0,)) for p in v.pause.zero]
            + [(p, tuple(vs)) for p, vs in v.pause.ask.items()]
            + [(p, ()) for p in v.pause.not_zero]  # "no problem for a year": not a zero
        )
        self.pause_even: PhraseTable[str] = PhraseTable((p, "even") for p in v.pause.even)

    def _added(self, text: str) -> Reading | None:
        """ "severance covers 4 months and savings maybe 2 more": the months added up, offered
        first beside each amount."""
        if not (_MORE.search(text) or self.parts.mentions(text, self.v.parts.adding)):
            return None
        values = [
            round_half_up(n.value) for n in self._parts(text, "can_pause_income", money=False)
        ]
        if len(values) != 2 or not all(1 <= v <= 24 for v in values):
            return None
        # "jobless 5 months, can last 3 more": the first may be time already gone; all offered
        return Reading(tuple(dict.fromkeys([sum(values), *values[::-1]])))

    def read(self, text: str, words: Words) -> Reading:
        """Months someone could go without pay: 0 when they cannot stop earning."""
        runway = self._runway(text)
        if runway is not None:
            return runway
        added = self._added(text)
        if added is not None:
            return added
        every = self.pause_words.find(words)
        for f in every:  # "zero bills": no number of months
            if not f.payload:
                text = re.sub(r"(?i)\b" + r"\W+".join(f.phrase.split()) + r"\b", " ", text)
        number = self._one(text, "can_pause_income")
        found = [f for f in every if f.payload]
        units = self.v.units.get("can_pause_income", {})
        if any(f.payload == (0,) and not units.keys().isdisjoint(f.phrase.split()) for f in found):
            return Reading((0,))  # "can't go a month without pay": the month is the zero's
        if any(f.payload == (0,) for f in found) and self.pause_even.find(words):
            return Reading((0,))  # "can't stop working, even for a month": not even one
        named = [f for f in found if len(f.payload) == 1 and f.payload != (0,)]
        if named and not (isinstance(number, Number) and number.marked):
            return Reading(named[-1].payload)  # "a quarter": 3 months
        if (
            isinstance(number, Number)
            and not number.marked
            and any(f.payload == (0,) for f in found)
        ):
            return Reading((0,))  # "no way, I have two kids": the 2 is not months
        if isinstance(number, Number):
            if not number.marked:
                value = round_half_up(number.value)
                if 1 <= value <= 3 and number.value == value:
                    return Reading((value, value * 12))  # "2": months or years?
                return ranged("can_pause_income", value)
            months = number.value + min(number.shift, 0)
            if months < 0.75:  # "a few weeks": not a month
                return ranged("can_pause_income", 0)
            share = share_named(text, self.v.parts.fractions, of_it=True)
            if share is not None and months >= 2:  # "9 months saved, I'd use two thirds of it"
                whole = max(round_half_down(months), 0)
                return Reading((round_half_down(months * share), whole))
            cap = self._cap.search(text)
            if cap is not None and float(cap[1]) < months:
                # "6 months of expenses but I won't burn all of it, so 3 max": the limit first
                return Reading((int(float(cap[1])), max(round_half_down(months), 0)))
            last = max(words.contrast, default=0)
            if any(f.payload == (0,) and words.contrast[f.start] < last for f in found):
                # "can't stop earning, but part time for 6 months": the zero is asked beside it
                return Reading((0, max(round_half_down(months), 0)))
            return ranged("can_pause_income", max(round_half_down(months), 0))
        if number == "several_numbers" and all(len(f.payload) > 1 for f in found):
            return self._several(text, "can_pause_income")  # "9, maybe 10": both offered
        if found:
            zero_before = any(f.payload == (0,) for f in found)
            last = max(words.contrast[f.start] for f in found)
            found = [f for f in found if words.contrast[f.start] == last]
            vague = [f.payload for f in found if len(f.payload) > 1]
            if any(f.payload == (0,) for f in found) or (zero_before and vague):
                # "my partner covers rent so quite a while", "can't stop working, but maybe
                # part-time for a while": the zero is asked beside it
                if vague:
                    return Reading(tuple(dict.fromkeys((0, *vague[-1]))))
                marked = [r for r in self._parts(text, "can_pause_income", money=False) if r.marked]
                if number == "several_numbers" and marked:
                    # "six months without my salary but not a day more, with the mortgage":
                    # the months said are asked beside the zero, never dropped for it
                    said = [max(round_half_down(r.value), 0) for r in marked]
                    return Reading(tuple(dict.fromkeys((0, *said)))[:4])
                return Reading((0,))
            return Reading(found[-1].payload)
        if number == "several_numbers":  # "I'd say 4, but 6 if I really stretch": asked
            return self._several(text, "can_pause_income")
        return Reading(error=number) if isinstance(number, str) else NOTHING

    def _runway(self, text: str) -> Reading | None:
        """ "$9k saved and I spend ~$3k a month": savings over monthly costs, in whole months."""
        saved: list[int] = []
        monthly: list[int] = []
        for _, part in self.parts.parts(text):
            n = self.numbers.read(part, "budget_usd", money=True, periods=False)
            if isinstance(n, Number) and n.value >= 100 and (n.marked or n.scaled):
                (monthly if PER_MONTH.search(part) else saved).append(round_half_up(n.value))
        if len(saved) != 1 or len(monthly) != 1:
            return None
        months = saved[0] // monthly[0]
        values = {"saved": f"${saved[0]:,}", "monthly": f"${monthly[0]:,}"}
        return ranged("can_pause_income", months, "runway", values)
