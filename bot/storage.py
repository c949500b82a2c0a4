"""SQLite storage: the connection, its one-writer rule, and the users table.

The storage layer (`bot/storage*.py`) owns every SQL statement in the project. Beside this
module: a turn's one read and its writes (`storage_turn_sqlite`, `storage_turn`), plan, reminder
and operator queries (`storage_sqlite_plans`, `storage_sqlite_reminders`, `storage_sqlite_ops`,
mixed into `Storage`), the schema (`storage_sqlite_schema`), and the records both backends
return (`storage_records`, re-exported here).

One connection per process (aiosqlite runs it on its own thread). WAL lets a backup or a second
reader run beside the bot; `busy_timeout` makes brief lock contention wait instead of failing.
Every write commits before it returns, so an answer is on disk before the reply that
acknowledges it is sent.

The connection is shared by every task, and SQLite has one transaction per connection: a write
issued while another task's BEGIN…COMMIT is open would silently join that transaction (and be
lost with it). So one writer at a time: every write and every transaction takes `_write_lock`.

Privacy at rest: `secure_delete` overwrites erased rows, and a delete ends with a WAL checkpoint,
so a person's answers are not left in the file or the WAL after /delete. The file is created
0600 in a 0700 folder; a symlinked or world-writable folder is refused.
"""

from __future__ import annotations

import asyncio
import json
import os
import stat
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from datetime import datetime
from pathlib import Path
from typing import Any

import aiosqlite

from bot.storage_records import PlanRecord as PlanRecord
from bot.storage_records import ReminderRecord as ReminderRecord
from bot.storage_records import StorageError as StorageError
from bot.storage_records import UserRecord as UserRecord
from bot.storage_records import recent_window
from bot.storage_sqlite_ops import SqliteOperators
from bot.storage_sqlite_plans import SqlitePlans
from bot.storage_sqlite_reminders import SqliteReminders
from bot.storage_sqlite_schema import MIGRATIONS as MIGRATIONS
from bot.storage_sqlite_schema import iso
from bot.storage_turn import commit_turn, record_shown, record_unconfirmed
from bot.storage_turn_sqlite import SqliteTurnReads
from flows.conversation import Conversation
from flows.turn.effects import Changes

_writing: ContextVar[Storage | None] = ContextVar("aipath_storage_writing", default=None)
"""The Storage whose write lock the current task holds (nested writes must not wait on it)."""


