"""Schema of the rule table (`content/rules.yaml`): which path a profile gets, and the notes.

Conditions name profile fields and their values; both are checked at load time, so a rule can
never test a field or an answer that does not exist.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, model_validator

from flows.content.common import Frozen, NonEmpty, SourceId
from flows.profile import FIELD_VALUES, DegreeLevel, PathId, ProfileField


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
LimitName = Literal["hours", "pace", "budget", "unpaid", "pay"]
"""The hard limits a path is checked against (`flows/advice/fit.py`)."""


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
    if_fits: list[LimitName] = []
    """Shown only when these limits of the path fit, so a reason never contradicts a limit
    shown on the same screen ("you keep earning" next to "you could not live on the pay")."""
    text: NonEmpty
    source: SourceId | None = None

    @model_validator(mode="after")
    def _valid(self) -> Note:
        _check_when(self.when)
        return self


class GoalNeed(Frozen):
    """What a goal requires of any path (a credential), which paths meet it, and what the other
    paths leave open: "no" (they cannot meet it) or "cannot_tell" (it depends on something the
    person must check, such as whether their degree counts)."""

    id: Annotated[str, Field(pattern=r"^[a-z_]+$")]
    when: When
    served_by: list[PathId]
    others: Literal["no", "cannot_tell"]
    gap: NonEmpty
    """What a path that does not serve it will not give, read after "but" ("a visa sponsor will
    look for a degree")."""
    source: SourceId

    @model_validator(mode="after")
    def _valid(self) -> GoalNeed:
        _check_when(self.when)
        return self


class Rules(Frozen):
    rules: list[Rule]
    goal_needs: list[GoalNeed]
    supporting_reasons: list[Note]
    caveats: list[Note]
    next_steps: list[Note]
    why_not: list[Note]
    """Why an alternative that fits comes second: the first note that holds for its path."""
    alternative_notes: dict[PathId, NonEmpty]
    """The fallback line for an alternative when no `why_not` note holds."""
    texts: dict[str, NonEmpty]
    """Templates for limits, changes and ruled-out paths."""
    self_check_focus: dict[Literal["applied_ml", "mlops", "research"], list[NonEmpty]] = {}
    """The hiring signals (advice.yaml, by title) a goal puts first on the self-check."""
    units: dict[Literal["hour", "week", "month", "year"], tuple[NonEmpty, NonEmpty]]
    """Each unit's singular and plural form ("{n} hour", "{n} hours")."""

    @model_validator(mode="after")
    def _has_fallback(self) -> Rules:
        if not self.rules or self.rules[-1].when:
            raise ValueError("the last rule must be the fallback with an empty `when`")
        return self
