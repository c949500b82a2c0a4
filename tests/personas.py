"""Shared by the persona tables: what a persona expects, and the checks its keys name.

A key is "kind:value". Kinds about the advice object:
  reason:FIELD       a reason names that answer       limit:FIELD   the path breaks that limit
  unknown:FIELD      a limit on that answer is not published (cannot tell)
  change:FIELD       a change to that answer is offered (and was re-checked)
  no_change_for:PATH no change is offered for that path
  alt_limit:PATH:FIELD   an alternative's first broken limit is on that answer
  alt_verdict:PATH:VERDICT   an alternative's verdict (fits, does_not_fit, not_published)
  alt_why:PATH:WORDS     an alternative's line contains WORDS
  ruled_out:PATH:FIELD   ruled out by that answer     within:PATH  what fits the limits instead
  caveat:WORDS / no_caveat:WORDS      a caveat does / no caveat does contain WORDS
  first_step:WORDS   the plan starts with WORDS       plan_order:A|B  milestone A comes before B
  next:WORDS         the first next step starts with WORDS
  note:FIELD         the check on that answer carries a note (a budget at the floor of a range)
  serves:yes|no      whether the path serves the goal unsure:F1,F2   the "not sure" answers
Kinds about the screens as a person sees them (headline, every detail screen, the plan):
  screen:TOPIC:WORDS / no_screen:TOPIC:WORDS   that screen does / does not contain WORDS
"""

from __future__ import annotations

from typing import Any, NamedTuple

from flows.actions import Resume
from flows.advice.details import SCREENS, present_detail
from flows.advice.present import milestone_line, pace_note, plan_summary, present_recommendation
from flows.advice.rules import Recommendation
from flows.content import Content
from flows.profile import Profile
from flows.reply import Button, Reply, ReplyBuilder

SWITCHER = {"coding_experience": "none", "years_experience": 0, "degree": "bachelor_other"}
RUNWAY = {"budget_usd": 60000, "can_pause_income": 24, "hours_per_week": 40}
FULL_TIME_SWITCH = {"budget_usd": 20000, "can_pause_income": 4, "hours_per_week": 40}
ML_PRACTITIONER = {"coding_experience": "ml", "years_experience": 5, "degree": "graduate"}


class Persona(NamedTuple):
    name: str
    answers: dict[str, Any]
    path: str
    level: str | None
    situation: str
    rule: str
    keys: tuple[str, ...]


def text_of(reply: Reply) -> str:
    """What a person reads: every block, one line each, bullets on their own lines."""
    lines: list[str] = []
    for block in reply.blocks:
        if block.text:
            lines.append(block.text)
        lines.extend(block.items)
    return "\n".join(lines)


def screens(content: Content, profile: Profile, rec: Recommendation) -> dict[str, str]:
    """Every screen of the recommendation, as text: the headline, each detail, the plan."""
    out = {"headline": text_of(present_recommendation(content, rec, "recommendation"))}
    for topic in SCREENS:
        out[topic] = text_of(present_detail(content, profile, rec, topic, "recommendation"))
    out["dated_plan"] = text_of(present_plan(content, rec, "recommendation"))
    return out


def check(content: Content, profile: Profile, rec: Recommendation, key: str) -> None:
    kind, _, rest = key.partition(":")
    alts = {a.path: a for a in rec.alternatives}
    if kind == "reason":
        assert any(rest in r.answers for r in rec.reasons), rec.reasons
    elif kind == "limit":
        assert rest in [c.answer for c in rec.limits], rec.limits
    elif kind == "unknown":
        assert any(c.answer == rest and c.fits == "not_published" for c in rec.checks), rec.checks
    elif kind == "change":
        assert rest in [c.answer for c in rec.changes], rec.changes
    elif kind == "no_change_for":
        assert all(c.path != rest for c in rec.changes), rec.changes
    elif kind == "alt_limit":
        path, field = rest.split(":")
        alt = alts[path]  # type: ignore[index]
        assert alt.fits == "does_not_fit" and alt.limits[0].answer == field, alt
        assert alt.why_not.startswith(alt.limits[0].text), alt.why_not
    elif kind == "alt_verdict":
        path, verdict = rest.split(":")
        assert alts[path].fits == verdict, alts[path]  # type: ignore[index]
    elif kind == "alt_why":
        path, words = rest.split(":")
        assert words in alts[path].why_not, alts[path].why_not  # type: ignore[index]
    elif kind == "ruled_out":
        path, field = rest.split(":")
        assert any(r.path == path and r.answer == field for r in rec.ruled_out), rec.ruled_out
        assert path not in alts
    elif kind == "within":
        assert rec.within_limits is not None and rec.within_limits.path == rest, rec.within_limits
    elif kind == "caveat":
        assert any(rest in c for c in rec.caveats), rec.caveats
    elif kind == "no_caveat":
        assert not any(rest in c for c in rec.caveats), rec.caveats
    elif kind == "first_step":
        assert rec.plan[0].title.startswith(rest), rec.plan[0]
    elif kind == "plan_order":
        first, second = rest.split("|")
        titles = [m.title for m in rec.plan]
        at = [next(i for i, t in enumerate(titles) if t.startswith(w)) for w in (first, second)]
        assert at[0] < at[1], titles
    elif kind == "next":
        assert rec.next_steps[0].startswith(rest), rec.next_steps
    elif kind == "note":
        assert any(c.answer == rest and c.note for c in rec.checks), rec.checks
    elif kind == "serves":
        assert rec.serves_goal == (rest == "yes"), (rec.serves_goal, rec.goal_gap)
    elif kind == "unsure":
        assert rec.unsure == rest.split(","), rec.unsure
    elif kind in ("screen", "no_screen"):
        topic, words = rest.split(":", 1)
        text = screens(content, profile, rec)[topic]
        assert (words in text) == (kind == "screen"), (words, text)
    else:
        raise AssertionError(f"unknown key kind {kind}")


def present_plan(content: Content, rec: Recommendation, state: str) -> Reply:
    """The undated plan as one screen: its summary, pace note and milestones (what the dated
    plan screen lists with dates), for checking a persona's words against."""
    s = content.dialogue.sections
    out = ReplyBuilder()
    out.add("title", s["plan_title"].format(path=rec.path_name))
    out.add("text", plan_summary(content, rec))
    out.add("note", pace_note(content, rec))
    out.add("bullets", items=tuple(milestone_line(m, s["weeks"]) for m in rec.plan))
    out.row(Button(content.dialogue.buttons["continue"], Resume()))
    return out.build("info", state)
