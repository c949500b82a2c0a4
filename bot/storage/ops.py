"""`aipath restore` and `aipath migrate-db`: whole databases in, verified by row counts.

Both print each table's row count on both sides and fail when any differs. Restore refuses a
database a bot is serving (on SQLite its lock file is held, on PostgreSQL a live worker holds
the live lock shared), and one that already holds users unless told to replace them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.storage import StorageOptions, describe, open_storage
from bot.storage.records import StorageError
from bot.storage.schema import TABLES


@dataclass(frozen=True, slots=True)
class TableCount:
    table: str
    source: int
    target: int

    @property
    def ok(self) -> bool:
        return self.source == self.target


async def restore(database: str | Path, backup: Path, *, replace: bool) -> list[TableCount]:
    """Replace `database`'s rows with `backup`'s (a file `aipath backup` wrote for the same
    backend); the database is brought to the current schema afterwards."""
    storage = await open_storage(database, StorageOptions(role="restore"))
    try:
        if not replace and (await storage.row_counts())["users"]:
            raise StorageError(
                f"{describe(database)} already holds users; add --replace to overwrite them"
            )
        expected = await storage.restore_from(backup)
        counts = await storage.row_counts()
    finally:
        await storage.close()
    return [TableCount(t, expected[t], counts[t]) for t in TABLES]


async def migrate_sqlite_to_postgres(source: Path, url: str) -> list[TableCount]:
    """Copy a SQLite database (brought to the latest schema, read in one snapshot) into an
    empty PostgreSQL one, in one transaction. Stop the bot first: answers written during the
    copy would be left behind."""
    from bot.storage.postgres import PgStorage
    from bot.storage.sqlite import SqliteStorage

    lite = await SqliteStorage.open(source)
    try:
        rows = await lite.table_rows()
    finally:
        await lite.close()
    target = await PgStorage.open(url)
    try:
        await target.copy_in(rows)
        counts = await target.row_counts()
    finally:
        await target.close()
    return [TableCount(t, len(rows[t]), counts[t]) for t in TABLES]
