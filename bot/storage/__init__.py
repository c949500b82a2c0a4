"""The storage layer: every SQL statement in the project, behind one `Storage` class.

Written once for both backends: the methods (`shared.py`), the statements (`queries.py`), the
migrations (`schema.py`), rows as records and typed JSON (`records.py`); what differs lives in
`sqlite.py` (a path: the default, one process) and `postgres.py` (a `postgresql://` URL: several
webhook workers); `ops.py` is restore and migrate-db.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from bot.storage.records import StorageError as StorageError
from bot.storage.schema import LATEST as LATEST
from bot.storage.shared import Storage as Storage
from bot.storage.shared import StorageOptions as StorageOptions


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
