"""Reading a number out of what people type: "ten hours", "3 yrs", "15k", "more than 10", "2 a day".

Pure and table-driven: every word it knows (number words, units, periods, comparators) comes
from `content/vocabulary.yaml`, so teaching it a new phrasing is a content change.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from flows.number_pronouns import TIMES_OF_DAY, pronoun_one
from flows.number_pronouns import WHOLE as _WHOLE
from flows.reading.vocabulary import Vocabulary

_TOKENS = re.compile(r"(?<![a-z]{2})(?<!\d)\d+(?:\.\d+)?|[a-z]+|[-–—+]")
"""Digits typed right after a word are part of a name ("python3", "gpt4", "cs50"), not a count;
after one letter they may be money ("P30,000") or a quarter ("q1")."""
_THOUSANDS = re.compile(r"(?<=\d)[, ](?=\d{3}(?!\d))")
_DIGITS = re.compile(r"^\d+(?:\.\d+)?$")
_MINUS = frozenset({"-", "–", "—"})
_PERIOD = frozenset({"a", "an", "per", "each", "every"})
_AND = frozenset({"and", "n", "an"})  # "a year and a half", "yr n half"


_FOLD = str.maketrans({"ı": "i", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe"})
"""Letters with no accent to fold away ("yıl", "Straße", "złoty")."""

_UNMARKED = re.compile(
    r"\b(can|don|won|isn|aren|wasn|weren|doesn|didn|haven|hasn|couldn|wouldn)t\b"
)
"""A negation typed without its apostrophe ("cant", "dont"): read as if it had one."""


_DOT_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})((?:\.\d{3})+)(?![\d]|[.,]\d)")
_DECIMAL_COMMA = re.compile(r"(?<![\d.,])(\d+),(\d{1,2})(?![\d]|[.,]\d)")


def plain_numbers(text: str) -> str:
    """European number formats in the form the readers know: "2.000 €" is 2000 and "3,5
    Stunden" 3.5 ("1,200" keeps its comma: three digits after it are thousands)."""
    text = _DOT_THOUSANDS.sub(lambda m: m[1] + m[2].replace(".", ""), text)
    return _DECIMAL_COMMA.sub(r"\1.\2", text)


def words_of(text: str) -> str:
    """Lower-case words and digits only, apostrophes dropped into spaces ("don't" → "don t",
    and "dont" too), accents folded ("máster" is "master", not "m ster")."""
    low = text.lower().replace("’", "'").replace("&", " and ")
    if not low.isascii():
        low = unicodedata.normalize("NFKD", low.translate(_FOLD))
        low = "".join(c for c in low if not unicodedata.combining(c))
    plain = re.sub(r"[^a-z0-9+]+", " ", low)
    return " ".join(_UNMARKED.sub(r"\1 t", plain).split())


def has_phrase(words: str, phrase: str) -> bool:
    """Whether `phrase` (already in `words_of` form) occurs in `words` as whole words."""
    return bool(phrase) and f" {phrase} " in f" {words} "


@dataclass(frozen=True, slots=True)
class Reading:
    """A number someone typed, with what came with it (used to tell '2' from '$2' or '2k')."""

    value: float
    marked: bool
    """A unit, period or currency sign came with it ("2 hours", "$2"): read it literally."""
    scaled: bool
    """A scale word multiplied it ("2k", "three thousand")."""
    shift: int
    """-1, 0 or +1 from a comparator before it ("less than", "more than")."""


@dataclass(frozen=True, slots=True)
class _Number:
    value: float
    start: int
    end: int
    scale: float
    unit: float | None


