"""A turn's one read on SQLite: the person's row with their plan, reminder settings and weekly
check-ins, in ONE statement (one hop to aiosqlite's thread). Mixed into `bot.storage.Storage`;
`bot.storage_turn_pg` is the same read on PostgreSQL, and `bot.storage_turn` the writes.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Protocol

import aiosqlite

from bot.storage_records import parse_window
from bot.storage_sqlite_schema import parse_iso
from flows.conversation import Conversation
from flows.turn.records import PlanRecord, ReminderRecord, TurnState, UserRecord

LOAD_TURN = """
SELECT u.*,
       p.path AS p_path, p.hours AS p_hours, p.start_date AS p_start_date, p.done AS p_done,
       p.rebase_index AS p_rebase_index, p.rebase_date AS p_rebase_date,
       p.plan_key AS p_plan_key, p.revision AS p_revision,
       p.file_messages AS p_file_messages, p.summary_done AS p_summary_done,
       r.chat_id AS r_chat_id, r.schedule AS r_schedule, r.status AS r_status,
       r.next_due AS r_next_due, r.claimed_at AS r_claimed_at, r.last_sent AS r_last_sent,
       r.setup AS r_setup,
       (SELECT group_concat(week, ' ') FROM checkins c WHERE c.user_id = u.user_id) AS weeks
FROM users u
LEFT JOIN plans p ON p.user_id = u.user_id
LEFT JOIN reminders r ON r.user_id = u.user_id
WHERE u.user_id = ?
"""


class _Connection(Protocol):
    _db: aiosqlite.Connection

    async def _write(self, sql: str, params: Any = ()) -> None: ...


class SqliteTurnReads:
    """Needs the connection and the one-writer rule of `Storage` (defined there)."""

    async def load_turn(self: _Connection, user_id: int) -> TurnState:
        """Everything a turn may need about the person, in one statement."""
        rows = await self._db.execute_fetchall(LOAD_TURN, (user_id,))
        row = next(iter(rows), None)
        if row is None:
            return TurnState(user_id)
        created, updated = parse_iso(row["created_at"]), parse_iso(row["updated_at"])
        assert created and updated
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
            created_at=created,
            updated_at=updated,
            recent_updates=parse_window(row["recent_updates"]),
        )
        weeks = tuple(sorted((row["weeks"] or "").split(), reverse=True))
        return TurnState(user_id, user, _plan(row), _reminder(user_id, row), weeks)

    async def set_plan_files(self: _Connection, user_id: int, message_ids: tuple[int, ...]) -> None:
        """The messages now carrying the plan's roadmap and calendar."""
        await self._write(
            "UPDATE plans SET file_messages = ? WHERE user_id = ?",
            (json.dumps(list(message_ids)), user_id),
        )


def _plan(row: Any) -> PlanRecord | None:
    if row["p_path"] is None:
        return None
    rebase = row["p_rebase_date"]
    return PlanRecord(
        path=row["p_path"],
        hours=row["p_hours"],
        start_date=date.fromisoformat(row["p_start_date"]),
        done=row["p_done"],
        rebase_index=row["p_rebase_index"],
        rebase_date=date.fromisoformat(rebase) if rebase else None,
        key=row["p_plan_key"],
        revision=row["p_revision"],
        file_messages=tuple(json.loads(row["p_file_messages"] or "[]")),
        summary_done=row["p_summary_done"],
    )


def _reminder(user_id: int, row: Any) -> ReminderRecord | None:
    if row["r_schedule"] is None:
        return None
    return ReminderRecord(
        user_id=user_id,
        chat_id=row["r_chat_id"],
        schedule=row["r_schedule"],
        status=row["r_status"],
        next_due=row["r_next_due"],
        claimed_at=row["r_claimed_at"],
        last_sent=row["r_last_sent"],
        setup=row["r_setup"],
    )
