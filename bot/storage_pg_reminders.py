"""Reminder queries on PostgreSQL: save, claim before sending, finish or release a claim.

The same queries as `bot.storage_sqlite_reminders`; here several workers sweep at once, so
`claim_due` skips rows another worker is claiming (`FOR UPDATE SKIP LOCKED`). Mixed into
`PgStorage`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import asyncpg

from bot.storage_pg_schema import stamp
from bot.storage_records import ReminderRecord, reminder_from_row
from flows.engine import Conversation


class PgReminders:
    """Needs the query pool and the current task's connection of `PgStorage` (defined there)."""

    _pool: asyncpg.Pool

    @property
    def _conn(self) -> asyncpg.Pool | asyncpg.Connection:
        raise NotImplementedError

    async def load_reminder(self, user_id: int) -> ReminderRecord | None:
        row = await self._conn.fetchrow("SELECT * FROM reminders WHERE user_id = $1", user_id)
        return reminder_from_row(row) if row else None

    async def save_reminder(self, record: ReminderRecord, *, now: datetime) -> None:
        await self._conn.execute(
            """
            INSERT INTO reminders (user_id, chat_id, schedule, status, next_due, claimed_at,
                                   last_sent, setup, updated_at)
            VALUES ($1, $2, $3, $4, $5, NULL, $6, $7, $8)
            ON CONFLICT (user_id) DO UPDATE SET
                chat_id = excluded.chat_id, schedule = excluded.schedule,
                status = excluded.status, next_due = excluded.next_due, claimed_at = NULL,
                setup = excluded.setup, updated_at = excluded.updated_at
            """,
            record.user_id,
            record.chat_id,
            record.schedule,
            record.status,
            record.next_due,
            record.last_sent,
            record.setup,
            stamp(now),
        )

    async def set_reminder_status(
        self, user_id: int, status: str, *, next_due: int | None, now: datetime
    ) -> None:
        await self._conn.execute(
            "UPDATE reminders SET status = $1, next_due = $2, claimed_at = NULL, updated_at = $3 "
            "WHERE user_id = $4",
            status,
            next_due,
            stamp(now),
            user_id,
        )

    async def claim_due(self, now: int, limit: int) -> list[ReminderRecord]:
        """Claim due rows in one statement; rows another worker is claiming are skipped."""
        rows = await self._conn.fetch(
            """
            UPDATE reminders SET claimed_at = $1
            WHERE user_id IN (
                SELECT user_id FROM reminders
                WHERE status = 'active' AND next_due <= $1 AND claimed_at IS NULL
                ORDER BY next_due LIMIT $2
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """,
            now,
            limit,
        )
        return sorted((reminder_from_row(r) for r in rows), key=lambda r: r.next_due or 0)

    async def due_reminders(self, now: int, limit: int) -> list[ReminderRecord]:
        """Up to `limit` unclaimed due reminders, oldest first (not claimed: see `claim`)."""
        rows = await self._conn.fetch(
            "SELECT * FROM reminders WHERE status = 'active' AND next_due <= $1 "
            "AND claimed_at IS NULL ORDER BY next_due LIMIT $2",
            now,
            limit,
        )
        return [reminder_from_row(r) for r in rows]

    async def claim(self, user_id: int, now: int) -> ReminderRecord | None:
        """Claim one reminder right before sending it; None if another worker claimed it first
        (the row lock makes the second UPDATE re-check `claimed_at IS NULL` and match nothing)."""
        row = await self._conn.fetchrow(
            "UPDATE reminders SET claimed_at = $1 WHERE user_id = $2 "
            "AND status = 'active' AND next_due <= $1 AND claimed_at IS NULL RETURNING *",
            now,
            user_id,
        )
        return reminder_from_row(row) if row else None

    async def release_stale_claims(self, older_than: int) -> int:
        """Claims older than the lease go back to due (their sweep died before sending)."""
        rows = await self._conn.fetch(
            "UPDATE reminders SET claimed_at = NULL "
            "WHERE claimed_at IS NOT NULL AND claimed_at < $1 RETURNING user_id",
            older_than,
        )
        return len(rows)

    async def stale_claims(self, older_than: int) -> list[ReminderRecord]:
        rows = await self._conn.fetch(
            "SELECT * FROM reminders WHERE claimed_at IS NOT NULL AND claimed_at < $1", older_than
        )
        return [reminder_from_row(r) for r in rows]

    async def finish_claim(
        self,
        user_id: int,
        claimed_at: int,
        *,
        next_due: int | None,
        sent_at: int | None,
        status: str = "active",
    ) -> None:
        await self._conn.execute(
            """
            UPDATE reminders SET claimed_at = NULL, next_due = $1, status = $2,
                                 last_sent = COALESCE($3, last_sent)
            WHERE user_id = $4 AND claimed_at = $5
            """,
            next_due,
            status,
            sent_at,
            user_id,
            claimed_at,
        )

    async def bulk_insert_reminders(
        self, rows: Iterable[tuple[int, str, int]], *, now: datetime
    ) -> None:
        stamped = stamp(now)
        conversation = Conversation(state="recommendation").model_dump_json()
        batch = list(rows)
        async with self._pool.acquire() as db, db.transaction():
            await db.executemany(
                "INSERT INTO users (user_id, chat_id, conversation, state, created_at, "
                "updated_at) VALUES ($1, $1, $2, 'recommendation', $3, $3)",
                [(user_id, conversation, stamped) for user_id, _, _ in batch],
            )
            await db.executemany(
                "INSERT INTO reminders (user_id, chat_id, schedule, status, next_due, "
                "updated_at) VALUES ($1, $1, $2, 'active', $3, $4)",
                [(user_id, schedule, due, stamped) for user_id, schedule, due in batch],
            )
