"""PostgreSQL storage (asyncpg): the same public API as the SQLite `Storage`, for N workers.

Chosen by a `postgresql://` AIPATH_DATABASE (see bot.storage_backends). Every statement for this
backend lives here and in the mixins beside it (`storage_pg_plans`, `storage_pg_reminders`,
`storage_pg_ops`), laid out like the SQLite backend's. Two small pools: one for queries
(autocommit: each write is committed before it returns, so an answer is stored before the reply
that acknowledges it), one whose connections only hold per-user advisory locks for the length of
an update (`user_turn`), so a turn waiting for a query connection can never starve the queries of
the turn holding the lock.

Multi-worker guarantees rest on PostgreSQL itself, never on process memory:
- one person at a time: `pg_advisory_xact_lock(user)` held from before load until after the reply;
- one nudge once: `claim_due` claims rows with `FOR UPDATE SKIP LOCKED` in one statement;
- one sweep at a time: a session-level advisory lock on a dedicated connection; when its worker
  dies the connection closes, the lock is freed, and the next sweep tick elsewhere takes it;
- one pace for all: the next send slot is a single row advanced atomically (`nudge_delay`).
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg

from bot.storage import Storage
from bot.storage_pg_ops import PgOperators
from bot.storage_pg_plans import PgPlans
from bot.storage_pg_reminders import PgReminders
from bot.storage_pg_schema import (
    MIGRATION_LOCK,
    MIGRATIONS,
    SWEEP_LOCK,
    TABLES,
    USER_LOCK_SPACE,
    stamp,
)
from bot.storage_records import UserRecord, recent_window
from bot.storage_turn_pg import PgTurnReads
from flows.conversation import Conversation

_in_transaction: ContextVar[asyncpg.Connection | None] = ContextVar("pg_transaction", default=None)
"""Task-local: set inside `PgStorage.transaction()` only."""


def _application_name() -> dict[str, str]:
    """Names this worker in pg_stat_activity, so an operator sees who holds which lock."""
    return {"application_name": f"aipath-{os.getpid()}"}


def redact(url: str) -> str:
    """The URL without its password, for logs and operator output."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    return f"{scheme}://{credentials.split(':', 1)[0]}@{host}"


