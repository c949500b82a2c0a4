"""The storage layer: every SQL statement in the project, behind one `Storage` class.

Written once for both backends: the methods (`shared.py`), the schema and statements (`sql.py`),
rows as records and typed JSON (`records.py`); what differs lives in `sqlite.py` (a path: the
default, one process) and `postgres.py` (a `postgresql://` URL: several webhook workers).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from bot.storage.records import StorageError as StorageError
from bot.storage.shared import Storage as Storage
from bot.storage.shared import StorageOptions as StorageOptions
from bot.storage.sql import LATEST as LATEST
from bot.storage.sql import TABLES

Counts = dict[str, tuple[int, int]]
"""Per table: rows in the source, rows in the target (`restore` and `migrate-db` print both)."""


def is_postgres_url(database: str | Path) -> bool:
    return isinstance(database, str) and database.startswith(("postgresql://", "postgres://"))


def describe(database: str | Path) -> str:
    """The setting as it may be printed or logged (a URL's password removed)."""
    text = str(database)
    password = urlsplit(text).password if is_postgres_url(database) else None
    return text if password is None else text.replace(f":{password}@", "@", 1)


async def open_storage(database: str | Path, options: StorageOptions | None = None) -> Storage:
    """SQLite for a path, PostgreSQL for a `postgresql://` URL; migrated and ready."""
    if is_postgres_url(database):
        from bot.storage.postgres import PgStorage  # asyncpg only where it is used

        return await PgStorage.open(str(database), options)
    from bot.storage.sqlite import SqliteStorage

    return await SqliteStorage.open(database, options)


async def restore(database: str | Path, backup: Path, *, replace: bool) -> Counts:
    """Replace `database`'s rows with a backup's (`aipath backup`, same backend), then migrate.
    Refused while a bot serves the database, and over users unless told to `replace` them."""
    storage = await open_storage(database, StorageOptions(role="restore"))
    try:
        if not replace and (await storage.row_counts())["users"]:
            raise StorageError(f"{storage.name} already holds users; add --replace to overwrite")
        expected = await storage.restore_from(backup)
        counts = await storage.row_counts()
    finally:
        await storage.close()
    return {t: (expected[t], counts[t]) for t in TABLES}
