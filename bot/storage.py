"""SQLite storage. This module owns every SQL statement in the project.

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
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import aiosqlite

from flows.engine import Conversation

MIGRATIONS: tuple[str, ...] = (
    # 1: users and their conversation
    """
    CREATE TABLE users (
        user_id              INTEGER PRIMARY KEY,
        chat_id              INTEGER,
        conversation         TEXT    NOT NULL,
        state                TEXT    NOT NULL,
        source               TEXT,
        recommendation       TEXT,
        path                 TEXT,
        question_message_id  INTEGER,
        question_digest      TEXT,
        last_update_id       INTEGER,
        active               INTEGER NOT NULL DEFAULT 1,
        created_at           TEXT    NOT NULL,
        updated_at           TEXT    NOT NULL,
        finished_at          TEXT
    );
    CREATE INDEX users_state ON users(state);
    CREATE INDEX users_updated_at ON users(updated_at);
    """,
    # 2: study plans, milestone progress, weekly check-ins and reminder nudges
    """
    CREATE TABLE plans (
        user_id       INTEGER PRIMARY KEY REFERENCES users(user_id) ON DELETE CASCADE,
        path          TEXT    NOT NULL,
        hours         INTEGER NOT NULL,
        start_date    TEXT    NOT NULL,
        done          INTEGER NOT NULL DEFAULT 0,
        rebase_index  INTEGER NOT NULL DEFAULT 0,
        rebase_date   TEXT,
        updated_at    TEXT    NOT NULL
    );
    CREATE TABLE checkins (
        user_id  INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
        week     TEXT    NOT NULL,
        PRIMARY KEY (user_id, week)
    ) WITHOUT ROWID;
    CREATE TABLE reminders (
        user_id     INTEGER PRIMARY KEY REFERENCES users(user_id) ON DELETE CASCADE,
        chat_id     INTEGER NOT NULL,
        schedule    TEXT    NOT NULL,
        status      TEXT    NOT NULL,
        next_due    INTEGER,
        claimed_at  INTEGER,
        last_sent   INTEGER,
        setup       TEXT,
        updated_at  TEXT    NOT NULL
    );
    CREATE INDEX reminders_due ON reminders(next_due) WHERE status = 'active';
    """,
    # 3: a bounded window of recently applied update ids (ids restart after a quiet week)
    """
    ALTER TABLE users ADD COLUMN recent_updates TEXT;
    """,
)
"""Schema history. Append only: entry N brings a database from user_version N-1 to N."""


RECENT_UPDATES = 32
"""How many applied update ids are remembered per person to recognise a redelivery."""
RECENT_FOR = timedelta(hours=24)
"""How long an applied update id counts: Telegram redelivers within hours, and restarts ids at a
random value after a week without updates, so an old id must never lock a person out."""

_writing: ContextVar[Storage | None] = ContextVar("aipath_storage_writing", default=None)
"""The Storage whose write lock the current task holds (nested writes must not wait on it)."""


class StorageError(Exception):
    """The database cannot be used safely; the message is one line a person can act on."""


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _parse(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


@dataclass(frozen=True, slots=True)
class UserRecord:
    user_id: int
    chat_id: int | None
    conversation: Conversation
    source: str | None
    recommendation: dict[str, Any] | None
    question_message_id: int | None
    question_digest: str | None
    last_update_id: int | None
    active: bool
    created_at: datetime
    updated_at: datetime
    recent_updates: tuple[tuple[int, int], ...] = ()
    """(update id, epoch seconds applied) for the last RECENT_UPDATES updates."""

    def already_applied(self, update_id: int, now: datetime) -> bool:
        """This update was applied within RECENT_FOR (a redelivery): do not apply it again.

        Never compares ids by order: after ids restart at a lower value, new updates are applied.
        """
        since = now.timestamp() - RECENT_FOR.total_seconds()
        return any(seen == update_id and at >= since for seen, at in self.recent_updates)


def _window(raw: str | None, update_id: int, now: datetime) -> str:
    """The recent-updates window with `update_id` added, trimmed by count and age."""
    since = now.timestamp() - RECENT_FOR.total_seconds()
    kept = [(u, t) for u, t in (json.loads(raw) if raw else []) if t >= since and u != update_id]
    kept.append((update_id, int(now.timestamp())))
    return json.dumps(kept[-RECENT_UPDATES:], separators=(",", ":"))


class Storage:
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

    # ------------------------------------------------------------------------------ users

    async def load(self, user_id: int) -> UserRecord | None:
        row = await self._one("SELECT * FROM users WHERE user_id = ?", (user_id,))
        if row is None:
            return None
        created = _parse(row["created_at"])
        updated = _parse(row["updated_at"])
        assert created and updated
        return UserRecord(
            user_id=row["user_id"],
            chat_id=row["chat_id"],
            conversation=Conversation.model_validate_json(row["conversation"]),
            source=row["source"],
            recommendation=json.loads(row["recommendation"]) if row["recommendation"] else None,
            question_message_id=row["question_message_id"],
            question_digest=row["question_digest"],
            last_update_id=row["last_update_id"],
            active=bool(row["active"]),
            created_at=created,
            updated_at=updated,
            recent_updates=tuple(
                (int(u), int(t)) for u, t in json.loads(row["recent_updates"] or "[]")
            ),
        )

    async def save_conversation(
        self,
        user_id: int,
        conversation: Conversation,
        *,
        now: datetime,
        chat_id: int | None = None,
        update_id: int | None = None,
        recommendation: dict[str, Any] | None = None,
    ) -> None:
        """Insert or update a user's conversation; commits before returning.

        `update_id` joins the person's window of recent updates, so a redelivered update (after
        a crash between commit and confirmation) is recognised (`UserRecord.already_applied`).
        """
        finished = conversation.state == "recommendation"
        async with self._writer():
            window = None
            if update_id is not None:
                row = await self._one(
                    "SELECT recent_updates FROM users WHERE user_id = ?", (user_id,)
                )
                window = _window(row["recent_updates"] if row else None, update_id, now)
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
                    "now": _iso(now),
                    "finished_at": _iso(now) if finished else None,
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
        """Remember which message shows the current step, and a digest of what it shows."""
        await self._write(
            "UPDATE users SET question_message_id = ?, question_digest = ? WHERE user_id = ?",
            (message_id, digest, user_id),
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

    # ------------------------------------------------------------------------------ plans

    async def load_plan(self, user_id: int) -> PlanRecord | None:
        row = await self._one("SELECT * FROM plans WHERE user_id = ?", (user_id,))
        if row is None:
            return None
        return PlanRecord(
            path=row["path"],
            hours=row["hours"],
            start_date=date.fromisoformat(row["start_date"]),
            done=row["done"],
            rebase_index=row["rebase_index"],
            rebase_date=date.fromisoformat(row["rebase_date"]) if row["rebase_date"] else None,
        )

    async def save_plan(self, user_id: int, plan: PlanRecord, *, now: datetime) -> None:
        await self._write(
            """
            INSERT INTO plans (user_id, path, hours, start_date, done, rebase_index, rebase_date,
                               updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(user_id) DO UPDATE SET
                path = excluded.path, hours = excluded.hours, start_date = excluded.start_date,
                done = excluded.done, rebase_index = excluded.rebase_index,
                rebase_date = excluded.rebase_date, updated_at = excluded.updated_at
            """,
            (
                user_id,
                plan.path,
                plan.hours,
                plan.start_date.isoformat(),
                plan.done,
                plan.rebase_index,
                plan.rebase_date.isoformat() if plan.rebase_date else None,
                _iso(now),
            ),
        )

    async def check_in(self, user_id: int, week: str) -> None:
        """Record activity in an ISO week ('2026-W48') for the weekly streak."""
        await self._write(
            "INSERT OR IGNORE INTO checkins (user_id, week) VALUES (?, ?)", (user_id, week)
        )

    async def checkin_weeks(self, user_id: int) -> list[str]:
        sql = "SELECT week FROM checkins WHERE user_id = ? ORDER BY week DESC"
        async with self._db.execute(sql, (user_id,)) as cur:
            return [row[0] for row in await cur.fetchall()]

    # ------------------------------------------------------------------------------ reminders

    async def load_reminder(self, user_id: int) -> ReminderRecord | None:
        row = await self._one("SELECT * FROM reminders WHERE user_id = ?", (user_id,))
        return _reminder(row) if row else None

    async def save_reminder(self, record: ReminderRecord, *, now: datetime) -> None:
        await self._write(
            """
            INSERT INTO reminders (user_id, chat_id, schedule, status, next_due, claimed_at,
                                   last_sent, setup, updated_at)
            VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)
            ON CONFLICT(user_id) DO UPDATE SET
                chat_id = excluded.chat_id, schedule = excluded.schedule,
                status = excluded.status, next_due = excluded.next_due, claimed_at = NULL,
                setup = excluded.setup, updated_at = excluded.updated_at
            """,
            (
                record.user_id,
                record.chat_id,
                record.schedule,
                record.status,
                record.next_due,
                record.last_sent,
                record.setup,
                _iso(now),
            ),
        )

    async def set_reminder_status(
        self, user_id: int, status: str, *, next_due: int | None, now: datetime
    ) -> None:
        await self._write(
            "UPDATE reminders SET status = ?, next_due = ?, claimed_at = NULL, updated_at = ? "
            "WHERE user_id = ?",
            (status, next_due, _iso(now), user_id),
        )

    async def claim_due(self, now: int, limit: int) -> list[ReminderRecord]:
        """Atomically claim up to `limit` due reminders (oldest first) before sending them.

        A claimed row is never claimed again until it is marked sent or released, so two sweeps
        (or a sweep after a crash) cannot send the same nudge twice.
        """
        async with (
            self._writer(),
            self._db.execute(
                """
            UPDATE reminders SET claimed_at = :now
            WHERE user_id IN (
                SELECT user_id FROM reminders
                WHERE status = 'active' AND next_due <= :now AND claimed_at IS NULL
                ORDER BY next_due LIMIT :limit)
            RETURNING *
            """,
                {"now": now, "limit": limit},
            ) as cur,
        ):
            rows = await cur.fetchall()
        return sorted((_reminder(r) for r in rows), key=lambda r: r.next_due or 0)

    async def due_reminders(self, now: int, limit: int) -> list[ReminderRecord]:
        """Up to `limit` unclaimed due reminders, oldest first (not claimed: see `claim`)."""
        rows = await self._db.execute_fetchall(
            "SELECT * FROM reminders WHERE status = 'active' AND next_due <= ? "
            "AND claimed_at IS NULL ORDER BY next_due LIMIT ?",
            (now, limit),
        )
        return [_reminder(r) for r in rows]

    async def claim(self, user_id: int, now: int) -> ReminderRecord | None:
        """Claim one reminder right before sending it; None if it is no longer due or is
        claimed already (another sweep, or the person changed it meanwhile)."""
        async with self._writer():
            row = await self._one(
                "UPDATE reminders SET claimed_at = :now WHERE user_id = :user_id "
                "AND status = 'active' AND next_due <= :now AND claimed_at IS NULL RETURNING *",
                {"now": now, "user_id": user_id},
            )
        return _reminder(row) if row else None

    async def release_stale_claims(self, older_than: int) -> int:
        """Claims older than the lease belong to a sweep that died before sending: they go
        back to due, so the nudge is sent by the next sweep. Returns how many."""
        async with (
            self._writer(),
            self._db.execute(
                "UPDATE reminders SET claimed_at = NULL "
                "WHERE claimed_at IS NOT NULL AND claimed_at < ? RETURNING user_id",
                (older_than,),
            ) as cur,
        ):
            return len(list(await cur.fetchall()))

    async def stale_claims(self, older_than: int) -> list[ReminderRecord]:
        """Rows claimed by a sweep that never finished (the process died mid-send)."""
        sql = "SELECT * FROM reminders WHERE claimed_at IS NOT NULL AND claimed_at < ?"
        async with self._db.execute(sql, (older_than,)) as cur:
            return [_reminder(r) for r in await cur.fetchall()]

    async def finish_claim(
        self,
        user_id: int,
        claimed_at: int,
        *,
        next_due: int | None,
        sent_at: int | None,
        status: str = "active",
    ) -> None:
        """Release a claim and schedule the next nudge; `sent_at` None means it was skipped."""
        await self._write(
            """
            UPDATE reminders SET claimed_at = NULL, next_due = ?, status = ?,
                                 last_sent = COALESCE(?, last_sent)
            WHERE user_id = ? AND claimed_at = ?
            """,
            (next_due, status, sent_at, user_id, claimed_at),
        )

    async def bulk_insert_reminders(
        self, rows: Iterable[tuple[int, str, int]], *, now: datetime
    ) -> None:
        """Benchmark and test fixture helper: (user_id, schedule JSON, next_due) rows."""
        stamp = _iso(now)
        conversation = Conversation(state="recommendation").model_dump_json()
        async with self.transaction():
            for user_id, schedule, next_due in rows:
                await self._db.execute(
                    "INSERT INTO users (user_id, chat_id, conversation, state, created_at, "
                    "updated_at) VALUES (?, ?, ?, 'recommendation', ?, ?)",
                    (user_id, user_id, conversation, stamp, stamp),
                )
                await self._db.execute(
                    "INSERT INTO reminders (user_id, chat_id, schedule, status, next_due, "
                    "updated_at) VALUES (?, ?, ?, 'active', ?, ?)",
                    (user_id, user_id, schedule, next_due, stamp),
                )

    # ------------------------------------------------------------------------------ operators

    async def stats(self, *, now: datetime) -> dict[str, Any]:
        """Counts for the operator: no answer content, only states, paths and timestamps."""

        async def scalar(sql: str, *params: Any) -> int:
            async with self._db.execute(sql, params) as cur:
                row = await cur.fetchone()
            return int(row[0]) if row and row[0] is not None else 0

        async def grouped(sql: str) -> dict[str, int]:
            async with self._db.execute(sql) as cur:
                return {str(r[0]): int(r[1]) for r in await cur.fetchall()}

        day = 86400
        return {
            "users_started": await scalar("SELECT COUNT(*) FROM users"),
            "users_finished": await scalar(
                "SELECT COUNT(*) FROM users WHERE finished_at IS NOT NULL"
            ),
            "by_state": await grouped("SELECT state, COUNT(*) FROM users GROUP BY state"),
            "recommendation_mix": await grouped(
                "SELECT path, COUNT(*) FROM users WHERE path IS NOT NULL GROUP BY path"
            ),
            "reminders": await grouped("SELECT status, COUNT(*) FROM reminders GROUP BY status"),
            "active_7_days": await scalar(
                "SELECT COUNT(*) FROM users WHERE updated_at >= ?",
                _iso(datetime.fromtimestamp(now.timestamp() - 7 * day, UTC)),
            ),
            "active_30_days": await scalar(
                "SELECT COUNT(*) FROM users WHERE updated_at >= ?",
                _iso(datetime.fromtimestamp(now.timestamp() - 30 * day, UTC)),
            ),
            "inactive": await scalar("SELECT COUNT(*) FROM users WHERE active = 0"),
        }

    async def export_user(self, user_id: int) -> dict[str, Any] | None:
        """Every row about one user, as plain JSON-ready data."""
        result: dict[str, Any] = {}
        for table in self.user_tables():
            sql = f"SELECT * FROM {table} WHERE user_id = ?"
            async with self._db.execute(sql, (user_id,)) as cur:
                rows = [dict(r) for r in await cur.fetchall()]
            for row in rows:
                for key in ("conversation", "recommendation", "schedule", "setup"):
                    if isinstance(row.get(key), str):
                        row[key] = json.loads(row[key])
            result[table] = rows
        return result if result.get("users") else None

    async def backup(self, target: Path) -> None:
        """An online, consistent copy via SQLite's backup API, safe while the bot runs."""
        target.parent.mkdir(parents=True, exist_ok=True)
        async with aiosqlite.connect(target) as copy:
            await self._db.backup(copy)


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


@dataclass(frozen=True, slots=True)
class PlanRecord:
    path: str
    hours: int
    start_date: date
    done: int = 0
    rebase_index: int = 0
    rebase_date: date | None = None


@dataclass(frozen=True, slots=True)
class ReminderRecord:
    user_id: int
    chat_id: int
    schedule: str
    """ReminderSchedule as JSON."""
    status: str
    next_due: int | None
    claimed_at: int | None = None
    last_sent: int | None = None
    setup: str | None = None


def _reminder(row: aiosqlite.Row) -> ReminderRecord:
    return ReminderRecord(
        user_id=row["user_id"],
        chat_id=row["chat_id"],
        schedule=row["schedule"],
        status=row["status"],
        next_due=row["next_due"],
        claimed_at=row["claimed_at"],
        last_sent=row["last_sent"],
        setup=row["setup"],
    )
