"""The money side of a path: its cash flow (labelled with the figures' kind and source) and its
published figures as the articles write them."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from flows.content import Content, FigureKind, SourceId
from flows.fit import degree_level, demands
from flows.profile import PathId, Profile


class CashFlow(BaseModel):
    """The money side of a path, every figure labelled with its kind and source article."""

    model_config = ConfigDict(frozen=True)

    tuition_usd_min: int | None
    tuition_usd_max: int | None
    unpaid_months: int
    earnings_usd: int
    earnings_per_month_usd: int
    figure_kind: FigureKind
    source: SourceId | None


def cash_flow(path: PathId, profile: Profile, content: Content) -> CashFlow:
    need = demands(path, profile, content)
    source = (
        content.advice.degree_level(profile.degree).source
        if path == "degree"
        else content.advice.path(path).source
    )
    per_month = need.earnings_usd // need.earning_months if need.earning_months else 0
    return CashFlow(
        tuition_usd_min=need.tuition_usd_min,
        tuition_usd_max=need.tuition_usd_max,
        unpaid_months=need.unpaid_months,
        earnings_usd=need.earnings_usd,
        earnings_per_month_usd=per_month,
        figure_kind=need.figure_kind,
        source=None if need.figure_kind == "not_published" else source,
    )


def path_figures(path: PathId, profile: Profile, content: Content) -> list[str]:
    """The path's published figures, one line each, as the articles write them."""
    labels = content.dialogue.sections
    if path == "degree" and degree_level(profile, content) != "master":
        return [labels["figure_not_published"]]
    item = content.advice.path(path)
    lines = [f"{labels['figure_duration']}: {item.duration.text}"]
    if item.weekly_load:
        lines.append(f"{labels['figure_weekly_load']}: {item.weekly_load}")
    if item.entry_requirement:
        lines.append(f"{labels['figure_entry']}: {item.entry_requirement}")
    for key, figure in (
        ("figure_tuition", item.tuition),
        ("figure_scholarship", item.scholarship),
        ("figure_earnings", item.earnings),
    ):
        if figure is not None:
            lines.append(f"{labels[key]}: {figure.text}")
    if item.net_position:
        lines.append(f"{labels['figure_net']}: {item.net_position}")
    return lines
