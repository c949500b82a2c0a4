"""Turns the advice object, plans and FAQ entries into transport-neutral reply blocks.

The recommendation's first message is a headline that fits a phone screen (at most
`HEADLINE_MAX` characters of text). It opens with how things stand, in one of four ways taken
from the advice (`Recommendation.situation`): the path fits every limit; it may fit but a figure
is not published (and what to check against which answer); the path the goal calls for does not
fit (what breaks, the re-checked changes, and what does fit the limits and what it will not
give); or nothing fits. Everything is read from the advice object; nothing is decided here.
"""

from __future__ import annotations

from flows.actions import Back, Faq, FaqMenu, Restart, Resume, ShowPlan, Topic
from flows.advice.fit import LimitCheck
from flows.advice.rules import CashFlow, Recommendation
from flows.content import Content, FaqItem
from flows.plan import WEEKS_PER_MONTH, Milestone
from flows.reply import Button, Reply, ReplyBuilder
from flows.words import count, duration, money

HEADLINE_MAX = 1500


def milestone_line(m: Milestone, weeks_label: str) -> str:
    return f"{weeks_label.format(start=m.start_week, end=m.end_week)} — {m.title}: {m.milestone}"


def check_line(check: LimitCheck) -> str:
    return f"{check.text} {check.note}".strip()


def money_line(content: Content, cash: CashFlow, *, name_provider: bool = True) -> str:
    """'Money: …' in one line: tuition, months without pay, pay, and the figures' kind."""
    s = content.dialogue.sections
    if cash.figure_kind == "not_published":
        return s["money_not_published"]
    return s["money_line"].format(summary=money_summary(content, cash, name_provider=name_provider))


def tuition_part(content: Content, cash: CashFlow) -> str:
    s = content.dialogue.sections
    lo, hi = cash.tuition_usd_min or 0, cash.tuition_usd_max
    if hi in (None, 0) and lo == 0:
        return s["money_tuition_none"]
    if hi is not None and hi != lo:
        key = "money_tuition_range_open" if cash.tuition_max_open else "money_tuition_range"
        return s[key].format(min=money(lo), max=money(hi))
    return s["money_tuition_one"].format(min=money(lo))


def money_summary(content: Content, cash: CashFlow, *, name_provider: bool = True) -> str:
    """Tuition; months without pay; pay while training (kind of figures). The provider is named
    only where asked, so a screen can name it once."""
    s = content.dialogue.sections
    if cash.figure_kind == "not_published":
        return s["money_none"]
    parts = [tuition_part(content, cash)]
    if cash.unpaid_months is None:
        parts.append(s["money_unpaid_unknown"])
    elif cash.unpaid_months:
        parts.append(s["money_unpaid"].format(n=count(content, "month", cash.unpaid_months)))
    elif not cash.earnings_usd:
        parts.append(s["money_no_unpaid"])
    if cash.earnings_usd:
        parts.append(
            s["money_earnings"].format(
                total=money(cash.earnings_usd), per_month=money(cash.earnings_per_month_usd)
            )
        )
    provider = content.advice.provider if name_provider else s["the_provider"]
    kind = s[f"kind_{cash.figure_kind}"].format(provider=provider)
    return s["money_summary"].format(parts="; ".join(parts), kind=kind)


def plan_months(rec: Recommendation) -> float:
    return rec.plan[-1].end_week / WEEKS_PER_MONTH if rec.plan else 0.0


def plan_summary(content: Content, rec: Recommendation) -> str:
    s = content.dialogue.sections
    if not rec.plan:
        return ""
    return s["plan_summary"].format(
        count=len(rec.plan), duration=duration(content, plan_months(rec)), first=rec.plan[0].title
    )


def within_line(content: Content, rec: Recommendation) -> str:
    """'What fits your limits: X, but it earns no research credential.' ('' if none)."""
    s = content.dialogue.sections
    other = rec.within_limits
    if other is None:
        return ""
    key = "within_fits" if other.fits == "fits" else "within_may_fit"
    if rec.situation == "cannot_tell":
        key = "within_if_not" if other.fits == "fits" else "within_if_not_may"
    line = s[key].format(name=other.name)
    return s["within_gap"].format(line=line, gap=other.gap) if other.gap else line + "."


def present_recommendation(
    content: Content, rec: Recommendation, state: str, notice: str | None = None
) -> Reply:
    """The headline. It must fit a phone screen, so the reasons and caveats shown shrink until
    the text is within `HEADLINE_MAX`; all of them stay one tap away on the detail screens."""
    for reasons, caveats, fitting in ((2, 2, True), (2, 1, True), (1, 1, True), (1, 0, True),
                                      (1, 0, False), (0, 0, False)):  # fmt: skip
        reply = _headline(content, rec, state, notice, reasons, caveats, fitting=fitting)
        if reply_length(reply) <= HEADLINE_MAX:
            break
    return reply


