"""Reminder settings: /reminders, setting them up, change / pause / stop / resume, and the
buttons under a nudge ("not yet", "pause").

The setup's steps are the table in flows/reminder_setup.py; its choices so far are kept in the
conversation while it is on screen (`Conversation.setup`), so starting or stepping through it
writes only the person's row, and the reminder row is written once, when the setup finishes.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from flows.actions import Action, ManageReminders, NudgePause, RemindMe, Snooze
from flows.content import ReminderText
from flows.events import Command, Press, Text
from flows.reply import Button, Reply, ReplyBuilder
from flows.schedule import ReminderSchedule
from flows.turn.context import Outcome, Placement, Turn, plain
from flows.turn.records import ReminderRecord

SETTINGS_SCREEN = "reminders"
SNOOZE_DAYS = {"day": 1, "week": 7}
"""'Not yet' asks again on the schedule's own next slot a day (or a week) from now."""


def local_time(schedule: ReminderSchedule, moment: datetime) -> str:
    """A moment in the person's own zone, as nudges and reminder screens write it."""
    return f"{moment.astimezone(schedule.zone):%a %d %b, %H:%M}"


def epoch(moment: datetime) -> int:
    return int(moment.timestamp())


def from_epoch(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


# ---------------------------------------------------------------------------------- handlers


def on_reminders(t: Turn, event: Command) -> Outcome:
    """/reminders: the current settings with change / pause / stop, or the setup."""
    return _overview(t, "new")


def on_remind_me(t: Turn, action: RemindMe) -> Outcome:
    return open_setup(t)


def on_manage(t: Turn, action: ManageReminders) -> Outcome:
    if action.op == "show":
        return _overview(t, "new")
    return _manage(t, action.op, "current")


def on_snooze(t: Turn, action: Snooze) -> Outcome:
    """'Not yet' under a nudge. Not progress, so nothing for the streak."""
    record = t.state.reminder
    if record is None or action.span not in SNOOZE_DAYS:
        return _overview(t, "own")
    schedule = ReminderSchedule.model_validate_json(record.schedule)
    due = schedule.snooze_until(t.now, SNOOZE_DAYS[action.span])
    moved = replace(record, status="active", next_due=epoch(due), claimed_at=None)
    text = t.words.messages["snoozed"].format(when=local_time(schedule, due))
    return Outcome(t.conv, (plain(text, SETTINGS_SCREEN),), placement="own", reminder=moved)


def on_nudge_pause(t: Turn, action: NudgePause) -> Outcome:
    return _manage(t, "pause", "own")


def returned(t: Turn) -> ReminderRecord | None:
    """Someone who had blocked the bot is back (/start): their reminders resume."""
    record = t.state.reminder
    if record is None or record.status != "blocked":
        return None
    schedule = ReminderSchedule.model_validate_json(record.schedule)
    return replace(
        record, status="active", next_due=epoch(schedule.next_due(t.now)), claimed_at=None
    )


# ---------------------------------------------------------------------------------- the setup


def open_setup(t: Turn) -> Outcome:
    """The setup's first step; "Change" starts from (and marks) what is set now."""
    record = t.state.reminder
    setup = t.app.setup
    if record is not None and record.status != "stopped":
        result = setup.start_from(ReminderSchedule.model_validate_json(record.schedule))
    else:
        zone = t.app.default_timezone
        if record is not None:
            zone = ReminderSchedule.model_validate_json(record.schedule).timezone
        result = setup.start(zone)
    assert result.state is not None and result.reply is not None
    return Outcome(t.conv.showing("setup", result.state), (result.reply,), placement="new")


def on_setup_button(t: Turn, action: Action) -> Outcome:
    return on_setup(t, Press(action))


def on_setup(t: Turn, event: Press | Text) -> Outcome:
    """A press or typed text while the setup is on screen (a setup button from an old message
    when it is not: a toast, and nothing changes)."""
    draft = t.conv.setup
    if draft is None:
        stale = t.app.engine.text.messages["stale"]
        return Outcome(t.conv, (), toast=stale, placement="new", save=t.state.exists)
    result = t.app.setup.handle(draft, event)
    if result.state is not None:
        assert result.reply is not None
        return Outcome(t.conv.showing("setup", result.state), (result.reply,))
    assert result.schedule is not None and t.chat_id is not None
    schedule = result.schedule
    next_due = schedule.next_delivery(t.now)  # the time it will really arrive
    old = t.state.reminder
    record = ReminderRecord(
        user_id=t.state.user_id,
        chat_id=t.chat_id,
        schedule=schedule.model_dump_json(),
        status="active",
        next_due=epoch(next_due),
        last_sent=old.last_sent if old else None,
    )
    text = t.words.messages["reminders_on"].format(
        when=t.app.setup.describe(schedule), next=local_time(schedule, next_due)
    )
    screen = settings_screen(t.words, text, "active")
    return Outcome(t.conv.showing("interview"), (screen,), reminder=record)


# ---------------------------------------------------------------------------------- screens


def _overview(t: Turn, placement: Placement) -> Outcome:
    record = t.state.reminder
    if record is None or record.status == "stopped":
        return replace(open_setup(t), placement=placement)
    schedule = ReminderSchedule.model_validate_json(record.schedule)
    m = t.words.messages
    nxt = local_time(schedule, from_epoch(record.next_due)) if record.next_due else "—"
    text = m["reminders_summary"].format(
        when=t.app.setup.describe(schedule), status=m[f"status_{record.status}"], next=nxt
    )
    return Outcome(t.conv, (settings_screen(t.words, text, record.status),), placement=placement)


def _manage(t: Turn, op: str, placement: Placement) -> Outcome:
    """change / pause / stop / resume (the `op` of a ManageReminders press)."""
    m = t.words.messages
    record = t.state.reminder
    if op == "change" or record is None:
        return open_setup(t)
    if op not in ("pause", "stop", "resume"):
        return _overview(t, placement)
    status, next_due, text = "paused", None, m["reminders_paused"]
    if op == "stop":
        status, text = "stopped", m["reminders_stopped"]
    elif op == "resume":
        schedule = ReminderSchedule.model_validate_json(record.schedule)
        nxt = schedule.next_delivery(t.now)
        status, next_due = "active", epoch(nxt)
        text = m["reminders_resumed"].format(next=local_time(schedule, nxt))
    changed = replace(record, status=status, next_due=next_due, claimed_at=None)
    screen = settings_screen(t.words, text, status)
    return Outcome(t.conv, (screen,), placement=placement, reminder=changed)


def settings_screen(words: ReminderText, text: str, status: str) -> Reply:
    b = words.buttons
    out = ReplyBuilder()
    out.add("text", text)
    if status == "active":
        out.row(
            Button(b["change"], ManageReminders("change")),
            Button(b["pause"], ManageReminders("pause")),
            Button(b["stop"], ManageReminders("stop")),
        )
    elif status in ("paused", "blocked"):
        out.row(
            Button(b["resume"], ManageReminders("resume")),
            Button(b["change"], ManageReminders("change")),
            Button(b["stop"], ManageReminders("stop")),
        )
    else:
        out.row(Button(b["turn_on"], ManageReminders("change")))
    return out.build("info", SETTINGS_SCREEN)
