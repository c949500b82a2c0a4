"""Schema for `content/vocabulary.yaml` `guards`: words that say a message holds competing
signals, so the answer is asked about rather than stored.

WHY a section of its own: the tuning sets were passed by adding phrases, and unseen wordings still
stored wrong values whenever one message carried two readings ("10 years of teaching, 0 of
coding", "Indian citizen, planning to work in Germany", "one hour on weekdays, more on
weekends", "45 min each way"). These tables name the CLASS of signal (a number's subject, a
home country against a target country, a vague amount, a commute), read by
`flows/reading/understand_guards.py` and the number readers.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

Phrase = Annotated[str, Field(min_length=1)]


class GuardWords(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    number_subjects: dict[str, list[Phrase]]
    """What a number question counts ("coding" for years): a number said about something else
    next to one said about this is a competing reading ("10 years of teaching, 0 of coding")."""
    vague_amounts: list[Phrase]
    """An amount without a number ("more on weekends"): the total is not known, so asked."""
    commute: list[Phrase]
    """Study time on a commute: how many days a week it happens is not said, so asked."""
    commute_days: list[int]
    """The days a week a commute's time is offered as (5 workdays, 7 every day)."""
    citizenship: list[Phrase]
    """Words naming where someone is a citizen or resident ("citizen", "passport")."""
    destinations: list[Phrase]
    """Words before the country someone wants to work in ("work in", "move to", "stay in")."""
    nationalities: dict[Phrase, Phrase]
    """Adjective (or other name) → country as in content/places.tsv ("indian" → "india")."""
    cities: dict[Phrase, Phrase]
    """Large cities people name as where they want to work, and their country ("London")."""
    free_movement: list[Phrase]
    """Countries whose citizens work in each other's without a visa (the EU and its area)."""
    bloc_names: list[Phrase]
    """Words for the free-movement area as a whole ("eu", "europe")."""
    budget_ask: dict[Phrase, list[int]]
    budget_vague: dict[Phrase, list[int]] = {}
    """Amounts said only roughly ("a few thousand"): asked, with these offered."""
    """Budget answers without a number ("money isn't an issue"): amounts offered."""
    until_words: list[Phrase]
    pay_stops: list[Phrase] = []
    """Before a month, the pay stops then ("funding runs out in june"): months count from it."""
    """Before a month name at the months-without-pay question ("until march")."""


class DoubtWords(BaseModel):
    """`doubt:` in content/vocabulary.yaml: words that cast doubt on a clear-looking reading
    (flows/reading/doubt.py)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    hedges: list[Phrase]
    """"idk if SQL counts", "analyst by title": the person is not sure the answer fits."""
    hedge_patterns: list[str]
    """The same as regular expressions, for shapes a phrase list cannot hold ("does X count")."""
    choice_hedge_patterns: list[str]
    """At choice questions only ("research... so maybe applied?")."""
    age_patterns: list[str]
    """A number that is an age ("since I was 12", "I'm 34"), not this question's amount."""
    other_count_patterns: dict[str, list[str]]
    """Per number question, shapes of a number that counts something else ("60h weeks")."""
    past: list[Phrase]
    """"used to", "years ago": what was true then may not be the answer now."""
    past_questions: list[str]
    """The questions about now that a past-tense answer leaves open."""
    contrasts: list[Phrase]
    """Words that join two halves of a message which may give different answers."""
    whole_questions: list[str]
    denying: list[Phrase]
    """Besides the negators: words that deny a half ("but nothing at work")."""
    confirm_notes: dict[str, list[str]]
    """Per question, notes of readings read back before they are kept (a sum of jobs)."""
    unsure_values: dict[str, str]
    """Per question, its "not sure" answer: beside something ruled out, the rest is asked."""
    wishes: list[Phrase]
    """"I'd like to move to ML": what follows is a wish, not the answer about today."""
    wish_questions: list[str]
    """Questions whose reader needs the whole message ("an MSc, but didn't finish")."""
    vague: list[Phrase]
    """A rough amount ("a few years"): the answers around it are offered."""
    vague_questions: list[str]
    not_even: list[Phrase]
    """"not even one month": none is offered beside the number."""
    place_questions: list[str]
    """Questions where two countries in one message leave the answer open (visa)."""
    question_hedges: dict[str, list[Phrase]]
    """Per question, words that leave its answer open ("a work permit that runs out")."""
    subjects: dict[str, list[Phrase]]
    """What a choice question is about ("programs" for coding), beside `number_subjects`."""
    denied_values: dict[str, str | int]
    """The answer offered when that subject is denied ("I never make programs": none)."""
    breaks: dict[str, list[str]]
    """Per number question, shapes of time away from what it counts ("took 2 yrs off")."""
    other_jobs: dict[str, list[Phrase]]
    """Per question, jobs that are not what it counts ("pharmacist for 15 years")."""
    other_counts: dict[str, list[Phrase]]
    """Per number question, words saying the number counts something else ("12h shifts")."""
    or_unknown_questions: list[str]
    """Questions where one side of an "or" naming nothing known leaves the answer open."""
    or_fillers: list[Phrase]
    """What an "or" may end with and still name nothing ("a bank or something")."""

    @field_validator("hedge_patterns", "choice_hedge_patterns", "age_patterns")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            re.compile(pattern)
        return patterns
