"""The recommendation's detail screens: one pure function per topic, each a transport-neutral Reply.

The set of topics is data (`detail_topics` in `content/dialogue.yaml`), so the transports show one
button or command per topic; `present_detail` maps a topic id to its screen.
"""

from __future__ import annotations

from collections.abc import Callable

from flows.actions import Resume
from flows.advice.present import (
    check_line,
    milestone_line,
    money_line,
    money_summary,
    pace_note,
    plan_summary,
)
from flows.advice.rules import Recommendation
from flows.content import Content, DetailTopicId, Titled
from flows.plan import Milestone
from flows.profile import PathId, Profile
from flows.reply import Button, Reply, ReplyBuilder
from flows.words import count, money

Screen = Callable[[Content, Profile, Recommendation, ReplyBuilder], None]


def _title(content: Content, topic: DetailTopicId, rec: Recommendation) -> str:
    item = next(t for t in content.dialogue.detail_topics if t.id == topic)
    return item.title.format(path=rec.path_name)


def _titled(content: Content, items: list[Titled]) -> tuple[str, ...]:
    line = content.dialogue.sections["titled_line"]
    return tuple(line.format(title=i.title, text=i.text) for i in items)


def costs(content: Content, profile: Profile, rec: Recommendation, out: ReplyBuilder) -> None:
    """Tuition and when it is due, months without pay, pay while training, the person's budget
    against it; then the alternatives' money lines and, once, where the figures come from."""
    s = content.dialogue.sections
    cash = rec.cash_flow
    out.add("text", money_line(content, cash, name_provider=False))
    out.add("bullets", items=tuple(rec.figures))
    budget = next((c for c in rec.checks if c.limit == "budget"), None)
    notes = [check_line(budget)] if budget and budget.demand != 0 else []
    if cash.tuition_usd_min:
        notes.append(s["money_due"])
    if cash.earnings_usd:
        notes.append(
            s["salary_apprenticeship"].format(per_month=money(cash.earnings_per_month_usd))
        )
    if cash.earnings_usd and cash.unpaid_months:
        notes.append(
            s["salary_phase_one"].format(months=count(content, "month", cash.unpaid_months))
        )
    elif cash.unpaid_months:
        notes.append(
            s["salary_full_time"].format(months=count(content, "month", cash.unpaid_months))
        )
    if notes:  # a free path with no pay: nothing to set against the person's answers
        out.add("heading", s["your_money"])
        out.add("bullets", items=tuple(notes))
    if rec.alternatives:
        out.add("heading", s["alternatives"])
        out.add(
            "bullets",
            items=tuple(
                s["money_of"].format(
                    name=a.name, summary=money_summary(content, a.cash_flow, name_provider=False)
                )
                for a in rec.alternatives
            ),
        )
    out.add("note", sources_line(content))


def sources_line(content: Content) -> str:
    """Names both articles and, once, the provider whose article the program figures come from."""
    titles = {src.id: src.title for src in content.advice.sources}
    return content.dialogue.sections["sources"].format(
        first=titles["choosing_path"], second=titles["no_degree"], provider=content.advice.provider
    )


def plan(content: Content, profile: Profile, rec: Recommendation, out: ReplyBuilder) -> None:
    """Things to weigh and next steps, then every milestone with its outcome and resources."""
    s = content.dialogue.sections
    if rec.caveats:
        out.add("heading", s["caveats"])
        out.add("bullets", items=tuple(rec.caveats))
    out.add("heading", s["next_steps"])
    out.add("bullets", items=tuple(rec.next_steps))
    out.add("heading", s["plan"])
    out.add("text", plan_summary(content, rec))
    out.add("note", pace_note(content, rec))
    out.add("bullets", items=tuple(_milestone(content, m) for m in rec.plan))


def _milestone(content: Content, m: Milestone) -> str:
    """A milestone with its free resources and, apart, what it costs (exam fees are never free)."""
    s = content.dialogue.sections
    line = milestone_line(m, s["weeks"])
    if m.resources:
        line += " " + s["plan_resources"].format(resources=", ".join(m.resources))
    if m.costs:
        line += " " + s["plan_costs"].format(costs="; ".join(m.costs))
    return line


def why_not(content: Content, profile: Profile, rec: Recommendation, out: ReplyBuilder) -> None:
    """Each alternative with why it comes second; the ruled-out paths apart, with the answer."""
    s = content.dialogue.sections
    out.add("heading", s["alternatives"])
    out.add(
        "bullets", items=tuple(alternative_line(content, rec, a.path) for a in rec.alternatives)
    )
    if rec.ruled_out:
        out.add("heading", s["ruled_out"])
        out.add(
            "bullets",
            items=tuple(
                s["ruled_out_line"].format(name=content.advice.path(r.path).name, text=r.text)
                for r in rec.ruled_out
            ),
        )


