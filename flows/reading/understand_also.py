"""Other questions answered in the same message ("nurse, associate degree, about 6 hours on
weekends, $2k"): which parts of a message answer which other question.

WHY apart from `flows/reading/understanding.py`: that module decides what a message means at the
question being asked; this one looks at the rest of the message. A part is read for another
question only when it carries that question's signal (`content/vocabulary.yaml` `signals`), and
for the questions about wishes (employer, role) only when it says so ("I want to stay at my
bank", not "3 years at a startup", which names a past job).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date

from flows.numbers import words_of
from flows.reading.answer_model import FIELDS, KINDS
from flows.reading.understand_reading import Reading
from flows.reading.understand_text import PhraseTable, read_words, split_clauses
from flows.reading.vocabulary import Vocabulary

Answer = str | int
Read = Callable[[str, str, "date | None"], Reading]

_UNIT_NEEDED = frozenset({"years_experience", "can_pause_income", "hours_per_week"})
"""Number questions whose answer, noted from a message about another question, must carry the
question's unit ("6 months", "10 hrs"), or be a zero said in words ("I can't stop working")."""

_COMBINED = frozenset({"sum", "span", "sum_hours"})
"""Notes of readings that add up several parts of the message, so one part alone is short."""

_EACH = re.compile(r"\beach\b")
"""A part's hours said per day elsewhere named ("2 evenings a week, 3 hours each")."""

_FIRST_PERSON = frozenset(
    {"i", "id", "im", "i'm", "i’m", "i'd", "i’d", "i'll", "i’ll", "my", "me", "mine", "we", "our"}
    | {"ive", "i've", "i’ve"}
)


_MONTHS = re.compile(r"\b(?:months?|mos?)\b")
_YEARS = re.compile(r"\b(?:years?|yrs?)\b")
"""A month count said beside a "can't go without pay" in another part ("3 months max, i
can't go without salary longer") is the pause's answer; a count of years is the work's."""


