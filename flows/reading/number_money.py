"""Money in a typed answer: whether it names another currency than US dollars, that
currency's rough rate, the dollars worked out beside it ("€3000 (about $3,300)"), and a share
of an amount ("half of it").

WHY apart: the budget never takes "£4000" as $4,000; what counts as a currency (a sign, a name
next to a number, a scale like "lakh", a name in another script like "만원") is decided here.
"""

from __future__ import annotations

import re

from flows.numbers import has_phrase, words_of
from flows.reading.typos import zipf
from flows.reading.understand_text import words_in
from flows.reading.vocabulary import Vocabulary
from flows.reading.world_currencies import currency_words

_DIGIT = re.compile(r"\d")
_AFTER_AMOUNT = re.compile(r"\d[\d,.\s]*k?\s*([^\W\d_]{3,})")
_GLUED_LETTERS = re.compile(r"(?<![\w$])(?!us\d|usd)([a-z]{2,3})(?=\d)")
"""Letters glued before an amount ("rm10k", "kr5000"): a currency's sign, not dollars."""
_GLUED_AFTER = re.compile(r"(?<=\d)(?=[a-z]{3}\b)")
"""Between an amount and three letters glued after it ("20000cad"), where a code may stand."""
_RARE = 3.0
"""Below this English frequency (wordfreq's zipf), a word after an amount is not English."""
_LETTERED_DOLLAR = re.compile(r"(?<![a-z])(?!us\$)[a-z]{1,3}\$(?=\s?\d)")
"""A dollar sign with a country's letters ("NT$", "Z$"): not US dollars, known rate or not."""
_DOLLARS = re.compile(
    r"(?i)(?<![a-z])\$\s*\d[\d,.]*\s*k?\b|\b\d[\d,.]*\s*k?\s*(?:usd|us dollars|dollars|bucks)\b"
)


def _plain_word(name: str) -> bool:
    """A currency name made of plain letters ("rupees"), found word by word."""
    return name.replace(" ", "").isascii() and name.replace(" ", "").isalpha()


def _currency_name(name: str) -> re.Pattern[str]:
    """A sign matches anywhere ("€8000"); a word only whole ("rs", not "hours")."""
    escaped = re.escape(name)
    before = r"(?<![a-z])" if name[0].isalpha() else ""  # "s$", not the "s$" in "us$"
    return re.compile(before + (escaped if not name[-1].isalpha() else rf"{escaped}(?![a-z])"))


class Money:
    """Currencies and shares in a message; built once per vocabulary."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        w = vocabulary.parts
        self.w = w
        self.currency_names = [
            (code, _currency_name(n))
            for code, rate in w.currency_rates.items()
            for n in sorted(rate.names, key=len, reverse=True)
        ]
        """Each known currency's names as patterns, longest first within a currency."""
        self.currency_scales = [
            (code, _currency_name(n))
            for code, rate in w.currency_rates.items()
            for n in rate.scales
        ]
        self.glued = [
            (code, re.compile(rf"(?<![a-z$]){re.escape(g)}(?=\s?\d)"))
            for code, rate in w.currency_rates.items()
            for g in rate.glued
        ]
        """Letters glued to a number that name a currency ("R50k")."""
        self.currency_names += self.glued
        every = [*w.currencies, *(n for rate in w.currency_rates.values() for n in rate.names)]
        self.symbols = [_currency_name(c) for c in every if not _plain_word(c)]  # "£", "원"
        self.names = {words_of(c) for c in every if _plain_word(c)} | currency_words()
        n = vocabulary.numbers
        self.number_words = frozenset([*n.ones, *n.tens, *n.casual])
        self.known = frozenset(words_in(vocabulary.model_dump())) | self.names
        """Words the vocabulary knows: an amount followed by none of them is asked about."""

    def other_currency(self, text: str) -> bool:
        """A currency that is not US dollars ("£4000", "CAD 8000", "50,000 rupees")."""
        low = text.lower()
        if any(s.search(low) for s in self.symbols) or _LETTERED_DOLLAR.search(low):
            return True
        if any(pattern.search(f" {low} ") for _, pattern in [*self.currency_scales, *self.glued]):
            return True  # "10 lakhs", "R50k"
        words = words_of(_GLUED_AFTER.sub(" ", low)).split()  # "20000cad": "20000 cad"
        for i, word in enumerate(words):
            pair = " ".join(words[i : i + 2])
            if word in self.names or pair in self.names:
                near = words[max(0, i - 3) : i + 3]  # "2 millones de pesos"
                if any(_DIGIT.search(n) or n in self.number_words for n in near):
                    return True
        return self._unknown_unit(low)

    def _unknown_unit(self, low: str) -> bool:
        """An amount followed at once by a word neither the vocabulary nor everyday English
        knows ("100 000 guaranies", "RM10k"): some currency, so asked in dollars."""
        for m in _AFTER_AMOUNT.finditer(low):
            word = words_of(m.group(1))
            if word and word not in self.known and zipf(word) < _RARE:
                return True
        return bool(_GLUED_LETTERS.search(low))

    def rate(self, text: str) -> tuple[str, float, str] | None:
        """The one currency with a known rate that `text` names: its code, dollars for one
        unit, and `text` without its names ("€8000" → "EUR", 1.1, " 8000"); None otherwise."""
        low, named = f" {text.lower()} ", set()
        for code, pattern in self.currency_names:
            if pattern.search(low):
                named.add(code)
                low = pattern.sub(" ", low)
        if not named:  # "10 lakhs": the scale names the currency and stays in the amount
            named = {code for code, pattern in self.currency_scales if pattern.search(low)}
        if len(named) != 1:
            return None
        code = named.pop()
        return code, self.w.currency_rates[code].usd, low

    @staticmethod
    def dollar_amount(text: str) -> str | None:
        """The one amount in dollars in a message that also names another currency ("€3000
        (about $3,300)"), or None."""
        found = _DOLLARS.findall(text)
        return found[0] if len(found) == 1 else None

    def fraction(self, text: str) -> float | None:
        """ "12000 saved but can only spend half of it": the share named, if any."""
        return share_named(text, self.w.fractions)


def share_named(text: str, fractions: dict[str, float], *, of_it: bool = False) -> float | None:
    """The share a message names ("half of it", "two thirds of that"), the longest phrase
    first; with `of_it`, only one said of something ("half a year" is no share of months)."""
    words = words_of(text)
    for phrase, share in sorted(fractions.items(), key=lambda p: -len(p[0])):
        if of_it and " of " not in f" {phrase} ":
            continue
        if has_phrase(words, words_of(phrase)):
            return share
    return None
