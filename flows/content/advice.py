"""Schema of the advice data (`content/advice.yaml`): paths, their demands, plans, roles, FAQ.

Every figure here is checked against its source article by the content tests, so the models keep
the article's own wording (`text`) beside the numbers the rules compare.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import Field, model_validator

from flows.content.common import Frozen, NonEmpty, Source, SourceId
from flows.profile import FIELD_VALUES, CodingExperience, Degree, DegreeLevel, PathId


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
    plan_goes_on: bool = False
    """The person's plan goes on past the program (a certificate feeds the self-study layers):
    its own length is said to be the program and what follows, not the program's."""

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

    A demand the articles do not publish is said so (`hours_published: false`, `unpaid_months:
    null`, `figure_kind: not_published`) and is checked as "not published", never as fitting."""

    coding: list[CodingExperience] | None = None
    min_years: int = Field(default=0, ge=0)
    degree: list[Degree] | None = None
    load: list[Load] = []
    load_text: NonEmpty | None = None
    """How the weekly load reads in a sentence ("20 hours/week of coursework plus …")."""
    hours_published: bool = True
    """False: the articles give no weekly hours (a bachelor's, a PhD, a certificate program)."""
    unknown_text: NonEmpty | None = None
    """What the articles do say where a figure is missing, shown with "check against …"."""
    max_months: int | None = Field(default=None, ge=1)
    """Self-paced plans: the whole plan must finish within this many months at the person's pace."""
    unpaid_months: int | None = Field(default=0, ge=0)
    """Months without any pay; None: the articles do not say."""
    unpaid_months_max: int | None = Field(default=None, ge=0)
    """The top of a range of months without pay (a master's: 1.5 to 2 years, "two years out of
    the workforce"): an answer below it fits only the shortest programs, and the check says so."""
    tuition_usd_min: int | None = Field(default=None, ge=0)
    tuition_usd_max: int | None = Field(default=None, ge=0)
    tuition_max_open: bool = False
    """The top of the range is a floor: "well over $120,000"."""
    earnings_usd: int = Field(default=0, ge=0)
    earning_months: int = Field(default=0, ge=0)
    figure_kind: FigureKind

    @property
    def weekly_hours(self) -> int:
        """The most unpaid study hours any stretch asks for each week (0: no fixed load)."""
        return max((x.study_hours for x in self.load), default=0)

    @model_validator(mode="after")
    def _said_or_unknown(self) -> Demands:
        if self.figure_kind == "not_published" and self.tuition_usd_min is not None:
            raise ValueError("a path with no published figures cannot publish a tuition")
        if self.load and not self.hours_published:
            raise ValueError("a published load contradicts hours_published: false")
        return self


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
    reference_plan: NonEmpty
    """The article's reference pace and what it says about going faster or slower."""
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
    steps: list[NonEmpty] = Field(min_length=1)
    """The weekly steps, in order, each one sentence saying what done looks like; spread over
    however many weeks the milestone takes at the person's pace."""
    costs: list[NonEmpty] = []
    """Paid items the step names (exam fees), kept apart from the free resources."""
    source: SourceId


PlanId = Literal[
    "accelerated_immersive",
    "immersive",
    "certificate",
    "self_study",
    "self_study_platform",
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
