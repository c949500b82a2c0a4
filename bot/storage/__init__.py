"""The storage layer: every SQL statement in the project, behind one `Storage` protocol.

`protocol.py` is what the runtime asks; `records.py` what it gets back (and typed JSON rows);
`queries.py` each statement once, with named parameters; `shared.py` every method once, with
the retries of transient faults; `sqlite.py` and `postgres.py` only what differs per backend
(placeholders and types, locks across processes, claim liveness, schema versions, backups);
`schema.py` the migrations once, with per-backend types; `ops.py` restore and migrate-db.
A path names a SQLite file (the default, one process); a `postgresql://` URL a PostgreSQL
database several webhook workers can share.
"""

from __future__ import annotations

from pathlib import Path

from bot.storage.protocol import Storage as Storage
from bot.storage.records import PlanRecord as PlanRecord
from bot.storage.records import ReminderRecord as ReminderRecord
from bot.storage.records import StorageError as StorageError
from bot.storage.records import StorageUnavailable as StorageUnavailable
from bot.storage.records import UserRecord as UserRecord
from bot.storage.schema import LATEST as LATEST
from bot.storage.shared import CLAIM_LEASE_SECONDS as CLAIM_LEASE_SECONDS
from bot.storage.shared import RetryPolicy as RetryPolicy
from bot.storage.shared import StorageOptions as StorageOptions

SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(database: str | Path) -> bool:
    return isinstance(database, str) and database.startswith(SCHEMES)


def describe(database: str | Path) -> str:
    """The setting as it may be printed or logged (a URL's password removed)."""
    if is_postgres_url(database):
        from bot.storage.postgres import redact

        return redact(str(database))
    return str(database)


async def open_storage(database: str | Path, options: StorageOptions | None = None) -> Storage:
    """SQLite for a path, PostgreSQL for a `postgresql://` URL; migrated and ready."""
    if is_postgres_url(database):
        from bot.storage.postgres import PgStorage  # asyncpg only where it is used

        return await PgStorage.open(str(database), options)
    from bot.storage.sqlite import SqliteStorage

    return await SqliteStorage.open(database, options)
