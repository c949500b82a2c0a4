"""SQLite storage. This module owns every SQL statement in the project.

One connection per process (aiosqlite runs it on its own thread). WAL lets a backup or a second
reader run beside the bot; `busy_timeout` makes brief lock contention wait instead of failing.
Every write commits before it returns, so an answer is on disk before the reply that
acknowledges it is sent.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
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
)
"""Schema history. Append only: entry N brings a database from user_version N-1 to N."""


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


class Storage:
    """Async access to the database. Create with `await Storage.open(path)`."""

    def __init__(self, db: aiosqlite.Connection, path: Path) -> None:
        self._db = db
        self.path = path

    @classmethod
    async def open(cls, path: Path | str) -> Storage:
        path = Path(path)
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        db = await aiosqlite.connect(path, isolation_level=None)
        db.row_factory = aiosqlite.Row
        await db.execute("PRAGMA journal_mode = WAL")
        await db.execute("PRAGMA busy_timeout = 5000")
        await db.execute("PRAGMA foreign_keys = ON")
        await db.execute("PRAGMA synchronous = NORMAL")
        storage = cls(db, path)
        await storage.migrate()
        return storage

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
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                for statement in filter(str.strip, script.split(";")):
                    await self._db.execute(statement)
                await self._db.execute(f"PRAGMA user_version = {number}")
                await self._db.execute("COMMIT")
            except BaseException:
                await self._db.execute("ROLLBACK")
                raise
        return await self.schema_version()

    # ------------------------------------------------------------------------------ users

    async def load(self, user_id: int) -> UserRecord | None:
        async with self._db.execute("SELECT * FROM users WHERE user_id = ?", (user_id,)) as cur:
            row = await cur.fetchone()
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

        `update_id` records the last Telegram update applied, so a redelivered update (after a
        crash between commit and confirmation) is recognised and not applied twice.
        """
        finished = conversation.state == "recommendation"
        await self._db.execute(
            """
            INSERT INTO users (user_id, chat_id, conversation, state, recommendation, path,
                               last_update_id, created_at, updated_at, finished_at)
            VALUES (:user_id, :chat_id, :conversation, :state, :recommendation, :path,
                    :update_id, :now, :now, :finished_at)
            ON CONFLICT(user_id) DO UPDATE SET
                chat_id        = COALESCE(excluded.chat_id, users.chat_id),
                conversation   = excluded.conversation,
                state          = excluded.state,
                recommendation = COALESCE(excluded.recommendation, users.recommendation),
                path           = COALESCE(excluded.path, users.path),
                last_update_id = COALESCE(excluded.last_update_id, users.last_update_id),
                active         = 1,
                updated_at     = excluded.updated_at,
                finished_at    = CASE WHEN excluded.finished_at IS NULL THEN users.finished_at
                                      ELSE COALESCE(users.finished_at, excluded.finished_at) END
            """,
            {
                "user_id": user_id,
                "chat_id": chat_id,
                "conversation": conversation.model_dump_json(),
                "state": conversation.state,
                "recommendation": json.dumps(recommendation) if recommendation else None,
                "path": recommendation.get("path") if recommendation else None,
                "update_id": update_id,
                "now": _iso(now),
                "finished_at": _iso(now) if finished else None,
            },
        )

    async def set_source(self, user_id: int, source: str) -> None:
        await self._db.execute(
            "UPDATE users SET source = ? WHERE user_id = ? AND source IS NULL", (source, user_id)
        )

    async def set_question_message(
        self, user_id: int, message_id: int | None, digest: str | None
    ) -> None:
        """Remember which message shows the current step, and a digest of what it shows."""
        await self._db.execute(
            "UPDATE users SET question_message_id = ?, question_digest = ? WHERE user_id = ?",
            (message_id, digest, user_id),
        )

    async def set_active(self, user_id: int, active: bool) -> None:
        await self._db.execute(
            "UPDATE users SET active = ? WHERE user_id = ?", (int(active), user_id)
        )

    async def delete_user(self, user_id: int) -> None:
        """Erase every row about the user, in one transaction."""
        await self._db.execute("BEGIN IMMEDIATE")
        try:
            for table in self.user_tables():
                await self._db.execute(f"DELETE FROM {table} WHERE user_id = ?", (user_id,))
            await self._db.execute("COMMIT")
        except BaseException:
            await self._db.execute("ROLLBACK")
            raise

    def user_tables(self) -> Iterable[str]:
        """Every table holding rows about a user (children first)."""
        return ("users",)

    async def rows_about(self, user_id: int) -> int:
        total = 0
        for table in self.user_tables():
            sql = f"SELECT COUNT(*) FROM {table} WHERE user_id = ?"
            async with self._db.execute(sql, (user_id,)) as cur:
                row = await cur.fetchone()
            total += int(row[0]) if row else 0
        return total
