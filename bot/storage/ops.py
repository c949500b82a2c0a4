"""`aipath restore` and `aipath migrate-db`: whole databases in, checked by row counts.

Each returns every table's row count on both sides; the CLI prints them and fails on any
difference. Restore refuses a database a bot is serving (on SQLite its lock file is held, on
PostgreSQL every live worker holds the live lock shared), and one that already holds users
unless told to replace them.
"""

from __future__ import annotations

from pathlib import Path

from bot.storage import StorageOptions, open_storage
from bot.storage.records import StorageError
from bot.storage.schema import TABLES

Counts = dict[str, tuple[int, int]]
"""Per table: (rows in the source, rows in the target)."""


async def restore(database: str | Path, backup: Path, *, replace: bool) -> Counts:
    """Replace `database`'s rows with `backup`'s (a file `aipath backup` wrote for the same
    backend); the database is brought to the current schema afterwards."""
    storage = await open_storage(database, StorageOptions(role="restore"))
    try:
        if not replace and (await storage.row_counts())["users"]:
            raise StorageError(f"{storage.name} already holds users; add --replace to overwrite")
        expected = await storage.restore_from(backup)
        counts = await storage.row_counts()
    finally:
        await storage.close()
    return {t: (expected[t], counts[t]) for t in TABLES}


async def migrate_sqlite_to_postgres(source: Path, url: str) -> Counts:
    """Copy a SQLite database (brought to the latest schema, read in one snapshot) into an
    empty PostgreSQL one, in one transaction. Stop the bot first: answers written during the
    copy would be left behind."""
    from bot.storage.postgres import PgStorage

    lite = await open_storage(source)
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
    return {t: (len(rows[t]), counts[t]) for t in TABLES}
