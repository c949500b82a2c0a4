"""`SqlStorage`: every storage method written once, over a backend's few primitives.

A backend (sqlite.py, postgres.py) says how one statement of queries.py runs (`_execute`:
placeholders, value types), what a transaction is, which errors are transient, and what truly
differs: schema versions, backups, locks across processes, the liveness of claims.

Transient errors are retried here with backoff for `RetryPolicy.seconds` (30 by default): long
enough for a server restart or another process's lock to pass inside the person's turn. A
statement, or a whole `_atomic` transaction, runs again from the start. Every write is safe to
repeat (upserts, updates to given values, deletes), even when the server committed and only the
answer was lost; `claim` repeated finds its own claim taken and the nudge waits for the lease.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import time
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Iterable, Sequence
from contextlib import AbstractAsyncContextManager
from contextvars import ContextVar
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, ClassVar, Literal, TypeVar

from bot.storage import queries as Q
from bot.storage.records import (
    EXPORT_VERSION,
    PlanRecord,
    ReminderRecord,
    Row,
    StorageError,
    StorageUnavailable,
    UserRecord,
    from_row,
    plain_row,
    recent_window,
)
from bot.storage.schema import LATEST, TABLES
from flows.engine import Conversation

if TYPE_CHECKING:
    from bot.settings import Settings

log = logging.getLogger("aipath.storage")
T = TypeVar("T")
Role = Literal["tool", "live", "restore"]

CLAIM_LEASE_SECONDS = 600
"""A claim older than this goes back to due even if its process looks alive (last resort)."""

_transaction: ContextVar[tuple[object, Any] | None] = ContextVar("aipath_tx", default=None)
"""The storage and connection of the transaction this task is in, if any."""


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How long transient database errors are retried before anyone hears of them."""

    seconds: float = 30.0
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    clock: Callable[[], float] = time.monotonic
    first_wait: float = 0.05
    longest_wait: float = 2.0


@dataclass(frozen=True, slots=True)
class StorageOptions:
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    claim_lease: int = CLAIM_LEASE_SECONDS
    role: Role = "tool"
    """`live`: this process serves people (bot, chat); `restore` replaces every row, so no live
    process may be using the database; `tool`: anything else (stats, backup, tests)."""

    @classmethod
    def of(cls, settings: Settings, role: Role) -> StorageOptions:
        retry = RetryPolicy(seconds=settings.database_retry_seconds)
        return cls(retry=retry, claim_lease=settings.claim_lease_seconds, role=role)


