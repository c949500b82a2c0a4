"""Schema for `content/vocabulary.yaml`: the tables that turn people's words into answers.

Kept apart from `flows/content.py` so the parsing vocabulary can grow without touching the
advice models; `flows/content.py` loads and validates it with every other content file.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from flows.reading.answer_model import BOUNDS, CHOICES
from flows.reading.vocabulary_ask import Aspect, Figures, FitsMe, Guard
from flows.reading.vocabulary_guards import GuardWords
from flows.reading.vocabulary_parts import PartsWords

ReplyKind = Literal["yes", "no", "unsure"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class NumberWords(_Frozen):
    ones: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    casual: dict[str, float]
    article: list[str]


class Ambiguity(_Frozen):
    budget_usd_below: int = Field(ge=1)
    budget_usd_scale: int = Field(ge=2)
    hours_per_week_up_to: int = Field(ge=0)
    hours_per_week_scale: int = Field(ge=2)


Phrase = Annotated[str, Field(min_length=1)]


class DegreeWords(_Frozen):
    """The degree question: levels outrank subjects ("MS in statistics" is a master's)."""

    graduate: list[Phrase]
    business_graduate: list[Phrase]
    bachelor: list[Phrase]
    none: list[Phrase]
    nearest_none: list[Phrase]
    incomplete: list[Phrase]
    finishing: list[Phrase]
    completed: list[Phrase]
    """Said before a level, it is held even after a dropped one ("but left with a master's")."""
    """Nearly finished ("final year", "graduating in june"): asked, the level below or this."""
    related: list[Phrase]
    other: list[Phrase]
    ask_subject: list[Phrase]


class HoursWords(_Frozen):
    per_day: list[Phrase]
    weekdays: list[Phrase]
    weekend: list[Phrase]
    per_week: list[Phrase]
    per_month: list[Phrase]
    days_words: dict[Phrase, int]
    minutes: list[Phrase]
    ask_words: dict[Phrase, list[int]]
    full_time: list[Phrase]
    day_lengths: dict[Phrase, int]
    off_days: list[Phrase]
    """Said after a shift rota ("3 nights on 4 off"), these are the days off."""
    """Parts of a day said instead of hours ("half a day on saturday" is 4 hours)."""


class PauseWords(_Frozen):
    zero: list[Phrase]
    ask: dict[Phrase, list[int]]
    few: dict[Phrase, int]


class YearsWords(_Frozen):
    since: list[Phrase]
    zero: list[Phrase]
    short_of: list[Phrase]
    """A number of years not reached yet ("almost 3", "I'll hit 1 year in march")."""


class ZoneWords(_Frozen):
    names: dict[Phrase, str]
    aliases: dict[Phrase, Phrase]
    half_hours: dict[str, str]
    fillers: list[Phrase]
    max_options: int = Field(ge=2, le=8)


class SetupVocabulary(_Frozen):
    """The reminder setup typed in words ("weekly on Sunday evening", "10pm to 7am")."""

    daily: list[Phrase]
    weekly: list[Phrase]
    days: dict[Phrase, int]
    day_groups: dict[Phrase, list[int]]
    parts_of_day: dict[Phrase, str]
    no_quiet: list[Phrase]
    quiet_links: list[Phrase]
    quiet_markers: list[Phrase]


class Vocabulary(_Frozen):
    numbers: NumberWords
    comparators: dict[Phrase, Literal[-1, 0, 1]]
    range_words: list[Phrase]
    units: dict[str, dict[Phrase, float]]
    periods: dict[Phrase, float]
    round_down: list[str]
    """Questions counted in completed units ("2.5 years" of experience is 2)."""
    ambiguous: Ambiguity
    replies: dict[ReplyKind, list[Phrase]]
    reply_meanings: dict[str, dict[ReplyKind, str | list[str]]]
    zero_phrases: dict[str, list[Phrase]]
    question_openers: list[Phrase]
    dropped_subject_modals: list[Phrase]
    hedged_number_words: list[Phrase]
    hedged_answer_words: list[Phrase]
    other_people: list[Phrase]
    corrections: list[Phrase]
    question_subjects: list[Phrase]
    professional_markers: list[Phrase]
    hobby_markers: list[Phrase]
    """Said with paid-work answers (ML, production code), these make them a hobby: asked."""
    negators: list[Phrase]
    negation_reach: int = Field(ge=1, le=8)
    not_negating: list[Phrase]
    exclusions: list[Phrase]
    contrasts: list[Phrase]
    choices: dict[str, dict[str, list[Phrase]]]
    ask_between: dict[str, dict[Phrase, list[str]]]
    conditionals: dict[str, list[Phrase]]
    """Said with an answer, these make it conditional: asked about, never stored."""
    blends: list[Phrase]
    """Naming a mix ("a mix of a course and my own projects"): the answers named are asked."""
    blend_questions: list[str]
    """Questions whose answers combine: "structured but self paced" asks, the later side does
    not simply win."""
    degree: DegreeWords
    hours: HoursWords
    pause: PauseWords
    years: YearsWords
    signals: dict[str, list[Phrase]]
    zones: ZoneWords
    setup: SetupVocabulary
    parts: PartsWords
    guards: GuardWords

    @model_validator(mode="after")
    def _fields_known(self) -> Vocabulary:
        for table in (self.choices, self.ask_between):
            for field, entries in table.items():
                allowed = CHOICES.get(field)
                if allowed is None:
                    raise ValueError(f"not a choice question: {field}")
                if table is self.ask_between:
                    values = [v for e in entries.values() for v in e]
                else:
                    values = list(entries)
                bad = sorted(set(values) - set(allowed))
                if bad:
                    raise ValueError(f"{field}: unknown values {bad}")
        unknown = set(self.signals) - set(CHOICES) - set(BOUNDS)
        if unknown:
            raise ValueError(f"signals: unknown questions {sorted(unknown)}")
        for field, meanings in self.reply_meanings.items():
            allowed = CHOICES.get(field)
            if allowed is None and field not in BOUNDS:
                raise ValueError(f"reply_meanings: unknown question {field}")
            for value in meanings.values():
                values = [value] if isinstance(value, str) else value
                bad = [v for v in values if (v not in allowed if allowed else not v.isdigit())]
                if bad:
                    raise ValueError(f"reply_meanings.{field}: unknown values {bad}")
        for names in (set(self.units), set(self.zero_phrases)):
            unknown = names - set(BOUNDS)
            if unknown:
                raise ValueError(f"not a number question: {sorted(unknown)}")
        return self


# --------------------------------------------------------------------------------------------
# Answering questions from the advice (content/ask.yaml)
# --------------------------------------------------------------------------------------------


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


class EchoWords(_Frozen):
    """`content/understanding.yaml`: how a typed answer is read back, with its assumptions."""

    echo: dict[str, Annotated[str, Field(min_length=1)]]
    hints: dict[str, Annotated[str, Field(min_length=1)]]
    labels: dict[str, dict[str, str] | str]
    notes: dict[str, Annotated[str, Field(min_length=1)]]


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
