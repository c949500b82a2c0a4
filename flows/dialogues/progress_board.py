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


def on_show_progress(t: Turn, event: Command | ShowProgress) -> Outcome:
    view = plan_view(t)
    screen = progress_screen(t, view, t.state.checkin_weeks)
    return Outcome(t.conv, (screen,), placement="new", plan=view.record if view else None)


def on_milestone_done(t: Turn, action: NudgeDone) -> Outcome:
    """The current milestone is done: real progress, so this week counts for the streak."""
    view = plan_view(t)
    if view is None or action.index != view.record.done or view.current is None:
        return _as_it_stands(t, view)
    after = _moved(view, view.record.done + 1)
    if after.current is None:  # the last one: nothing left to nudge about
        return _ticked(t, after, t.words.messages["plan_complete"], _stopped(t.state.reminder))
    notice = t.words.messages["nudge_done"].format(title=after.current.title)
    return _ticked(t, after, notice)


def on_step_done(t: Turn, action: StepDone) -> Outcome:
    """This week's step is done: it counts, and the next nudge waits for the milestone's next
    week."""
    view = plan_view(t)
    if view is None or action.index != view.record.done or view.current is None:
        return _as_it_stands(t, view)
    reminder, notice = _quiet_until(t, view.current.start + timedelta(weeks=action.week))
    return _ticked(t, view, notice, reminder)


def on_undo(t: Turn, action: ProgressUndo) -> Outcome:
    """The last milestone ticked is open again (not progress either way)."""
    view = plan_view(t)
    if view is None or action.index != view.record.done - 1:
        return _as_it_stands(t, view)
    notice = t.words.messages["progress_undone"].format(number=view.record.done)
    return _shown(t, _moved(view, view.record.done - 1), notice)


def on_skip(t: Turn, action: ProgressSkip) -> Outcome:
    """On to the next milestone without counting this one as done work."""
    view = plan_view(t)
    if view is None or action.index != view.record.done or view.current is None:
        return _as_it_stands(t, view)
    after = _moved(view, view.record.done + 1)
    if after.current is None:
        return _shown(t, after)
    number = view.record.done + 2
    notice = t.words.messages["progress_skipped"].format(number=number, title=after.current.title)
    return _shown(t, after, notice)


def _as_it_stands(t: Turn, view: PlanView | None) -> Outcome:
    """A press about a milestone that is no longer the current one (an old message, a double
    tap): where things stand, nothing changed."""
    if view is None:
        return Outcome(t.conv, (plain(t.words.messages["progress_none"]),), placement="own")
    return _shown(t, view)


def _shown(t: Turn, view: PlanView, notice: str | None = None) -> Outcome:
    """The pressed message becomes the progress screen (the plan row as it now stands)."""
    screen = progress_screen(t, view, t.state.checkin_weeks, notice)
    return Outcome(t.conv, (screen,), placement="own", plan=view.record)


def _ticked(
    t: Turn, view: PlanView, notice: str, reminder: ReminderRecord | None = None
) -> Outcome:
    """Real progress: this week goes into the weekly streak."""
    week = iso_week(t.now.date())
    weeks = t.state.checkin_weeks
    weeks = weeks if week in weeks else (week, *weeks)
    screen = progress_screen(t, view, weeks, notice)
    return Outcome(
        t.conv, (screen,), placement="own", plan=view.record, reminder=reminder, checkin=week
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
