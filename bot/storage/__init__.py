"""The storage layer: every SQL statement in the project, behind one `Storage` class.

Written once for both backends: the methods (`shared.py`), the schema and statements (`sql.py`),
rows as records and typed JSON (`records.py`); what differs lives in `sqlite.py` (a path: the
default, one process) and `postgres.py` (a `postgresql://` URL: several webhook workers).
"""

from __future__ import annotations

from pathlib import Path

from bot.settings import is_postgres_url
from bot.storage.records import StorageError as StorageError
from bot.storage.shared import Storage as Storage
from bot.storage.shared import StorageOptions as StorageOptions
from bot.storage.sql import LATEST as LATEST
from bot.storage.sql import TABLES as TABLES


async def open_storage(database: str | Path, options: StorageOptions | None = None) -> Storage:
    """SQLite for a path, PostgreSQL for a `postgresql://` URL; migrated and ready."""
    if is_postgres_url(database):
        from bot.storage.postgres import PgStorage  # asyncpg only where it is used

        return await PgStorage.open(str(database), options)
    from bot.storage.sqlite import SqliteStorage

    return await SqliteStorage.open(database, options)
