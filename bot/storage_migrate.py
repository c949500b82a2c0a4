"""`aipath migrate-db`: copy a SQLite database into an empty PostgreSQL one, then count.

The SQLite file is first brought to the latest schema (the same numbering as PostgreSQL's), read
in one snapshot, and loaded in one PostgreSQL transaction; the copy is verified by comparing
each table's row count on both sides. Stop the bot before migrating: answers written during the
copy would be left behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiosqlite

from bot.storage import Storage
from bot.storage_pg import PgStorage
from bot.storage_pg_schema import TABLES


@dataclass(frozen=True, slots=True)
class TableCount:
    table: str
    sqlite: int
    postgresql: int

    @property
    def ok(self) -> bool:
        return self.sqlite == self.postgresql


async def read_sqlite(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Every row of every user table, from one read transaction."""
    storage = await Storage.open(path)  # brings an older file to the latest schema
    await storage.close()
    async with aiosqlite.connect(path) as db:
        db.row_factory = aiosqlite.Row
        await db.execute("BEGIN")
        tables: dict[str, list[dict[str, Any]]] = {}
        for table in TABLES:
            async with db.execute(f"SELECT * FROM {table}") as cur:
                tables[table] = [dict(row) for row in await cur.fetchall()]
        await db.execute("COMMIT")
    return tables


async def migrate_sqlite_to_postgres(source: Path, url: str) -> list[TableCount]:
    rows = await read_sqlite(source)
    target = await PgStorage.open(url)
    try:
        await target.copy_in(rows)
        counts = await target.row_counts()
    finally:
        await target.close()
    return [TableCount(t, len(rows[t]), counts[t]) for t in TABLES]
