"""Schema for `content/vocabulary.yaml` `parts`: reading a message that holds several numbers.

WHY a section of its own: "2 years at Infosys then 3 at a startup", "from 2018 to 2022",
"3 on saturday and 3 on sunday", "I work 50 hours a week so maybe 5 on top" and "£4000" each
need to know what every number in the message is FOR before one is stored. These are the words
that say it: what joins parts, what makes them add up, what a number is not (a hobby, a work
week), and which currencies are not dollars. Read by `flows/reading/number_parts.py`.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Phrase = Annotated[str, Field(min_length=1)]


class CurrencyRate(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    usd: float = Field(gt=0)
    """Dollars for one unit, rounded: a rough figure the echo shows beside the amount."""
    names: list[Phrase]
    scales: list[Phrase] = []
    """Scale words only this currency uses ("10 lakhs"): they name it and stay in the amount."""
    glued: list[Phrase] = []
    """Letters that name it only when written straight before a number ("R50k": rand)."""


class PartsWords(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    joiners: list[Phrase]
    """Where a message is cut into parts, each with its own number ("and", "plus", "then")."""
    sequence: list[Phrase]
    """Joiners after which the parts add up: one stint, then another ("then", "+")."""
    adding: list[Phrase]
    """Words that make several amounts of money one sum ("$2k now and another $2k")."""
    skipped_days: list[Phrase]
    """Words before day names that take those days out ("every night except fridays")."""
    alternatives: list[Phrase]
    """Words that make several numbers options, never a sum ("or", "depends", "busy")."""
    subset: list[Phrase]
    """Words that make a later number part of an earlier one ("but only 3 in backend")."""
    not_professional: list[Phrase]
    """A number next to one of these is not professional coding ("as a hobby", "internship")."""
    breaks: list[Phrase]
    """A span of years next to one of these is time away ("took a break 2015-2017")."""
    ongoing: list[Phrase]
    """The open end of a span ("2024 - now") or a start that runs on ("2021 … ever since")."""
    month_names: dict[Phrase, int]
    work_week: list[Phrase]
    around_work: list[Phrase] = []
    """Time named by the job but not in it ("after work 2h on weekdays"): study time."""
    """Said right before hours, these give the hours of a job, not of study ("I work 50h")."""
    each_way: list[Phrase]
    """A daily time that happens twice ("1 hour each way" on a commute)."""
    day_names: list[Phrase]
    """One day of the week each ("3 on saturday")."""
    currencies: list[Phrase]
    """Money that is not US dollars: asked about, never stored as dollars."""
    currency_rates: dict[str, CurrencyRate]
    """Per currency code, a rough rate and its names: an amount in it is offered in dollars,
    with the rate shown, never stored on its own (rates move)."""
    fractions: dict[Phrase, float]
    """A share of the amount named ("half of it")."""
    wishes: list[Phrase]
    """Another question's answer in passing counts only with one of these (employer: "I want
    to stay at my bank", not "3 years at a startup")."""
    wish_fields: list[Phrase]
    """The questions whose answers in passing need a wish."""
