"""Numbers said in words the readers do not parse, rewritten into ones they do.

WHY a rewrite before reading: "three quarters of a year" parsed word by word is 3 quarters
(12 months), and "7 anos" or "6 bulan" carries a unit no reader knows, so the number was read
without it ("trabalhei de suporte por 7 anos" stored 7 years). Rewriting the phrase to
"9 months" or the unit to "years" lets every question's reader (and the other questions'
readers, for what a message also says) handle it the one way they already do. The tables are in
content/vocabulary.yaml `numbers.spoken` and `numbers.units_abroad`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

_HOURS_MINUTES = re.compile(
    r"(?i)(?<![\w:.])([0-4])\s?h\s?([0-5]\d)(?:\s?min)?\b(?!\s*(?:-|–|to|a|until|till|bis|à)\b)"
)
"""A length in hours and minutes ("1h30 every weekday"), not a time of day ("from 21h30 to
23h") or a range's start."""


_GLUED = re.compile(r"(?i)(?<![\w$])(?=[a-z0-9]*[a-z])(?=[a-z0-9]*\d)[a-z0-9]+(?![\w$])")
"""A word with letters and digits in it: a typo for a number word ("tw0"), a number typed
against the word before it ("about3"), or a name with a version ("python3")."""
_NAMED = re.compile(r"(?i)^([a-z]{2,})(\d+)$")
_LOOK_ALIKE = (str.maketrans("0135", "oies"), str.maketrans("0135", "oles"))


class Spoken:
    """Built once per Understander; `plain` is pure."""

    def __init__(
        self,
        spoken: Mapping[str, str],
        units_abroad: Mapping[str, str],
        thousand_abroad: Mapping[str, Sequence[str]],
        ages: tuple[Sequence[str], Sequence[str]] = ((), ()),
        months: Sequence[str] = (),
        numbers: tuple[Mapping[str, int], Mapping[str, int]] = ({}, {}),
        glued_after: Sequence[str] = (),
    ) -> None:
        ones, tens = numbers
        self._ones = {w.lower(): n for w, n in ones.items()}
        self._tens = {w.lower(): n for w, n in tens.items()}
        self._compound = (
            re.compile(
                rf"(?i)\b({'|'.join(map(re.escape, self._tens))})-"
                rf"({'|'.join(n for n, v in self._ones.items() if 1 <= v <= 9)})\b"
            )
            if self._tens
            else None
        )
        small = [n for n, v in self._ones.items() if 1 <= v <= 19]
        self._hyphen_unit = (
            re.compile(rf"(?i)\b({'|'.join(map(re.escape, small))})-(month|year|week|day)s?\b")
            if small
            else None
        )
        counts = [n for n, v in [*self._ones.items(), *self._tens.items()] if 2 <= v <= 99]
        self._worded_count = (
            re.compile(
                rf"(?i)\b({'|'.join(map(re.escape, counts))})\s+"
                r"(months?|years?|yrs?|weeks?|hours?|hrs?|days?)\b"
            )
            if counts
            else None
        )
        """ "six months … then eleven months": counts of time in digits, as the readers that
        add stints up expect ("one" stays a word: "the one year" is read apart)."""
        self._month = dict(enumerate(months, start=1))
        self._glued_after = frozenset(w.lower() for w in glued_after)
        self._spoken = dict(spoken)
        self._units = {u.lower(): english for u, english in units_abroad.items()}
        phrases = sorted(self._spoken, key=len, reverse=True)
        self._phrase = (
            re.compile(rf"(?i)(?<!\w)({'|'.join(map(_loose, phrases))})(?!\w)") if phrases else None
        )
        units = sorted(self._units, key=len, reverse=True)
        self._unit = (
            re.compile(rf"(?i)(\d)\s*({'|'.join(map(re.escape, units))})(?!\w)") if units else None
        )
        self._keys = {_key(p): p for p in phrases}
        before, after = ages
        years = [u for u, english in self._units.items() if english == "years"]
        self._age = (
            re.compile(
                rf"(?i)\b(?:{'|'.join(map(_loose, before))})\s+(\d{{1,2}})\s*"
                rf"(?:{'|'.join(map(re.escape, [*years, 'years', 'yrs']))})\b"
                rf"(?!\s*(?:old|alt)\b)(?!\s*(?:{'|'.join(map(_loose, after))})\b)"
            )
            if before
            else None
        )
        self._thousands_after = [  # "R$ 15 mil": the sign first, then the amount
            re.compile(
                rf"(?i)((?:{'|'.join(map(re.escape, signs))})\s*)(\d+(?:\.\d+)?)\s+"
                rf"{re.escape(word)}(?!\w)"
            )
            for word, after in thousand_abroad.items()
            if (signs := [a for a in after if not a.isalpha()])
        ]
        self._thousands = [
            re.compile(
                rf"(?i)\b(\d+(?:\.\d+)?)\s+{re.escape(word)}\s+(?=(?:de\s+)?"
                rf"(?:{'|'.join(map(re.escape, after))})(?!\w))"
            )
            for word, after in thousand_abroad.items()
        ]

    def _glued(self, m: re.Match[str]) -> str:
        """ "tw0 years" is two years (it was 0), and "about3 hours" is about 3 hours."""
        word = m[0].lower()
        for look_alike in _LOOK_ALIKE:
            plain = word.translate(look_alike)
            if plain in self._ones or plain in self._tens:
                return plain
        named = _NAMED.match(word)
        if named is not None and named[1] in self._glued_after:
            return f"{named[1]} {named[2]}"
        return m[0]  # "python3": the number reader skips digits typed after a word

    def _dated(self, month: str, year: str, day: str | None = None) -> str:
        """ "09/2023" as "september 2023"; in "01/09/2021" the month is the middle number
        unless only the first can be one ("12/31/2026")."""
        m = int(month)
        if m > 12 and day is not None and 1 <= int(day) <= 12:
            m = int(day)
        return f"{self._month[m]} {year}" if m in self._month else f"{month}/{year}"

    def plain(self, text: str) -> str:
        """`text` with each spoken number in a form the readers parse."""
        text = _GLUED.sub(self._glued, text)
        if self._compound is not None:  # "forty-two": 42
            text = self._compound.sub(
                lambda m: str(self._tens[m[1].lower()] + self._ones[m[2].lower()]), text
            )
        if self._worded_count is not None:  # "eleven months": 11 months
            text = self._worded_count.sub(
                lambda m: f"{self._ones.get(m[1].lower(), self._tens.get(m[1].lower()))} {m[2]}",
                text,
            )
        if self._hyphen_unit is not None:  # "a six-month internship": a 6-month one
            text = self._hyphen_unit.sub(lambda m: f"{self._ones[m[1].lower()]}-{m[2]}", text)
        text = _LESS.sub(r"less than \1", _MORE.sub(r"more than \1", text))  # "<1", ">10"
        text = _HOURS_MINUTES.sub(lambda m: f"{int(m[1]) + int(m[2]) / 60:g} hours", text)
        if self._phrase is not None:
            text = self._phrase.sub(lambda m: self._spoken[self._keys[_key(m[1])]], text)
        if self._month:  # "depuis le 01/09/2021", "desde 09/2023": the month named, then the year
            text = _DAY_MONTH_YEAR.sub(lambda m: self._dated(m[2], m[3], m[1]), text)
            text = _MONTH_YEAR.sub(lambda m: self._dated(m[1], m[2]), text)
        if self._age is not None:  # "tengo 34 años y dos hijos": an age
            text = self._age.sub(lambda m: f"{m[1]} years old", text)
        for thousand in self._thousands_after:
            text = thousand.sub(lambda m: f"{m[1]}{float(m[2]) * 1000:g}", text)
        for thousand in self._thousands:  # "20 mil reais": 20000 reais
            text = thousand.sub(lambda m: f"{float(m[1]) * 1000:g} ", text)
        if self._unit is not None:
            text = self._unit.sub(lambda m: f"{m[1]} {self._units[m[2].lower()]}", text)
        return text


_LESS = re.compile(r"(?<![\w<])<\s*(\d)")
_MORE = re.compile(r"(?<![\w>-])>\s*(\d)")
"""Comparison signs before a number ("<1 year", "> 10"), said as the readers know them."""
_DAY_MONTH_YEAR = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)(?![\d/])")
_MONTH_YEAR = re.compile(r"(?<![\d/.])(\d{1,2})[/.]((?:19|20)\d\d)(?![\d/])")


def _loose(phrase: str) -> str:
    """A phrase as a pattern that allows any spacing between its words, and an aside opening
    inside it ("a quarter (of a year)")."""
    return r"[\s(]+".join(map(re.escape, phrase.split()))


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().replace("(", " ").split())
