"""Schema and loader for everything in `content/`.

All user-facing words and all advice data live in YAML under `content/`. These pydantic models are
the contract: the loader validates every file at start-up, so a typo in the content fails fast with
the file and field named, instead of surfacing as a broken reply to a user.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from flows.profile import (
    FIELD_VALUES,
    CodingExperience,
    Degree,
    DegreeLevel,
    IncomePause,
    PathId,
    ProfileField,
)
from flows.vocabulary import AskText, Vocabulary

SourceId = Literal["choosing_path", "no_degree"]
"""Which seed article a fact comes from.

- `choosing_path`: the article comparing degree, certificate and work-integrated programs.
- `no_degree`: the article on becoming an AI engineer without a CS degree.
"""

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


NonEmpty = Annotated[str, Field(min_length=1)]


# --------------------------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------------------------


class Source(Frozen):
    id: SourceId
    title: NonEmpty
    seed_file: NonEmpty


# --------------------------------------------------------------------------------------------
# Advice data (content/advice.yaml)
# --------------------------------------------------------------------------------------------


class Money(Frozen):
    """A published price or amount, as the article writes it, plus numbers the rules can compare."""

    text: NonEmpty
    usd_min: int = Field(ge=0)
    usd_max: int | None = Field(default=None, ge=0)
    source: SourceId


class Duration(Frozen):
    """A duration as the article writes it ("8 to 16 weeks"), plus its range in weeks."""

    text: NonEmpty
    weeks_min: int = Field(ge=0)
    weeks_max: int = Field(ge=0)
    source: SourceId

    @model_validator(mode="after")
    def _ordered(self) -> Duration:
        if self.weeks_max < self.weeks_min:
            raise ValueError("weeks_max must be >= weeks_min")
        return self


class Phase(Frozen):
    """One phase of a structured program, used for the program paths' study plans."""

    title: NonEmpty
    start_month: int = Field(ge=1)
    end_month: int = Field(ge=1)
    weekly_hours: int = Field(ge=1)
    focus: NonEmpty
    milestone: NonEmpty
    source: SourceId


FigureKind = Literal["provider_published", "market_range", "free", "not_published"]
"""Where a path's money figures come from: the provider's own article, the comparison article's
market range, free resources, or no figure in either article."""


class Load(Frozen):
    """One stretch of a path at a steady weekly load. `paid_hours` are apprenticeship work."""

    weeks: int = Field(ge=1)
    study_hours: int = Field(ge=0)
    paid_hours: int = Field(default=0, ge=0)


class Demands(Frozen):
    """What a path asks of a person: the hard limits a recommendation is checked against.

    Absent fields demand nothing (e.g. the articles publish no cost for a bachelor's)."""

    coding: list[CodingExperience] | None = None
    min_years: int = Field(default=0, ge=0)
    degree: list[Degree] | None = None
    load: list[Load] = []
    max_months: int | None = Field(default=None, ge=1)
    """Self-paced paths: the plan must finish within this many months at the person's pace."""
    unpaid_months: int = Field(default=0, ge=0)
    tuition_usd_min: int | None = Field(default=None, ge=0)
    tuition_usd_max: int | None = Field(default=None, ge=0)
    earnings_usd: int = Field(default=0, ge=0)
    earning_months: int = Field(default=0, ge=0)
    figure_kind: FigureKind

    @property
    def weekly_hours(self) -> int:
        """The most unpaid study hours any stretch asks for each week (0: no fixed load)."""
        return max((x.study_hours for x in self.load), default=0)


class LearningPath(Frozen):
    id: PathId
    name: NonEmpty
    tagline: NonEmpty
    source: SourceId
    demands: Demands
    duration: Duration
    weekly_load: NonEmpty | None = None
    entry_requirement: NonEmpty | None = None
    tuition: Money | None = None
    scholarship: Money | None = None
    earnings: Money | None = None
    net_position: NonEmpty | None = None
    delivers: list[NonEmpty]
    best_for: list[NonEmpty]
    limitations: list[NonEmpty]
    next_steps: list[NonEmpty]
    phases: list[Phase] = []


