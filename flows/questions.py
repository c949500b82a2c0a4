"""The interview questions: their order, what they accept, and how typed answers are parsed.

The words (prompts, button labels, hints) live in `content/dialogue.yaml`; this module owns only
what a question *is*: which profile field it fills, its kind and its bounds.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from flows.content import OptionText
from flows.profile import FIELD_VALUES, NUMERIC_BOUNDS, PROFESSIONAL_CODING, ProfileField

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
    Question("can_pause_income", "choice"),
    Question("hours_per_week", "integer"),
    Question("learning_style", "choice"),
)
"""The interview, in the order it is asked."""

BY_FIELD: dict[str, Question] = {q.field: q for q in QUESTIONS}


def is_needed(field: str, answers: Mapping[str, Answer]) -> bool:
    """Whether the interview asks `field`, given the answers so far.

    Years of professional experience only make sense for people who code professionally; until
    the coding question is answered they count as needed, so progress reads "of 10" at first.
    """
    if field == "years_experience":
        return answers.get("coding_experience", "production") in PROFESSIONAL_CODING
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
    value: Answer | None = None
    error: str | None = None  # a key into dialogue.messages


_WORDS = re.compile(r"[^a-z0-9+]+")
_NUMBER = re.compile(r"^(?P<num>\d+(?:[.,]\d+)?)\s*(?P<suffix>k|m|thousand|million)?\+?$")
_FILLER = re.compile(
    r"\b(about|around|roughly|approx|approximately|maybe|max|maximum|up to|usd|dollars?|bucks|"
    r"years?|yrs?|y|hours?|hrs?|h|per week|a week|per wk|/ ?week|/ ?wk|weekly|pw|w)\b"
)
_ZERO_WORDS = frozenset({"0", "none", "nothing", "zero", "no", "nil", "no budget", "free"})


def _normalise(text: str) -> str:
    return " ".join(_WORDS.sub(" ", text.lower()).split())


def parse_number(text: str, *, money: bool) -> float | None:
    """Parse '15', '15 hours', '$15,000', '15k', '1.5k', '15 000 USD'; None if not a number."""
    cleaned = text.strip().lower().replace("$", "").replace("~", "")
    if money and cleaned in _ZERO_WORDS:
        return 0.0
    cleaned = _FILLER.sub(" ", cleaned).strip()
    # thousands separators: "15,000" / "15 000" / "15.000,00" are common; keep a decimal part
    # only when it cannot be a thousands group.
    compact = cleaned.replace(" ", "")
    if re.fullmatch(r"\d{1,3}([,.]\d{3})+", compact):
        compact = compact.replace(",", "").replace(".", "")
    match = _NUMBER.match(compact)
    if not match:
        return None
    number = float(match["num"].replace(",", "."))
    suffix = match["suffix"]
    if suffix and not money:
        return None
    if suffix in ("k", "thousand"):
        number *= 1_000
    elif suffix in ("m", "million"):
        number *= 1_000_000
    return number


def parse_typed(question: Question, text: str, options: Sequence[OptionText]) -> Parsed:
    """Turn what a person typed into an answer for `question`, or name why it is not one."""
    wanted = _normalise(text)
    if not wanted:
        return Parsed(error="invalid_empty")
    for index, option in enumerate(options, start=1):
        names = {option.value, option.label, *option.synonyms}
        if wanted in {_normalise(n) for n in names} or (
            question.kind == "choice" and wanted == str(index)
        ):
            return Parsed(value=option.value if question.kind == "choice" else int(option.value))
    if question.kind == "choice":
        return Parsed(error="invalid_choice")
    number = parse_number(text, money=question.kind == "money")
    if number is None:
        return Parsed(error=f"invalid_{question.kind}")
    value = round(number)
    low, high = question.bounds
    if value < low or (high is not None and value > high):
        return Parsed(error=f"out_of_range_{question.field}")
    return Parsed(value=value)