def reply_length(reply: Reply) -> int:
    """Characters of text a reply shows (blocks and bullet items, one line each)."""
    return len(
        "\n".join([b.text for b in reply.blocks] + [i for b in reply.blocks for i in b.items])
    )


def _opening(content: Content, rec: Recommendation, out: ReplyBuilder, *, fitting: bool) -> None:
    """How things stand: fits, may fit, the goal's path does not fit, or nothing fits."""
    s = content.dialogue.sections
    broken = tuple(check_line(c) for c in rec.limits)
    unknown = tuple(check_line(c) for c in rec.checks if c.fits == "not_published")
    fits = tuple(check_line(c) for c in rec.checks if c.fits == "fits")
    if rec.situation in ("fits", "cannot_tell"):
        out.add("title", s["recommendation_title"].format(path=rec.path_name))
        if rec.situation == "cannot_tell":
            out.add("text", rec.fit_summary)
            out.add("bullets", items=unknown)
        if fitting and fits:  # beside "I can't tell yet", only the limits that could be checked
            known = rec.situation == "cannot_tell"
            out.add("heading", s["fits_heading_known" if known else "fits_heading"])
            out.add("bullets", items=fits)
        elif rec.situation == "fits":
            out.add("text", rec.fit_summary)
        out.add("text", within_line(content, rec))
        out.add("note", rec.passed_over)
        return
    if rec.situation == "goal_path_does_not_fit":
        out.add("text", s["goal_path_breaks"].format(path=rec.path_name))
        out.add("title", s["goal_closest_title"].format(path=rec.path_name))
    else:
        out.add("text", s["nothing_fits"])
        out.add("title", s["closest_title"].format(path=rec.path_name))
    out.add("heading", s["what_breaks"])
    out.add("bullets", items=broken)
    if unknown:
        out.add("heading", s["also_check"])
        out.add("bullets", items=unknown)
    out.add("heading", s["what_would_change"])
    if sum(change.path == rec.path for change in rec.changes) > 1:  # each alone is not enough
        out.add("note", s["changes_together"].format(path=rec.path_name))
    out.add("bullets", items=tuple(change.text for change in rec.changes))
    if not any(change.path == rec.path for change in rec.changes):
        out.add("note", s["no_change_fits"].format(path=rec.path_name))
    out.add("text", within_line(content, rec))


def _headline(
    content: Content,
    rec: Recommendation,
    state: str,
    notice: str | None,
    reasons: int,
    caveats: int,
    *,
    fitting: bool,
) -> Reply:
    s = content.dialogue.sections
    b = content.dialogue.buttons
    out = ReplyBuilder()
    if notice:
        out.add("note", notice)
    _opening(content, rec, out, fitting=fitting)
    if reasons:
        out.add("heading", s["why"])
        out.add("bullets", items=tuple(r.text for r in rec.reasons[:reasons]))
    out.add("text", money_line(content, rec.cash_flow))
    if rec.caveats and caveats:
        out.add("heading", s["caveats"])
        out.add("bullets", items=tuple(rec.caveats[:caveats]))
    if rec.unsure:
        labels = ", ".join(content.dialogue.questions[f].summary_label for f in rec.unsure)
        out.add("note", s["unsure_line"].format(answers=labels))
    out.add("heading", s["plan"])
    out.add("text", plan_summary(content, rec))
    out.add("note", s["more_hint"])
    topics = [Button(t.button, Topic(t.id)) for t in content.dialogue.detail_topics]
    for pair in range(0, len(topics), 2):
        out.row(*topics[pair : pair + 2])
    out.row(Button(b["plan"], ShowPlan()), Button(b["faq"], FaqMenu()))
    out.row(Button(b["edit_answers"], Back(state)), Button(b["start_over"], Restart(state)))
    return out.build("recommendation", state)


def pace_note(content: Content, rec: Recommendation) -> str:
    """The plan's length against the article's part-time range, when it runs beyond it."""
    months = plan_months(rec)
    if months <= content.advice.pacing.part_time_months_max:
        return ""
    return content.dialogue.sections["plan_pace_beyond"].format(duration=duration(content, months))


def present_faq_menu(content: Content, state: str) -> Reply:
    out = ReplyBuilder()
    out.add("title", content.dialogue.sections["faq_title"])
    out.add("text", content.dialogue.messages["faq_intro"])
    for item in content.advice.faq:
        out.row(Button(item.question[:48], Faq(item.id)))
    out.row(Button(content.dialogue.buttons["continue"], Resume()))
    return out.build("info", state)


def present_faq(content: Content, item: FaqItem, state: str) -> Reply:
    out = ReplyBuilder()
    out.add("heading", item.question)
    out.add("text", item.answer)
    out.row(
        Button(content.dialogue.buttons["more_faq"], FaqMenu()),
        Button(content.dialogue.buttons["continue"], Resume()),
    )
    return out.build("info", state)