class SqlStorage(ABC):
    several_writers: ClassVar[bool] = False
    """Whether other processes may write a person's row between two of this one's queries."""

    def __init__(self, options: StorageOptions) -> None:
        self.options = options
        self.holder = secrets.randbits(31) | 1
        """This process in `claim_holder`: random per start, so a restart is a new holder."""
        self._outage = False

    @abstractmethod
    async def _execute(self, sql: str, params: dict[str, Any], *, write: bool) -> Sequence[Row]:
        """Run one statement once (in this task's transaction, if it is in one)."""

    @abstractmethod
    def transaction(self, *, snapshot: bool = False) -> AbstractAsyncContextManager[None]:
        """This task's statements in one commit; `snapshot`: reads as of one moment. Not
        retried (the caller's block cannot be replayed); `_atomic` is."""

    @abstractmethod
    def _transient(self, error: Exception) -> bool:
        """Whether the error says "try again" (lost connection, lock, full disk), not "wrong"."""

    def _refuse_newer(self, version: int, name: str) -> None:
        if version > LATEST:
            raise StorageError(
                f"{name} has schema version {version}, newer than this aipath knows ({LATEST}); "
                "upgrade aipath, or restore a backup made by this version"
            )

    # ------------------------------------------------------------------ running statements
    def _in_transaction(self) -> bool:
        current = _transaction.get()
        return current is not None and current[0] is self

    async def _read(self, sql: str, **params: Any) -> Sequence[Row]:
        return await self._run(lambda: self._execute(sql, params, write=False))

    async def _write(self, sql: str, **params: Any) -> Sequence[Row]:
        return await self._run(lambda: self._execute(sql, params, write=True))

    async def _atomic(self, body: Callable[[], Awaitable[T]], *, snapshot: bool = False) -> T:
        """`body` in one transaction, run again from the start after a transient error."""
        if self._in_transaction():
            return await body()

        async def once() -> T:
            async with self.transaction(snapshot=snapshot):
                return await body()

        return await self._run(once)

    async def _run(self, op: Callable[[], Awaitable[T]]) -> T:
        """`op` once, and again with backoff while it fails for a transient reason (never
        inside a transaction: the whole transaction is run again instead)."""
        try:
            return await op()
        except Exception as error:
            if not self._transient(error) or self._in_transaction():
                raise
            first = error
        policy = self.options.retry
        deadline, wait = policy.clock() + policy.seconds, policy.first_wait
        if not self._outage:  # one line per outage, not per statement
            self._outage = True
            log.warning("event=database_unavailable error=%s", type(first).__name__)
        while True:
            await policy.sleep(max(0.0, min(wait, deadline - policy.clock())))
            wait = min(wait * 2, policy.longest_wait)
            try:
                result = await op()
            except Exception as error:
                if not self._transient(error):
                    raise
                if policy.clock() >= deadline:
                    name = type(error).__name__
                    raise StorageUnavailable(f"the database is unavailable ({name})") from error
                continue
            if self._outage:
                self._outage = False
                log.info("event=database_back")
            return result

    # ------------------------------------------------------------------ users
    async def load(self, user_id: int) -> UserRecord | None:
        rows = await self._read(Q.LOAD_USER, user_id=user_id)
        return from_row(UserRecord, rows[0]) if rows else None

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
        """Insert or update a user's conversation. `update_id` joins the person's window of
        recent updates, so a redelivery is recognised (`UserRecord.already_applied`).
        `recent_updates` is the window as this turn loaded it (`()` for a new person): where
        one process owns the rows it is still current, and the save is one round trip; on
        PostgreSQL the window is re-read under the row's lock in the same transaction."""
        params: dict[str, Any] = {
            "user_id": user_id,
            "chat_id": chat_id,
            "conversation": conversation.model_dump_json(),
            "state": conversation.state,
            "recommendation": json.dumps(recommendation) if recommendation else None,
            "path": recommendation.get("path") if recommendation else None,
            "update_id": update_id,
            "window": None,
            "now": now,
            "finished_at": now if conversation.state == "recommendation" else None,
        }
        if update_id is not None and (recent_updates is None or self.several_writers):

            async def read_then_write() -> None:
                rows = await self._read(Q.USER_WINDOW, user_id=user_id)
                stored = rows[0]["recent_updates"] if rows else None
                params["window"] = recent_window(stored, update_id, now)
                await self._write(Q.SAVE_CONVERSATION, **params)

            return await self._atomic(read_then_write)
        if update_id is not None:
            params["window"] = recent_window(recent_updates, update_id, now)
        await self._write(Q.SAVE_CONVERSATION, **params)

    async def set_source(self, user_id: int, source: str) -> None:
        """Where the person came from (`/start CODE`); the first source sticks."""
        await self._write(Q.SET_SOURCE, user_id=user_id, source=source)

    async def set_question_message(
        self, user_id: int, message_id: int | None, digest: str | None
    ) -> None:
        """Which message shows the current step, and a digest of what it shows."""
        await self._write(
            Q.SET_QUESTION_MESSAGE, user_id=user_id, message_id=message_id, digest=digest
        )

    async def set_active(self, user_id: int, active: bool) -> None:
        await self._write(Q.SET_ACTIVE, user_id=user_id, active=active)

    async def delete_user(self, user_id: int) -> None:
        """Erase every row about the user, in one transaction."""

        async def erase() -> None:
            for table in self.user_tables():
                await self._write(Q.DELETE_ROWS.format(table=table), user_id=user_id)

        await self._atomic(erase)

    def user_tables(self) -> Iterable[str]:
        """Every table holding rows about a user (children first)."""
        return TABLES

    def _counts(self, tables: Iterable[str], where: str = "") -> str:
        return "SELECT " + ", ".join(Q.COUNT_ROWS.format(table=t, where=where) for t in tables)

    async def rows_about(self, user_id: int) -> int:
        rows = await self._read(
            self._counts(self.user_tables(), " WHERE user_id = :user_id"), user_id=user_id
        )
        return sum(int(n) for n in rows[0])

    async def row_counts(self) -> dict[str, int]:
        return {
            t: int(n)
            for t, n in zip(TABLES, (await self._read(self._counts(TABLES)))[0], strict=True)
        }

    # ------------------------------------------------------------------ plans
    async def load_plan(self, user_id: int) -> PlanRecord | None:
        rows = await self._read(Q.LOAD_PLAN, user_id=user_id)
        return from_row(PlanRecord, rows[0]) if rows else None

    async def save_plan(self, user_id: int, plan: PlanRecord, *, now: datetime) -> None:
        files = json.dumps(list(plan.file_messages))
        params = asdict(plan) | {"plan_key": plan.key, "file_messages": files}
        await self._write(Q.SAVE_PLAN, **params, user_id=user_id, now=now)

    async def check_in(self, user_id: int, week: str) -> None:
        """Record activity in an ISO week ('2026-W48') for the weekly streak."""
        await self._write(Q.CHECK_IN, user_id=user_id, week=week)

    async def checkin_weeks(self, user_id: int) -> list[str]:
        return [row[0] for row in await self._read(Q.CHECKIN_WEEKS, user_id=user_id)]

    # ------------------------------------------------------------------ reminders
    async def load_reminder(self, user_id: int) -> ReminderRecord | None:
        rows = await self._read(Q.LOAD_REMINDER, user_id=user_id)
        return from_row(ReminderRecord, rows[0]) if rows else None

    async def save_reminder(self, record: ReminderRecord, *, now: datetime) -> None:
        await self._write(Q.SAVE_REMINDER, **asdict(record), now=now)

    async def set_reminder_status(
        self, user_id: int, status: str, *, next_due: int | None, now: datetime
    ) -> None:
        params = {"user_id": user_id, "status": status, "next_due": next_due, "now": now}
        await self._write(Q.SET_REMINDER_STATUS, **params)

    async def due_reminders(self, now: int, limit: int) -> list[ReminderRecord]:
        """Up to `limit` unclaimed due reminders, oldest first (not claimed: see `claim`)."""
        rows = await self._read(Q.DUE_REMINDERS, now=now, limit=limit)
        return [from_row(ReminderRecord, r) for r in rows]

    async def claim(self, user_id: int, now: int) -> ReminderRecord | None:
        """Claim one reminder for this process right before sending it; None if it is no longer
        due or is claimed already (another sweep, or the person changed it meanwhile)."""
        rows = await self._write(Q.CLAIM, user_id=user_id, now=now, holder=self.holder)
        return from_row(ReminderRecord, rows[0]) if rows else None

    async def finish_claim(
        self,
        user_id: int,
        claimed_at: int,
        *,
        next_due: int | None,
        sent_at: int | None,
        status: str = "active",
    ) -> None:
        """Release a claim and schedule the next nudge; `sent_at` None means not sent."""
        params = {"next_due": next_due, "sent_at": sent_at, "status": status}
        await self._write(Q.FINISH_CLAIM, user_id=user_id, claimed_at=claimed_at, **params)

    @abstractmethod
    async def release_lost_claims(self, now: int) -> int:
        """Claims whose process is gone, or older than the lease, go back to due (their sweep
        died before sending); the next sweep sends them. Returns how many."""

    # ------------------------------------------------------------------ operators
    async def stats(self, *, now: datetime) -> dict[str, Any]:
        """Counts for the operator: no answer content, only states, paths and timestamps."""
        ago = {"week_ago": now - timedelta(days=7), "month_ago": now - timedelta(days=30)}
        counts = {key: int(n) for key, n in dict((await self._read(Q.STATS, **ago))[0]).items()}
        return counts | {
            key: {str(r[0]): int(r[1]) for r in await self._read(sql)}
            for key, sql in Q.STATS_GROUPED.items()
        }

    async def export_user(self, user_id: int) -> dict[str, Any] | None:
        """Every row about one user as typed JSON data (docs/export.md); None if unknown."""
        tables = await self._tables(Q.SELECT_ROWS, user_id=user_id)
        return {"version": EXPORT_VERSION, **tables} if tables["users"] else None

    async def table_rows(self) -> dict[str, list[dict[str, Any]]]:
        """Every row of every table, typed, from one snapshot (dumps, `migrate-db`)."""
        return await self._tables(Q.SELECT_TABLE)

    async def _tables(self, sql: str, **params: Any) -> dict[str, list[dict[str, Any]]]:
        async def read() -> dict[str, list[dict[str, Any]]]:
            return {
                t: [plain_row(r) for r in await self._read(sql.format(table=t), **params)]
                for t in reversed(TABLES)
            }

        return await self._atomic(read, snapshot=True)