class OtherAnswers:
    """Built once per Understander; `find` is pure."""

    def __init__(self, vocabulary: Vocabulary, read: Read) -> None:
        self.v = vocabulary
        self.read = read
        self.wishes: PhraseTable[str] = PhraseTable((w, "wish") for w in vocabulary.parts.wishes)
        self.wish_fields = frozenset(vocabulary.parts.wish_fields)
        self.number_words = frozenset(vocabulary.numbers.ones) | frozenset(vocabulary.numbers.tens)
        """ "About fifteen hours a week." reads as an answer as much as "15 hours" does."""
        self.noted_only_with = {
            name: _phrases(phrases) for name, phrases in vocabulary.noted_only_with.items()
        }
        self.noted_never_with = {
            name: _phrases(phrases) for name, phrases in vocabulary.noted_never_with.items()
        }
        self._budget_words = _phrases(vocabulary.budget_words_at_pay)
        """At the pay question, money is the pay or a salary unless said of tuition."""
        said = "|".join(map(re.escape, sorted(self.number_words, key=len, reverse=True)))
        self._worded_units = re.compile(rf"\b(?:{said})\s+([a-z]+)")
        self.signals = {
            name: re.compile(
                "|".join(
                    p[3:] if p.startswith("re:") else rf"(?<![a-z]){re.escape(p)}(?![a-z])"
                    for p in sorted(phrases, key=len, reverse=True)
                )
            )
            for name, phrases in vocabulary.signals.items()
        }
        self.worded = {  # the signals in words only, without the bare "N years" patterns
            name: re.compile(
                "|".join(rf"(?<![a-z]){re.escape(p)}(?![a-z])" for p in phrases if p[:3] != "re:")
                or r"(?!)"  # no worded signal: never
            )
            for name, phrases in vocabulary.signals.items()
        }

    def find(
        self,
        name: str,
        text: str,
        used: set[tuple[int, int]],
        answers: Mapping[str, Answer],
        today: date | None,
        *,
        strict: bool,
    ) -> dict[str, Reading]:
        """Other questions answered in parts of the message this question's reading did not
        use: each part is read for a question only when it carries that question's signal."""
        found: dict[str, Reading] = {}
        for part in self._parts(text, used):
            low = part.lower()
            said = answer_like(low) or not self.number_words.isdisjoint(words_of(low).split())
            if strict and not (said or self.wishes.find(read_words(part, ()))):
                continue  # "at a startup ideally" is a wish of one's own, not a topic
            for other in FIELDS:
                known = {f: r.values[0] for f, r in found.items()}
                if other == name or other in found or not _asked(other, answers, known):
                    continue
                pattern = self.signals.get(other)
                if pattern is None or not (pattern.search(low) or pattern.search(words_of(low))):
                    continue
                shared = self.v.units.get(name, {}).keys() & self.v.units.get(other, {}).keys()
                if name == "degree" and other == "years_experience":
                    shared = {"years"}  # "laurea in law, 5 anni": how long the degree took
                if (
                    name == "apprenticeship_pay"
                    and other == "budget_usd"
                    and not self._budget_words.search(low)
                ):
                    continue  # "2k is fine", "i make 85k now": the pay asked about, or a salary
                if shared and not (
                    self.worded[other].search(low) or self.worded[other].search(words_of(low))
                ):
                    continue  # "I could stop for 2 years" at the pause question: its years
                wished = name in self.wish_fields or self.wishes.find(read_words(part, ()))
                if other in self.wish_fields and not wished:
                    continue  # "3 years at a startup" names a past job, not a wish (at the
                    # role question, "at a bank" is the aim it asks about)
                needed = self.noted_only_with.get(other)
                if needed is not None and len(low.split()) > 3 and not needed.search(low):
                    continue  # "naturalized citizen since 2015": no years of software there
                barred = self.noted_never_with.get(other)
                if barred is not None and barred.search(low) and not self._budget_words.search(low):
                    continue  # "$95k salary", "2 years, i have 80k saved": not a tuition budget
                reading = self.read(other, part, today)
                dated = reading.note in ("since", "span", "since_month")  # "since 2020"
                if other in _UNIT_NEEDED and reading.stored and reading.values[0] and not dated:
                    units = self.v.units.get(other, {})
                    if not any(_has_word(low, u) for u in units):
                        continue  # "keep 6 for emergencies": 6 of what? not noted as months
                whole = self.read(other, text, today)
                if whole.stored and whole.note in _COMBINED and whole.values != reading.values:
                    reading = whole  # "2 yrs at a bank, before that 3 yrs backend": 5, not 2
                if (
                    other == "hours_per_week"
                    and (
                        reading.note == "per_day"
                        or (reading.note in (None, "rounded") and _EACH.search(low))
                    )
                    and whole.stored
                    and whole.note in ("weekdays", "days", "per_fortnight")
                ):
                    reading = whole  # "2h per day, only weekdays", "2 evenings a week, 3
                    # hours each": the days are another part's
                if (
                    other == "can_pause_income"
                    and reading.values == (0,)
                    and whole.stored
                    and whole.values[0] != 0
                    and _MONTHS.search(low + " " + text.lower()) is not None
                    and _YEARS.search(text.lower()) is None
                ):
                    reading = whole  # "3 months max, i can't go without salary longer": 3
                if reading.stored and reading.values[0] == "unsure":
                    continue  # "any new employer would have to transfer it": no answer there
                if reading.stored and len(whole.values) <= 1:
                    # noted only if the whole message does not read two ways for that
                    # question ("Indian citizen" alone is no visa; with "work in Germany",
                    # the visa question asks)
                    found[other] = reading
                    break
        return found

    def undated_work(self, name: str, text: str, reading: Reading) -> bool:
        """A count of years read from a date ("in 2018") in a message that names a degree and no
        work the question counts ("I got my BSc in computer science in 2018")."""
        needed = self.noted_only_with.get(name)
        low = text.lower()
        return (
            needed is not None
            and reading.note in ("since", "span", "since_month")
            and reading.values[0] != 0  # "finished my CS bachelor's in june, no job yet": 0
            and len(low.split()) > 3
            and not needed.search(low)
            and bool(self.signals["degree"].search(low))  # the date is a degree's
        )

    def belongs_elsewhere(
        self, name: str, text: str, reading: Reading, also: Mapping[str, Reading]
    ) -> bool:
        """The one number read here is another question's, by its unit or subject, and nothing
        in the message is this question's ("about 8 hours a week" at the years question, "no
        budget at all" at months without pay): it is noted there, and this question asked."""
        if KINDS[name] == "choice":
            return False
        low = text.lower()
        units = self.v.units.get(name, {})
        worded = self.worded
        if (  # "i could go 3 months without pay" at the years question: the months are the pause's
            # (noted there when clear, asked there when not: "probably 3 months, not more")
            any(KINDS[f] != "choice" and f != name and worded[f].search(low) for f in worded)
            and not worded[name].search(low)
            and not any(_has_word(low, u) for u, factor in units.items() if factor >= 1)
            and any(self._counted(low, u) for u, factor in units.items() if factor < 1)
        ):
            return True
        software = self.noted_only_with.get("years_experience")
        if (  # "i've been a rails developer for nine years" at the pause question: the work's
            name == "can_pause_income"
            and software is not None
            and software.search(low)
            and not worded[name].search(low)
        ):
            return True
        if not any(KINDS[f] != "choice" and r.values[0] in reading.values for f, r in also.items()):
            return False
        own_unit = any(_counted(low, u) for u in units)  # "25 hrs/wk": the wk is the hours'
        signal = self.signals.get(name)
        return not own_unit and not (signal and signal.search(low))

    def _counted(self, text: str, unit: str) -> bool:
        """A number in digits or words right before `unit` ("3 months", "two months")."""
        return _counted(text, unit) or unit in self._worded_units.findall(text)

    def _parts(self, text: str, used: set[tuple[int, int]]) -> list[str]:
        """The message's clauses, minus the words this question's reading rests on ("backend
        developer for 4 years" at the coding question leaves "for 4 years")."""
        words = read_words(text, self.v.contrasts)
        taken = {i for s, e in used for i in range(s, e)}
        raw = split_clauses(text)
        parts: list[str] = []
        for start, end in words.clauses():
            if taken.isdisjoint(range(start, end)):
                parts.append(raw[words.clause[start]])
            else:
                rest = [words.tokens[i] for i in range(start, end) if i not in taken]
                if rest:
                    parts.append(" ".join(rest))
        return parts


def _asked(name: str, answers: Mapping[str, Answer], found: Mapping[str, Answer]) -> bool:
    """Whether the interview asks `name` given what is known (years only after paid coding)."""
    if name != "years_experience":
        return True
    coding = found.get("coding_experience", answers.get("coding_experience"))
    return coding is None or coding in ("production", "ml")


def answer_like(part: str) -> bool:
    """A part that reads as someone's own answer ("I can't stop working", "$2k", "associate
    degree"), not a topic ("degree requirements for visa sponsorship", which is a question)."""
    words = part.split()
    return any(c.isdigit() for c in part) or len(words) <= 3 or not _FIRST_PERSON.isdisjoint(words)


def _phrases(phrases: list[str]) -> re.Pattern[str]:
    """Any of `phrases` as whole words, in lower case."""
    return re.compile("|".join(rf"(?<![a-z]){re.escape(p.lower())}(?![a-z])" for p in phrases))


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", text) is not None


def _counted(text: str, unit: str) -> bool:
    """A number right before `unit` ("3 months"), not the unit alone ("hours a week")."""
    return re.search(rf"\d\s*{re.escape(unit)}(?![a-z])", text) is not None
