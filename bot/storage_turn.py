"""A turn's writes, the same on both backends: commit what changed, record what is shown; and
how a turn's one read becomes its records.

`commit_turn` writes a turn's `Changes` (flows/turn/effects.py) in ONE transaction, before
anything is sent; `record_shown` remembers the message now showing the current screen (and the
plan's new files) in one more, or `record_unconfirmed` the screen whose delivery failed. All are
built from each backend's own public statements (`save_conversation`, `save_plan`…), so no query
is written twice; a turn that only changes the person's row (every interview tap) is a single
statement, with no transaction around it. Both storage classes call these from their methods of
the same names. `load_turn`, the one read, is per backend (`storage_turn_sqlite`,
`storage_turn_pg`): the same columns (`LOAD_COLUMNS`), each backend's own aggregate of the
check-in weeks and types, then `turn_state` here.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING

from bot.storage_records import NamedColumns, parse_window
from flows.conversation import Conversation
from flows.turn.effects import Changes
from flows.turn.records import PlanRecord, ReminderRecord, TurnState, UserRecord

if TYPE_CHECKING:
    from bot.storage import Storage


Write = Callable[[], Awaitable[None]]


async def commit_turn(storage: Storage, changes: Changes) -> None:
    """Write everything the turn changed, in one transaction; nothing when nothing did."""
    if changes.erase:
        await storage.delete_user(changes.user_id)
        return
    uid, now = changes.user_id, changes.now
    writes: list[Write] = []
    user = changes.user
    if user is not None:  # first: the other rows hang on the person's row
        writes.append(
            lambda: storage.save_conversation(
                uid,
                user.conversation,
                now=now,
                chat_id=user.chat_id,
                update_id=user.update_id,
                recommendation=user.recommendation,
                recent_updates=user.loaded_window,
            )
        )
        if user.source is not None:
            source = user.source
            writes.append(lambda: storage.set_source(uid, source))
    if (plan := changes.plan) is not None:
        writes.append(lambda: storage.save_plan(uid, plan, now=now))
    if (reminder := changes.reminder) is not None:
        writes.append(lambda: storage.save_reminder(reminder, now=now))
    if (week := changes.checkin) is not None:
        writes.append(lambda: storage.check_in(uid, week))
    if (gone := changes.uncheck) is not None:
        writes.append(lambda: storage.check_out(uid, gone))
    if len(writes) == 1:  # one statement commits on its own
        await writes[0]()
    elif writes:
        async with storage.transaction():
            for write in writes:
                await write()


async def record_shown(
    storage: Storage,
    user_id: int,
    message_id: int | None,
    digest: str | None,
    file_messages: tuple[int, ...] | None = None,
) -> None:
    """Remember the message showing the current screen (an edit skips an unchanged one),
    and the messages now carrying the plan's files, if new ones were sent (the next set
    replaces them)."""
    if file_messages is None:
        await storage.set_question_message(user_id, message_id, digest)
        return
    async with storage.transaction():
        if message_id is not None:
            await storage.set_question_message(user_id, message_id, digest)
        await storage.set_plan_files(user_id, file_messages)


async def record_unconfirmed(storage: Storage, user_id: int, digest: str) -> None:
    """The screen meant to be shown (`digest`) may not be on the phone: its send or edit failed.
    The message recorded as shown stays recorded, until `record_shown` confirms another."""
    await storage.set_screen_unconfirmed(user_id, digest)


def turn_state(
    user_id: int,
    row: NamedColumns,
    *,
    created_at: datetime | None,
    updated_at: datetime | None,
    weeks: Iterable[str],
    start_date: date | None,
    rebase_date: date | None,
) -> TurnState:
    """A `load_turn` row as the turn's records. Both backends' reads select the same columns
    (the plan's prefixed `p_`, the reminder's `r_`); the ones each stores its own way (times,
    dates, the check-in weeks) come converted, as keywords."""
    assert created_at is not None and updated_at is not None
    user = UserRecord(
        user_id=user_id,
        chat_id=row["chat_id"],
        conversation=Conversation.model_validate_json(row["conversation"]),
        source=row["source"],
        recommendation=json.loads(row["recommendation"]) if row["recommendation"] else None,
        question_message_id=row["question_message_id"],
        question_digest=row["question_digest"],
        last_update_id=row["last_update_id"],
        active=bool(row["active"]),
        created_at=created_at,
        updated_at=updated_at,
        recent_updates=parse_window(row["recent_updates"]),
        unconfirmed_digest=row["unconfirmed_digest"],
    )
    plan = None
    if row["p_path"] is not None:
        assert start_date is not None
        plan = PlanRecord(
            path=row["p_path"],
            hours=row["p_hours"],
            start_date=start_date,
            done=row["p_done"],
            rebase_index=row["p_rebase_index"],
            rebase_date=rebase_date,
            key=row["p_plan_key"],
            revision=row["p_revision"],
            file_messages=tuple(json.loads(row["p_file_messages"] or "[]")),
            summary_done=row["p_summary_done"],
        )
    reminder = None
    if row["r_schedule"] is not None:
        reminder = ReminderRecord(
            user_id=user_id,
            chat_id=row["r_chat_id"],
            schedule=row["r_schedule"],
            status=row["r_status"],
            next_due=row["r_next_due"],
            claimed_at=row["r_claimed_at"],
            last_sent=row["r_last_sent"],
            setup=row["r_setup"],
        )
    return TurnState(user_id, user, plan, reminder, tuple(weeks))


LOAD_COLUMNS = """
SELECT u.*,
       p.path AS p_path, p.hours AS p_hours, p.start_date AS p_start_date, p.done AS p_done,
       p.rebase_index AS p_rebase_index, p.rebase_date AS p_rebase_date,
       p.plan_key AS p_plan_key, p.revision AS p_revision,
       p.file_messages AS p_file_messages, p.summary_done AS p_summary_done,
       r.chat_id AS r_chat_id, r.schedule AS r_schedule, r.status AS r_status,
       r.next_due AS r_next_due, r.claimed_at AS r_claimed_at, r.last_sent AS r_last_sent,
       r.setup AS r_setup,"""
"""The columns of a turn's read: the person's row, their plan's and their reminder's (joined,
one row at most each), then each backend's own aggregate of the check-in weeks."""
LOAD_FROM = """
FROM users u
LEFT JOIN plans p ON p.user_id = u.user_id
LEFT JOIN reminders r ON r.user_id = u.user_id"""
