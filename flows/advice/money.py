"""The money side of a path: its cash flow (labelled with the figures' kind and source) and its
published figures, with the person's own pace beside the article's reference pace."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from flows.advice.fit import degree_level, demands, level_of
from flows.advice.pay import monthly_pay
from flows.content import Content, FigureKind, SourceId
from flows.plan import plan_months
from flows.profile import PathId, Profile
from flows.words import count, duration


class CashFlow(BaseModel):
    """The money side of a path, every figure labelled with its kind and source article."""

    model_config = ConfigDict(frozen=True)

    tuition_usd_min: int | None
    tuition_usd_max: int | None
    tuition_max_open: bool
    """The top of the range is "well over" it ($120,000 for a master's)."""
    unpaid_months: int | None
    """None: the articles do not say."""
    earnings_usd: int
    earnings_per_month_usd: int
    """Worked out from the provider's totals (earnings / paid months), not published as such."""
    figure_kind: FigureKind
    source: SourceId | None


def cash_flow(path: PathId, profile: Profile, content: Content) -> CashFlow:
    need = demands(path, profile, content)
    source = (
        content.advice.degree_level(profile.degree).source
        if path == "degree"
        else content.advice.path(path).source
    )
    per_month = monthly_pay(path, content.advice) if need.earning_months else 0
    return CashFlow(
        tuition_usd_min=need.tuition_usd_min,
        tuition_usd_max=need.tuition_usd_max,
        tuition_max_open=need.tuition_max_open,
        unpaid_months=need.unpaid_months,
        earnings_usd=need.earnings_usd,
        earnings_per_month_usd=per_month,
        figure_kind=need.figure_kind,
        source=None if need.figure_kind == "not_published" else source,
    )


def path_figures(path: PathId, profile: Profile, content: Content) -> list[str]:
    """The path's figures, one labelled line each: as the articles publish them, the
    reference pace labelled as the article's, and the person's own pace beside it."""
    labels = content.dialogue.sections
    if path == "degree" and degree_level(profile, content) != "master":
        return [labels["figure_not_published"]]
    item = content.advice.path(path)
    need = item.demands

    def line(key: str, text: str) -> str:
        return labels["figure_line"].format(label=labels[key], text=text)

    lines = [line("figure_duration", item.duration.text)]
    if item.weekly_load:
        lines.append(line("figure_weekly_load", item.weekly_load))
    if need.max_months is not None or not need.load:
        months = plan_months(
            profile, path, level_of(path, profile, content), profile.hours_per_week, content.advice
        )
        key = (
            "figure_your_pace_text_program" if item.duration.weeks_max else "figure_your_pace_text"
        )
        own = labels[key].format(
            hours=count(content, "hour", profile.hours_per_week), duration=duration(content, months)
        )
        lines.append(line("figure_your_pace", own))
    if item.entry_requirement:
        lines.append(line("figure_entry", item.entry_requirement))
    for key, figure in (
        ("figure_tuition", item.tuition),
        ("figure_scholarship", item.scholarship),
        ("figure_earnings", item.earnings),
    ):
        if figure is not None:
            lines.append(line(key, figure.text))
    if need.earning_months:
        pay = labels["figure_pay_text"].format(
            pay=f"${monthly_pay(path, content.advice):,}",
            total=f"${need.earnings_usd:,}",
            months=count(content, "month", need.earning_months),
        )
        lines.append(line("figure_pay", pay))
    if item.net_position:
        lines.append(line("figure_net", item.net_position))
    return lines
