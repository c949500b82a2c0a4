"""Operator insight: the numbers behind `/stats` and `aipath stats`, and their text."""

from __future__ import annotations

from typing import Any

from flows.graph import STATES

FUNNEL_STATES = STATES[1:]  # every state past the welcome


def funnel(by_state: dict[str, int]) -> list[tuple[str, int]]:
    """How many users reached each step (a user at step k has passed every step before it)."""
    counts = [by_state.get(state, 0) for state in FUNNEL_STATES]
    reached, running = [], 0
    for state, count in reversed(list(zip(FUNNEL_STATES, counts, strict=True))):
        running += count
        reached.append((state, running))
    return list(reversed(reached))


def stats_report(stats: dict[str, Any]) -> dict[str, Any]:
    return {**stats, "funnel": dict(funnel(stats["by_state"]))}


def stats_text(stats: dict[str, Any]) -> str:
    """Plain text for operators (English only: this is not user-facing content)."""
    report = stats_report(stats)
    started = report["users_started"] or 1
    lines = [
        f"Users started: {report['users_started']}",
        f"Finished: {report['users_finished']} ({100 * report['users_finished'] // started}%)",
        f"Active in 7 days: {report['active_7_days']}, in 30 days: {report['active_30_days']}",
        f"Blocked the bot: {report['inactive']}",
        "Funnel (reached each step):",
        *(f"  {state}: {count}" for state, count in report["funnel"].items()),
        "Recommendation mix:",
        *(f"  {path}: {count}" for path, count in sorted(report["recommendation_mix"].items())),
        "Reminders: "
        + (", ".join(f"{k} {v}" for k, v in sorted(report["reminders"].items())) or "none"),
    ]
    return "\n".join(lines)
