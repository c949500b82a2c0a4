"""The question search's small value types: what a question was answered with, and the
concepts a question is cut into (kept apart so `flows/asking/ask.py` stays about searching)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from flows.asking.passages import Passage

EVERYDAY = 4.0
"""A word of the advice this common in English ("time", "work") does not make a message about
AI careers; a rarer one ("kubernetes", "hackathons") does."""


def stem(word: str) -> str:
    """ "programmed" → "program", "hackathons" → "hackathon": enough to find a domain word."""
    for suffix in ("ing", "ed", "ers", "er", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            return stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem  # "programm"
    return word


NAMED = "named"
"""`AskResult.uncovered` for a question about a name the articles never use."""
FIGURE = "figure"
"""`AskResult.uncovered` for a figure no passage gives ("hours a week for the IBM certificate")."""
PLACE = "place"
"""`AskResult.uncovered` for a figure asked for one place ("what do bootcamps cost in India")."""

LOCAL = "local"
"""`AskResult.uncovered` for gatherings asked for in one place ("ML meetups in Berlin")."""
WHERE = "where"
"""`AskResult.uncovered` for a place weighed against another, or where something runs."""

DURATIONS = frozenset({"month", "months", "week", "weeks", "year", "years", "hours", "hour"})


@dataclass(frozen=True, slots=True)
class AskResult:
    matched: bool
    passage: Passage | None
    related: tuple[Passage, ...]
    fallback: str | None
    """When not matched: a small-talk key from ask.yaml, or "no_match"."""
    coverage: float = 0.0
    words: int = 0
    """How many content words (or known phrases) the question had."""
    sides: tuple[Passage, ...] = ()
    """A comparison: every side's passage, in the order named."""
    uncovered: str | None = None
    """A question the articles do not answer: its key in ask.yaml `uncovered`."""
    similarity: float = 0.0
    name: str | None = None
    """For `uncovered == NAMED`: the name the articles never use ("Databricks")."""
    lines: tuple[str, ...] = ()
    """The figure asked for, from a second passage ("Earnings while training: $19,500 …")."""
    extra: tuple[Passage, ...] = ()
    """Whole passages shown after the first ("which path fits me": the paths at a glance)."""
    fits: bool = False
    """A "which path fits me" answer: it ends by pointing at the interview."""

    @property
    def status(self) -> Literal["answered", "not_covered", "declined"]:
        if self.matched:
            return "answered"
        if self.uncovered or self.fallback == "no_match":
            return "not_covered"
        return "declined"


@dataclass(frozen=True, slots=True)
class Concept:
    """One thing the question is about: a word or phrase, its synonyms, where they occur."""

    terms: tuple[str, ...]
    primary: frozenset[int]
    """Rows with the word itself (or its typo fix)."""
    secondary: frozenset[int]
    """Rows with only a synonym: they count for less (`synonym_credit`)."""
    weight: float
    """Rarity (idf): rare words say more about what is asked."""