class Role(Frozen):
    id: Literal["applied_ml", "mlops", "research"]
    name: NonEmpty
    summary: NonEmpty
    tools: list[NonEmpty]
    degree_note: NonEmpty
    source: SourceId


class SkillLayer(Frozen):
    id: Literal["programming", "math", "ml_core", "production"]
    order: int = Field(ge=1, le=4)
    name: NonEmpty
    duration: Duration
    concurrent_with: Literal["programming", "math", "ml_core", "production"] | None = None
    topics: list[NonEmpty]
    resources: list[NonEmpty]
    source: SourceId


class Certification(Frozen):
    name: NonEmpty
    provider: NonEmpty | None = None
    cost: NonEmpty
    prep_time: NonEmpty
    signal: Literal["strong", "moderate", "entry-level", "low"]
    signal_note: NonEmpty
    source: SourceId


class TimelineStep(Frozen):
    """One row of the 12-month timeline (reference pace: 15-20 h/week)."""

    months: NonEmpty
    start_month: int = Field(ge=1, le=12)
    end_month: int = Field(ge=1, le=12)
    focus: NonEmpty
    milestone: NonEmpty
    done_looks_like: NonEmpty
    source: SourceId


class Pacing(Frozen):
    """How long the self-paced plan takes at different weekly loads."""

    reference_hours_min: int
    reference_hours_max: int
    reference_months: int
    full_time_hours: int
    full_time_months_min: int
    full_time_months_max: int
    part_time_months_min: int
    part_time_months_max: int
    summary: NonEmpty
    source: SourceId


class Titled(Frozen):
    title: NonEmpty
    text: NonEmpty
    source: SourceId


class DegreeOption(Frozen):
    """Which degree the `degree` path means, chosen by the degree a person already holds."""

    id: DegreeLevel
    name: NonEmpty
    for_degrees: list[Degree]
    tagline: NonEmpty
    source: SourceId
    demands: Demands
    next_steps: list[NonEmpty]


class PlanStep(Frozen):
    """One milestone template. `weeks` at the reference pace; self-paced steps stretch."""

    kind: Literal["program", "study", "degree", "job_search"]
    weeks: int = Field(ge=1, le=13)
    title: NonEmpty
    outcome: NonEmpty
    resources: list[NonEmpty] = []
    skip_for: list[CodingExperience] = []
    part_outcomes: list[NonEmpty] = []
    """Outcomes for the earlier parts when a slow pace splits the step (the last part keeps
    `outcome`), so a long step never repeats one line for months."""
    source: SourceId


PlanId = Literal[
    "accelerated_immersive",
    "immersive",
    "certificate",
    "self_study",
    "degree_bachelor",
    "degree_master",
    "degree_phd",
    "job_search",
]


class FaqItem(Frozen):
    id: Annotated[str, Field(pattern=r"^[a-z_]{1,24}$")]
    question: NonEmpty
    answer: NonEmpty
    source: SourceId


