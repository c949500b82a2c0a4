"""Schema for the search side of `content/ask.yaml`: where a question's answer is (sections,
synonyms, paraphrases, meaning matching, whole lists, what the articles skip).

WHY apart from `flows/reading/vocabulary.py` (typed answers) and `vocabulary_ask.py` (what kind
of answer a question gets): each file's tables change for one reason.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from flows.reading.vocabulary_ask import Aspect, Figures, FitsMe, Guard

Phrase = Annotated[str, Field(min_length=1)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SectionIndex(_Frozen):
    """How one advice section is searched: its topic name, passage titles and extra words."""

    topic: Annotated[str, Field(min_length=1, max_length=48)]
    title: str | None = None
    """A template over the item's fields ("{months}: {focus}"); default: its title/name/question."""
    keywords: str = ""
    """Words people use for this section that its text does not (searched, never shown)."""
    boost: float = Field(default=1.0, gt=0)
    """Multiplies this section's bm25 score (the FAQ is written to answer common questions)."""
    source: Literal["choosing_path", "no_degree"] | None = None
    """The article, for sections whose items carry no `source` of their own."""


class SmallTalk(_Frozen):
    phrases: list[Phrase]
    reply: Annotated[str, Field(min_length=1)]


class Matching(_Frozen):
    min_coverage: float = Field(gt=0, le=1)
    """Share of the question's words (weighted by rarity) the best passage must contain."""
    runner_up_ratio: float = Field(gt=0, le=1)
    """A second passage scoring at least this share of the best one's is shown with it."""
    related_ratio: float = Field(gt=0, le=1)
    """A related topic must score at least this share of the best passage's score."""
    unknown_weight: float = Field(gt=0)
    """What a word the advice never uses weighs (off-topic words pull coverage down)."""
    synonym_credit: float = Field(ge=0, le=1)
    """How much a passage gets for holding only a synonym of a word, not the word itself."""
    title_bonus: float = Field(ge=0)
    """Added when the question names a passage's whole title ("AI Engineering Immersive")."""
    rank_mix: float = Field(ge=0)
    """How much bm25 (relative to the best hit) counts next to coverage when ordering hits."""
    title_weight: float = Field(gt=0)
    keywords_weight: float = Field(gt=0)
    body_weight: float = Field(gt=0)
    typo_cutoff: float = Field(gt=0, lt=1)
    everyday_weight: float = Field(default=1.0, gt=0, le=1)
    """Share of its rarity weight an everyday English word keeps when it is no AI-careers word
    ("sign", "after", "around"): rare in the advice, it says little about the topic."""
    min_words_unasked: int = Field(ge=1)
    """Content words a message needs to be answered as a question when it does not look like
    one (no question mark or opening question word) and failed as an answer."""


class SectionList(_Frozen):
    """A whole advice section as one answer ("which certifications are there")."""

    title: Annotated[str, Field(min_length=1)]
    item: Annotated[str, Field(min_length=1)]
    """A template over each item's fields."""
    paraphrases: list[Phrase] = []
    names: list[Phrase] = []
    """Words naming the section's things ("cert", "rounds"): with a superlative ("the
    cheapest cert") the whole list answers."""


class Uncovered(_Frozen):
    """A question the articles do not answer: said plainly, with what they do cover."""

    say: Annotated[str, Field(min_length=1)]
    triggers: list[Phrase]
    together: list[list[Phrase]] = []
    """Words that, all in one question in any order, mean this entry ("pay … later")."""
    examples: list[Phrase]
    offer: list[str]
    """Passage ids offered as topics."""
    unless: list[Phrase] = []
    """Words that make a triggered question one the articles do answer ("pay later" is the
    payment entry, unless the question asks whether it is an "ISA")."""
    covered_for: list[str] = []
    """Things (`entities` ids) for which the articles do answer it: where a master's is
    taught is covered, where the Immersive programs are taught is not."""


class MeaningMatching(_Frozen):
    """How meaning-based similarity (flows/asking/meaning.py) joins the keyword match."""

    weight: float = Field(ge=0)
    """How much similarity (0..1) counts next to keyword coverage when ranking passages."""
    accept: float = Field(gt=0, lt=1)
    """Similarity that answers on its own, with at least `floor` keyword coverage."""
    floor: float = Field(ge=0, lt=1)
    alone: float = Field(gt=0, le=1)
    """Similarity that answers even with no keyword in common."""
    uncovered: float = Field(gt=0, lt=1)
    """Similarity to an uncovered entry's examples that says "the articles don't say"."""
    margin: float = Field(ge=0)
    """How far an uncovered entry must beat the best passage's similarity."""
    off_topic_coverage: float = Field(gt=0, le=1)
    """Keyword coverage a question with no word from `domain_words` needs to be answered."""
    exact_bonus: float = Field(ge=0)
    entity_bonus: float = Field(ge=0)
    aspect_bonus: float = Field(default=0.0, ge=0)
    """Added to the passages about the side of the named thing a question asks for."""
    """Added to the passages about the one thing a question names ("layer 4", "phase 1")."""
    """Added for a question that is (nearly) one of a passage's paraphrases."""


class AskText(_Frozen):
    sections: dict[str, SectionIndex]
    skip: list[str]
    """Advice sections that are not passages (the article list)."""
    field_labels: dict[str, Annotated[str, Field(min_length=1)]]
    keywords: dict[str, str]
    """Extra search words for one passage, by passage id ("paths/degree")."""
    synonyms: dict[Phrase, str]
    stopwords: str
    """Words too common to search on, separated by spaces."""
    smalltalk: dict[str, SmallTalk]
    suggested: list[str]
    """Passage ids offered as topics when nothing matches."""
    messages: dict[str, Annotated[str, Field(min_length=1)]]
    matching: Matching
    meaning: MeaningMatching
    lists: dict[str, SectionList]
    paraphrases: dict[str, list[Phrase]]
    entities: dict[str, list[Phrase]]
    entity_kinds: dict[str, list[str]] = {}
    """A general topic and the named things that are kinds of it ("apprenticeship" and each
    Immersive): named beside one of them, the question is about that one."""
    aspects: dict[str, Aspect] = {}
    """The sides of a thing a question asks about (flows/asking/ask_aspects.py)."""
    superlatives: list[Phrase] = []
    """Words that ask which of several is the most something ("cheapest", "weakest"): a
    question with one and no single thing named is answered by a whole list."""
    entity_sets: dict[Phrase, list[str]] = {}
    """Phrases that name several things at once ("both immersive programs"), by passage id."""
    comparison_cues: list[Phrase]
    uncovered: dict[str, Uncovered]
    domain_words: str
    guard: Guard
    figures: Figures
    fits_me: FitsMe
