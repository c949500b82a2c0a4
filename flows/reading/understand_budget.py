"""Reading the budget: another currency is asked in dollars at a rough rate (shown, never
stored, since rates move), amounts said per month are offered over a year, several amounts are
added only when the person says so ("5k from work plus 2k myself"), and a bare "2026" or
"2 million" is asked rather than stored.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from flows.numbers import NumberReader
from flows.numbers import Reading as Number
from flows.reading.number_money import Money
from flows.reading.number_parts import NumberParts
from flows.reading.number_units import ranged, round_half_up, times_a_year
from flows.reading.understand_guards import Guards
from flows.reading.understand_reading import NOTHING, Reading
from flows.reading.understand_text import PhraseTable, Words, split_clauses
from flows.reading.vocabulary import Vocabulary

One = Callable[..., Number | str | None]
Parts = Callable[..., list[Number]]
Several = Callable[..., Reading]


_ZERO_TO = re.compile(
    r"(?i)(?<![\d.,])\$?0\s*(?:-|–|to|and)\s*(\$?\d[\d,.]*\s*(?:k|grand|thousand)?)"
)
"""A range from nothing ("anywhere from 0 to 60k"): its top, to ask beside the 0."""
_CONVERTED = re.compile(
    r"(?i)(?:[(≈=~]|\b(?:about|approx\w*|roughly|around|which is|that s|that's|thats|i\.e\.|"
    r"so|or|in dollars|in usd|like)\b)\s*$"
)
"""Words just before the dollars that make them the other amount worked out ("€3000, about
$3,300"): one amount, not two."""


class BudgetReader:
    """The budget question, sharing the number questions' helpers."""

    def __init__(
        self,
        v: Vocabulary,
        numbers: NumberReader,
        parts: NumberParts,
        guards: Guards,
        money: Money,
        buttons: tuple[int, ...],
        zero: PhraseTable[str],
        helpers: tuple[One, Parts, Several],
    ) -> None:
        self.v, self.numbers, self.parts, self.guards = v, numbers, parts, guards
        self.money = money
        self.buttons = {"budget_usd": buttons}
        self.zero = zero
        self._one, self._parts, self._several = helpers

    def read(self, text: str, words: Words) -> Reading:
        if self.money.other_currency(text):  # "£4000": asked in dollars, never taken as $4,000
            dollars = self.money.dollar_amount(text)
            if dollars is None:
                converted = self._converted(text)
                return converted or Reading(self.buttons["budget_usd"], note="currency")
            mixed = None
            if not _CONVERTED.search(text[: text.find(dollars)]) and "(" not in text:
                mixed = self._mixed(text, dollars)  # "10k usd plus 5k euros": both count
            if mixed is not None:
                return mixed
            text = dollars  # "€3000 (about $3,300)": the dollars they worked out
        vague = self.guards.vague_budget(words)
        if vague is not None:
            return vague
        amounts = self._amounts(text)
        adding = len(amounts) >= 2 and self.parts.mentions(text, self.v.parts.adding)
        borrowed = any(self._loans(text, [p for _, p in self.parts.parts(text)]))
        if adding and all(a >= 100 for a in amounts) and borrowed:
            # "10k saved, could borrow another 30k": the saved amount, or all of it?
            return Reading(tuple(dict.fromkeys([amounts[0], sum(amounts)])))
        if adding and all(a >= 100 for a in amounts):  # "$5,250 from work, plus 2k myself"
            parts = " + ".join(f"${a:,}" for a in amounts)
            return Reading((sum(amounts),), note="sum_money", note_values={"parts": parts})
        number = self._one(text, "budget_usd", money=True)
        if number == "several_numbers":
            return self._money_parts(text, amounts)
        if isinstance(number, str):
            return Reading(error=number)
        if number is None:  # "can't spend much" is asked about, "can't spend anything" is 0
            asked = self.guards.budget(words)
            zero = self.zero.find(words)
            return asked or (Reading((0,)) if zero else NOTHING)
        if 0 < number.value < 1:  # "maybe half of that": a share of nothing named, no amount
            return Reading(error="invalid_integer")
        value = round_half_up(number.value)
        top = _ZERO_TO.search(text) if value == 0 else None
        high = top and self.numbers.read(top[1], "budget_usd", money=True, periods=False)
        if isinstance(high, Number) and high.value >= 1:  # "anywhere from 0 to 60k": which?
            return Reading((0, round_half_up(high.value)))
        times = times_a_year(text)
        if times:  # "200 a month", "$150 a fortnight": over a year, or that amount in all?
            return Reading((value * times, value))
        earned = self.parts.mentions(text, self.v.earnings)
        if earned and value > 0 and not self.parts.mentions(text, self.v.spending):
            offered = (value, *self.buttons["budget_usd"])  # "I make 60k a year": pay, not budget
            return Reading(tuple(dict.fromkeys(offered)), note="earnings")
        share = self.money.fraction(text)
        if share is not None and value >= 100:  # "12000 saved but can spend half": which?
            return Reading((round_half_up(value * share), value))
        amb = self.v.ambiguous
        plain = not number.marked and not number.scaled and number.value == int(number.value)
        if plain and number.shift == 0 and 1 <= value < amb.budget_usd_below:
            return Reading((value * amb.budget_usd_scale, value))
        if plain and 1990 <= value <= 2035 and value % 100 and "$" not in text:  # "2026"?
            return Reading((value, *self.buttons["budget_usd"]))
        if value >= amb.budget_usd_confirm_from and "$" not in text:  # "2 million": dollars?
            return Reading((value, *self.buttons["budget_usd"][::-1]), note="large_budget")
        clauses = [c for c in split_clauses(text) if self.parts.has_number(c)]
        loans = self._loans(text, clauses)
        if value > 0 and loans and all(loans):  # "nothing of my own, but a 20k loan": 0?
            return Reading((value, 0))
        return ranged("budget_usd", value)

    def _loans(self, text: str, pieces: list[str]) -> list[bool]:
        """For each piece of the message, whether it says its amount is borrowed; none at all
        when borrowing is ruled out ("5k from savings, no loans")."""
        if self.parts.mentions(text, self.v.loan_denied):
            return []
        return [self.parts.mentions(p, self.v.loan_words) for p in pieces]

    def _mixed(self, text: str, dollars: str) -> Reading | None:
        """Dollars plus an amount in another currency: the two added at a rough rate, offered
        first beside the dollars alone; never stored. None when no other amount is there
        ("$30,000, ni un peso más")."""
        converted = self._converted(text.replace(dollars, " "))
        amounts = self._amounts(dollars)
        if converted is None or len(amounts) != 1:
            return None
        total = amounts[0] + int(converted.values[0])
        return replace(converted, values=tuple(dict.fromkeys([total, amounts[0]])))

    def _converted(self, text: str) -> Reading | None:
        """ "€8000": about $8,800 at a rough rate, offered first beside the nearest buttons,
        with the rate shown; never stored, since rates move."""
        rate = self.money.rate(text)
        amounts = self._amounts(rate[2]) if rate else []
        if rate is None or len(amounts) != 1 or amounts[0] <= 0:
            return None
        code, usd, _ = rate
        dollars = amounts[0] * usd
        step = 100 if dollars >= 1000 else 10
        value = max(step, round_half_up(dollars / step) * step)
        buttons = self.buttons["budget_usd"]
        below = [b for b in buttons if b < value][-1:]
        above = [b for b in buttons if b > value][:1]
        note_values = {
            "amount": f"{amounts[0]:,} {code}",
            "dollars": f"${value:,}",
            "rate": f"1 {code} ≈ ${usd:.2f}" if usd >= 0.1 else f"1 {code} ≈ ${_small(usd)}",
        }
        values = (value, *below, *above)
        return Reading(values, note="currency_rate", note_values=note_values)

    def _amounts(self, text: str) -> list[int]:
        """The amount in each part of the message, in dollars."""
        return [
            round_half_up(n.value)
            for _, part in self.parts.parts(text)
            if isinstance(
                n := self.numbers.read(part, "budget_usd", money=True, periods=False), Number
            )
        ]

    def _money_parts(self, text: str, amounts: list[int]) -> Reading:
        """Several amounts: "half of 15k" is that share (asked beside the whole); others are
        asked about."""
        share = self.money.fraction(text)
        if share is not None and amounts and max(amounts) >= 100:
            whole = max(amounts)
            return Reading((round_half_up(whole * share), whole))
        asked = self._several(text, "budget_usd", money=True)
        thousands = any(
            n.scaled and n.value >= 1000 for n in self._parts(text, "budget_usd", money=True)
        )
        if thousands:  # "12k saved but need some for rent, so say 8": 8 is $8,000
            values = [v * 1000 if isinstance(v, int) and 0 < v < 100 else v for v in asked.values]
            return Reading(tuple(dict.fromkeys(values)), note=asked.note)
        return asked


def _small(usd: float) -> str:
    """A small rate in plain decimals ("0.00006", never "6e-05")."""
    return f"{usd:.8f}".rstrip("0")
