"""What a reminder nudge shows, decided from the loaded state; the sweep (bot/sweep.py) only
decides when, sends it, and commits what changed.

On the schedule's summary day the week in review comes first, and the plan remembers how far it
was at that summary (the next one says what was done since). Its buttons are the progress
board's ticks (flows/dialogues/progress_board.py) and the reminder settings' "not yet" and
"pause" (flows/dialogues/reminder_settings.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from flows.actions import NudgeDone, NudgePause, Snooze, StepDone
from flows.dialogues.dated_plan import view_of
from flows.nudges import compose_nudge
from flows.progress import iso_week, weekly_summary
from flows.reply import Button, Reply, ReplyBuilder
from flows.schedule import ReminderSchedule
from flows.turn.context import Dialogues
from flows.turn.records import PlanRecord, TurnState

NUDGE_SCREEN = "nudge"


@dataclass(frozen=True, slots=True)
class NudgeDecision:
    reply: Reply | None
    """None when there is nothing to nudge about (no plan, or the plan is complete)."""
    plan: PlanRecord | None
    """The plan row to store (created, re-dated, or a summary remembered); None: unchanged."""


def decide_nudge(
    app: Dialogues,
    state: TurnState,
    schedule: ReminderSchedule,
    now: datetime,
    *,
    catch_up: bool,
    fresh_key: str,
) -> NudgeDecision:
    """The nudge for today; on the schedule's summary day, the week in review first."""
    view = view_of(app.engine, state.conversation, state.plan, now.date(), fresh_key)
    if view is None:
        return NudgeDecision(None, None)
    words = app.content.reminders
    local = now.astimezone(schedule.zone)
    today = local.date()
    record = view.record
    summary = None
    if today.weekday() == schedule.summary_day():
        recent = {iso_week(today), iso_week((local - timedelta(weeks=1)).date())}
        summary = weekly_summary(
            view.milestones,
            done=record.done,
            done_at_last_summary=record.summary_done,
            steps_done=int(bool(set(state.checkin_weeks) & recent)),
            start=record.start_date,
            today=today,
        )
        record = replace(record, summary_done=record.done)
    changed = record if record != state.plan else None
    nudge = compose_nudge(
        view.milestones, record.done, today, words.messages, summary=summary, catch_up=catch_up
    )
    if nudge is None:
        return NudgeDecision(None, changed)
    b = words.buttons
    index = nudge.milestone.index
    out = ReplyBuilder()
    out.add("text", nudge.text)
    if nudge.kind == "step":
        out.row(Button(b["step_done"], StepDone(index, nudge.step.week)))
        out.row(Button(b["milestone_done"], NudgeDone(index)))
    else:
        out.row(Button(b["done"], NudgeDone(index)))
    day_label = b["snooze_day" if schedule.cadence == "daily" else "snooze_next"]
    out.row(Button(day_label, Snooze("day")), Button(b["snooze_week"], Snooze("week")))
    out.row(Button(b["pause"], NudgePause()))
    return NudgeDecision(out.build("info", NUDGE_SCREEN), changed)
