"""Operator queries on SQLite: stats, export, backup (`aipath stats|export|backup`).

Only counts, states, paths and timestamps leave `stats`; `export_user` is one person's own rows
for their data request. Mixed into `bot.storage.Storage`, as `bot.storage_pg_ops` is into the
PostgreSQL backend.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiosqlite

from bot.storage_sqlite_schema import iso


class SqliteOperators:
    """Needs the connection and the list of user tables of `Storage` (defined there)."""

    _db: aiosqlite.Connection

    def user_tables(self) -> Iterable[str]:
        raise NotImplementedError

    async def stats(self, *, now: datetime) -> dict[str, Any]:
        """Counts for the operator: no answer content, only states, paths and timestamps."""

        async def scalar(sql: str, *params: Any) -> int:
            async with self._db.execute(sql, params) as cur:
                row = await cur.fetchone()
            return int(row[0]) if row and row[0] is not None else 0

        async def grouped(sql: str) -> dict[str, int]:
            async with self._db.execute(sql) as cur:
                return {str(r[0]): int(r[1]) for r in await cur.fetchall()}

        day = 86400
        return {
            "users_started": await scalar("SELECT COUNT(*) FROM users"),
            "users_finished": await scalar(
                "SELECT COUNT(*) FROM users WHERE finished_at IS NOT NULL"
            ),
            "by_state": await grouped("SELECT state, COUNT(*) FROM users GROUP BY state"),
            "recommendation_mix": await grouped(
                "SELECT path, COUNT(*) FROM users WHERE path IS NOT NULL GROUP BY path"
            ),
            "reminders": await grouped("SELECT status, COUNT(*) FROM reminders GROUP BY status"),
            "active_7_days": await scalar(
                "SELECT COUNT(*) FROM users WHERE updated_at >= ?",
                iso(datetime.fromtimestamp(now.timestamp() - 7 * day, UTC)),
            ),
            "active_30_days": await scalar(
                "SELECT COUNT(*) FROM users WHERE updated_at >= ?",
                iso(datetime.fromtimestamp(now.timestamp() - 30 * day, UTC)),
            ),
            "inactive": await scalar("SELECT COUNT(*) FROM users WHERE active = 0"),
        }

    async def export_user(self, user_id: int) -> dict[str, Any] | None:
        """Every row about one user, as plain JSON-ready data."""
        result: dict[str, Any] = {}
        for table in self.user_tables():
            sql = f"SELECT * FROM {table} WHERE user_id = ?"
            async with self._db.execute(sql, (user_id,)) as cur:
                rows = [dict(r) for r in await cur.fetchall()]
            for row in rows:
                for key in ("conversation", "recommendation", "schedule", "setup"):
                    if isinstance(row.get(key), str):
                        row[key] = json.loads(row[key])
            result[table] = rows
        return result if result.get("users") else None

    async def backup(self, target: Path) -> None:
        """An online, consistent copy via SQLite's backup API, safe while the bot runs."""
        target.parent.mkdir(parents=True, exist_ok=True)
        async with aiosqlite.connect(target) as copy:
            await self._db.backup(copy)
