"""Schema for `content/vocabulary.yaml`: the tables that turn people's words into answers.

Kept apart from `flows/content.py` so the parsing vocabulary can grow without touching the
advice models; `flows/content.py` loads and validates it with every other content file.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from flows.reading.answer_model import BOUNDS, CHOICES
from flows.reading.vocabulary_guards import DoubtWords, GuardWords
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
    spoken: dict[Phrase, str] = {}
    """Whole phrases said for a number and unit ("three quarters of a year": "9 months",
    "medio año": "6 months"), rewritten before any reader sees the text."""
    units_abroad: dict[Phrase, str] = {}
    age_before: list[Phrase] = []
    """Said before "N years" with nothing about work after it, an age ("tengo 34 años",
    "i have 30 years"): read as "N years old"."""
    age_after: list[Phrase] = []
    """Words after "N years" that make it time spent, not an age ("de experiencia")."""
    ordinals: dict[Phrase, int] = {}
    """An option picked by its place ("the 2nd one", "first"): offered first, then asked."""
    ordinal_fillers: list[Phrase] = []
    """Words around an ordinal that add nothing ("the", "one", "option")."""
    month_words: list[Phrase] = Field(default=[], max_length=12)
    """The months in order, as a date in digits is read ("09/2023" is "september 2023")."""
    glued_after: list[Phrase] = []
    """Words a number may be typed against with no space ("about3 hours"). After any other
    letters, one or two digits are part of a name ("python3", "gpt4", "web3"), not a count."""
    thousand_abroad: dict[Phrase, list[Phrase]] = {}
    """A word for thousand in another language, before the currencies it is said with there
    ("20 mil reais" is 20,000; in English "2 mil" is two million)."""
    """A unit in another language right after a number ("7 anos", "6 bulan"): its English."""


class Ambiguity(_Frozen):
    budget_usd_below: int = Field(ge=1)
    budget_usd_scale: int = Field(ge=2)
    budget_usd_confirm_from: int = Field(ge=1)
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
    not_study: list[Phrase] = []
    """Phrases with a study word that name no degree ("a student visa", "student loans")."""
    finishing: list[Phrase]
    """Nearly finished ("final year", "graduating in june"): asked, the level below or this."""
    completed: list[Phrase]
    """Said before a level, it is held even after a dropped one ("but left with a master's")."""
    consequences: list[Phrase]
    left_unfinished: list[Phrase] = []
    """Between a marker and a level, they say the level is what is left ("dropped out, so just
    my bachelor's"): the marker is about the level before it."""
    related: list[Phrase]
    other: list[Phrase]
    ask_subject: list[Phrase]


class HoursWords(_Frozen):
    per_day: list[Phrase]
    all_week: list[Phrase] = []
    """Said beside a daily amount, every day of the week ("3 hours a day including weekends")."""
    weekdays: list[Phrase]
    workday_hints: list[Phrase]
    """Workdays ("after work", "on my lunch break"), or every day when "a day" comes too?
    Asked then."""
    weekend: list[Phrase]
    per_week: list[Phrase]
    per_month: list[Phrase]
    per_fortnight: list[Phrase] = []
    """Two weeks ("20 hrs a fortnight", "every two weeks"): half of it a week."""
    days_words: dict[Phrase, int]
    minutes: list[Phrase]
    ask_words: dict[Phrase, list[int]]
    totals: list[Phrase]
    """Said of several days, their hours are one total ("12 hours saturday and sunday together")."""
    half_time: list[Phrase]
    full_time: list[Phrase]
    day_lengths: dict[Phrase, int]
    """Parts of a day said instead of hours ("half a day on saturday" is 4 hours)."""
    how_often: list[Phrase] = []
    """Words that say how many days a day's hours fall on; without one, "a whole day" is asked."""
    other_units: list[Phrase]
    """Units of how long, not hours a week ("6 months" typed at the hours question)."""
    off_days: list[Phrase]
    """Said after a shift rota ("3 nights on 4 off"), these are the days off."""


class PauseWords(_Frozen):
    zero: list[Phrase]
    even: list[Phrase]
    """Said after a zero ("can't stop working, even for a month"): not even that long."""
    ask: dict[Phrase, list[int]]
    few: dict[Phrase, int]
    caps: list[Phrase] = []
    """Said after a number, a limit ("so 3 max"): asked beside the savings' months."""
    not_zero: list[Phrase] = []
    """Phrases holding a zero word that do not mean none ("no problem for a year")."""


class YearsWords(_Frozen):
    since: list[Phrase]
    zero: list[Phrase]
    short_of: list[Phrase]
    """A number of years not reached yet ("almost 3", "I'll hit 1 year in march")."""
    just_over: list[Phrase]
    """ "Just over two years" is 2 whole years; plain "more than 10" is past 10 (11)."""
    not_working: list[Phrase] = []
    """Said just before "since", the time since is away from work ("a career break since 2022")."""
    eras: dict[Phrase, int] = {}
    """Calendar eras and the year before each one's first ("reiwa 2" is 2018 + 2 = 2020)."""
    short_year_before: list[Phrase] = []
    """Words after which "'21" is a year (2021): "since '21", "jan '21", "class of '19"."""


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
    hedge_replies: list[Phrase]
    assent_replies: list[Phrase] = []
    """Words that agree without naming an answer ("fine", "ok"): beside another question's
    hours, the agreement is theirs."""
    """Words that hedge an answer but are not one ("maybe 3k" at the visa question)."""
    tag_questions: list[Phrase]
    """A question tagged onto an answer ("…, is that dumb?"): the message still answers."""
    question_tails: list[Phrase] = []
    """Words that end a question typed without its mark ("sponsor what exactly")."""
    reply_fillers: list[Phrase]
    """Words that leave a bare reply bare ("hmm, I honestly don't know" is "don't know")."""
    other_people: list[Phrase]
    together_with: list[Phrase]
    declines: list[Phrase] = []
    conclusions: list[Phrase] = []
    """Before a number worked out at the end of a message ("…, so realistically 6")."""
    loan_words: list[Phrase] = []
    loan_denied: list[Phrase] = []
    """An amount said beside one of these is borrowed ("a 20k student loan"): asked."""
    earnings: list[Phrase] = []
    """An amount said beside one of these is what someone earns ("I make 60k a year"), not
    what they can spend: asked at the budget question unless spending is named too."""
    spending: list[Phrase] = []
    places_before: list[Phrase] = []
    """Said before an employer ("work at a research lab"): a workplace, not a role."""
    """A refusal to say ("i'd rather not talk money"): what it holds is no answer."""
    time_or_reason: list[Phrase] = []
    """ "My son and I": said with someone else, still one's own answer."""
    corrections: list[Phrase]
    question_subjects: list[Phrase]
    professional_markers: list[Phrase]
    hobby_markers: list[Phrase]
    """Said with paid-work answers (ML, production code), these make them a hobby: asked."""
    negators: list[Phrase]
    negation_reach: int = Field(ge=1, le=8)
    negation_stops: list[Phrase]
    """A negation does not reach past these ("no phd so probably the applied side")."""
    not_negating: list[Phrase]
    exclusions: list[Phrase]
    failures: list[Phrase] = []
    """After an answer in the same clause, these rule it out ("self study didn't work for me")."""
    pay_needs: list[Phrase] = []
    """Words before a monthly cost or need at the pay question ("my fixed costs are 2500")."""
    failure_questions: list[str] = []
    """The questions `failures` apply at (a failed course says nothing of a degree held)."""
    failure_stops: list[Phrase] = []
    """Words between that keep it ("I need deadlines or I give up": the deadlines stand)."""
    contrasts: list[Phrase]
    choices: dict[str, dict[str, list[Phrase]]]
    ask_between: dict[str, dict[Phrase, list[str]]]
    conditionals: dict[str, list[Phrase]]
    """Said with an answer, these make it conditional: asked about, never stored."""
    not_answers: list[Phrase] = []
    """Phrases holding an answer's word that answer nothing ("solo necesito" is "I only
    need", not "solo"): found first, as the longer phrase, and then left out."""
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
    budget_words_at_pay: list[Phrase] = Field(min_length=1)
    """At the pay question a money amount is a tuition budget only beside one of these."""
    noted_only_with: dict[str, list[Phrase]] = {}
    noted_never_with: dict[str, list[Phrase]] = {}
    """Beside these, another question's answer is not noted in passing ("$95k salary" is no
    tuition budget)."""
    """Another question's answer said in passing is noted only when its part also names one
    of these ("naturalized citizen since 2015" holds no years of software)."""
    zones: ZoneWords
    setup: SetupVocabulary
    parts: PartsWords
    guards: GuardWords
    doubt: DoubtWords

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
        single = [p for p in self.not_answers if len(re.findall(r"\w+", p)) < 2]
        if single:  # "è solo" reads as "solo": it would drop the answer itself
            raise ValueError(f"not_answers: a phrase of one word hides an answer: {single}")
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


class EchoWords(_Frozen):
    """`content/understanding.yaml`: how a typed answer is read back, with its assumptions."""

    echo: dict[str, Annotated[str, Field(min_length=1)]]
    hints: dict[str, Annotated[str, Field(min_length=1)]]
    labels: dict[str, dict[str, str] | str]
    notes: dict[str, Annotated[str, Field(min_length=1)]]
