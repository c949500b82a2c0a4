"""Doubt: a clear-looking reading that the message itself casts doubt on is asked, not stored.

WHY: every blind set of typed answers found new wordings that stored a confident wrong value,
and they shared a few shapes, whatever the question:
- a hedge beside the answer: "data analyst 5 years, idk if SQL counts", "analyst by title";
- the past, or a wish: "used to be a PHP dev 8 years ago", "backend dev but I want to get into
  ML" (true then, or hoped for, not the answer about today);
- halves that disagree: "7 years in tech but only the last 2 coding", "for 6 months yes, for
  the whole thing no", "backend at an insurer, sklearn on weekends but nothing at work";
- a number that counts something else: an age ("since I was 12"), work ("60h weeks"), a
  denied subject ("nurse for 11 years, no software jobs");
- a visa answer beside a second country or a destination ("UK citizen, the dream is SF").
Phrase by phrase, each new wording needed a new rule. A person reading such a message would
simply ask, so this does: the reading is offered first with what the message also names, then
the question's other answers, and nothing is stored until one is tapped (unknown is a value).
The words are in content/vocabulary.yaml `doubt`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Protocol

from flows.numbers import words_of
from flows.reading.answer_model import CHOICES, KINDS, in_bounds
from flows.reading.doubt_denied import Denials
from flows.reading.understand_reading import Reading
from flows.reading.understand_text import Found, PhraseTable, Words, read_words, split_clauses
from flows.reading.vocabulary import Vocabulary


class Places(Protocol):
    """Countries in a message, and where someone is from and wants to work (the guards')."""

    countries: PhraseTable[str]
    destinations: PhraseTable[str]

    def home_and_target(self, words: Words) -> tuple[str | None, str | None]: ...


_NUMBERS = re.compile(r"\d+")
_OR = re.compile(r"(?i)\bor\b")
"""Every number written in digits (in a message, or in a sum's note: "2 + 4")."""
_COUNTED = re.compile(r"[1-9]")
"""A number other than zero in the message."""
_SHORT_SPANS = re.compile(r"(?i)\b\d+\s*(?:weeks?|wks?|days?)\b")
"""Weeks or days: under a month without pay is none."""
_YEARS = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
"""Calendar years in a message ("2018", "2023")."""
Read = Callable[[str, str], Reading]
"""One question's reading of a text: (question, text) → Reading."""
YES_NO = frozenset(name for name, values in CHOICES.items() if {"yes", "no"} <= set(values))
"""Questions answered yes or no: a denied half ("but not for the whole program") is a no."""


def _inside(negations: list[Found[str]], reading: Reading) -> bool:
    """Every negation is a word of the phrase the reading rests on ("never finish anything
    without a deadline" names structure; it rules nothing out)."""
    return all(any(s <= n.start < e for s, e in reading.spans) for n in negations)


class Doubt:
    """Built once per Understander from the vocabulary; `check` is pure."""

    def __init__(
        self,
        v: Vocabulary,
        buttons: Mapping[str, tuple[int, ...]],
        places: Places,
    ) -> None:
        d = v.doubt
        self.buttons = buttons
        self.places = places
        self.place_questions = frozenset(d.place_questions)
        self.whole = frozenset(d.whole_questions)
        self.or_questions = frozenset(d.or_unknown_questions)
        self.or_fillers = frozenset(words_of(p) for p in d.or_fillers)
        self.wishes: PhraseTable[str] = PhraseTable((p, "wish") for p in d.wishes)
        self.wish_questions = frozenset(d.wish_questions)
        self.hedges: PhraseTable[str] = PhraseTable((p, "hedge") for p in d.hedges)
        self.patterns = [re.compile(p, re.IGNORECASE) for p in d.hedge_patterns]
        self.choice_patterns = [re.compile(p, re.IGNORECASE) for p in d.choice_hedge_patterns]
        self.ages = [re.compile(p, re.IGNORECASE) for p in d.age_patterns]
        self.count_patterns = {
            name: [re.compile(p, re.IGNORECASE) for p in patterns]
            for name, patterns in d.other_count_patterns.items()
        }
        self.past: PhraseTable[str] = PhraseTable((p, "past") for p in d.past)
        self.past_questions = frozenset(d.past_questions)
        joins = "|".join(re.escape(c) for c in sorted(d.contrasts, key=len, reverse=True))
        self.halves = re.compile(rf"(?i)\b(?:{joins})\b")
        denying = [*v.negators, *d.denying]
        self.negators: PhraseTable[str] = PhraseTable((p, "not") for p in denying)
        self.other_people: PhraseTable[str] = PhraseTable((p, "other") for p in v.other_people)
        self.replies: PhraseTable[str] = PhraseTable(
            (p, kind) for kind, phrases in v.replies.items() for p in phrases if p in ("yes", "no")
        )
        self.vague: PhraseTable[str] = PhraseTable((p, "vague") for p in d.vague)
        self.vague_questions = frozenset(d.vague_questions)
        self.other_counts = {
            name: PhraseTable((p, "other") for p in phrases)
            for name, phrases in d.other_counts.items()
        }
        self.denied_value = dict(d.denied_values)
        self.breaks = {
            name: [re.compile(p, re.IGNORECASE) for p in patterns]
            for name, patterns in d.breaks.items()
        }
        self.denials = Denials(v, self.negators)
        self.confirm_notes = {name: frozenset(notes) for name, notes in d.confirm_notes.items()}
        self.unsure_values = dict(d.unsure_values)
        years = v.units.get("years_experience", {})
        short = "|".join(re.escape(u) for u, f in years.items() if f < 1)
        self.under_a_year = re.compile(rf"(?i)\b(\d+)\s*({short})\b")
        self.short_units = {u.lower(): f for u, f in years.items() if f < 1}
        self.year_units = PhraseTable((u, "year") for u, f in years.items() if f >= 1)
        """ "8 months" read as 0 years: not doubted when it is the only count in the message."""
        self.question_hedges = {
            name: PhraseTable((p, "hedge") for p in phrases)
            for name, phrases in d.question_hedges.items()
        }

    def check(self, name: str, text: str, reading: Reading, read: Read) -> Reading:
        """`reading` itself, or, when the message casts doubt on it, the values to ask about:
        what the message says before a wish first, the reading, what its other halves name,
        then the question's other answers."""
        if not reading.stored:
            return self._widened(name, text, reading)
        words, value = read_words(text, ()), reading.values[0]
        none = self.denied_value.get(name)
        denied = none is not None and value != none and self.denials.denied(name, words)
        before, wished = self._wished(name, words, reading, read)
        named, split = self._halves(name, text, value, read)
        away, is_away = self._time_away(name, text, value)
        before = [*before, *away]  # "since 2010, took 2 yrs off": 14 first
        if name == "years_experience" and value == 0 and self._short_total(text) >= 1:
            before.append(int(self._short_total(text)))  # stints of months adding to a year
        summed = reading.note in self.confirm_notes.get(name, ())  # "2 years, then 4 as a PM"
        if summed:  # the sum's parts, as its note shows them ("2 + 4")
            named = [*named, *map(int, _NUMBERS.findall(reading.note_values.get("parts", "")))]
        ruled_out = value == self.unsure_values.get(name) and any(
            read(name, clause).blocked for clause in split_clauses(text)
        )  # "not government, not banks. anything else": the rest is asked
        doubtful = denied or wished or split or summed or ruled_out or bool(away) or is_away
        doubtful = doubtful or self._hedged(name, text, words, value)
        doubtful = doubtful or self._unknown_side(name, text, read)
        if not doubtful:
            return reading
        values = [*before, value, *named, *([none] if denied and none is not None else [])]
        if KINDS[name] in ("integer", "months"):  # every other number named is offered too
            counts = self.under_a_year.sub(" ", text) if name == "years_experience" else text
            values += [n for n in map(int, _NUMBERS.findall(counts)) if in_bounds(name, n)]
            years = sorted(int(y) for y in _YEARS.findall(text))
            if name == "years_experience" and len(years) == 2:  # "in 2018 … left in 2023": 5
                values.append(years[1] - years[0])
        note = "doubt_sum" if summed and not (denied or wished or split) else "doubt"
        return Reading(self._asked(name, values), note=note, spans=reading.spans, doubted=True)

    def _widened(self, name: str, text: str, reading: Reading) -> Reading:
        """Several answers read, in a message that casts doubt on all of them ("i'd like to do
        a phd someday": a plan, not a degree held): the question's other answers are offered
        too."""
        table = self.question_hedges.get(name)
        if len(reading.values) < 2 or reading.blocked or table is None:
            return reading
        used = {i for start, end in reading.spans for i in range(start, end)}
        if all(used & set(range(f.start, f.end)) for f in table.find(read_words(text, ()))):
            return reading  # none, or the reader weighed it ("graduating soon with a BA")
        return Reading(self._asked(name, list(reading.values)), note="doubt", spans=reading.spans)

    def _unknown_side(self, name: str, text: str, read: Read) -> bool:
        """ "safaricom or equity bank": one side of an "or" names nothing known here (a company
        the reader does not know), so the other side's answer may not be theirs: asked."""
        sides = [words_of(s) for s in _OR.split(text)] if name in self.or_questions else []
        return len(sides) > 1 and any(
            s and s not in self.or_fillers and not read(name, s).values for s in sides
        )

    def _hedged(self, name: str, text: str, words: Words, value: str | int) -> bool:
        """Words beside the answer that leave it open: a hedge, the past, a rough amount, a
        number that counts something else, a visa message naming a second country."""
        patterns = [*self.patterns, *(self.choice_patterns if KINDS[name] == "choice" else ())]
        if self.hedges.find(words) or any(p.search(text) for p in patterns):
            return True
        tables = [
            self.question_hedges.get(name),  # "a work permit, but it runs out next year"
            self.past if name in self.past_questions else None,  # "used to be a PHP dev"
            self.vague if name in self.vague_questions else None,  # "a few years"
            self.other_counts.get(name),  # "a nurse doing 12h shifts"
        ]
        if any(table is not None and table.find(words) for table in tables):
            return True
        if KINDS[name] != "choice":  # "since I was 12", "I work 60h weeks": another count
            patterns = [*self.ages, *self.count_patterns.get(name, ())]
            found = [m for p in patterns for m in p.finditer(text)]
            if any(not m.groups() or int(m[1]) == value for m in found):
                return True
            counted = {m.span(1) for m in found if m.groups()}
            if counted and all(n.span() in counted for n in _NUMBERS.finditer(text)):
                return True  # "not many, i've got twins under 2": every number is someone's age
            if name == "can_pause_income" and not _COUNTED.search(_SHORT_SPANS.sub(" ", text)):
                return False  # "2 weeks at most": under a month, so none; nothing else counted
            if value == 0 and name in self.denied_value and _COUNTED.search(text):
                # "a 6 month internship, then a year freelancing": not simply none; "only 8
                # months in" is
                return not self._under_a_year(name, text, words)
        if name in self.place_questions and self.places.home_and_target(words)[1] is None:
            # "Brazilian, but I work for a US company", "UK citizen, the dream is to work in
            # San Francisco": which country is the visa for?
            countries = {f.payload for f in self.places.countries.find(words)}
            return len(countries) > 1 or bool(self.places.destinations.find(words))
        return False

    def _under_a_year(self, name: str, text: str, words: Words) -> bool:
        """Every number is a count of months or weeks, and no year is named: under a year."""
        if name != "years_experience" or self.year_units.find(words):
            return False
        if _COUNTED.search(self.under_a_year.sub(" ", text)):
            return False
        return self._short_total(text) < 1  # "6 months, the one before 9 months": 15 months

    def _short_total(self, text: str) -> float:
        """The months and weeks a message counts, added up, in years."""
        return sum(
            int(m[1]) * self.short_units.get(m[2].lower(), 0)
            for m in self.under_a_year.finditer(text)
        )

    def _time_away(self, name: str, text: str, value: str | int) -> tuple[list[str | int], bool]:
        """The count less the time away that the message names, if any; and whether the
        count read is the time away itself ("..., but took 2 years off": not 2 years)."""
        found = {m.start(1): int(m[1]) for p in self.breaks.get(name, ()) for m in p.finditer(text)}
        away = sum(found.values())  # each number once, whichever shape found it
        if not isinstance(value, int) or not away:
            return [], False
        return ([value - away] if away < value else []), away == value

    def _wished(
        self, name: str, words: Words, reading: Reading, read: Read
    ) -> tuple[list[str | int], bool]:
        """ "A data analyst, though I'd like to move to ML": the ML is a wish, not today; what
        comes before the wish is offered first."""
        wish = self.wishes.find(words) if name in self.wish_questions else []
        if not wish or all(start < wish[0].start for start, _ in reading.spans):
            return [], False
        before = read(name, words.span_text(0, wish[0].start))
        return list(before.values[:1]) if before.stored else [], True

    def _halves(
        self, name: str, text: str, value: str | int, read: Read
    ) -> tuple[list[str | int], bool]:
        """What the halves around "but" name, and whether they leave the answer open."""
        halves = [h for h in self.halves.split(text) if h.strip()]
        doubtful = name in YES_NO and {"yes", "no"} <= self._clause_answers(name, text, read)
        if len(halves) < 2 or name in self.whole:  # "for 6 months yes, for the rest no"
            return [], doubtful
        last: str | int | None = None
        named: list[str | int] = []
        denials: list[str | int | None] = []
        for half in halves:
            seen = read(name, half)
            last = seen.values[0] if seen.stored else None
            negations = self.negators.find(read_words(half, ()))
            inside = last is not None and last != self.denied_value.get(name)
            if negations and inside and name not in YES_NO and _inside(negations, seen):
                named += seen.values[:1]  # "but i never finish anything without a deadline"
            elif negations:
                if name in YES_NO and last is None:
                    doubtful = True  # "yes, but not for the whole program"
                elif name not in YES_NO:
                    denials.append(last)
                    last = None  # "but nothing ML related": ruled out, not the answer
            elif seen.values:
                named += seen.values[:2]  # "backend, and sklearn on weekends": both named
        # "backend dev, sklearn on weekends but nothing at work": the "nothing" is not the
        # answer when another half names one. The later half wins ("my brother says
        # research, but I want LLM apps"); a reading that is not what it says is asked ("7
        # years in tech, but only 2 coding"); a later half naming nothing is the reader's.
        doubtful |= value in denials and bool(named)
        doubtful |= last is not None and last != value
        # "8k saved, but honestly that's my rent money": a number qualified by a later half
        # that names none is asked, not stored as said
        doubtful |= KINDS[name] != "choice" and not read(name, halves[-1]).values
        return list(dict.fromkeys(named)), doubtful

    def _clause_answers(self, name: str, text: str, read: Read) -> set[str | int]:
        """The answers that the message's clauses give one by one, leaving out what other
        people say or need ("my wife will need a visa")."""
        answers: set[str | int] = set()
        for clause in split_clauses(text):
            words = read_words(clause, ())
            if not self.other_people.find(words):
                seen = read(name, clause)
                replied = {f.payload for f in self.replies.find(words)}  # "…, the rest no"
                answers.update(seen.values[:1] if seen.stored else replied & {"yes", "no"})
        return answers

    def _asked(self, name: str, values: list[str | int]) -> tuple[str | int, ...]:
        """The values read, in order, then the question's other answers: a choice question's
        options, a number question's buttons (at most six in all)."""
        if KINDS[name] == "choice":
            return tuple(dict.fromkeys([*values, *CHOICES[name]]))
        numbers = [v for v in values if isinstance(v, int) and in_bounds(name, v)]
        return tuple(dict.fromkeys([*numbers, *self.buttons.get(name, ())]))[:6]
