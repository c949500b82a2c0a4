"""Progress you can tick off: the /progress screen and its buttons (also under every nudge).

Only real progress (a milestone or this week's step done) goes into the weekly streak. Skipping
a milestone moves the plan along without pretending to be work. Once this week's step is done,
the reminders stay quiet until the milestone's next week begins, and its button says so.

Every tick answers with an Undo: each tick remembers what it changed (`Tick`, kept with the
conversation), and undoing it puts exactly that back, the streak and the reminders included.
A press about a milestone that is no longer the current one (an old message, a double tap)
just shows where things stand. Before the plan's start date, the screen says when it starts
and what to prepare, and counts no weeks.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from flows.actions import NudgeDone, ProgressSkip, ProgressUndo, ShowPlan, ShowProgress, StepDone
from flows.dialogues.dated_plan import PlanView, plan_view
from flows.dialogues.reminder_settings import epoch, local_time
from flows.events import Command
from flows.nudges import progress_text
from flows.progress import Tick, TickKind, iso_week, week_step, weekly_streak
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
        notice = t.words.messages["plan_complete"]
        return _ticked(t, view, after, "milestone", notice, _stopped(t.state.reminder))
    notice = t.words.messages["nudge_done"].format(title=after.current.title)
    return _ticked(t, view, after, "milestone", notice)


def on_step_done(t: Turn, action: StepDone) -> Outcome:
    """This week's step is done: it counts, and the next nudge waits for the milestone's next
    week. Pressed again, it is done already: nothing changes."""
    view = plan_view(t)
    if view is None or action.index != view.record.done or view.current is None:
        return _as_it_stands(t, view)
    if any(tick.is_step(action.index, action.week) for tick in t.conv.ticks):
        already = t.words.messages["step_done_already"]
        return replace(_as_it_stands(t, view, already), toast=already)
    reminder, notice = _quiet_until(t, view.current.start + timedelta(weeks=action.week))
    return _ticked(t, view, view, "step", notice, reminder, week=action.week)


def on_skip(t: Turn, action: ProgressSkip) -> Outcome:
    """On to the next milestone without counting this one as done work (undone like a tick)."""
    view = plan_view(t)
    if view is None or action.index != view.record.done or view.current is None:
        return _as_it_stands(t, view)
    after = _moved(view, view.record.done + 1)
    if after.current is None:
        return _ticked(t, view, after, "skip", None, streak=False)
    number = view.record.done + 2
    notice = t.words.messages["progress_skipped"].format(number=number, title=after.current.title)
    return _ticked(t, view, after, "skip", notice, streak=False)


def on_undo(t: Turn, action: ProgressUndo) -> Outcome:
    """The newest tick taken back: exactly what it changed is put back (the milestones done,
    the week it added to the streak, the reminders it quieted or stopped)."""
    view = plan_view(t)
    tick = undoable(t, view)
    if view is None or tick is None or tick.at != action.tick:
        return _as_it_stands(t, view)
    before = _moved(view, tick.done)
    weeks = tuple(w for w in t.state.checkin_weeks if w != tick.checkin)
    m = t.words.messages
    notice = m["progress_undone_step"] if tick.kind == "step" else None
    notice = notice or m["progress_undone"].format(number=tick.index + 1)
    conv = t.conv.untick()
    screen = progress_screen(t, before, weeks, notice, conv.ticks)
    return Outcome(
        conv,
        (screen,),
        placement="own",
        plan=before.record,
        reminder=_restored(t, tick),
        uncheck=tick.checkin,
    )


def undoable(t: Turn, view: PlanView | None) -> Tick | None:
    """The newest tick, while the plan still stands as it left it."""
    ticks = t.conv.ticks
    if view is None or not ticks or not ticks[-1].applies_to(view.record.done):
        return None
    return ticks[-1]


# ---------------------------------------------------------------------------------- helpers


def _as_it_stands(t: Turn, view: PlanView | None, notice: str | None = None) -> Outcome:
    """A press about a milestone that is no longer the current one (an old message, a double
    tap): where things stand, nothing changed."""
    if view is None:
        return Outcome(t.conv, (plain(t.words.messages["progress_none"]),), placement="own")
    screen = progress_screen(t, view, t.state.checkin_weeks, notice)
    return Outcome(t.conv, (screen,), placement="own", plan=view.record)


def _ticked(
    t: Turn,
    before: PlanView,
    after: PlanView,
    kind: TickKind,
    notice: str | None,
    reminder: ReminderRecord | None = None,
    *,
    week: int = 0,
    streak: bool = True,
) -> Outcome:
    """A tick: remembered with what it changes (for Undo); real progress counts this week for
    the weekly streak. The pressed message becomes the progress screen."""
    this_week = iso_week(t.now.date())
    weeks = t.state.checkin_weeks
    added = streak and this_week not in weeks
    old = t.state.reminder
    tick = Tick(
        kind=kind,
        index=before.record.done,
        week=week,
        at=epoch(t.now),
        done=before.record.done,
        checkin=this_week if added else None,
        reminder=(old.status, old.next_due) if old is not None and reminder is not None else None,
    )
    conv = t.conv.ticked(tick)
    weeks = (this_week, *weeks) if added else weeks
    screen = progress_screen(t, after, weeks, notice, conv.ticks)
    return Outcome(
        conv,
        (screen,),
        placement="own",
        plan=after.record,
        reminder=reminder,
        checkin=this_week if streak else None,
    )


def _moved(view: PlanView, done: int) -> PlanView:
    """The plan with `done` milestones done (skip and undo move it without counting as work)."""
    return view.with_record(replace(view.record, done=max(0, min(done, len(view.milestones)))))


def _stopped(reminder: ReminderRecord | None) -> ReminderRecord | None:
    """Every milestone is done: nothing left to nudge about."""
    if reminder is None:
        return None
    return replace(reminder, status="stopped", next_due=None, claimed_at=None)


def _restored(t: Turn, tick: Tick) -> ReminderRecord | None:
    """The reminders as they were before the tick; a next nudge whose time has passed since
    comes at the schedule's next slot instead (never a burst of overdue nudges)."""
    record = t.state.reminder
    if record is None or tick.reminder is None:
        return None
    status, next_due = tick.reminder
    if status == "active" and next_due is not None and next_due <= epoch(t.now):
        schedule = ReminderSchedule.model_validate_json(record.schedule)
        next_due = epoch(schedule.next_delivery(t.now))
    return replace(record, status=status, next_due=next_due, claimed_at=None)


