"""A turn's one read on PostgreSQL: the person's row with their plan, reminder settings and
weekly check-ins, in ONE statement (one round trip). Mixed into `bot.storage_pg.PgStorage`;
`bot.storage_turn_sqlite` is the same read on SQLite, and `bot.storage_turn` the writes.

Several workers never handle one person at once: the update processor holds the person's
advisory lock (`PgStorage.user_turn`) from before this read until the reply is recorded.
"""

from __future__ import annotations

import json
from typing import Any, Protocol

import asyncpg

from bot.storage_records import parse_window
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
       ARRAY(SELECT week FROM checkins c WHERE c.user_id = u.user_id ORDER BY week DESC) AS weeks
FROM users u
LEFT JOIN plans p ON p.user_id = u.user_id
LEFT JOIN reminders r ON r.user_id = u.user_id
WHERE u.user_id = $1
"""


class _Connection(Protocol):
    @property
    def _conn(self) -> asyncpg.Pool | asyncpg.Connection: ...


class PgTurnReads:
    """Needs the current task's connection of `PgStorage` (defined there)."""

    async def load_turn(self: _Connection, user_id: int) -> TurnState:
        """Everything a turn may need about the person, in one round trip."""
        row = await self._conn.fetchrow(LOAD_TURN, user_id)
        if row is None:
            return TurnState(user_id)
        user = UserRecord(
            user_id=user_id,
            chat_id=row["chat_id"],
            conversation=Conversation.model_validate_json(row["conversation"]),
            source=row["source"],
            recommendation=json.loads(row["recommendation"]) if row["recommendation"] else None,
            question_message_id=row["question_message_id"],
            question_digest=row["question_digest"],
            last_update_id=row["last_update_id"],
            active=row["active"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            recent_updates=parse_window(row["recent_updates"]),
        )
        return TurnState(user_id, user, _plan(row), _reminder(user_id, row), tuple(row["weeks"]))

    async def set_plan_files(self: _Connection, user_id: int, message_ids: tuple[int, ...]) -> None:
        """The messages now carrying the plan's roadmap and calendar."""
        await self._conn.execute(
            "UPDATE plans SET file_messages = $1 WHERE user_id = $2",
            json.dumps(list(message_ids)),
            user_id,
        )


def _plan(row: Any) -> PlanRecord | None:
    if row["p_path"] is None:
        return None
    return PlanRecord(
        path=row["p_path"],
        hours=row["p_hours"],
        start_date=row["p_start_date"],
        done=row["p_done"],
        rebase_index=row["p_rebase_index"],
        rebase_date=row["p_rebase_date"],
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
