"""Does a path fit a person? Its limits each get one of three answers (`limits.py`): fits,
does not fit, or not published (never counted as fitting).

A path declares its demands in `content/advice.yaml` (prerequisites, weekly study hours, the
longest acceptable self-paced plan, months without pay, tuition, apprenticeship pay). A person's
answers set the limits. Prerequisites decide eligibility (a path whose prerequisites are not met
is ruled out, never offered); the other demands are checked one by one, each check with a line
in the person's own numbers. A path fits only when every check fits.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from flows.advice.limits import (
    LimitCheck,
    LimitId,
    Verdict,
    limit_checks,
    open_ended_months,
    pace_hours,
    tuition_text,
)
from flows.advice.paths import degree_level, demands, level_of, path_name
from flows.content import Content
from flows.profile import PathId, Profile, ProfileField
from flows.words import answer_label

__all__ = [
    "LimitCheck",
    "LimitId",
    "PathFit",
    "RuledOut",
    "Verdict",
    "degree_level",
    "demands",
    "level_of",
    "open_ended_months",
    "overall",
    "pace_hours",
    "path_fit",
    "path_name",
    "ruled_out",
    "tuition_text",
]


class PathFit(BaseModel):
    """Every limit of one path checked for one person, and the overall verdict."""

    model_config = ConfigDict(frozen=True)

    path: PathId
    name: str
    fits: Verdict
    checks: list[LimitCheck]

    @property
    def broken(self) -> list[LimitCheck]:
        return [c for c in self.checks if c.fits == "does_not_fit"]

    @property
    def unknown(self) -> list[LimitCheck]:
        return [c for c in self.checks if c.fits == "not_published"]


class RuledOut(BaseModel):
    model_config = ConfigDict(frozen=True)

    path: PathId
    answer: ProfileField
    text: str


def overall(checks: list[LimitCheck]) -> Verdict:
    """Does not fit if any limit breaks; fits only if every limit fits; else cannot tell."""
    verdicts = {c.fits for c in checks}
    if "does_not_fit" in verdicts:
        return "does_not_fit"
    return "not_published" if "not_published" in verdicts else "fits"


def ruled_out(path: PathId, profile: Profile, content: Content) -> RuledOut | None:
    """Why the person is not eligible for `path` (a prerequisite they do not meet), or None."""
    need = demands(path, profile, content)
    field: ProfileField | None = None
    if need.coding is not None and profile.coding_experience not in need.coding:
        field = "coding_experience"
    elif profile.years_experience < need.min_years:
        field = "years_experience"
    elif need.degree is not None and profile.degree not in need.degree:
        field = "degree"
    if field is None:
        return None
    value = answer_label(profile, field, content)
    text = content.rules.texts[f"ruled_out_{field}"].format(
        path=path_name(path, profile, content), value=value
    )
    return RuledOut(path=path, answer=field, text=text)


def path_fit(path: PathId, profile: Profile, content: Content) -> PathFit:
    """Every limit of an eligible `path`, checked against this person's answers."""
    need = demands(path, profile, content)
    checks = limit_checks(path, need, profile, content)
    return PathFit(
        path=path, name=path_name(path, profile, content), fits=overall(checks), checks=checks
    )
