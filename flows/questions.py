"""The interview questions: their order and what they accept.

The words (prompts, button labels, hints) live in `content/dialogue.yaml`; this module owns only
what a question *is*: which profile field it fills, its kind and its bounds. What typed text
means at a question is `flows/reading/understanding.py`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from flows.actions import Pick
from flows.advice.pay import asks_pay
from flows.content import default_content
from flows.numbers import words_of
from flows.profile import FIELD_VALUES, NUMERIC_BOUNDS, PROFESSIONAL_CODING, ProfileField
from flows.reply import Button

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
    Apprenticeship pay is asked only when it decides a paid program's fit (`flows/advice/pay.py`).
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


def match_button(text: str, buttons: Sequence[Button]) -> Button | None:
    """The button whose label was typed in full ("Let's begin", "« Back"), if any."""
    wanted = words_of(text)
    return next((b for b in buttons if wanted and words_of(b.label) == wanted), None)


def numbered_pick(question: Question, text: str, buttons: Sequence[Button]) -> Pick | None:
    """The option a number typed at a choice question picks ("2": the second button)."""
    typed = text.strip()
    if question.kind != "choice" or not (typed.isascii() and typed.isdigit()) or len(typed) > 3:
        return None  # "¹" is a digit to str.isdigit, not to int()
    picks = [b.action for b in buttons if isinstance(b.action, Pick)]
    index = int(typed)
    return picks[index - 1] if 1 <= index <= len(picks) else None
