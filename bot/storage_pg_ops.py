"""Operator queries on PostgreSQL: stats, export, backup, and the bulk copy `migrate-db` uses.

Rows come out shaped exactly as the SQLite backend exports them (JSON decoded, times as ISO
text), so `aipath export` reads the same on both backends and `migrate-db` can compare them.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg

from bot.storage_pg_schema import TABLES

Row = Mapping[str, Any]


class PgOperators:
    """Mixed into PgStorage; needs only its query pool."""

    _pool: asyncpg.Pool

    async def schema_version(self) -> int:
        raise NotImplementedError

    async def stats(self, *, now: datetime) -> dict[str, Any]:
        async def scalar(sql: str, *params: Any) -> int:
            value = await self._pool.fetchval(sql, *params)
            return int(value) if value is not None else 0

        async def grouped(sql: str) -> dict[str, int]:
            return {str(r[0]): int(r[1]) for r in await self._pool.fetch(sql)}

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
                "SELECT COUNT(*) FROM users WHERE updated_at >= $1", now - timedelta(days=7)
            ),
            "active_30_days": await scalar(
                "SELECT COUNT(*) FROM users WHERE updated_at >= $1", now - timedelta(days=30)
            ),
            "inactive": await scalar("SELECT COUNT(*) FROM users WHERE NOT active"),
        }

    async def export_user(self, user_id: int) -> dict[str, Any] | None:
        """Every row about one user, shaped exactly as the SQLite backend exports it."""
        result: dict[str, Any] = {}
        for table in TABLES:
            rows = await self._pool.fetch(f"SELECT * FROM {table} WHERE user_id = $1", user_id)
            result[table] = [_plain(table, r) for r in rows]
        return result if result.get("users") else None

    async def table_rows(self) -> dict[str, list[dict[str, Any]]]:
        """Every row of every table, in one consistent snapshot (backups, migration checks)."""
        async with (
            self._pool.acquire() as db,
            db.transaction(isolation="repeatable_read", readonly=True),
        ):
            return {
                table: [_plain(table, r) for r in await db.fetch(f"SELECT * FROM {table}")]
                for table in reversed(tuple(TABLES))
            }

    async def row_counts(self) -> dict[str, int]:
        return {
            table: int(await self._pool.fetchval(f"SELECT COUNT(*) FROM {table}"))
            for table in TABLES
        }

    async def backup(self, target: Path) -> None:
        """A consistent JSON dump of every table (one REPEATABLE READ snapshot).

        JSON rather than pg_dump: it needs no client binaries matching the server's version,
        and `aipath migrate-db`'s row shapes are the same on both backends.
        """
        target.parent.mkdir(parents=True, exist_ok=True)
        document = {
            "format": "aipath-postgresql-backup",
            "schema_version": await self.schema_version(),
            "tables": await self.table_rows(),
        }
        text = json.dumps(document, ensure_ascii=False)
        await asyncio.to_thread(target.write_text, text, encoding="utf-8")

    async def copy_in(self, tables: Mapping[str, list[dict[str, Any]]]) -> None:
        """Bulk-load rows read from the SQLite backend (migrate-db): all tables in one
        transaction, parents first; refuses a database that already holds users."""
        async with self._pool.acquire() as db, db.transaction():
            if await db.fetchval("SELECT EXISTS (SELECT 1 FROM users)"):
                raise ValueError("the PostgreSQL database already holds users")
            for table in reversed(TABLES):
                rows = tables.get(table, [])
                if not rows:
                    continue
                columns = list(rows[0])
                records = [tuple(_typed(table, c, row[c]) for c in columns) for row in rows]
                await db.copy_records_to_table(table, records=records, columns=columns)


_JSON_COLUMNS = ("conversation", "recommendation", "schedule", "setup")
_TIME_COLUMNS = ("created_at", "updated_at", "finished_at")
_DATE_COLUMNS = ("start_date", "rebase_date")


def _plain(table: str, row: Row) -> dict[str, Any]:
    """A row as the SQLite backend's export shows it: JSON decoded, times as ISO text."""
    out: dict[str, Any] = dict(row)
    for key, value in out.items():
        if key in _JSON_COLUMNS and isinstance(value, str):
            out[key] = json.loads(value)
        elif isinstance(value, datetime):
            out[key] = value.astimezone(UTC).isoformat(timespec="seconds")
        elif isinstance(value, date):
            out[key] = value.isoformat()
        elif table == "users" and key == "active":
            out[key] = int(value)
    return out


def _typed(table: str, column: str, value: Any) -> Any:
    """A value exported from SQLite, converted to the PostgreSQL column's type."""
    if value is None:
        return None
    if column in _JSON_COLUMNS:
        return value if isinstance(value, str) else json.dumps(value)
    if column in _TIME_COLUMNS:
        return datetime.fromisoformat(value)
    if column in _DATE_COLUMNS:
        return date.fromisoformat(value)
    if table == "users" and column == "active":
        return bool(value)
    return value
