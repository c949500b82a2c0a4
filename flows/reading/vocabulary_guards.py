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

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

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
    free_movement: list[Phrase]
    """Countries whose citizens work in each other's without a visa (the EU and its area)."""
    bloc_names: list[Phrase]
    """Words for the free-movement area as a whole ("eu", "europe")."""
    budget_ask: dict[Phrase, list[int]]
    budget_vague: dict[Phrase, list[int]] = {}
    """Amounts said only roughly ("a few thousand"): asked, with these offered."""
    """Budget answers without a number ("money isn't an issue"): amounts offered."""
    until_words: list[Phrase]
    """Before a month name at the months-without-pay question ("until march")."""
