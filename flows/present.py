"""Turns recommendations, plans and FAQ entries into transport-neutral reply blocks."""

from __future__ import annotations

from flows.actions import Back, Faq, FaqMenu, Restart, Resume, ShowPlan
from flows.content import Content, FaqItem
from flows.plan import Milestone
from flows.reply import Button, Reply, ReplyBuilder
from flows.rules import Recommendation


def milestone_line(m: Milestone, weeks_label: str) -> str:
    return f"{weeks_label.format(start=m.start_week, end=m.end_week)} — {m.title}: {m.milestone}"


def present_recommendation(
    content: Content, rec: Recommendation, state: str, notice: str | None = None
) -> Reply:
    s = content.dialogue.sections
    b = content.dialogue.buttons
    out = ReplyBuilder()
    if notice:
        out.add("note", notice)
    out.add("title", s["recommendation_title"].format(path=rec.path_name))
    out.add("bullets", items=tuple(rec.figures))
    out.add("heading", s["why"])
    out.add("bullets", items=tuple(r.text for r in rec.reasons))
    out.add("heading", s["caveats"])
    out.add("bullets", items=tuple(rec.caveats))
    out.add("heading", s["alternatives"])
    out.add("bullets", items=tuple(f"{a.name}: {a.why}" for a in rec.alternatives))
    out.add("heading", s["next_steps"])
    out.add("bullets", items=tuple(rec.next_steps))
    out.add("heading", s["plan"])
    out.add("bullets", items=tuple(milestone_line(m, s["weeks"]) for m in rec.plan))
    out.add("note", s["sources_note"])
    out.row(Button(b["plan"], ShowPlan()), Button(b["faq"], FaqMenu()))
    out.row(Button(b["edit_answers"], Back(state)), Button(b["start_over"], Restart(state)))
    return out.build("recommendation", state)


def present_plan(content: Content, rec: Recommendation, state: str) -> Reply:
    s = content.dialogue.sections
    out = ReplyBuilder()
    out.add("title", s["plan_title"].format(path=rec.path_name))
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