class Advice(Frozen):
    sources: list[Source]
    provider: NonEmpty
    """Who runs the two work-integrated programs (and publishes the first article)."""
    paths: list[LearningPath]
    degree_levels: list[DegreeOption]
    plans: dict[PlanId, list[PlanStep]]
    roles: list[Role]
    skill_layers: list[SkillLayer]
    certifications: list[Certification]
    certification_strategy: NonEmpty
    hiring_signals: list[Titled]
    portfolio_must_haves: list[Titled]
    portfolio_mistakes: list[Titled]
    non_degree_limits: list[Titled]
    non_degree_works_best: NonEmpty
    job_search: list[Titled]
    interview_topics: list[Titled]
    timeline: list[TimelineStep]
    pacing: Pacing
    self_study: list[Titled]
    faq: list[FaqItem]

    @model_validator(mode="after")
    def _complete(self) -> Advice:
        ids = [p.id for p in self.paths]
        if sorted(ids) != sorted(FIELD_VALUES["path"]):
            raise ValueError(f"paths must be exactly {FIELD_VALUES['path']}, got {ids}")
        if sorted(layer.order for layer in self.skill_layers) != [1, 2, 3, 4]:
            raise ValueError("skill_layers must have orders 1..4")
        if set(self.plans) != set(get_args(PlanId)):
            raise ValueError(f"plans must be exactly {get_args(PlanId)}")
        held = sorted(d for level in self.degree_levels for d in level.for_degrees)
        if held != sorted(FIELD_VALUES["degree"]):
            raise ValueError("degree_levels must cover every held degree exactly once")
        return self

    def degree_level(self, held: Degree) -> DegreeOption:
        """The degree the `degree` path means for someone who holds `held`."""
        return next(level for level in self.degree_levels if held in level.for_degrees)

    def path(self, path_id: PathId) -> LearningPath:
        return next(p for p in self.paths if p.id == path_id)

    def faq_item(self, faq_id: str) -> FaqItem | None:
        return next((f for f in self.faq if f.id == faq_id), None)


# --------------------------------------------------------------------------------------------
# Rules (content/rules.yaml)
# --------------------------------------------------------------------------------------------


class Condition(Frozen):
    """A test on one profile field: membership (`in`) or a numeric bound (`lt`, `gte`)."""

    in_: list[str] | None = Field(default=None, alias="in")
    lt: int | None = None
    gte: int | None = None

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    @model_validator(mode="after")
    def _one_test(self) -> Condition:
        if sum(x is not None for x in (self.in_, self.lt, self.gte)) == 0:
            raise ValueError("a condition needs one of: in, lt, gte")
        return self


When = dict[ProfileField, Condition]


def _check_when(when: When) -> None:
    for field, cond in when.items():
        allowed = FIELD_VALUES.get(field)
        if cond.in_ is not None:
            if allowed is None:
                raise ValueError(f"{field} is numeric: use lt/gte, not in")
            unknown = set(cond.in_) - set(allowed)
            if unknown:
                raise ValueError(f"{field}: unknown values {sorted(unknown)}")
        elif allowed is not None:
            raise ValueError(f"{field} is a choice: use in, not lt/gte")


class Rule(Frozen):
    """One row of the ordered rule table. The first rule whose `when` holds AND whose path fits
    the person's hard limits picks the path. A `required` rule stops the search: its answers call
    for that path (a credential need), so if the path does not fit, nothing does."""

    id: Annotated[str, Field(pattern=r"^[a-z_]+$")]
    path: PathId
    when: When
    required: bool = False
    reason: NonEmpty
    source: SourceId

    @model_validator(mode="after")
    def _valid(self) -> Rule:
        _check_when(self.when)
        return self


class Note(Frozen):
    """A reason, caveat or step shown when `when` holds (and, if given, for these paths only)."""

    id: Annotated[str, Field(pattern=r"^[a-z_]+$")]
    when: When = {}
    paths: list[PathId] | None = None
    levels: list[DegreeLevel] | None = None
    """For the degree path: only these degree levels."""
    text: NonEmpty
    source: SourceId | None = None

    @model_validator(mode="after")
    def _valid(self) -> Note:
        _check_when(self.when)
        return self


class Rules(Frozen):
    pause_months: dict[IncomePause, int]
    """How many months without pay each answer to "could you stop earning?" allows."""
    rules: list[Rule]
    supporting_reasons: list[Note]
    caveats: list[Note]
    next_steps: list[Note]
    why_not: list[Note]
    """Why an alternative that fits comes second: the first note that holds for its path."""
    alternative_notes: dict[PathId, NonEmpty]
    """The fallback line for an alternative when no `why_not` note holds."""
    texts: dict[str, NonEmpty]
    """Templates for limits, changes and ruled-out paths."""

    @model_validator(mode="after")
    def _has_fallback(self) -> Rules:
        if not self.rules or self.rules[-1].when:
            raise ValueError("the last rule must be the fallback with an empty `when`")
        return self