class Storage(SqliteTurnReads, SqlitePlans, SqliteReminders, SqliteOperators):
    """Async access to the database. Create with `await Storage.open(path)`."""

    def __init__(self, db: aiosqlite.Connection, path: Path) -> None:
        self._db = db
        self.path = path
        self._write_lock = asyncio.Lock()

    @asynccontextmanager
    async def _writer(self) -> AsyncIterator[None]:
        """Hold the one-writer lock (re-entrant within a transaction of this task)."""
        if _writing.get() is self:
            yield
            return
        async with self._write_lock:
            token = _writing.set(self)
            try:
                yield
            finally:
                _writing.reset(token)

    async def _write(self, sql: str, params: Any = ()) -> None:
        """One statement, committed on its own (autocommit), never inside another's BEGIN."""
        async with self._writer():
            await self._db.execute(sql, params)

    @classmethod
    async def open(cls, path: Path | str) -> Storage:
        path = Path(path)
        if str(path) != ":memory:":
            _prepare_file(path)
        db = await aiosqlite.connect(path, isolation_level=None)
        db.row_factory = aiosqlite.Row
        await db.execute("PRAGMA secure_delete = ON")
        await db.execute("PRAGMA journal_mode = WAL")
        await db.execute("PRAGMA busy_timeout = 5000")
        await db.execute("PRAGMA foreign_keys = ON")
        await db.execute("PRAGMA synchronous = NORMAL")
        storage = cls(db, path)
        await storage.migrate()
        return storage

    async def _one(self, sql: str, params: Any) -> aiosqlite.Row | None:
        """One row in a single round trip to aiosqlite's thread (execute+fetch+close: three)."""
        rows = await self._db.execute_fetchall(sql, params)
        return next(iter(rows), None)

    async def close(self) -> None:
        await self._db.close()

    async def schema_version(self) -> int:
        async with self._db.execute("PRAGMA user_version") as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0

    async def migrate(self) -> int:
        """Apply pending migrations, each in its own transaction. Returns the new version."""
        version = await self.schema_version()
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            async with self.transaction():
                for statement in filter(str.strip, script.split(";")):
                    await self._db.execute(statement)
                await self._db.execute(f"PRAGMA user_version = {number}")
        return await self.schema_version()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[None]:
        """Group several writes into one commit (bulk loads, benchmarks, deletes).

        Holds the write lock throughout, so no other task's write can join this transaction;
        this task's own writes inside it are part of it (the lock is re-entrant for them).
        """
        async with self._writer():
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                await self._db.execute("ROLLBACK")
                raise
            await self._db.execute("COMMIT")

    async def file_bytes(self) -> int:
        """The database's size on disk after a checkpoint (main file only)."""
        async with self._writer():
            await self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return self.path.stat().st_size

    # ------------------------------------------------------------------------------ workers
    # One process owns a SQLite file, so these are trivial here; bot.storage_pg implements them
    # for several workers sharing PostgreSQL.

    @asynccontextmanager
    async def user_turn(self, user_id: int) -> AsyncIterator[None]:
        """One person's update at a time (in one process the update processor ensures it)."""
        yield

    async def sweep_lease(self) -> bool:
        """Whether this process runs the reminder sweep: the only process always does."""
        return True

    async def nudge_delay(self, per_second: float) -> float:
        """Extra wait before a nudge for the pace across processes: none with one process."""
        return 0.0

    # ------------------------------------------------------------------------------ users

    async def load(self, user_id: int) -> UserRecord | None:
        return (await self.load_turn(user_id)).user

    async def commit_turn(self, changes: Changes) -> None:
        """A turn's changes in one transaction (bot/storage_turn.py; PostgreSQL's too)."""
        await commit_turn(self, changes)

    async def record_shown(
        self,
        user_id: int,
        message_id: int | None,
        digest: str | None,
        file_messages: tuple[int, ...] | None = None,
    ) -> None:
        """The message now showing the current screen, and the plan's new files, if any."""
        await record_shown(self, user_id, message_id, digest, file_messages)

    async def record_unconfirmed(self, user_id: int, digest: str) -> None:
        """The screen meant to be shown may not be on the phone (its delivery failed)."""
        await record_unconfirmed(self, user_id, digest)

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
        """Insert or update a user's conversation; commits before returning.

        `update_id` joins the person's window of recent updates, so a redelivered update (after
        a crash between commit and confirmation) is recognised (`UserRecord.already_applied`).
        `recent_updates`: the window as this turn loaded it (`()` for a new person). A person's
        updates run one at a time, so it is still current: the new window is computed here and
        written by the one UPSERT, a single round trip to the database thread. Without it the
        window is read first (two round trips).
        """
        finished = conversation.state == "recommendation"
        async with self._writer():
            window = None
            if update_id is not None and recent_updates is not None:
                window = recent_window(recent_updates, update_id, now)
            elif update_id is not None:
                row = await self._one(
                    "SELECT recent_updates FROM users WHERE user_id = ?", (user_id,)
                )
                window = recent_window(row["recent_updates"] if row else None, update_id, now)
            await self._db.execute(
                self._SAVE_CONVERSATION,
                {
                    "user_id": user_id,
                    "chat_id": chat_id,
                    "conversation": conversation.model_dump_json(),
                    "state": conversation.state,
                    "recommendation": json.dumps(recommendation) if recommendation else None,
                    "path": recommendation.get("path") if recommendation else None,
                    "update_id": update_id,
                    "window": window,
                    "now": iso(now),
                    "finished_at": iso(now) if finished else None,
                },
            )

    _SAVE_CONVERSATION = """
            INSERT INTO users (user_id, chat_id, conversation, state, recommendation, path,
                               last_update_id, recent_updates, created_at, updated_at,
                               finished_at)
            VALUES (:user_id, :chat_id, :conversation, :state, :recommendation, :path,
                    :update_id, :window, :now, :now, :finished_at)
            ON CONFLICT(user_id) DO UPDATE SET
                chat_id        = COALESCE(excluded.chat_id, users.chat_id),
                conversation   = excluded.conversation,
                state          = excluded.state,
                recommendation = COALESCE(excluded.recommendation, users.recommendation),
                path           = COALESCE(excluded.path, users.path),
                last_update_id = COALESCE(excluded.last_update_id, users.last_update_id),
                recent_updates = COALESCE(excluded.recent_updates, users.recent_updates),
                active         = 1,
                updated_at     = excluded.updated_at,
                finished_at    = CASE WHEN excluded.finished_at IS NULL THEN users.finished_at
                                      ELSE COALESCE(users.finished_at, excluded.finished_at) END
            """

    async def set_source(self, user_id: int, source: str) -> None:
        await self._write(
            "UPDATE users SET source = ? WHERE user_id = ? AND source IS NULL", (source, user_id)
        )

    async def set_question_message(
        self, user_id: int, message_id: int | None, digest: str | None
    ) -> None:
        """Remember which message shows the current step, and a digest of what it shows: both
        confirmed on the phone, so nothing is left unconfirmed."""
        await self._write(
            "UPDATE users SET question_message_id = ?, question_digest = ?,"
            " unconfirmed_digest = NULL WHERE user_id = ?",
            (message_id, digest, user_id),
        )

    async def set_screen_unconfirmed(self, user_id: int, digest: str) -> None:
        """The screen meant to be shown (`digest`) may not be on the phone; the one recorded as
        shown stays recorded."""
        await self._write(
            "UPDATE users SET unconfirmed_digest = ? WHERE user_id = ?", (digest, user_id)
        )

    async def set_active(self, user_id: int, active: bool) -> None:
        await self._write("UPDATE users SET active = ? WHERE user_id = ?", (int(active), user_id))

    async def delete_user(self, user_id: int) -> None:
        """Erase every row about the user, in one transaction, then checkpoint the WAL so the
        erased content is gone from the WAL too (secure_delete zeroes it in the main file)."""
        async with self._writer():
            async with self.transaction():
                for table in self.user_tables():
                    await self._db.execute(f"DELETE FROM {table} WHERE user_id = ?", (user_id,))
            await self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def user_tables(self) -> Iterable[str]:
        """Every table holding rows about a user (children first)."""
        return ("checkins", "reminders", "plans", "users")

    async def rows_about(self, user_id: int) -> int:
        total = 0
        for table in self.user_tables():
            sql = f"SELECT COUNT(*) FROM {table} WHERE user_id = ?"
            async with self._db.execute(sql, (user_id,)) as cur:
                row = await cur.fetchone()
            total += int(row[0]) if row else 0
        return total


def _prepare_file(path: Path) -> None:
    """Create the folder 0700 and the file 0600; refuse a folder others could tamper with."""
    folder = path.parent
    if folder.is_symlink():
        raise StorageError(f"refusing data directory {folder}: it is a symbolic link")
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder.stat().st_mode & stat.S_IWOTH:
        raise StorageError(f"refusing data directory {folder}: it is world-writable")
    if path.is_symlink():
        raise StorageError(f"refusing database {path}: it is a symbolic link")
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
