"""Which storage backend a database setting names: a SQLite file path, or a PostgreSQL URL.

SQLite stays the embedded default (one process); PostgreSQL (`postgresql://…`) lets several
webhook workers share one database (see bot.storage_pg and deploy/README.md).
"""

from __future__ import annotations

from pathlib import Path

from bot.storage import Storage, StorageError

SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(database: str | Path) -> bool:
    return isinstance(database, str) and database.startswith(SCHEMES)


async def open_storage(database: str | Path) -> Storage:
    """SQLite for a path, PostgreSQL for a `postgresql://` URL; migrated and ready."""
    if is_postgres_url(database):
        import asyncpg

        from bot.storage_pg import PgStorage, redact

        try:
            return await PgStorage.open(str(database))
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise StorageError(f"cannot open {redact(str(database))}: {reason}") from None
    return await Storage.open(database)


def describe(database: str | Path) -> str:
    """The setting as it may be printed or logged (a URL's password removed)."""
    if is_postgres_url(database):
        from bot.storage_pg import redact

        return redact(str(database))
    return str(database)