# --------------------------------------------------------------------------------------------
# Dialogue text (content/dialogue.yaml)
# --------------------------------------------------------------------------------------------


class OptionText(Frozen):
    value: NonEmpty
    label: Annotated[str, Field(min_length=1, max_length=48)]
    synonyms: list[str] = []


class QuestionText(Frozen):
    prompt: NonEmpty
    help: NonEmpty
    hint: NonEmpty
    options: list[OptionText]
    summary_label: NonEmpty


DetailTopicId = Literal[
    "costs", "plan", "why_not", "certifications", "roles", "portfolio", "job_search", "self_check"
]


class DetailTopic(Frozen):
    """One detail screen the recommendation's buttons (and console commands) open."""

    id: DetailTopicId
    button: Annotated[str, Field(min_length=1, max_length=48)]
    title: NonEmpty


class Dialogue(Frozen):
    """Every sentence the conversation engine can say, keyed by what it is for."""

    detail_topics: list[DetailTopic] = []
    """The recommendation's detail screens, in button order (data, so the UI shows one each)."""

    questions: dict[str, QuestionText]
    messages: dict[str, NonEmpty]
    buttons: dict[str, Annotated[str, Field(min_length=1, max_length=48)]]
    sections: dict[str, NonEmpty]
    commands: dict[str, Annotated[str, Field(min_length=1, max_length=256)]]
    console: dict[str, NonEmpty]

    @model_validator(mode="after")
    def _every_question(self) -> Dialogue:
        fields = set(get_args(ProfileField))
        if set(self.questions) != fields:
            raise ValueError(f"questions must be exactly {sorted(fields)}")
        return self


class TimezoneChoice(Frozen):
    zone: NonEmpty
    label: Annotated[str, Field(min_length=1, max_length=32)]


class ReminderText(Frozen):
    """Words for the plan, reminder setup, nudges and progress (content/reminders.yaml)."""

    messages: dict[str, NonEmpty]
    buttons: dict[str, Annotated[str, Field(min_length=1, max_length=48)]]
    weekdays: Annotated[list[NonEmpty], Field(min_length=7, max_length=7)]
    timezones: list[TimezoneChoice]
    times: list[Annotated[str, Field(pattern=r"^\d{2}:\d{2}$")]]
    commands: dict[str, Annotated[str, Field(min_length=1, max_length=256)]]


class Content(Frozen):
    advice: Advice
    rules: Rules
    dialogue: Dialogue
    reminders: ReminderText
    vocabulary: Vocabulary
    ask: AskText

    def message(self, key: str, **values: Any) -> str:
        return self.dialogue.messages[key].format(**values)


# --------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------


class ContentError(Exception):
    """The content directory is missing a file or a file does not match its schema."""


def _read(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except FileNotFoundError as exc:
        raise ContentError(f"missing content file {path}") from exc
    except yaml.YAMLError as exc:
        raise ContentError(f"{path} is not valid YAML: {exc}") from exc


def load_content(directory: Path = CONTENT_DIR) -> Content:
    """Read and validate all content files. Raises ContentError naming the file and field."""
    parts: dict[str, Any] = {}
    files: tuple[tuple[str, type[BaseModel]], ...] = (
        ("advice", Advice),
        ("rules", Rules),
        ("dialogue", Dialogue),
        ("reminders", ReminderText),
        ("vocabulary", Vocabulary),
        ("ask", AskText),
    )
    for name, model in files:
        path = directory / f"{name}.yaml"
        try:
            parts[name] = model.model_validate(_read(path))
        except ValidationError as exc:
            raise ContentError(f"{path}: {exc}") from exc
    return Content(**parts)


@cache
def default_content() -> Content:
    """The packaged content, loaded and validated once per process."""
    return load_content()
