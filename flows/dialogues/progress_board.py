"""Progress you can tick off: the /progress screen and its buttons (also under every nudge).

Only real progress (a milestone or this week's step done) goes into the weekly streak. Skipping
a milestone and undoing one move the plan along without pretending to be work. Once this week's
step is done, the reminders stay quiet until the milestone's next week begins. A press about a
milestone that is no longer the current one (an old message, a double tap) just shows where
things stand.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from flows.actions import NudgeDone, ProgressSkip, ProgressUndo, ShowPlan, ShowProgress, StepDone
from flows.dialogues.dated_plan import PlanView, plan_view
from flows.dialogues.reminder_settings import local_time
from flows.events import Command
from flows.nudges import progress_text
from flows.progress import iso_week, week_step, weekly_streak
from flows.reply import Button, Reply, ReplyBuilder
from flows.schedule import ReminderSchedule
from flows.turn.context import Outcome, Turn, plain
from flows.turn.records import ReminderRecord

PROGRESS_SCREEN = "progress"
Tick = NudgeDone | StepDone | ProgressUndo | ProgressSkip


def on_show_progress(t: Turn, event: Command | ShowProgress) -> Outcome:
    view = plan_view(t)
    screen = progress_screen(t, view, t.state.checkin_weeks)
    return Outcome(t.conv, (screen,), placement="new", plan=view.record if view else None)


def on_tick(t: Turn, action: Tick) -> Outcome:
    """A tick on the progress screen or a nudge: that message becomes the progress screen."""
    view = plan_view(t)
    if view is None:
        return Outcome(t.conv, (plain(t.words.messages["progress_none"]),), placement="own")
    m = t.words.messages
    done = view.record.done
    week = iso_week(t.now.date())
    weeks = t.state.checkin_weeks
    reminder: ReminderRecord | None = None
    checkin: str | None = None
    notice: str | None = None
    if isinstance(action, NudgeDone) and action.index == done and view.current:
        view, checkin = _moved(view, done + 1), week
        if view.current is None:
            notice = m["plan_complete"]
            reminder = _stopped(t.state.reminder)
        else:
            notice = m["nudge_done"].format(title=view.current.title)
    elif isinstance(action, StepDone) and action.index == done and view.current:
        week_ends = view.current.start + timedelta(weeks=action.week)
        checkin = week
        reminder, notice = _quiet_until(t, week_ends)
    elif isinstance(action, ProgressUndo) and action.index == done - 1:
        view = _moved(view, done - 1)
        notice = m["progress_undone"].format(number=done)
    elif isinstance(action, ProgressSkip) and action.index == done and view.current:
        view = _moved(view, done + 1)
        if view.current is not None:
            notice = m["progress_skipped"].format(number=done + 2, title=view.current.title)
    if checkin is not None and checkin not in weeks:
        weeks = (checkin, *weeks)
    screen = progress_screen(t, view, weeks, notice)
    return Outcome(
        t.conv, (screen,), placement="own", plan=view.record, reminder=reminder, checkin=checkin
    )


def _moved(view: PlanView, done: int) -> PlanView:
    """The plan with `done` milestones done (skip and undo move it without counting as work)."""
    return view.with_record(replace(view.record, done=max(0, min(done, len(view.milestones)))))


def _stopped(reminder: ReminderRecord | None) -> ReminderRecord | None:
    """Every milestone is done: nothing left to nudge about."""
    if reminder is None:
        return None
    return replace(reminder, status="stopped", next_due=None, claimed_at=None)


def _quiet_until(t: Turn, week_ends: date) -> tuple[ReminderRecord | None, str]:
    """This week counts; the next nudge comes when the milestone's next week begins."""
    record = t.state.reminder
    if record is None or record.status != "active":
        return None, t.words.messages["step_done_no_reminders"]
    schedule = ReminderSchedule.model_validate_json(record.schedule)
    nxt = schedule.first_slot_from(week_ends)
    moved = replace(record, next_due=int(nxt.timestamp()), claimed_at=None)
    return moved, t.words.messages["step_done"].format(next=local_time(schedule, nxt))


def progress_screen(
    t: Turn, view: PlanView | None, weeks: tuple[str, ...], notice: str | None = None
) -> Reply:
    """The bar, the current milestone and this week's step, the streak, and the buttons:
    this week's step done, milestone done, skip to next, undo, see the plan."""
    m, b = t.words.messages, t.words.buttons
    if view is None:
        return plain(m["progress_none"], PROGRESS_SCREEN)
    today = t.now.date()
    done = view.record.done
    out = ReplyBuilder()
    if notice:
        out.add("note", notice)
    streak = weekly_streak(weeks, today)
    out.add("text", progress_text(view.milestones, done, today, streak, m))
    if view.current is not None:
        # As on a nudge: mid-milestone, "done" would be ambiguous, so this week's step and
        # the whole milestone get a button each; in its last week, one "done" is enough.
        step = week_step(view.current, today)
        if step.is_outcome:
            out.row(Button(b["done"], NudgeDone(done)), Button(b["skip"], ProgressSkip(done)))
        else:
            out.row(Button(b["step_done"], StepDone(done, step.week)))
            out.row(
                Button(b["milestone_done"], NudgeDone(done)),
                Button(b["skip"], ProgressSkip(done)),
            )
    if done > 0:
        out.row(Button(b["undo"], ProgressUndo(done - 1)), Button(b["see_plan"], ShowPlan()))
    else:
        out.row(Button(b["see_plan"], ShowPlan()))
    return out.build("info", PROGRESS_SCREEN)
