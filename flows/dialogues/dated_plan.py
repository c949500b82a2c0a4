"""The dated plan dialogue: the study plan with real dates, its start date, and its files.

The stored plan row is created the first time anyone looks at the plan (a random key for its
calendar), and re-dated when the person's weekly hours change: `plan_view` works out what the
row should be, and the turn commits it with everything else. Nothing here writes or waits.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from flows.actions import PlanStart, RemindMe, ShowPlan, ShowProgress
from flows.advice.rules import Recommendation
from flows.content import ReminderText
from flows.conversation import Conversation
from flows.dialogues.reminder_settings import epoch, first_nudge
from flows.engine import Engine
from flows.events import Command
from flows.reply import Button, Reply, ReplyBuilder
from flows.schedule import DatedMilestone, ReminderSchedule, date_plan
from flows.turn.context import Outcome, Turn, not_ready
from flows.turn.effects import SendPlanFiles
from flows.turn.records import PlanRecord, ReminderRecord

PLAN_SCREEN = "plan"
START_CHOICES = ("today", "monday", "2w")


@dataclass(frozen=True, slots=True)
class PlanView:
    """A person's plan with dates, and the plan row as it is to be stored."""

    recommendation: Recommendation
    record: PlanRecord
    milestones: tuple[DatedMilestone, ...]
    redated: bool
    """The weekly hours changed since the plan was last dated: the rest runs from today."""

    @property
    def current(self) -> DatedMilestone | None:
        done = self.record.done
        return self.milestones[done] if done < len(self.milestones) else None

    def with_record(self, record: PlanRecord) -> PlanView:
        """The same plan with another stored row (dates worked out again)."""
        return _dated(self.recommendation, record, redated=False)


def plan_view(t: Turn) -> PlanView | None:
    """The person's plan with dates: created on first view, re-dated after an hours change.
    None before there is a recommendation."""
    return view_of(t.app.engine, t.conv, t.state.plan, t.now.date(), t.fresh_key)


def view_of(
    engine: Engine, conv: Conversation, stored: PlanRecord | None, today: date, fresh_key: str
) -> PlanView | None:
    """`plan_view` for any caller (the sweep's nudges too): pure in its arguments."""
    rec = engine.recommendation(conv) if conv.is_finished else None
    if rec is None:
        return None
    hours = conv.answers["hours_per_week"]
    assert isinstance(hours, int)
    redated = False
    record = stored
    if record is None or record.path != rec.path:
        record = PlanRecord(path=rec.path, hours=hours, start_date=today, plan_key=fresh_key)
    elif record.hours != hours:
        redated = True
        done, revision = record.done, record.revision + 1
        record = replace(
            record, hours=hours, rebase_index=done, rebase_date=today, revision=revision
        )
    elif record.plan_key is None:  # a plan saved before plans had keys
        record = replace(record, plan_key=fresh_key)
    return _dated(rec, record, redated=redated)


def _dated(rec: Recommendation, record: PlanRecord, *, redated: bool) -> PlanView:
    milestones = date_plan(
        rec.plan,
        record.start_date,
        rebase_index=record.rebase_index,
        rebase_date=record.rebase_date,
    )
    return PlanView(rec, record, tuple(milestones), redated)


def start_for(choice: str, today: date) -> date:
    if choice == "monday":
        return today + timedelta(days=(7 - today.weekday()) % 7 or 7)
    if choice == "2w":
        return today + timedelta(weeks=2)
    return today


def moved_start(view: PlanView, choice: str, today: date) -> PlanView:
    """The plan starting on another day (today, next Monday, in two weeks)."""
    start = start_for(choice, today)
    r = view.record
    if choice not in START_CHOICES or (start == r.start_date and r.rebase_date is None):
        return view
    return view.with_record(
        replace(r, start_date=start, rebase_index=0, rebase_date=None, revision=r.revision + 1)
    )


# ---------------------------------------------------------------------------------- handlers


def on_plan(t: Turn, event: Command | ShowPlan | PlanStart) -> Outcome:
    """The plan's text, then its roadmap and calendar (rendered while the text is on screen).

    The chat keeps one current set of files: a new set replaces the old one. Re-dated by a
    button (a new start date), the pressed plan message is edited rather than sent again; the
    start date it already has changes nothing (the plan on screen stays, no files again)."""
    before = plan_view(t)
    if before is None:
        return not_ready(t)
    view = before
    if isinstance(event, PlanStart):
        view = moved_start(before, event.choice, t.now.date())
    redated = before.redated or view.record.revision != before.record.revision
    screen = plan_screen(t.words, t.app.engine, view)
    if isinstance(event, PlanStart) and not redated:  # the date it has: nothing to send again
        toast = t.words.messages["plan_start_same"].format(start=day(view.record.start_date))
        return Outcome(t.conv, (screen,), toast=toast, placement="own", plan=view.record)
    return Outcome(
        t.conv,
        (screen,),
        placement="own" if redated else "new",
        plan=view.record,
        reminder=_nudges_from_start(t, view.record) if isinstance(event, PlanStart) else None,
        files=(plan_files(t, view),),
    )


def _nudges_from_start(t: Turn, plan: PlanRecord) -> ReminderRecord | None:
    """A new start date moves the next nudge with it: never before the plan starts."""
    record = t.state.reminder
    if record is None or record.status != "active":
        return None
    schedule = ReminderSchedule.model_validate_json(record.schedule)
    nxt = epoch(first_nudge(schedule, t.now, plan))
    return replace(record, next_due=nxt, claimed_at=None) if nxt != record.next_due else None


def plan_title(engine: Engine, view: PlanView) -> str:
    return engine.text.sections["plan_title"].format(path=view.recommendation.path_name)


def plan_files(t: Turn, view: PlanView) -> SendPlanFiles:
    assert view.record.plan_key is not None
    return SendPlanFiles(
        milestones=view.milestones,
        title=plan_title(t.app.engine, view),
        done=view.record.done,
        today=t.now.date(),
        plan_key=view.record.plan_key,
        revision=view.record.revision,
        stamp=t.now,
        words=t.words.messages,
        replaces=view.record.file_messages,  # one current set of files in the chat
    )


def plan_screen(words: ReminderText, engine: Engine, view: PlanView) -> Reply:
    m, b = words.messages, words.buttons
    out = ReplyBuilder()
    if view.redated and view.current:
        out.add("note", m["plan_redated"].format(start=day(view.current.start)))
    out.add("title", plan_title(engine, view))
    out.add("text", m["plan_intro"].format(start=day(view.record.start_date)))
    out.add(
        "bullets",
        items=tuple(
            f"{'✅ ' if d.index < view.record.done else ''}{day(d.start)} – {day(d.end)}: "
            f"{d.title}. {d.milestone}"
            for d in view.milestones
        ),
    )
    out.row(
        Button(b["start_today"], PlanStart("today")),
        Button(b["start_next_monday"], PlanStart("monday")),
    )
    out.row(Button(b["start_in_two_weeks"], PlanStart("2w")))
    out.row(Button(b["turn_on"], RemindMe()), Button(b["progress"], ShowProgress()))
    return replace(out.build("info", PLAN_SCREEN), again=ShowPlan())


def day(d: date) -> str:
    return f"{d:%a %d %b %Y}"
