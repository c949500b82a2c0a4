"""Turns recommendations, plans and FAQ entries into transport-neutral reply blocks.

The recommendation's first message is a headline that fits a phone screen (at most
`HEADLINE_MAX` characters of text): the path, why (tied to answers), whether it fits, and money
in one line. Everything else is a detail screen (`flows/details.py`) opened from a button.
"""

from __future__ import annotations

from flows.actions import Back, Faq, FaqMenu, Restart, Resume, ShowPlan, Topic
from flows.content import Content, FaqItem
from flows.fit import money
from flows.plan import WEEKS_PER_MONTH, Milestone
from flows.reply import Button, Reply, ReplyBuilder
from flows.rules import CashFlow, Recommendation

HEADLINE_MAX = 1500


def milestone_line(m: Milestone, weeks_label: str) -> str:
    return f"{weeks_label.format(start=m.start_week, end=m.end_week)} — {m.title}: {m.milestone}"


def money_line(content: Content, cash: CashFlow, *, name_provider: bool = True) -> str:
    """'Money: …' in one line: tuition, months without pay, earnings, and the figures' kind."""
    s = content.dialogue.sections
    if cash.tuition_usd_min is None or cash.figure_kind == "not_published":
        return s["money_not_published"]
    return s["money_line"].format(summary=money_summary(content, cash, name_provider=name_provider))


def money_summary(content: Content, cash: CashFlow, *, name_provider: bool = True) -> str:
    """Tuition; months without pay; earnings (kind of figures). The provider is named only
    where asked, so a screen can name it once."""
    s = content.dialogue.sections
    if cash.tuition_usd_min is None or cash.figure_kind == "not_published":
        return s["money_none"]
    lo, hi = cash.tuition_usd_min, cash.tuition_usd_max
    if hi in (None, 0) and lo == 0:
        parts = [s["money_tuition_none"]]
    elif hi is not None and hi != lo:
        parts = [s["money_tuition_range"].format(min=money(lo), max=money(hi))]
    else:
        parts = [s["money_tuition_one"].format(min=money(lo))]
    if cash.unpaid_months:
        parts.append(s["money_unpaid"].format(n=cash.unpaid_months))
    else:
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


def duration(content: Content, months: float) -> str:
    texts = content.rules.texts
    if months > 24:
        return texts["years"].format(n=f"{months / 12:.1f}".rstrip("0").rstrip("."))
    return texts["months"].format(n=max(1, round(months)))


def plan_summary(content: Content, rec: Recommendation) -> str:
    s = content.dialogue.sections
    if not rec.plan:
        return ""
    return s["plan_summary"].format(
        count=len(rec.plan), duration=duration(content, plan_months(rec)), first=rec.plan[0].title
    )


def present_recommendation(
    content: Content, rec: Recommendation, state: str, notice: str | None = None
) -> Reply:
    """The headline: path, why, fit or not (with the smallest changes), money, plan in brief.

    It must fit a phone screen, so the reasons and caveats shown shrink until the text is within
    `HEADLINE_MAX`; all of them stay one tap away on the detail screens."""
    for reasons, caveats in ((2, 2), (2, 1), (1, 1), (1, 0), (0, 0)):
        reply = _headline(content, rec, state, notice, reasons, caveats)
        if reply_length(reply) <= HEADLINE_MAX:
            break
    return reply


def reply_length(reply: Reply) -> int:
    """Characters of text a reply shows (blocks and bullet items, one line each)."""
    return len(
        "\n".join([b.text for b in reply.blocks] + [i for b in reply.blocks for i in b.items])
    )


def _headline(
    content: Content,
    rec: Recommendation,
    state: str,
    notice: str | None,
    reasons: int,
    caveats: int,
) -> Reply:
    s = content.dialogue.sections
    b = content.dialogue.buttons
    out = ReplyBuilder()
    if notice:
        out.add("note", notice)
    if rec.fits:
        out.add("title", s["recommendation_title"].format(path=rec.path_name))
    else:
        out.add("text", s["nothing_fits"])
        out.add("title", s["closest_title"].format(path=rec.path_name))
        out.add("heading", s["what_breaks"])
        out.add("bullets", items=tuple(limit.text for limit in rec.limits))
        out.add("heading", s["what_would_change"])
        if sum(change.path == rec.path for change in rec.changes) > 1:  # each alone is not enough
            out.add("note", s["changes_together"].format(path=rec.path_name))
        out.add("bullets", items=tuple(change.text for change in rec.changes))
    if reasons:
        out.add("heading", s["why"])
        out.add("bullets", items=tuple(r.text for r in rec.reasons[:reasons]))
    if rec.fits:
        out.add("text", rec.fit_summary)
    out.add("text", money_line(content, rec.cash_flow))
    if rec.caveats and caveats:
        out.add("heading", s["caveats"])
        out.add("bullets", items=tuple(rec.caveats[:caveats]))
    out.add("heading", s["plan"])
    out.add("text", plan_summary(content, rec))
    out.add("note", s["more_hint"])
    topics = [Button(t.button, Topic(t.id)) for t in content.dialogue.detail_topics]
    for pair in range(0, len(topics), 2):
        out.row(*topics[pair : pair + 2])
    out.row(Button(b["plan"], ShowPlan()), Button(b["faq"], FaqMenu()))
    out.row(Button(b["edit_answers"], Back(state)), Button(b["start_over"], Restart(state)))
    return out.build("recommendation", state)


def present_plan(content: Content, rec: Recommendation, state: str) -> Reply:
    s = content.dialogue.sections
    out = ReplyBuilder()
    out.add("title", s["plan_title"].format(path=rec.path_name))
    out.add("text", plan_summary(content, rec))
    if plan_months(rec) > content.advice.pacing.part_time_months_max:
        out.add("note", s["plan_pace_beyond"].format(duration=duration(content, plan_months(rec))))
    out.add("bullets", items=tuple(milestone_line(m, s["weeks"]) for m in rec.plan))
    out.row(Button(content.dialogue.buttons["continue"], Resume()))
    return out.build("info", state)


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
