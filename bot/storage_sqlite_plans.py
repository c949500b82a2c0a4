"""Plan queries on SQLite: a person's dated study plan and their weekly check-ins.

Mixed into `bot.storage.Storage`; `bot.storage_pg_plans` holds the same queries for PostgreSQL.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import aiosqlite

from bot.storage_records import PlanRecord
from bot.storage_sqlite_schema import iso


class SqlitePlans:
    """Needs the connection and the one-writer helpers of `Storage` (defined there)."""

    _db: aiosqlite.Connection

    async def _write(self, sql: str, params: Any = ()) -> None:
        raise NotImplementedError

    async def _one(self, sql: str, params: Any) -> aiosqlite.Row | None:
        raise NotImplementedError

    async def load_plan(self, user_id: int) -> PlanRecord | None:
        row = await self._one("SELECT * FROM plans WHERE user_id = ?", (user_id,))
        if row is None:
            return None
        return PlanRecord(
            path=row["path"],
            hours=row["hours"],
            start_date=date.fromisoformat(row["start_date"]),
            done=row["done"],
            rebase_index=row["rebase_index"],
            rebase_date=date.fromisoformat(row["rebase_date"]) if row["rebase_date"] else None,
            key=row["plan_key"],
            revision=row["revision"],
            file_messages=tuple(json.loads(row["file_messages"] or "[]")),
            summary_done=row["summary_done"],
        )

    async def save_plan(self, user_id: int, plan: PlanRecord, *, now: datetime) -> None:
        await self._write(
            """
            INSERT INTO plans (user_id, path, hours, start_date, done, rebase_index, rebase_date,
                               plan_key, revision, file_messages, summary_done, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(user_id) DO UPDATE SET
                path = excluded.path, hours = excluded.hours, start_date = excluded.start_date,
                done = excluded.done, rebase_index = excluded.rebase_index,
                rebase_date = excluded.rebase_date, plan_key = excluded.plan_key,
                revision = excluded.revision, file_messages = excluded.file_messages,
                summary_done = excluded.summary_done, updated_at = excluded.updated_at
            """,
            (
                user_id,
                plan.path,
                plan.hours,
                plan.start_date.isoformat(),
                plan.done,
                plan.rebase_index,
                plan.rebase_date.isoformat() if plan.rebase_date else None,
                plan.key,
                plan.revision,
                json.dumps(list(plan.file_messages)),
                plan.summary_done,
                iso(now),
            ),
        )

    async def check_in(self, user_id: int, week: str) -> None:
        """Record activity in an ISO week ('2026-W48') for the weekly streak."""
        await self._write(
            "INSERT OR IGNORE INTO checkins (user_id, week) VALUES (?, ?)", (user_id, week)
        )

    async def check_out(self, user_id: int, week: str) -> None:
        """Take an ISO week out of the streak again (the tick that put it there was undone)."""
        await self._write("DELETE FROM checkins WHERE user_id = ? AND week = ?", (user_id, week))

    async def checkin_weeks(self, user_id: int) -> list[str]:
        sql = "SELECT week FROM checkins WHERE user_id = ? ORDER BY week DESC"
        async with self._db.execute(sql, (user_id,)) as cur:
            return [row[0] for row in await cur.fetchall()]
