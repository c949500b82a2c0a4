"""Schema for the parts of `content/ask.yaml` that decide what KIND of answer a question gets.

WHY apart from `flows/reading/vocabulary.py`: the search tables (sections, synonyms, paraphrases)
say where an answer is; these say what it must hold: a refusal for requests the bot never serves,
"the articles don't mention X" for a named thing they never name, the figure a question asks for
("how much", "how long", "how many hours"), and the stories that ask "which path fits me". Read by
`flows/asking/ask_guard.py` and `flows/asking/ask_compose.py`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Phrase = Annotated[str, Field(min_length=1)]
FigureKind = Literal["money", "duration", "hours", "share", "count"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Guard(_Frozen):
    refuse: list[Phrase]
    """Anywhere in a message: a request the bot never serves (cheating, malware, secrets)."""
    refuse_openers: list[Phrase]
    """Opening a message: a task for the bot ("write a …", "translate …"), not a question."""
    polite: list[Phrase] = []
    """Words before such a task that leave it the same task ("pls write …", "can you …")."""
    refuse_patterns: list[Phrase] = []
    """Regular expressions (case-insensitive) for markup or code pasted in place of a question
    ("<script>…", "'; DROP TABLE …"): declined, never searched for its words."""
    foreign_subjects: list[Phrase] = []
    """Things from other walks of life ("guitar", "stock market", "nursing job"): a question
    about one is not about AI careers, whatever AI-career words it also uses ("how long to
    learn guitar", "a masters in nursing")."""
    background_cues: list[Phrase] = []
    """Words that make such a thing the person's background instead ("I'm a nurse", "I work
    at Tesla"), within a few words before it."""
    refuse_shorthand: dict[Phrase, Phrase] = {}
    """Texting shorthand spelled out before the refusals are looked for ("gimme ur training
    data" asks what "gimme your training data" does)."""
    refuse_reply: Annotated[str, Field(min_length=1)]
    named_say: Annotated[str, Field(min_length=1)]
    """For a question about something the articles never name; `{name}` is that thing."""
    named_offer: list[str]
    known_names: list[Phrase]
    """Names that are no subject of their own (places people live, "AI")."""


class PlaceFigures(_Frozen):
    """A figure asked for one place ("what does a bootcamp cost in india"): the articles name
    no country, region or city, so none of their figures is that place's."""

    say: Annotated[str, Field(min_length=1)]
    before: list[Phrase]
    """Words that put a place after them ("in", "across"): "in india", "across europe"."""
    regions: list[Phrase]
    """Places beyond the countries and cities of content/places.tsv ("asia", "the gulf")."""
    home: list[Phrase] = []
    """Names for the place the articles' figures are from (the United States)."""
    own: list[Phrase] = []
    """Words just before "in"… that make the place the person's own ("I live in India")."""
    depends: list[Phrase] = []
    """Words asking whether a figure changes with the place, even the person's own ("is the
    apprenticeship pay the same if i live in canada")."""
    not_places: list[Phrase] = []
    """Words after `before` that are no place, though a city shares the name ("in person")."""
    available: list[Phrase] = []
    """Words asking where something runs or is open ("available in", "offered in")."""
    compare: list[Phrase] = []
    """Words weighing one thing against another ("or", "better", "vs")."""
    visa: list[Phrase] = []
    """Words of a visa question: where one may work is the visa passages' subject."""
    where_say: str = ""
    """For a place weighed against another, or asked where something runs."""
    local: list[Phrase] = []
    """Gatherings that belong to a place ("meetups", "hackathons"): asked for in one place
    ("any good meetups in Berlin?"), they are that place's, which the articles never name."""
    local_say: str = ""
    """The reply to such a question."""


class Figures(_Frozen):
    """What a question asks for, by the words it asks with (`how much does … cost`)."""

    cues: dict[FigureKind, list[Phrase]]
    not_figures: list[Phrase]
    """Cost words that ask for no figure ("the hidden cost of teaching yourself")."""
    say: Annotated[str, Field(min_length=1)]
    """When no passage holds the figure asked for ("the articles don't give that figure")."""
    more: Annotated[str, Field(min_length=1)]
    """Heading for figures added from a second passage."""
    places: PlaceFigures


class Aspect(_Frozen):
    """One side of a program, role or path a question can ask about (who it suits, its
    catches): the words that ask for it, and the passage ids that answer (their last part)."""

    cues: list[Phrase]
    together: list[list[Phrase]] = []
    """Words that, all in one question in any order, ask for it ("who" … "for")."""
    unless: list[Phrase] = []
    """Words that turn the cue round ("who is it NOT for" asks for the catches)."""
    ids: list[Phrase]


class FitsMe(_Frozen):
    """ "I'm a nurse and can't stop earning, which path is for me?": the paths in one line
    each, how to choose, and the interview that fits them to the person."""

    cues: list[Phrase]
    passages: list[str]
    say: Annotated[str, Field(min_length=1)]
    winner_cues: list[Phrase] = []
    """Words asking which of the paths compared wins ("just tell me the winner")."""
    winner: str = ""
    """The passage shown after the paths compared for such a question: none wins for all."""
