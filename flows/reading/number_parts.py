"""Messages with several numbers: every number is found with what it is for before one is kept.

WHY: one-number reading stored "from 2018 to 2022 at Accenture" as 8 years (since 2018), "I work
50 hours a week so maybe 5 on top" as 50, "monday to friday from 7 to 9 pm" as 35 and "£4000" as
$4,000. Here the message is cut into parts (`content/vocabulary.yaml` `parts`), and a number's
part says what it is: a span of years ("2018 to 2022", "jan 2024 - now"), time away ("took a
break 2015-2017"), a stint that adds to the next ("2 years at X then 3 at Y"), not professional
at all ("as a hobby"), a job's hours ("I work 50h"), one day of a schedule ("3 on saturday and 3
on sunday"). What adds up is added, with the sum shown in the echo; what could be either is
asked about; nothing here is stored silently. Currencies are `number_money.py`'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from itertools import pairwise

from flows.numbers import NumberReader, has_phrase, words_of
from flows.numbers import Reading as Number
from flows.reading.understand_reading import Reading
from flows.reading.understand_text import split_clauses
from flows.reading.vocabulary import Vocabulary

_YEAR = r"(?:19[5-9]\d|20\d\d)"
_DIGIT = re.compile(r"\d")
_CODES = re.compile(r"(?i)\b(?:h|l|f|j|o|e|gs|tn)-?\d{1,2}[a-z]?\b")
"""Visa and pay-grade codes ("H-1B", "F-1", "GS-13"): names, not numbers."""


def alternation(phrases: list[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


_STINTS = (
    "contracts?|jobs?|stints?|roles?|gigs?|positions?|placements?|companies|employers|terms"
    "|internships?|co-?ops?|rotations?|secondments?|assignments?|deployments?"
)
_LENGTH = r"(?P<len>\d{1,2}|an?|one)\s+(?P<unit>years?|yrs?|months?)"
_AFTER_END = re.compile(r"[,;.]|\b(?:then|and|after that|afterwards)\b", re.IGNORECASE)
"""Where the words after a span stop describing it: "2018 to 2022, then took a break" is work,
then a break; "2015-2017 break" is the break."""


class NumberParts:
    """The parts of a message and what each one's number is for; built once per vocabulary."""

    def __init__(self, vocabulary: Vocabulary, reader: NumberReader) -> None:
        w = vocabulary.parts
        self.w = w
        self.reader = reader
        self.articles = frozenset(vocabulary.numbers.article)
        y = vocabulary.years
        before = alternation([*y.short_year_before, *w.month_names])
        self._short_year = re.compile(rf"(?i)\b({before})\.?\s+['’‘`](\d\d)\b(?!['’])")
        self.eras = {k.lower(): v for k, v in y.eras.items()}
        software = [p for p in vocabulary.signals.get("coding_experience", []) if p[:3] != "re:"]
        self._software = re.compile(rf"(?i)(?<![a-z])(?:{alternation(software)})(?![a-z])")
        """A part of a career said to be software ("php dev"), beside one that is not."""
        self._era = re.compile(rf"(?i)\b({alternation(list(y.eras)) or '(?!)'})\s*(\d{{1,2}})\b")
        counts = r"\d+(?:\.\d+)?|" + alternation(
            [*vocabulary.numbers.ones, *vocabulary.numbers.tens]
        )
        self._stint = re.compile(
            rf"(?i)\b(?:{counts})\s+(?:more|years?|yrs?|at|in|with|as|for|on|doing|working|of)\b"
        )
        """A number said of a stint, its unit left out ("then 4 at a bank"), not "45, divorced"."""
        self.counted = frozenset(
            [
                *vocabulary.units["hours_per_week"],
                *vocabulary.units["years_experience"],
                *vocabulary.numbers.scales,
            ]
        )
        """Said after "a" or "an", one of it ("an hour", "a grand")."""
        words = [j for j in w.joiners if j[0].isalpha()]
        marks = [re.escape(j) for j in w.joiners if not j[0].isalpha() and j != ","]
        half = r"(?!\s+(?:an?\s+)?(?:half|quarter)\b)"  # "an hour and a half": one amount
        self._split = re.compile(
            rf"(?i)(?<!\d),|,(?!\d{{3}})|{'|'.join(marks)}|\b(?:{alternation(words)})\b{half}"
        )
        months = alternation(list(w.month_names))
        ongoing = alternation(w.ongoing)
        part = r"(?:(?:mid|early|late|end of|start of|beginning of)[\s-]+)?"  # "mid 2022"
        until_in = r"(?:until|till|up to)(?:\s+[a-z'’]+){1,4}?\s+in"  # "until redundancy in 2020"
        self._span = re.compile(
            rf"(?i)\b{part}(?:(?P<m1>{months})\.?\s+)?(?P<y1>{_YEAR})\s*(?:-|–|—|to|until|till|til|thru|"
            rf"through|and|{until_in})\s*{part}(?:(?P<m2>{months})\.?\s+)?(?P<y2>{_YEAR}|{ongoing})\b"
        )
        self._since_after = re.compile(rf"(?i)\b(?P<y1>{_YEAR})\b.*\b(?:{ongoing})\b")
        said = r"\d{1,2}|" + alternation([w for w, n in vocabulary.numbers.ones.items() if n >= 2])
        stint = rf"(?i)\b(?P<n>{said})\s+(?:[\w-]+\s+){{0,2}}?(?:{_STINTS})\b[^.;]*?"
        self._each_stint = (  # "3 contracts, each one a year"; "3 companies, 2 years each"
            re.compile(
                rf"{stint}\beach(?:\s+one)?\s+(?:(?:was|lasting|for|about|around)\s+)?{_LENGTH}\b"
            ),
            re.compile(rf"{stint}\b{_LENGTH}\s+each\b"),
        )
        self.number_words = frozenset(
            [*vocabulary.numbers.ones, *vocabulary.numbers.tens, *vocabulary.numbers.casual]
        )

    # ------------------------------------------------------------------------------ parts

    def has_number(self, text: str) -> bool:
        """A digit, a number word, or "an hour", "a grand" (one of a unit with no digit)."""
        words = words_of(text).split()
        return (
            bool(_DIGIT.search(text))
            or not self.number_words.isdisjoint(words)
            or any(a in self.articles and u in self.counted for a, u in pairwise(words))
        )

    def full_years(self, text: str) -> str:
        """Years in full: "since jan '21" is since jan 2021 ('30 and up: 19xx), "reiwa 2" 2020."""
        text = self._short_year.sub(
            lambda m: f"{m[1]} {2000 + int(m[2]) if int(m[2]) < 30 else 1900 + int(m[2])}", text
        )
        return self._era.sub(lambda m: str(self.eras[m[1].lower()] + int(m[2])), text)

    def parts(self, text: str, drop: Callable[[str], bool] | None = None) -> list[tuple[str, str]]:
        """(joiner before it, part) for each part holding a number; a part without a number
        joins its neighbour ("saturday and sunday, 4 hours each" is one part), unless it is
        another stint that `drop` leaves out ("…, before that manual QA")."""
        pieces: list[tuple[str, str]] = []
        last = 0
        joiner = ""
        for match in self._split.finditer(text):
            pieces.append((joiner, text[last : match.start()]))
            joiner, last = match.group(0).strip().lower(), match.end()
        pieces.append((joiner, text[last:]))
        merged: list[tuple[str, str]] = []
        pending = ""
        for join, piece in pieces:
            if self.has_number(piece):
                merged.append((join, f"{pending} {piece}".strip()))
                pending = ""
            elif drop is not None and join in self.w.sequence and drop(piece):
                continue
            elif merged:
                merged[-1] = (merged[-1][0], f"{merged[-1][1]} {piece}")
            else:
                pending = f"{pending} {piece}"
        return merged

    def each(self, text: str, counts: dict[str, int]) -> Reading | None:
        """ "3 contracts, each a year", "3 companies, 2 years each": the count times the
        length, offered first beside one stint's length (never stored: which stints were
        software is not said)."""
        for pattern in self._each_stint:
            m = pattern.search(text)
            n = m and (int(m["n"]) if m["n"].isdigit() else counts.get(m["n"].lower(), 0))
            if m and n and n >= 2:
                length = int(m["len"]) if m["len"].isdigit() else 1
                years = length / 12 if m["unit"].lower().startswith("mo") else length
                total, one = int(n * years + 1e-6), int(years + 1e-6)
                return Reading(tuple(dict.fromkeys([total, one])))
        return None

    def mentions(self, text: str, phrases: list[str]) -> bool:
        words = words_of(text)
        return any(has_phrase(words, words_of(p)) for p in phrases if words_of(p))

    # ------------------------------------------------------------------------------ years

    def span_years(self, text: str) -> set[int]:
        """The years that open or close a span ("2018" and "2022" in "2018 to 2022")."""
        years: set[int] = set()
        for match in self._span.finditer(text):
            years.add(int(match.group("y1")))
            if match.group("y2").isdigit():
                years.add(int(match.group("y2")))
        return years

    def dated(self, text: str, today: date | None, since: int | None) -> Reading | None:
        """Years counted from dates: spans ("from 2018 to 2022" is 4, "jan 2024 - now"), less
        time away ("took a break 2015-2017"), plus a start that runs on ("since 2008", "2021 …
        ever since"). None when the message holds no span and no year that runs on."""
        if today is None:
            return None
        now = today.year * 12 + today.month
        worked = away = 0
        spans = list(self._span.finditer(text))
        for match in spans:
            m1 = self.w.month_names.get((match.group("m1") or "").lower(), 0)
            m2 = self.w.month_names.get((match.group("m2") or "").lower(), 0)
            start = int(match.group("y1")) * 12 + (m1 or 1)
            end_year = match.group("y2")
            end = int(end_year) * 12 + (m2 or m1 or 1) if end_year.isdigit() else now
            before = text[max(0, match.start() - 40) : match.start()]
            after = _AFTER_END.split(text[match.end() : match.end() + 25], maxsplit=1)[0]
            if self.mentions(before + text[match.start() : match.end()] + after, self.w.breaks):
                away += max(end - start, 0)
            else:
                worked += max(end - start, 0)
        if since is None and not spans:
            after = self._since_after.search(text)
            if after is None:
                return None
            since = int(after.group("y1"))
        elif not spans:
            return None
        if since is not None:
            worked += (today.year - since) * 12
        # "2019-2023 at Amazon, then 2 years at a startup" adds up; "so 8 years" restates
        rest = self._span.sub(" ", text)
        extra = self.reader.read(rest, "years_experience", money=False, periods=False)
        stint = isinstance(extra, Number) and extra.marked and self.mentions(text, self.w.sequence)
        away_too = self.not_professional(rest) or self.mentions(rest, self.w.breaks)
        if stint and isinstance(extra, Number) and not away_too and extra.value != worked // 12:
            worked += int(extra.value * 12)
        years = max(worked - away, 0) // 12
        return Reading((years,), note="span", note_values={"years": str(years)})

    def has_span(self, text: str) -> bool:
        return self._span.search(text) is not None

    def not_professional(self, text: str) -> bool:
        return self.mentions(text, self.w.not_professional)

    def mixed_career(self, text: str) -> bool:
        """Some parts of a career that carry a number or a date are software ("php dev
        2008-2013") and some are not ("then i ran a bakery for a decade")."""
        timed = [
            p
            for p in split_clauses(text)
            if (self.has_number(p) or isinstance(self._length(p), Number))
            and not self.mentions(p, self.w.breaks)  # "took a break 2015-2017": time away
        ]
        coded = [bool(self._software.search(p)) for p in timed]
        return any(coded) and not all(coded)

    def _length(self, part: str) -> object:
        return self.reader.read(part, "years_experience", money=False, periods=False)

    def stints(
        self, text: str, field: str, keep: Callable[[Number], int] = lambda n: int(n.value + 1e-3)
    ) -> Reading | None:
        """ "2 years at Infosys then 3 at a startup": parts joined by a sequence word add up
        (the sum is shown); parts that are not professional are left out; an "only" or "or"
        makes them options instead."""
        parts = self.parts(text)
        if len(parts) < 2:
            return None
        readings: list[tuple[str, str, Number]] = []
        for join, part in parts:
            got = self.reader.read(part, field, money=False, periods=False)
            if isinstance(got, Number):
                readings.append((join, part, got))
            elif got is not None:
                return None
        kept = [(j, p, n) for j, p, n in readings if not self.not_professional(p)]
        first_marked = bool(kept) and kept[0][2].marked
        kept = kept[:1] + [
            k
            for k in kept[1:]  # "ML eng for 2 yrs, before that backend for 4": 4 years too
            if k[2].marked or self._stint.search(k[1]) or (first_marked and k[0] in self.w.sequence)
        ]
        if len(kept) < 2 or not (kept[0][2].marked or self._stint.search(kept[0][1])):
            return None
        values = [keep(n) for _, _, n in kept]
        if self.mentions(text, self.w.subset) or self.mentions(text, self.w.alternatives):
            return Reading(tuple(dict.fromkeys(values))[:4])
        if all(j in self.w.sequence for j, _, _ in kept[1:]):
            whole = Number(sum(n.value for _, _, n in kept), marked=True, scaled=False, shift=0)
            total = max(sum(values), keep(whole))
            # "6 months at one startup, then 11 at another": 17 months is a year, not 0 + 0
            coded = [bool(self._software.search(p)) for _, p, _ in kept]
            if field == "years_experience" and any(coded) and not all(coded):
                # "php dev 2008-2013, then i ran a bakery for a decade": all of it, or the dev
                # years only? Asked
                return Reading(tuple(dict.fromkeys([total, *values]))[:4])
            parts_text = " + ".join(str(v) for v in values)
            return Reading((total,), note="sum", note_values={"parts": parts_text})
        listed = ("and", ",", *self.w.sequence)
        if field == "years_experience" and all(j in listed for j, _, _ in kept[1:]):
            # "2 years as a python developer and 3 as an ML engineer": in all, or of which? Asked
            return Reading(tuple(dict.fromkeys([sum(values), *values]))[:4])
        return None

    @staticmethod
    def without_codes(text: str) -> str:
        return _CODES.sub(" ", text)
