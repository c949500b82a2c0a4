"""PostgreSQL through asyncpg: several webhook workers sharing one database.

Two pools: one for statements (autocommit), one whose connections only hold a person's lock for
an update (`user_turn`), so a turn waiting for a statement never starves the turn holding the
lock. What the workers rely on rests on PostgreSQL's advisory locks, which the server frees when
a worker dies, never on process memory (deploy/README.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import os
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import asyncpg

from bot.settings import describe
from bot.storage.records import Row, StorageError, db_value
from bot.storage.shared import Storage, StorageOptions
from bot.storage.sql import TABLES, translate

# Advisory lock keys; the per-person and per-holder locks take two keys, in their own key spaces.
USER_LOCK_SPACE = 0x41495041  # "AIPA"
HOLDER_LOCK_SPACE = 0x41495048  # "AIPH": held by a live process for its claims
MIGRATION_LOCK = 0x41495041_0001
SWEEP_LOCK = 0x41495041_0002
LIVE_LOCK = 0x41495041_0003  # held shared by every running bot, exclusively by a restore
_NAME = {"application_name": f"aipath-{os.getpid()}"}  # pg_stat_activity shows who holds what
BACKUP_FORMAT = "aipath-postgresql-backup"
NUDGE_DELAY = """
    UPDATE nudge_pace SET next_at = GREATEST(next_at, clock_timestamp()) + :gap::interval
    WHERE id = 1 RETURNING EXTRACT(EPOCH FROM (next_at - :gap::interval - clock_timestamp()))"""
TRANSIENT = ("08", "57", "53", "40")  # SQLSTATEs: connection; restart; resources; deadlock


class PgStorage(Storage):
    dialect = "postgresql"
    open_errors = (OSError, asyncpg.PostgresError, asyncpg.InterfaceError)
    before_migrating = (  # one worker migrates; the others wait, then find nothing left to do
        f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})",
        "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
        "applied_at timestamptz NOT NULL DEFAULT now())",
    )
    versions = (
        "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
        "INSERT INTO schema_migrations (version) VALUES ({})",
    )
    holder_gone = f"""claimed_at < :orphaned AND COALESCE(claim_holder, 0) NOT IN (
        SELECT objid::bigint FROM pg_locks WHERE locktype = 'advisory' AND granted
          AND classid = {HOLDER_LOCK_SPACE} AND objsubid = 2
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))"""
    """The holder's session lock has vanished, and the claim is older than a grace (a worker
    cut off by a server restart may still be recording the nudge it sent)."""

    def __init__(self, url: str, options: StorageOptions, *pools: asyncpg.Pool) -> None:
        super().__init__(describe(url), options)
        self.url = url
        self._pool, self._turns = pools
        self._session: asyncpg.Connection | None = None

    @classmethod
    async def open(cls, url: str, options: StorageOptions | None = None) -> PgStorage:
        pool = functools.partial(asyncpg.create_pool, url, min_size=0, server_settings=_NAME)
        pools = [await pool(max_size=n) for n in (8, 16)]
        return await cls(url, options or StorageOptions(), *pools)._opened()

    async def _prepare(self) -> None:
        if self.options.role != "tool":
            await self._session_connection()

    async def close(self) -> None:
        if self._session is not None:
            self._session.terminate()
        await self._turns.close()
        await self._pool.close()

    async def _execute(self, sql: str, params: dict[str, Any], write: bool) -> Sequence[Row]:
        text, names = translate(sql, "postgresql")
        conn = self._connection() or self._pool
        args = [
            v.astimezone(UTC).replace(microsecond=0) if isinstance(v, datetime) else v
            for v in map(params.__getitem__, names)
        ]  # times to the second, as SQLite stores them
        return cast(Sequence[Row], await conn.fetch(text, *args))

    def _transient(self, error: Exception) -> bool:
        if isinstance(error, asyncpg.InterfaceError):  # only "connection is closed" is transient
            return "closed" in str(error)
        if isinstance(error, OSError | asyncpg.exceptions.InternalClientError):
            return True  # refused, reset, timed out; a pooled connection whose server went away
        return str(getattr(error, "sqlstate", ""))[:2] in TRANSIENT

    @asynccontextmanager
    async def _begin(self, snapshot: bool) -> AsyncIterator[asyncpg.Connection]:
        """One pooled connection; a snapshot is REPEATABLE READ, read only."""
        isolation = {"isolation": "repeatable_read", "readonly": True} if snapshot else {}
        async with self._pool.acquire() as conn, conn.transaction(**isolation):
            yield conn

    async def backup(self, target: Path) -> None:
        """A JSON dump of one snapshot: needs no client binaries matching the server's."""
        version, tables = await self.schema_version(), await self.table_rows()
        document = {"format": BACKUP_FORMAT, "schema_version": version, "tables": tables}
        text = json.dumps(document, ensure_ascii=False)
        await asyncio.to_thread(target.write_text, text, "utf-8")

    async def restore_from(self, backup: Path) -> dict[str, int]:
        try:
            document = json.loads(await asyncio.to_thread(backup.read_bytes))
            if document["format"] != BACKUP_FORMAT:
                raise ValueError(document["format"])
        except (ValueError, KeyError, TypeError):
            raise StorageError(f"{backup} is not a PostgreSQL backup made by aipath") from None
        self._refuse_newer(int(document["schema_version"]), str(backup))
        await self.copy_in(document["tables"], replace=True)
        return {table: len(document["tables"].get(table, [])) for table in TABLES}

    async def copy_in(
        self, tables: Mapping[str, list[dict[str, Any]]], replace: bool = False
    ) -> None:
        """Typed rows bulk-loaded in one transaction; refused over users unless `replace`."""
        async with self._pool.acquire() as db, db.transaction():
            if replace:
                await db.execute(f"TRUNCATE {', '.join(TABLES)}")
            elif await db.fetchval("SELECT EXISTS (SELECT 1 FROM users)"):
                raise ValueError("the PostgreSQL database already holds users")
            for table in reversed(TABLES):
                if rows := tables.get(table, []):
                    columns = list(rows[0])
                    records = [tuple(db_value(c, row[c]) for c in columns) for row in rows]
                    await db.copy_records_to_table(table, records=records, columns=columns)

    async def _session_connection(self) -> asyncpg.Connection:
        """This process's own session: its holder lock (its claims live while the session does),
        its role's live lock and, while it leads, the sweep lock; opened anew once lost."""
        if self._session is not None and not self._session.is_closed():
            return self._session
        conn = await asyncpg.connect(self.url, server_settings=_NAME)
        try:
            lock = "SELECT pg_try_advisory_lock($1, $2)"
            while not await conn.fetchval(lock, HOLDER_LOCK_SPACE, self.holder):
                self.holder = (self.holder + 2) % 2**31  # taken by another live process
            live = self.options.role == "live"  # every bot shares it; a restore takes it alone
            lock = f"SELECT pg_try_advisory_lock{'_shared' if live else ''}($1)"
            if self.options.role != "tool" and not await conn.fetchval(lock, LIVE_LOCK):
                holder = "an aipath restore; wait for it" if live else "a bot; stop it first"
                raise StorageError(f"{self.name} is in use by {holder}")
        except BaseException:
            conn.terminate()
            raise
        self._session = conn
        return conn

    async def sweep_lease(self) -> bool:
        """Whether this worker holds the one sweep lock: taken when free, kept while its session
        lives (taking it again only counts it again), which each call proves."""
        try:
            session = await self._session_connection()
            return bool(await session.fetchval("SELECT pg_try_advisory_lock($1)", SWEEP_LOCK))
        except Exception as error:
            if not self._transient(error):
                raise
            if self._session is not None:  # lost with its locks: a new one next time
                self._session.terminate()
            return False  # the server is away: no sweep this time

    async def _lock_person(self, user_id: int) -> asyncpg.Connection:
        conn = await self._turns.acquire()
        try:
            await conn.execute("SELECT pg_advisory_lock($1, $2)", USER_LOCK_SPACE, user_id)
        except BaseException:
            await self._turns.release(conn)
            raise
        return conn

    @asynccontextmanager
    async def user_turn(self, user_id: int) -> AsyncIterator[None]:
        """The person's lock for one update, so no two workers handle them at once: freed as
        the pool resets the connection, or by the server when the connection dies."""
        conn = await self._run(self._lock_person, user_id)
        try:
            yield
        finally:
            with contextlib.suppress(Exception):  # a lost connection has freed the lock already
                await self._turns.release(conn)

    async def nudge_delay(self, per_second: float) -> float:
        rows = await self._write(NUDGE_DELAY, gap=timedelta(seconds=1 / per_second))
        return max(0.0, float(rows[0][0]))
