"""Plan queries on PostgreSQL: a person's dated study plan and their weekly check-ins.

The same queries as `bot.storage_sqlite_plans`, in PostgreSQL's dialect; mixed into `PgStorage`.
"""

from __future__ import annotations

import json
from datetime import datetime

import asyncpg

from bot.storage_pg_schema import stamp
from bot.storage_records import PlanRecord


class PgPlans:
    """Needs the current task's connection of `PgStorage` (defined there)."""

    @property
    def _conn(self) -> asyncpg.Pool | asyncpg.Connection:
        raise NotImplementedError

    async def load_plan(self, user_id: int) -> PlanRecord | None:
        row = await self._conn.fetchrow("SELECT * FROM plans WHERE user_id = $1", user_id)
        if row is None:
            return None
        return PlanRecord(
            path=row["path"],
            hours=row["hours"],
            start_date=row["start_date"],
            done=row["done"],
            rebase_index=row["rebase_index"],
            rebase_date=row["rebase_date"],
            key=row["plan_key"],
            revision=row["revision"],
            file_messages=tuple(json.loads(row["file_messages"] or "[]")),
            summary_done=row["summary_done"],
        )

    async def save_plan(self, user_id: int, plan: PlanRecord, *, now: datetime) -> None:
        await self._conn.execute(
            """
            INSERT INTO plans (user_id, path, hours, start_date, done, rebase_index, rebase_date,
                               plan_key, revision, file_messages, summary_done, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            ON CONFLICT (user_id) DO UPDATE SET
                path = excluded.path, hours = excluded.hours, start_date = excluded.start_date,
                done = excluded.done, rebase_index = excluded.rebase_index,
                rebase_date = excluded.rebase_date, plan_key = excluded.plan_key,
                revision = excluded.revision, file_messages = excluded.file_messages,
                summary_done = excluded.summary_done, updated_at = excluded.updated_at
            """,
            user_id,
            plan.path,
            plan.hours,
            plan.start_date,
            plan.done,
            plan.rebase_index,
            plan.rebase_date,
            plan.key,
            plan.revision,
            json.dumps(list(plan.file_messages)),
            plan.summary_done,
            stamp(now),
        )

    async def check_in(self, user_id: int, week: str) -> None:
        await self._conn.execute(
            "INSERT INTO checkins (user_id, week) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            user_id,
            week,
        )

    async def check_out(self, user_id: int, week: str) -> None:
        await self._conn.execute(
            "DELETE FROM checkins WHERE user_id = $1 AND week = $2", user_id, week
        )

    async def checkin_weeks(self, user_id: int) -> list[str]:
        rows = await self._conn.fetch(
            "SELECT week FROM checkins WHERE user_id = $1 ORDER BY week DESC", user_id
        )
        return [row[0] for row in rows]
