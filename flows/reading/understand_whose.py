"""Whose answer a stored reading is: this question's, or another's said in passing.

WHY apart: a yes, a no or a hedge can rest on one word that belongs to something else in the
same message: "maybe 3k" at the visa question (the hedge is the budget's), "20 hours a week is
fine" at the pay question (the assent is the hours'), "us citizen so no visa issues" at the pay
question (the "no" is the visa's). The understanding asks these checks before it stores.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from flows.numbers import words_of
from flows.reading.answer_model import CHOICES
from flows.reading.doubt import YES_NO
from flows.reading.understand_reading import Reading
from flows.reading.understand_text import read_words
from flows.reading.vocabulary import Vocabulary

_OWN = frozenset({"i", "im", "my", "me", "we", "our", "ive", "id"})

_DENIALS = frozenset(
    {"zero", "nothing", "none", "nada", "zilch", "nil", "nothing at all", "none at all", "0"}
)
_MONEY_ZERO = re.compile(r"(?i)[$€£]\s*0\b|\b(?:0|zero)\s*(?:dollars|bucks|euros|pounds|usd)\b")

_COUNTED = frozenset({"hours_per_week", "years_experience", "can_pause_income"})
_OPENING_NO = re.compile(r"(?i)^\W*(?:no+|nope|nah)\b[\s,.!;:-]+")
_NEGATIVE = (0, "no", "none")
_ADDED = re.compile(r"(?i)(?:and|also|plus|btw|oh and)\b")  # "no, and my budget is zero": more


class Whose:
    """Built once per Understander; every check is pure."""

    def __init__(
        self,
        v: Vocabulary,
        subjects: Mapping[str, re.Pattern[str]],
        own_words: Mapping[str, re.Pattern[str]] | None = None,
    ) -> None:
        self.hedge_words = frozenset(words_of(w) for w in v.hedge_replies)
        self.assent_words = frozenset(words_of(w) for w in v.assent_replies)
        self.declines = tuple(words_of(w) for w in v.declines)
        self.places_before = "|".join(map(re.escape, map(words_of, v.places_before))) or "(?!)"
        self.subjects = subjects
        """Each question's subject in words (the other answers' worded signals)."""
        self.own_words = dict(own_words or {})
        """Each question's own words ("dev" at the years question): a "no" before them is its."""

    def only_a_hedge(self, text: str, reading: Reading) -> bool:
        """The reading rests on a hedge alone ("maybe") that another question's answer in the
        same message carries ("maybe 3k"): it is not an answer here."""
        said = _said(text, reading)
        return bool(said) and all(s in self.hedge_words for s in said)

    def only_assent(self, text: str, reading: Reading, also: Mapping[str, Reading]) -> bool:
        """A yes that rests on "fine" or "ok" alone, said of another question's hours, years or
        months in the same message: the assent is about those, not this question."""
        said = _said(text, reading)
        return bool(said and _COUNTED & set(also)) and all(s in self.assent_words for s in said)

    def not_an_answer_here(
        self, name: str, text: str, reading: Reading, also: Mapping[str, Reading]
    ) -> bool:
        """The stored reading rests on words that are no answer to this question: a refusal to
        say, or a "zero", a hedge, an assent or a "no" that belongs to another question's
        answer in the same message. That answer is noted; this question is asked again."""
        if not reading.stored:
            return False
        if self.only_a_decline(text, reading):
            return True
        if also and (
            (name in YES_NO and self.only_a_denial(text, reading))
            or self.only_a_hedge(text, reading)
        ):
            return True
        return name in YES_NO and (
            self.only_assent(text, reading, also) or self.said_of_another(name, text, reading)
        )

    def only_a_decline(self, text: str, reading: Reading) -> bool:
        """The reading rests on words of a refusal to say ("i'd rather not talk money"): no
        answer here, whatever else the message answers."""
        plain = f" {words_of(text)} "
        declined = [(i, i + len(d)) for d in self.declines if (i := plain.find(f" {d} ")) >= 0]
        said = [
            (i, i + len(s))
            for s in map(words_of, _said(text, reading))
            if (i := plain.find(f" {s} ")) >= 0
        ]
        return bool(said and declined) and all(
            any(a < d_end and d < b for d, d_end in declined) for a, b in said
        )

    def belongs_to(self, name: str, text: str, reading: Reading) -> str | None:
        """The question a stored reading really answers, when it rests only on words that
        belong there: a workplace at the role question ("i want to work at a research lab"),
        a zero that is money at a choice question ("$0 to spend sorry")."""
        if not reading.stored:
            return None
        if name == "goal_role" and self.only_a_place(text, reading):
            return "target_employer"
        said = [words_of(s) for s in _said(text, reading)]
        money = _MONEY_ZERO.search(text)
        if name in CHOICES and said and money and all(s in _DENIALS for s in said):
            return "budget_usd"
        return None

    def only_a_place(self, text: str, reading: Reading) -> bool:
        """The reading rests on a workplace ("i want to work at a research lab" at the role
        question): where, not which role; the employer question's answer."""
        plain = words_of(text)
        said = [words_of(s) for s in _said(text, reading)]
        return bool(said) and all(
            re.search(
                rf"\b(?:{self.places_before})\s+(?:(?:a|an|the|one of the)\s+)?(?:\w+\s+)?"
                rf"{re.escape(s)}\b",
                plain,
            )
            for s in said
        )

    def only_a_denial(self, text: str, reading: Reading) -> bool:
        """The reading rests on "zero" or "nothing" alone, said where another question's
        answer is ("budget is zero, nothing" at the visa question): that answer's, not this."""
        said = _said(text, reading)
        return bool(said) and all(s in _DENIALS for s in said)

    def said_of_another(self, name: str, text: str, reading: Reading) -> bool:
        """The yes or no is followed at once by another question's subject ("no visa
        issues"): it answers that question, not this one."""
        words = read_words(text, ())
        end = reading.spans[-1][1] if reading.spans else 0
        following = words.tokens[end : end + 2]
        if not following or following[0] in _OWN:
            return False  # "no, i have a work permit": the person goes on about themselves
        after = " ".join(following)
        return any(
            other != name and pattern.match(after) for other, pattern in self.subjects.items()
        )

    def without_others_no(self, name: str, text: str) -> str:
        """`text` in words without each "no" said of another question's subject ("dual
        citizen so no visa needed"): what is left, to see whether a zero still stands."""
        tokens = list(read_words(text, ()).tokens)
        own = [p for p in (self.subjects.get(name), self.own_words.get(name)) if p is not None]

        def of_another(i: int) -> bool:
            after = " ".join(tokens[i + 1 : i + 3])
            if any(p.match(after) for p in own):
                return False  # "no dev job yet" at the years question: its own subject
            return any(o != name and p.match(after) for o, p in self.subjects.items())

        return " ".join(t for i, t in enumerate(tokens) if t != "no" or not of_another(i))

    def opening_no_is_anothers(
        self,
        name: str,
        text: str,
        reading: Reading,
        also: Mapping[str, Reading],
        read: Callable[[str], Reading],
    ) -> bool:
        """An opening "no" whose reason answers another question with a no ("no, i'm a us
        citizen" at the budget question: no visa needed) may be that question's no."""
        opening = _OPENING_NO.match(text)
        if not (opening and reading.stored and reading.values[0] in _NEGATIVE):
            return False
        if not any(r.stored and r.values[0] in _NEGATIVE for r in also.values()):
            return False
        rest = text[opening.end() :]
        return not _ADDED.match(rest) and not read(rest).values


def _said(text: str, reading: Reading) -> list[str]:
    words = read_words(text, ())
    return [words.span_text(start, end) for start, end in reading.spans]
