"""Reminder queries on SQLite: save, claim before sending, finish or release a claim.

A nudge is claimed (a timestamp on its row) before it is sent and released after, so two sweeps,
or a sweep after a crash, never send the same nudge twice. Mixed into `bot.storage.Storage`;
`bot.storage_pg_reminders` holds the same queries for PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractAsyncContextManager
from datetime import datetime
from typing import Any

import aiosqlite

from bot.storage_records import ReminderRecord, reminder_from_row
from bot.storage_sqlite_schema import iso
from flows.engine import Conversation


class SqliteReminders:
    """Needs the connection and the one-writer helpers of `Storage` (defined there)."""

    _db: aiosqlite.Connection

    def _writer(self) -> AbstractAsyncContextManager[None]:
        raise NotImplementedError

    async def _write(self, sql: str, params: Any = ()) -> None:
        raise NotImplementedError

    async def _one(self, sql: str, params: Any) -> aiosqlite.Row | None:
        raise NotImplementedError

    def transaction(self) -> AbstractAsyncContextManager[None]:
        raise NotImplementedError

    async def load_reminder(self, user_id: int) -> ReminderRecord | None:
        row = await self._one("SELECT * FROM reminders WHERE user_id = ?", (user_id,))
        return reminder_from_row(row) if row else None

    async def save_reminder(self, record: ReminderRecord, *, now: datetime) -> None:
        await self._write(
            """
            INSERT INTO reminders (user_id, chat_id, schedule, status, next_due, claimed_at,
                                   last_sent, setup, updated_at)
            VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)
            ON CONFLICT(user_id) DO UPDATE SET
                chat_id = excluded.chat_id, schedule = excluded.schedule,
                status = excluded.status, next_due = excluded.next_due, claimed_at = NULL,
                setup = excluded.setup, updated_at = excluded.updated_at
            """,
            (
                record.user_id,
                record.chat_id,
                record.schedule,
                record.status,
                record.next_due,
                record.last_sent,
                record.setup,
                iso(now),
            ),
        )

    async def set_reminder_status(
        self, user_id: int, status: str, *, next_due: int | None, now: datetime
    ) -> None:
        await self._write(
            "UPDATE reminders SET status = ?, next_due = ?, claimed_at = NULL, updated_at = ? "
            "WHERE user_id = ?",
            (status, next_due, iso(now), user_id),
        )

    async def claim_due(self, now: int, limit: int) -> list[ReminderRecord]:
        """Atomically claim up to `limit` due reminders (oldest first) before sending them.

        A claimed row is never claimed again until it is marked sent or released, so two sweeps
        (or a sweep after a crash) cannot send the same nudge twice.
        """
        async with (
            self._writer(),
            self._db.execute(
                """
            UPDATE reminders SET claimed_at = :now
            WHERE user_id IN (
                SELECT user_id FROM reminders
                WHERE status = 'active' AND next_due <= :now AND claimed_at IS NULL
                ORDER BY next_due LIMIT :limit)
            RETURNING *
            """,
                {"now": now, "limit": limit},
            ) as cur,
        ):
            rows = await cur.fetchall()
        return sorted((reminder_from_row(r) for r in rows), key=lambda r: r.next_due or 0)

    async def due_reminders(self, now: int, limit: int) -> list[ReminderRecord]:
        """Up to `limit` unclaimed due reminders, oldest first (not claimed: see `claim`)."""
        rows = await self._db.execute_fetchall(
            "SELECT * FROM reminders WHERE status = 'active' AND next_due <= ? "
            "AND claimed_at IS NULL ORDER BY next_due LIMIT ?",
            (now, limit),
        )
        return [reminder_from_row(r) for r in rows]

    async def claim(self, user_id: int, now: int) -> ReminderRecord | None:
        """Claim one reminder right before sending it; None if it is no longer due or is
        claimed already (another sweep, or the person changed it meanwhile)."""
        async with self._writer():
            row = await self._one(
                "UPDATE reminders SET claimed_at = :now WHERE user_id = :user_id "
                "AND status = 'active' AND next_due <= :now AND claimed_at IS NULL RETURNING *",
                {"now": now, "user_id": user_id},
            )
        return reminder_from_row(row) if row else None

    async def release_stale_claims(self, older_than: int) -> int:
        """Claims older than the lease belong to a sweep that died before sending: they go
        back to due, so the nudge is sent by the next sweep. Returns how many."""
        async with (
            self._writer(),
            self._db.execute(
                "UPDATE reminders SET claimed_at = NULL "
                "WHERE claimed_at IS NOT NULL AND claimed_at < ? RETURNING user_id",
                (older_than,),
            ) as cur,
        ):
            return len(list(await cur.fetchall()))

    async def stale_claims(self, older_than: int) -> list[ReminderRecord]:
        """Rows claimed by a sweep that never finished (the process died mid-send)."""
        sql = "SELECT * FROM reminders WHERE claimed_at IS NOT NULL AND claimed_at < ?"
        async with self._db.execute(sql, (older_than,)) as cur:
            return [reminder_from_row(r) for r in await cur.fetchall()]

    async def finish_claim(
        self,
        user_id: int,
        claimed_at: int,
        *,
        next_due: int | None,
        sent_at: int | None,
        status: str = "active",
    ) -> None:
        """Release a claim and schedule the next nudge; `sent_at` None means it was skipped."""
        await self._write(
            """
            UPDATE reminders SET claimed_at = NULL, next_due = ?, status = ?,
                                 last_sent = COALESCE(?, last_sent)
            WHERE user_id = ? AND claimed_at = ?
            """,
            (next_due, status, sent_at, user_id, claimed_at),
        )

    async def bulk_insert_reminders(
        self, rows: Iterable[tuple[int, str, int]], *, now: datetime
    ) -> None:
        """Benchmark and test fixture helper: (user_id, schedule JSON, next_due) rows."""
        stamp = iso(now)
        conversation = Conversation(state="recommendation").model_dump_json()
        async with self.transaction():
            for user_id, schedule, next_due in rows:
                await self._db.execute(
                    "INSERT INTO users (user_id, chat_id, conversation, state, created_at, "
                    "updated_at) VALUES (?, ?, ?, 'recommendation', ?, ?)",
                    (user_id, user_id, conversation, stamp, stamp),
                )
                await self._db.execute(
                    "INSERT INTO reminders (user_id, chat_id, schedule, status, next_due, "
                    "updated_at) VALUES (?, ?, ?, 'active', ?, ?)",
                    (user_id, user_id, schedule, next_due, stamp),
                )
