"""Roadmap render time (p50/p99) and calendar size for a two-year plan.

The roadmap runs in a worker thread (asyncio.to_thread), so its time is a wait for one person,
not a stall for everyone; still, it is the slowest step of /plan and worth watching.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta

from bench.common import Table, median, percentile
from bot.plan_files import plan_ics, roadmap_pages
from flows.advice.rules import recommend
from flows.content import default_content
from flows.profile import Profile
from flows.schedule import DatedMilestone, date_plan

PART_TIMER = {
    "coding_experience": "none",
    "degree": "none",
    "goal_role": "applied_ml",
    "target_employer": "industry",
    "needs_visa": "no",
    "budget_usd": 0,
    "can_pause_income": 0,
    "hours_per_week": 8,
    "learning_style": "self_directed",
}
"""8 h/week of self-study: the article's part-time pace stretches the plan to about two years."""


def split_to_quarters(plan: list[DatedMilestone], weeks: int = 13) -> list[DatedMilestone]:
    """The same plan with no milestone longer than `weeks` (a stress case: more rows)."""
    out: list[DatedMilestone] = []
    for m in plan:
        start = m.start
        while start <= m.end:
            end = min(m.end, start + timedelta(weeks=weeks, days=-1))
            out.append(m.model_copy(update={"index": len(out), "start": start, "end": end}))
            start = end + timedelta(days=1)
    return out


def timings(
    plan: list[DatedMilestone], title: str, words: dict[str, str], rounds: int
) -> list[float]:
    out = []
    for _ in range(rounds):
        start = time.perf_counter()
        roadmap_pages(
            plan, title, done=len(plan) // 3, today=plan[len(plan) // 3].start, words=words
        )
        out.append(time.perf_counter() - start)
    return out


def run(table: Table, *, quick: bool = False) -> None:
    content = default_content()
    words = dict(content.reminders.messages)
    rec = recommend(Profile.model_validate(PART_TIMER), content)
    plan = date_plan(rec.plan, date(2026, 11, 23))
    title = content.dialogue.sections["plan_title"].format(path=rec.path_name)
    weeks = (plan[-1].end - plan[0].start).days / 7
    rounds = 10 if quick else 40
    roadmap_pages(plan, title, done=0, today=plan[0].start, words=words)  # fonts, caches
    cases = (
        ("as planned", plan),
        ("stress: every milestone cut to ≤ 5 weeks", split_to_quarters(plan, weeks=5)),
    )
    for name, rows in cases:
        pages = roadmap_pages(rows, title, done=0, today=rows[0].start, words=words)
        times = timings(rows, title, words, rounds)
        table.add(
            f"roadmap render, {len(rows)} milestones ({name})",
            f"p50 {median(times) * 1000:.0f} ms · p99 {percentile(times, 99) * 1000:.0f} ms",
            f"{len(pages)} page(s), {sum(len(p) for p in pages) // 1024} KiB, {rounds} runs",
        )
        ics = plan_ics(
            rows,
            title,
            plan_key="bench",
            revision=3,
            stamp=datetime(2026, 11, 23, tzinfo=UTC),
            words=words,
        )
        table.add(
            f"calendar size, {len(rows)} milestones ({name})",
            f"{len(ics) / 1024:.1f} KiB",
            f"{weeks:.0f}-week plan, one deadline event + alarm per milestone",
        )