class NumberReader:
    """Reads one number (or a range, taken at its lower end) for one question's field."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.v = vocabulary
        n = vocabulary.numbers
        self.word_values: dict[str, float] = {**n.ones, **n.tens}
        self.periods = sorted(
            ((words_of(p), f) for p, f in vocabulary.periods.items()), key=lambda x: -len(x[0])
        )
        self.comparators = {words_of(p): s for p, s in vocabulary.comparators.items()}
        self.all_units = frozenset(u for units in vocabulary.units.values() for u in units)
        self.counted = self.all_units | set(n.scales) | set(n.casual) | TIMES_OF_DAY
        """Words after "one" that keep it a number ("one year", "one thousand", "one evening")."""

    def read(
        self, text: str, field: str, *, money: bool, periods: bool = True
    ) -> Reading | str | None:
        """The number in `text`; an error key when it is not one clear number; None if none.
        `periods=False` leaves "a day" / "a week" to the caller (it shows its own assumption)."""
        cleaned = _THOUSANDS.sub("", text.lower().replace("’", "'").replace("'", ""))
        dollar = "$" in cleaned
        cleaned = " " + re.sub(r"[$~,/()!?.;:](?!\d)", " ", cleaned) + " "
        period = None
        if field == "hours_per_week" and periods:
            for phrase, factor in self.periods:
                if f" {phrase} " in cleaned:
                    period = factor
                    cleaned = cleaned.replace(f" {phrase} ", " ", 1)
                    break
        tokens = _TOKENS.findall(cleaned)
        numbers = self._numbers(tokens, self.v.units.get(field, {}), money=money)
        if isinstance(numbers, str):
            return numbers
        if len(numbers) > 1 and not money and any(n.unit is not None for n in numbers):
            numbers = [n for n in numbers if n.unit is not None or not self._counts(tokens, n)]
        if not numbers:
            return None
        first = numbers[0]
        negative = first.start > 0 and tokens[first.start - 1] in _MINUS
        if len(numbers) == 2 and self._is_range(tokens, numbers[0], numbers[1]):
            second = numbers[1]
            scale = first.scale if first.scale != 1 or second.scale == 1 else second.scale
            unit = first.unit if first.unit is not None else second.unit
            first = _Number(first.value / first.scale * scale, first.start, first.end, scale, unit)
        elif len(numbers) > 1:
            return "several_numbers"
        value = first.value * (first.unit or 1) * (period or 1)
        return Reading(
            value=-value if negative else value,
            marked=dollar or first.unit is not None or period is not None,
            scaled=first.scale != 1,
            shift=self._shift(tokens[: first.start]),
        )

    def _counts(self, tokens: list[str], number: _Number) -> bool:
        """ "15 years at two banks": a number before a plural noun that is no unit counts
        things, not what the question asks for (only dropped beside a number with its unit)."""
        after = tokens[number.end] if number.end < len(tokens) else ""
        plural = len(after) > 3 and after.isalpha() and after.endswith("s")
        return plural and after not in self.all_units

    def _is_range(self, tokens: list[str], a: _Number, b: _Number) -> bool:
        between = tokens[a.end : b.start]
        low = a.value if a.scale != 1 else a.value * b.scale
        if between == ["or"] and b.value > max(low + 2, low * 1.5):
            return False  # "6 or 12": two answers to pick from, not one rough amount
        return len(between) == 1 and between[0] in self.v.range_words and low <= b.value

    def _shift(self, before: list[str]) -> int:
        words = " ".join(before)
        for phrase, shift in self.comparators.items():
            if f" {words}".endswith(f" {phrase}"):
                negated = f" {words}".endswith((f" not {phrase}", f" no {phrase}"))
                return 0 if negated else shift  # "not more than 10" is at most 10
        return 0

    def _numbers(
        self, tokens: list[str], units: dict[str, float], *, money: bool
    ) -> list[_Number] | str:
        found: list[_Number] = []
        i, elsewhere = 0, False
        while i < len(tokens):
            if pronoun_one(tokens, i, self.counted):
                i += 1  # "then 11 months at another one": a pronoun, not a number
                continue
            composed = self._compose(tokens, i, units)
            if composed is None and tokens[i] in units and self._and_fraction(tokens, i + 1):
                composed = 1.0, 1.0, i  # "yr n half", "year and half": one of the unit
            if composed is None:
                i += 1
                continue
            value, scale, j = composed
            if scale != 1 and not money:
                return "invalid_integer"  # "15k hours" is not an answer
            unit = None
            if j + 1 < len(tokens) and tokens[j] in _WHOLE and tokens[j + 1] in units:
                j += 1  # "one full year", "2 whole months"
            if j < len(tokens) and tokens[j] in units:
                unit = units[tokens[j]]
                j += 1
                more = self._and_fraction(tokens, j)  # "a year and a half", "2 yrs n half"
                if more is not None:
                    value, j = value + more[0], j + more[1]
            elif j < len(tokens) and tokens[j] in self.all_units:
                # "2 hours a day" at the years question: another question's number, and the
                # "a day" or "a week" after it is its period, not a count of days or weeks
                i, elsewhere = j + 1, True
                if tokens[i : i + 1] and tokens[i] in _PERIOD and tokens[i + 1 : i + 2]:
                    i += 2 if tokens[i + 1] in units else 0
                continue
            found.append(_Number(value, i, j, scale, unit))
            i = j
        if elsewhere and found and not money and all(n.unit is None for n in found):
            return "several_numbers"  # "10 hours a week, maybe 12": the 12 is the hours' too
        return found

    def _and_fraction(self, tokens: list[str], j: int) -> tuple[float, int] | None:
        """ "and a half", "n half" at tokens[j]: the fraction, and how many tokens it takes."""
        tail = [*tokens[j : j + 3], "", "", ""]
        article = tail[1] in self.v.numbers.article
        fraction = self.v.numbers.casual.get(tail[2 if article else 1], 1.0)
        return (fraction, 2 + article) if tail[0] in _AND and fraction < 1 else None

    def _compose(
        self, tokens: list[str], i: int, units: dict[str, float]
    ) -> tuple[float, float, int] | None:
        """A number starting at tokens[i]: (value, scale applied, index after it), or None."""
        n = self.v.numbers
        total, current, scale, j, last = 0.0, 0.0, 1.0, i, ""
        while j < len(tokens):
            tok = tokens[j]
            after = tokens[j + 1] if j + 1 < len(tokens) else ""
            kind = self._kind(tok)
            if kind == "digit" and not last:
                current = float(tok)
            elif kind in ("tens", "ones") and self._joins(kind, last, current):
                current += self.word_values[tok]
            elif kind == "casual" and last in ("", "and", "article"):
                current += n.casual[tok]
            elif (
                kind == "article"
                and not last
                and (
                    after in n.scales
                    or after in units
                    or after in n.casual
                    or (after in _WHOLE and [*tokens, "", ""][j + 2] in units)  # "a whole year"
                )
            ):
                current = 0.0 if after in n.casual else 1.0
            elif kind == "article" and last == "casual" and (after in units or after in n.scales):
                pass  # "half a year", "half an hour a day": the fraction applies to the unit
            elif kind == "scale" and last in ("digit", "ones", "tens", "article", "casual"):
                factor = n.scales[tok]
                if factor == 100:
                    current *= 100
                else:
                    total, current, scale = total + current * factor, 0.0, float(factor)
            elif (
                tok in ("and", "of")
                and last
                and self._kind(after) in ("ones", "tens", "article", "casual")
                and (after not in n.article or [*tokens, "", ""][j + 2] in n.casual)
            ):  # "one and a half", never "5250 and a thousand more"
                if self._kind(after) == "article":
                    j += 1  # "one and a half"
                kind = "and"
            else:
                break
            last = kind
            j += 1
        if not last:
            return None
        return total + current, scale, j

    @staticmethod
    def _joins(kind: str, last: str, current: float) -> bool:
        """Whether a number word continues the number so far: "twenty five", "thousand five"."""
        after_scale = last in ("scale", "and") and current % 100 == 0
        return not last or after_scale or (kind == "ones" and last == "tens")

    def _kind(self, tok: str) -> str:
        n = self.v.numbers
        if _DIGITS.match(tok):
            return "digit"
        if tok in n.tens:
            return "tens"
        if tok in n.ones:
            return "ones"
        if tok in n.casual:
            return "casual"
        if tok in n.article:
            return "article"
        if tok in n.scales:
            return "scale"
        return ""