def _quiet_until(t: Turn, week_ends: date) -> tuple[ReminderRecord | None, str]:
    """This week counts; the next nudge comes when the milestone's next week begins."""
    record = t.state.reminder
    if record is None or record.status != "active":
        return None, t.words.messages["step_done_no_reminders"]
    schedule = ReminderSchedule.model_validate_json(record.schedule)
    nxt = schedule.first_slot_from(week_ends)
    moved = replace(record, next_due=epoch(nxt), claimed_at=None)
    return moved, t.words.messages["step_done"].format(next=local_time(schedule, nxt))


def not_started(view: PlanView, today: date) -> bool:
    """Nothing done and the plan's first day still ahead: no week of it has begun."""
    return view.record.done == 0 and bool(view.milestones) and today < view.milestones[0].start


def progress_screen(
    t: Turn,
    view: PlanView | None,
    weeks: tuple[str, ...],
    notice: str | None = None,
    ticks: tuple[Tick, ...] | None = None,
) -> Reply:
    """The bar, the current milestone and this week's step (or, before the start, when it
    starts and what to prepare), the streak, and the buttons: this week's step done (marked
    once it is), milestone done, skip to next, undo the last tick, see the plan."""
    m, b = t.words.messages, t.words.buttons
    if view is None:
        return plain(m["progress_none"], PROGRESS_SCREEN)
    ticks = t.conv.ticks if ticks is None else ticks
    today = t.now.date()
    done = view.record.done
    out = ReplyBuilder()
    if notice:
        out.add("note", notice)
    streak = weekly_streak(weeks, today)
    waiting = not_started(view, today)
    out.add("text", progress_text(view.milestones, done, today, streak, m, not_started=waiting))
    if view.current is not None and not waiting:
        # As on a nudge: mid-milestone, "done" would be ambiguous, so this week's step and
        # the whole milestone get a button each; in its last week, one "done" is enough.
        step = week_step(view.current, today)
        if step.is_outcome:
            out.row(Button(b["done"], NudgeDone(done)), Button(b["skip"], ProgressSkip(done)))
        else:
            ticked = any(tick.is_step(done, step.week) for tick in ticks)
            label = b["step_done_ticked" if ticked else "step_done"]
            out.row(Button(label, StepDone(done, step.week)))
            out.row(
                Button(b["milestone_done"], NudgeDone(done)),
                Button(b["skip"], ProgressSkip(done)),
            )
    last = ticks[-1] if ticks and ticks[-1].applies_to(done) else None
    if last is not None:
        out.row(Button(b["undo"], ProgressUndo(last.at)), Button(b["see_plan"], ShowPlan()))
    else:
        out.row(Button(b["see_plan"], ShowPlan()))
    return replace(out.build("info", PROGRESS_SCREEN), again=ShowProgress())