class PgStorage(PgTurnReads, PgPlans, PgReminders, PgOperators, Storage):
    """Async access to PostgreSQL. Create with `await PgStorage.open(url)`.

    It subclasses `Storage` only so that every `Storage` annotation accepts it; it shares no
    SQLite code and overrides every public method (tests/test_storage_backends.py checks that).
    """

    def __init__(self, pool: asyncpg.Pool, turns: asyncpg.Pool, url: str) -> None:
        self._pool = pool
        self._turns = turns
        self.url = url
        self.path = Path(redact(url))
        self._leader: asyncpg.Connection | None = None

    @classmethod
    async def open(cls, path: Path | str, *, pool_size: int = 8, turns: int = 16) -> PgStorage:
        url = str(path)
        named = {"server_settings": _application_name()}
        pool = await asyncpg.create_pool(url, min_size=1, max_size=pool_size, **named)
        locks = await asyncpg.create_pool(url, min_size=0, max_size=turns, **named)
        storage = cls(pool, locks, url)
        await storage.migrate()
        return storage

    async def close(self) -> None:
        if self._leader is not None:
            await self._leader.close()
            self._leader = None
        await self._turns.close()
        await self._pool.close()

    async def schema_version(self) -> int:
        exists = await self._pool.fetchval("SELECT to_regclass('schema_migrations') IS NOT NULL")
        if not exists:
            return 0
        return int(
            await self._pool.fetchval("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")
        )

    async def migrate(self) -> int:
        """Apply pending migrations, each in its own transaction, one worker at a time."""
        async with self._pool.acquire() as db, db.transaction():
            await db.execute("SELECT pg_advisory_xact_lock($1)", MIGRATION_LOCK)
            await db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
            )
            version = int(
                await db.fetchval("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")
            )
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                async with db.transaction():
                    await db.execute(script)
                    await db.execute("INSERT INTO schema_migrations (version) VALUES ($1)", number)
        return await self.schema_version()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[None]:
        """Group several writes into one commit (bulk loads, benchmarks): inside, this task's
        reads and writes go through one connection in one transaction."""
        async with self._pool.acquire() as conn, conn.transaction():
            token = _in_transaction.set(conn)
            try:
                yield
            finally:
                _in_transaction.reset(token)

    @asynccontextmanager
    async def _one_transaction(self) -> AsyncIterator[asyncpg.Connection]:
        """A connection in a transaction: this task's open one, or a new one committed at exit."""
        current = _in_transaction.get()
        if current is not None:
            yield current
            return
        async with self._pool.acquire() as conn, conn.transaction():
            yield conn

    @property
    def _conn(self) -> asyncpg.Pool | asyncpg.Connection:
        """The current task's transaction connection, else the pool (autocommit)."""
        return _in_transaction.get() or self._pool

    async def file_bytes(self) -> int:
        return int(await self._pool.fetchval("SELECT pg_database_size(current_database())"))

    # ------------------------------------------------------------------------------ workers

    @asynccontextmanager
    async def user_turn(self, user_id: int) -> AsyncIterator[None]:
        """Hold the person's advisory lock for one update: no two workers handle them at once.

        A transaction-scoped lock on its own connection: released on commit, on error, and by
        the server when the worker dies (its connection closes).
        """
        async with self._turns.acquire() as conn, conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1, $2)", USER_LOCK_SPACE, user_id)
            yield

    async def sweep_lease(self) -> bool:
        """True while this worker holds the one sweep lock (taken when free, kept while alive)."""
        if self._leader is not None:
            try:
                await self._leader.fetchval("SELECT 1")
                return True
            except (asyncpg.PostgresError, OSError):
                self._leader.terminate()
                self._leader = None
        conn = await asyncpg.connect(self.url, server_settings=_application_name())
        if await conn.fetchval("SELECT pg_try_advisory_lock($1)", SWEEP_LOCK):
            self._leader = conn
            return True
        await conn.close()
        return False

    async def nudge_delay(self, per_second: float) -> float:
        """Seconds to wait before this nudge so that all workers together keep `per_second`."""
        delay = await self._pool.fetchval(
            """
            UPDATE nudge_pace
               SET next_at = GREATEST(next_at, clock_timestamp()) + $1::interval
             WHERE id = 1
            RETURNING EXTRACT(EPOCH FROM (next_at - $1::interval - clock_timestamp()))
            """,
            timedelta(seconds=1 / per_second),
        )
        return max(0.0, float(delay))

    # ------------------------------------------------------------------------------ users

    async def load(self, user_id: int) -> UserRecord | None:
        return (await self.load_turn(user_id)).user

    async def save_conversation(
        self,
        user_id: int,
        conversation: Conversation,
        *,
        now: datetime,
        chat_id: int | None = None,
        update_id: int | None = None,
        recommendation: dict[str, Any] | None = None,
        recent_updates: tuple[tuple[int, int], ...] | None = None,
    ) -> None:
        """As `Storage.save_conversation`; `recent_updates` is accepted for the same API but
        not used: here the window is always read under the row's lock in this transaction,
        which holds against another worker too."""
        del recent_updates
        finished = conversation.state == "recommendation"
        async with self._one_transaction() as db:
            window = None
            if update_id is not None:  # read and extend the window under the row's lock
                raw = await db.fetchval(
                    "SELECT recent_updates FROM users WHERE user_id = $1 FOR UPDATE", user_id
                )
                window = recent_window(raw, update_id, now)
            await db.execute(
                """
                INSERT INTO users AS u (user_id, chat_id, conversation, state, recommendation,
                                        path, last_update_id, recent_updates, created_at,
                                        updated_at, finished_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10)
                ON CONFLICT (user_id) DO UPDATE SET
                    chat_id        = COALESCE(excluded.chat_id, u.chat_id),
                    conversation   = excluded.conversation,
                    state          = excluded.state,
                    recommendation = COALESCE(excluded.recommendation, u.recommendation),
                    path           = COALESCE(excluded.path, u.path),
                    last_update_id = COALESCE(excluded.last_update_id, u.last_update_id),
                    recent_updates = COALESCE(excluded.recent_updates, u.recent_updates),
                    active         = TRUE,
                    updated_at     = excluded.updated_at,
                    finished_at    = CASE WHEN excluded.finished_at IS NULL THEN u.finished_at
                                          ELSE COALESCE(u.finished_at, excluded.finished_at) END
                """,
                user_id,
                chat_id,
                conversation.model_dump_json(),
                conversation.state,
                json.dumps(recommendation) if recommendation else None,
                recommendation.get("path") if recommendation else None,
                update_id,
                window,
                stamp(now),
                stamp(now) if finished else None,
            )

    async def set_source(self, user_id: int, source: str) -> None:
        await self._conn.execute(
            "UPDATE users SET source = $1 WHERE user_id = $2 AND source IS NULL", source, user_id
        )

    async def set_question_message(
        self, user_id: int, message_id: int | None, digest: str | None
    ) -> None:
        await self._conn.execute(
            "UPDATE users SET question_message_id = $1, question_digest = $2,"
            " unconfirmed_digest = NULL WHERE user_id = $3",
            message_id,
            digest,
            user_id,
        )

    async def set_screen_unconfirmed(self, user_id: int, digest: str) -> None:
        await self._conn.execute(
            "UPDATE users SET unconfirmed_digest = $1 WHERE user_id = $2", digest, user_id
        )

    async def set_active(self, user_id: int, active: bool) -> None:
        await self._conn.execute("UPDATE users SET active = $1 WHERE user_id = $2", active, user_id)

    async def delete_user(self, user_id: int) -> None:
        async with self._pool.acquire() as db, db.transaction():
            for table in self.user_tables():
                await db.execute(f"DELETE FROM {table} WHERE user_id = $1", user_id)

    def user_tables(self) -> Iterable[str]:
        return TABLES

    async def rows_about(self, user_id: int) -> int:
        total = 0
        for table in self.user_tables():
            sql = f"SELECT COUNT(*) FROM {table} WHERE user_id = $1"
            total += int(await self._conn.fetchval(sql, user_id))
        return total
