"""The interview questions: their order, what they accept, and how typed answers are parsed.

The words (prompts, button labels, hints) live in `content/dialogue.yaml`; this module owns only
what a question *is*: which profile field it fills, its kind and its bounds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from flows.content import OptionText, default_content
from flows.numbers import NumberReader, has_phrase, words_of
from flows.pay import asks_pay
from flows.profile import FIELD_VALUES, NUMERIC_BOUNDS, PROFESSIONAL_CODING, ProfileField
from flows.reply import Button
from flows.vocabulary import ReplyKind, Vocabulary

Answer = str | int
Kind = Literal["choice", "integer", "money"]


@dataclass(frozen=True, slots=True)
class Question:
    field: ProfileField
    kind: Kind

    @property
    def bounds(self) -> tuple[int, int | None]:
        return NUMERIC_BOUNDS[self.field]

    def is_valid(self, value: object) -> bool:
        """Whether `value` is an acceptable stored answer for this question."""
        if self.kind == "choice":
            return isinstance(value, str) and value in FIELD_VALUES[self.field]
        if not isinstance(value, int) or isinstance(value, bool):
            return False
        low, high = self.bounds
        return value >= low and (high is None or value <= high)


QUESTIONS: tuple[Question, ...] = (
    Question("coding_experience", "choice"),
    Question("years_experience", "integer"),
    Question("degree", "choice"),
    Question("goal_role", "choice"),
    Question("target_employer", "choice"),
    Question("needs_visa", "choice"),
    Question("budget_usd", "money"),
    Question("can_pause_income", "integer"),
    Question("apprenticeship_pay", "choice"),
    Question("hours_per_week", "integer"),
    Question("learning_style", "choice"),
)
"""The interview, in the order it is asked."""

BY_FIELD: dict[str, Question] = {q.field: q for q in QUESTIONS}


def is_needed(field: str, answers: Mapping[str, Answer]) -> bool:
    """Whether the interview asks `field`, given the answers so far.

    Years of professional experience only make sense for people who code professionally; until
    the coding question is answered they count as needed, so progress reads "of 11" at first.
    Apprenticeship pay is asked only when it decides a paid program's fit (`flows/pay.py`).
    """
    if field == "years_experience":
        return answers.get("coding_experience", "production") in PROFESSIONAL_CODING
    if field == "apprenticeship_pay":
        return asks_pay(answers, default_content().advice)
    return True


def needed_fields(answers: Mapping[str, Answer]) -> list[str]:
    return [q.field for q in QUESTIONS if is_needed(q.field, answers)]


def missing_fields(answers: Mapping[str, Answer]) -> list[str]:
    return [f for f in needed_fields(answers) if f not in answers]


def drop_irrelevant(answers: Mapping[str, Answer]) -> dict[str, Answer]:
    """Answers without those the interview would no longer ask (e.g. years after 'no coding')."""
    return {k: v for k, v in answers.items() if k in BY_FIELD and is_needed(k, answers)}


# ---------------------------------------------------------------------------------------------
# Typed answers
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Parsed:
    """What a typed message means for the current question.

    Either `value` (an answer) or `error`, a key into dialogue.messages: "ambiguous" comes with
    the two readings in `ambiguous` (ask which, once: "Did you mean $2,000 or $2?");
    "not_an_answer" marks a question or remark, for the question-answering engine.
    """

    value: Answer | None = None
    error: str | None = None
    ambiguous: tuple[Answer, ...] = ()

    @property
    def is_question(self) -> bool:
        return self.error == "not_an_answer"


def _names(option: OptionText) -> tuple[str, ...]:
    return _names_of(option.value, option.label, tuple(option.synonyms))


@cache
def _names_of(value: str, label: str, synonyms: tuple[str, ...]) -> tuple[str, ...]:
    """Every way of naming an option, in `words_of` form (memoised: options never change)."""
    return tuple(n for n in (words_of(x) for x in (value, label, *synonyms)) if n)


def _as_answer(question: Question, raw: str) -> Answer:
    return raw if question.kind == "choice" else int(raw)


class TypedAnswers:
    """Parses typed answers for every question with one vocabulary (built once, shared)."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.v = vocabulary
        self.numbers = NumberReader(vocabulary)
        self.replies = sorted(
            ((words_of(p), kind) for kind, ps in vocabulary.replies.items() for p in ps),
            key=lambda pk: -len(pk[0]),
        )
        self.openers = frozenset(words_of(w) for w in vocabulary.question_openers)
        self.zero = {f: [words_of(p) for p in ps] for f, ps in vocabulary.zero_phrases.items()}

    def parse(self, question: Question, text: str, options: Sequence[OptionText]) -> Parsed:
        """Turn what a person typed into an answer for `question`, or name why it is not one."""
        wanted = words_of(text)
        if not wanted:
            return Parsed(error="invalid_empty")
        for index, option in enumerate(options, start=1):
            if wanted in _names(option) or (question.kind == "choice" and wanted == str(index)):
                return Parsed(value=_as_answer(question, option.value))
        whole = next((kind for phrase, kind in self.replies if phrase == wanted), None)
        if whole is not None:
            return self._reply(question, whole)
        if question.kind != "choice" and any(
            wanted == z for z in self.zero.get(question.field, ())
        ):
            return self._ranged(question, 0)
        if self.looks_like_question(text):
            return Parsed(error="not_an_answer")
        if question.kind == "choice":
            return self._choice(question, wanted, options)
        return self._number(question, text, wanted)

    def looks_like_question(self, text: str) -> bool:
        """A question mark, or an opening word like 'how' / 'is' / 'can' (not "can't")."""
        words = words_of(text).split()
        if text.strip().endswith("?"):
            return True
        return bool(words) and words[0] in self.openers and words[1:2] != ["t"]

    # ------------------------------------------------------------------------------ choices

    def _choice(self, question: Question, wanted: str, options: Sequence[OptionText]) -> Parsed:
        best: tuple[int, int] = (0, 0)
        values: list[str] = []
        for option in options:
            for name in _names(option):
                if has_phrase(wanted, name):
                    key = (len(name.split()), len(name))
                    if key > best:
                        best, values = key, [option.value]
                    elif key == best and option.value not in values:
                        values.append(option.value)
        if len(values) == 1:
            return Parsed(value=values[0])
        opening = self._opening_reply(wanted)
        if opening is not None and opening in self.v.reply_meanings.get(question.field, {}):
            return self._reply(question, opening)
        if len(values) > 1:
            return Parsed(error="ambiguous", ambiguous=tuple(values[:2]))
        return Parsed(error="unsure_no_option" if opening == "unsure" else "invalid_choice")

    def _opening_reply(self, wanted: str) -> ReplyKind | None:
        """A yes / no / not-sure word opening the answer ("yes, H-1B"); the longest wins."""
        for phrase, kind in self.replies:
            if wanted == phrase or wanted.startswith(phrase + " "):
                return kind
        return None

    def _reply(self, question: Question, kind: ReplyKind) -> Parsed:
        meaning = self.v.reply_meanings.get(question.field, {}).get(kind)
        if meaning is None:
            if kind == "unsure":
                return Parsed(error="unsure_no_option")
            return Parsed(error=f"invalid_{question.kind}")
        if isinstance(meaning, str):
            return Parsed(value=_as_answer(question, meaning))
        return Parsed(error="ambiguous", ambiguous=tuple(_as_answer(question, m) for m in meaning))

    # ------------------------------------------------------------------------------ numbers

    def _number(self, question: Question, text: str, wanted: str) -> Parsed:
        money = question.kind == "money"
        reading = self.numbers.read(text, question.field, money=money)
        if isinstance(reading, str):
            return Parsed(error=reading)
        if reading is None:
            if any(has_phrase(wanted, z) for z in self.zero.get(question.field, ())):
                return self._ranged(question, 0)
            opening = self._opening_reply(wanted)
            if opening is not None:
                return self._reply(question, opening)
            return Parsed(error=f"invalid_{question.kind}")
        whole = int(reading.value + 1e-6) if question.field in self.v.round_down else None
        value = (whole if whole is not None else _round(reading.value)) + (
            0 if money else reading.shift
        )
        plain = not reading.marked and not reading.scaled and reading.value == int(reading.value)
        amb = self.v.ambiguous
        if plain and reading.shift == 0 and value >= 1:
            if money and value < amb.budget_usd_below:
                return Parsed(error="ambiguous", ambiguous=(value * amb.budget_usd_scale, value))
            if question.field == "hours_per_week" and value <= amb.hours_per_week_up_to:
                return Parsed(
                    error="ambiguous", ambiguous=(value, value * amb.hours_per_week_scale)
                )
        return self._ranged(question, value)

    def _ranged(self, question: Question, value: int) -> Parsed:
        low, high = question.bounds
        if value < low or (high is not None and value > high):
            return Parsed(error=f"out_of_range_{question.field}")
        return Parsed(value=value)


def _round(value: float) -> int:
    """Half up, away from zero (2.5 hours is 3, not banker's 2); the epsilon absorbs 18 × 1/12."""
    return int(value + 0.5 + 1e-6) if value >= 0 else -int(-value + 0.5 + 1e-6)


def match_button(text: str, buttons: Sequence[Button]) -> Button | None:
    """The button whose label was typed in full ("Let's begin", "« Back"), if any."""
    wanted = words_of(text)
    return next((b for b in buttons if wanted and words_of(b.label) == wanted), None)