ALTERNATIVE_KEYS = {
    "fits": "alternative_fits",
    "does_not_fit": "alternative_breaks",
    "not_published": "alternative_unknown",
}


def alternative_line(content: Content, rec: Recommendation, path: PathId) -> str:
    """'Name (fits): why it comes second' for one alternative, labelled by its verdict."""
    alt = next(a for a in rec.alternatives if a.path == path)
    return content.dialogue.sections[ALTERNATIVE_KEYS[alt.fits]].format(
        name=alt.name, why_not=alt.why_not
    )


def certifications(
    content: Content, profile: Profile, rec: Recommendation, out: ReplyBuilder
) -> None:
    s = content.dialogue.sections
    lines = []
    for c in content.advice.certifications:
        provider = s["cert_provider"].format(provider=c.provider) if c.provider else ""
        lines.append(
            s["cert_line"].format(
                name=c.name,
                provider=provider,
                cost=c.cost,
                prep=c.prep_time,
                signal=c.signal,
                note=c.signal_note,
            )
        )
    out.add("bullets", items=tuple(lines))
    out.add("heading", s["certifications_strategy"])
    out.add("text", content.advice.certification_strategy)


def roles(content: Content, profile: Profile, rec: Recommendation, out: ReplyBuilder) -> None:
    """The three roles, the person's goal first, each with its tools and what degree it needs."""
    s = content.dialogue.sections
    ordered = sorted(content.advice.roles, key=lambda r: r.id != profile.goal_role)
    for role in ordered:
        name = (
            s["roles_yours"].format(name=role.name) if role.id == profile.goal_role else role.name
        )
        out.add("heading", name)
        out.add("text", role.summary)
        items = [role.degree_note]
        if role.tools:
            items.insert(0, s["role_tools"].format(tools=", ".join(role.tools)))
        out.add("bullets", items=tuple(items))


def portfolio(content: Content, profile: Profile, rec: Recommendation, out: ReplyBuilder) -> None:
    s = content.dialogue.sections
    out.add("heading", s["portfolio_must"])
    out.add("bullets", items=_titled(content, content.advice.portfolio_must_haves))
    out.add("heading", s["portfolio_avoid"])
    out.add("bullets", items=_titled(content, content.advice.portfolio_mistakes))


def job_search(content: Content, profile: Profile, rec: Recommendation, out: ReplyBuilder) -> None:
    s = content.dialogue.sections
    out.add("heading", s["job_search_outreach"])
    out.add("bullets", items=_titled(content, content.advice.job_search))
    out.add("heading", s["job_search_interviews"])
    out.add("bullets", items=_titled(content, content.advice.interview_topics))


def self_check(content: Content, profile: Profile, rec: Recommendation, out: ReplyBuilder) -> None:
    """A checklist against what AI engineering postings ask for (the goal's signals first), then
    what does not count."""
    s = content.dialogue.sections
    focused = any(i.for_goal for i in rec.self_check)
    out.add("text", s["self_check_intro_goal" if focused else "self_check_intro"])
    out.add(
        "bullets",
        items=tuple(
            s["self_check_goal" if i.for_goal else "self_check_item"].format(
                title=i.title, text=i.text
            )
            for i in rec.self_check
        ),
    )
    out.add("heading", s["self_check_not"])
    out.add("bullets", items=_titled(content, content.advice.hiring_signals[-2:]))


SCREENS: dict[DetailTopicId, Screen] = {
    "costs": costs,
    "plan": plan,
    "why_not": why_not,
    "certifications": certifications,
    "roles": roles,
    "portfolio": portfolio,
    "job_search": job_search,
    "self_check": self_check,
}


def detail_topic(content: Content, name: str) -> DetailTopicId | None:
    """The topic a button or command names, or None if content lists no such topic."""
    return next((t.id for t in content.dialogue.detail_topics if t.id == name), None)


def present_detail(
    content: Content, profile: Profile, rec: Recommendation, topic: DetailTopicId, state: str
) -> Reply:
    """One detail screen, with a way back to the recommendation."""
    out = ReplyBuilder()
    out.add("title", _title(content, topic, rec))
    SCREENS[topic](content, profile, rec, out)
    out.row(Button(content.dialogue.buttons["continue"], Resume()))
    return out.build("info", state)
