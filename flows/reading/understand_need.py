"""A monthly need said at the apprenticeship pay question ("my fixed costs are 2500 a month").

WHY: the pay question asks whether someone could live on about $1,857 or $1,393 a month (the
two programs' apprentice pay, our arithmetic from the provider's totals). "My fixed costs alone
are 2500 a month, so do the math" answers it without a yes or a no, and was stored as "Not
sure". A cost or need above what either program pays is a no, whichever program is asked
about. A lower figure says nothing for sure (other costs may come on top), so it changes
nothing: the person's own words decide, or they are asked. Said beside another answer ("not
sure, my expenses are about 1900"), both are offered.
"""

from __future__ import annotations

import re

from flows.advice.pay import PAY_PROGRAMS, monthly_pay
from flows.content import Content
from flows.reading.number_money import Money
from flows.reading.understand_reading import Reading

_COVERED = re.compile(
    r"(?i)\b(?:covers?|covered|pays?|paid|handles?|takes care of)\W+(?:\w+\W+){0,2}$"
)
"""Someone else paying the cost ("my partner covers the rent"): not the person's need."""
_AMOUNT = (
    r"\$?\s?(?P<amount>\d[\d,]*(?:\.\d+)?)\s*(?P<k>k\b)?"
    r"(?:\s*(?:a|an|per|/|each|every)\s*(?P<per>years?|yrs?|annum|annually|weeks?|wks?))?"
)
_PER_MONTH = {"y": 1 / 12, "a": 1 / 12, "w": 4.33}
"""A yearly or weekly figure as a monthly one ("12k a year all in" is $1,000 a month)."""


class MonthlyNeed:
    """Built once per Understander: the words for a need and the highest monthly pay."""

    def __init__(self, content: Content, money: Money) -> None:
        self.highest = max(monthly_pay(p, content.advice) for p in PAY_PROGRAMS)
        needs = "|".join(map(re.escape, content.vocabulary.pay_needs))
        self._need = re.compile(rf"(?i)\b(?:{needs})\b[^\d.,;!?]{{0,20}}?{_AMOUNT}")
        self._money = money

    def read(self, text: str, reading: Reading) -> Reading:
        """`reading` with a need above the highest pay made a no (asked beside a yes)."""
        m = self._need.search(text)
        if m is None or self._money.other_currency(text) or _COVERED.search(text[: m.start()]):
            return reading
        amount = float(m["amount"].replace(",", "")) * (1000 if m["k"] else 1)
        amount *= _PER_MONTH.get((m["per"] or "m")[0].lower(), 1)
        if amount <= self.highest or amount > 100_000:  # a yearly salary is another matter
            return reading
        if reading.values and reading.values[0] != "no":
            return Reading(("no", reading.values[0]))  # "yes, though I need 3k": which?
        return Reading(("no",))
