"""`Storage`: what the runtime may ask of the database, each method written once over a few
primitives per backend: how one statement runs, what a transaction is, which errors are
transient; plus what truly differs (backups, locks across processes).

A turn is `load_turn`, then `commit_turn` before anything is sent, then `record_shown`; every
write commits before it returns. Transient errors are retried with backoff for
`StorageOptions.retry_seconds`: long enough for a server restart or another process's lock to
pass inside the person's turn. A statement, or a whole transaction, runs again from its start;
every write is safe to repeat (upserts, updates to given values, deletes), even when the server
committed and only the answer was lost; `claim` repeated finds its own claim taken, and that
nudge waits for the lease.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import time
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager, nullcontext
from contextvars import ContextVar
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar, Literal, TypeVar

from bot.storage import queries as Q
from bot.storage import records, schema
from bot.storage.records import Row, StorageError
from flows.turn.effects import Changes
from flows.turn.records import ReminderRecord, TurnState

log = logging.getLogger("aipath.storage")
T = TypeVar("T")
Role = Literal["tool", "live", "restore"]
Statement = tuple[str, dict[str, Any]]

_transaction: ContextVar[tuple[object, Any] | None] = ContextVar("aipath_tx", default=None)
"""The storage and connection of the transaction this task is in, if any."""


@dataclass(frozen=True, slots=True)
class StorageOptions:
    retry_seconds: float = 30.0
    """How long transient database errors are retried before anyone hears of them."""
    claim_lease: int = 600
    """A claim older than this goes back to due even if its process looks alive (last resort)."""
    role: Role = "tool"
    """`live`: this process serves people (bot, chat); `restore` replaces every row, so no live
    process may use the database meanwhile; `tool`: anything else (stats, backup, tests)."""
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    clock: Callable[[], float] = time.monotonic


class Storage(ABC):
    dialect: ClassVar[schema.Dialect]

    def __init__(self, name: str, options: StorageOptions) -> None:
        self.name = name
        """The database as it may be printed (no password)."""
        self.options = options
        self.holder = secrets.randbits(31) | 1
        """This process in `claim_holder`: random per start, so a restart is a new holder."""
        self.sole = False
        """Known to be the only process serving people from this database (SQLite's live lock)."""
        self._outage = False

    @abstractmethod
    async def _execute(self, sql: str, params: dict[str, Any], *, write: bool) -> Sequence[Row]:
        """Run one statement once (in this task's transaction, if it is in one)."""

    @abstractmethod
    def transaction(self, *, snapshot: bool = False) -> AbstractAsyncContextManager[None]:
        """This task's statements in one commit; `snapshot`: reads as of one moment. Not
        retried (a caller's block cannot be replayed); `_sql` retries a whole one."""

    @abstractmethod
    def _transient(self, error: Exception) -> bool:
        """Whether the error says "try again" (lost connection, lock, full disk), not "wrong"."""

    @abstractmethod
    async def close(self) -> None: ...
    @abstractmethod
    async def backup(self, target: Path) -> None: ...
    @abstractmethod
    async def restore_from(self, backup: Path) -> dict[str, int]:
        """Replace every row with those of a backup `backup` wrote; each table's rows in it."""

    # One process serves people (SQLite); several PostgreSQL workers override these three.
    @asynccontextmanager
    async def user_turn(self, user_id: int) -> AsyncIterator[None]:
        """Held around one update, so one person's updates run one at a time (in a process
        the update processor already sees to it)."""
        yield

    async def sweep_lease(self) -> bool:
        """Whether this process is the one that sweeps."""
        return True

    async def nudge_delay(self, per_second: float) -> float:
        """Seconds to wait before a nudge so that all processes together keep `per_second`."""
        return 0.0

    # ------------------------------------------------------------------ running statements
    def _in_transaction(self) -> bool:
        current = _transaction.get()
        return current is not None and current[0] is self

    async def _sql(self, statements: Sequence[Statement], write: bool) -> list[Sequence[Row]]:
        """Each statement's rows: one statement on its own, several in one transaction (a
        snapshot if they only read) retried as a whole, or within this task's transaction."""
        alone = len(statements) < 2 or self._in_transaction()

        async def run() -> list[Sequence[Row]]:
            async with nullcontext() if alone else self.transaction(snapshot=not write):
                return [await self._execute(sql, params, write=write) for sql, params in statements]

        return await self._run(run)

    async def _read(self, sql: str, **params: Any) -> Sequence[Row]:
        return (await self._sql([(sql, params)], False))[0]

    async def _write(self, sql: str, **params: Any) -> Sequence[Row]:
        return (await self._sql([(sql, params)], True))[0]

    async def _run(self, op: Callable[[], Awaitable[T]]) -> T:
        """`op` once, and again with backoff while it fails for a transient reason (never
        inside a transaction: the whole transaction is run again instead)."""
        try:
            return await op()
        except Exception as error:
            if not self._transient(error) or self._in_transaction():
                raise
            first = error
        options, wait = self.options, 0.05
        deadline = options.clock() + options.retry_seconds
        if not self._outage:  # one line per outage, not per statement
            self._outage = True
            log.warning("event=database_unavailable error=%s", type(first).__name__)
        while True:
            await options.sleep(max(0.0, min(wait, deadline - options.clock())))
            wait = min(wait * 2, 2.0)
            try:
                result = await op()
            except Exception as error:
                if not self._transient(error):
                    raise
                if options.clock() >= deadline:
                    name = type(error).__name__
                    raise StorageError(f"the database is unavailable ({name})") from error
                continue
            if self._outage:
                self._outage = False
                log.info("event=database_back")
            return result

    # ------------------------------------------------------------------ the schema
    def _refuse_newer(self, version: int, name: str) -> None:
        if version > schema.LATEST:
            raise StorageError(
                f"{name} has schema version {version}, newer than this aipath knows "
                f"({schema.LATEST}); upgrade aipath, or restore a backup made by this version"
            )

    async def schema_version(self) -> int:
        return int((await self._read(schema.VERSION[self.dialect]))[0][0])

    async def migrate(self) -> None:
        """Apply pending migrations in one transaction, one process at a time; refuse a schema
        newer than this code. Not retried: an unreachable database fails at once."""
        async with self.transaction():
            for sql in schema.BEFORE_MIGRATING[self.dialect]:
                await self._execute(sql, {}, write=True)
            version = await self.schema_version()
            self._refuse_newer(version, self.name)
            for number, script in enumerate(schema.MIGRATIONS[self.dialect][version:], version + 1):
                for sql in [*script.split(";"), schema.SET_VERSION[self.dialect].format(number)]:
                    if sql.strip():
                        await self._execute(sql, {}, write=True)

    # ------------------------------------------------------------------ a person's turn
    async def load_turn(self, user_id: int) -> TurnState:
        """Everything a turn may need about the person, in ONE statement (one round trip;
        on SQLite one hop to aiosqlite's thread)."""
        rows = await self._read(Q.LOAD_TURN, user_id=user_id)
        return records.turn_state(user_id, rows[0] if rows else None)

    async def commit_turn(self, changes: Changes) -> None:
        """Everything the turn changed, in one transaction, before anything is sent.

        The window of recent updates is written as the turn loaded it plus this update: a
        person's turns run one at a time (in a process by the update processor, across
        PostgreSQL workers by `user_turn`), so it is still current, with no second read.
        """
        now, user, plan = changes.now, changes.user, changes.plan
        writes: list[Statement] = [(Q.ERASE, {})] if changes.erase else []  # and nothing else
        if user is not None:  # first: the other rows hang on the person's
            writes.append((Q.SAVE_USER, records.user_columns(user, now)))
        if plan is not None:
            files = json.dumps(list(plan.file_messages))
            writes.append(
                (Q.SAVE_PLAN, asdict(plan) | {"plan_key": plan.key, "file_messages": files})
            )
        if changes.reminder is not None:
            writes.append((Q.SAVE_REMINDER, asdict(changes.reminder)))
        if changes.checkin is not None:
            writes.append((Q.CHECK_IN, {"week": changes.checkin}))
        if changes.uncheck is not None:  # the tick that put the week there was undone
            writes.append((Q.CHECK_OUT, {"week": changes.uncheck}))
        keys = {"user_id": changes.user_id, "now": now, "updated_at": now}
        await self._sql([(sql, params | keys) for sql, params in writes], True)

    async def record_shown(
        self,
        user_id: int,
        message_id: int | None,
        digest: str | None,
        file_messages: tuple[int, ...] | None = None,
    ) -> None:
        """The message showing the current screen (an edit skips an unchanged one), and the
        messages now carrying the plan's files if new ones were sent (the next set replaces
        them): one statement, or both in one transaction."""
        writes: list[Statement] = []
        if message_id is not None or file_messages is None:
            writes.append((Q.SET_SHOWN, {"message_id": message_id, "digest": digest}))
        if file_messages is not None:
            writes.append((Q.SET_PLAN_FILES, {"files": json.dumps(list(file_messages))}))
        await self._sql([(sql, params | {"user_id": user_id}) for sql, params in writes], True)

    async def record_unconfirmed(self, user_id: int, digest: str) -> None:
        """The screen meant to be shown (`digest`) may not be on the phone: its send or edit
        failed. The message recorded as shown stays recorded until `record_shown` confirms
        another; the next turn repairs the chat (flows/turn/repair.py)."""
        await self._write(Q.SET_UNCONFIRMED, user_id=user_id, digest=digest)

    async def set_active(self, user_id: int, active: bool) -> None:
        """False once the person blocked the bot; their next turn sets it again."""
        await self._write(Q.SET_ACTIVE, user_id=user_id, active=active)

    # ------------------------------------------------------------------ the sweep
    async def due_reminders(self, now: int, limit: int) -> list[ReminderRecord]:
        """Up to `limit` unclaimed due reminders, oldest first (not claimed: see `claim`)."""
        rows = await self._read(Q.DUE_REMINDERS, now=now, limit=limit)
        return [records.from_row(ReminderRecord, r) for r in rows]

    async def claim(self, user_id: int, now: int) -> ReminderRecord | None:
        """Claim one reminder for this process right before sending it; None if it is no longer
        due or is claimed already (another sweep, or the person changed it meanwhile)."""
        rows = await self._write(Q.CLAIM, user_id=user_id, now=now, holder=self.holder)
        return records.from_row(ReminderRecord, rows[0]) if rows else None

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

    async def release_lost_claims(self, now: int) -> int:
        """Claims whose process is gone, or older than the lease, go back to due (their sweep
        died before sending); the next sweep sends them. Returns how many."""
        rows = await self._write(
            Q.RELEASE_CLAIMS[self.dialect],
            expired=now - self.options.claim_lease,
            orphaned=now - 2 * int(self.options.retry_seconds),
            space=schema.HOLDER_LOCK_SPACE,
            sole=self.sole,
            holder=self.holder,
        )
        return len(rows)

    # ------------------------------------------------------------------ operators
    async def stats(self, *, now: datetime) -> dict[str, Any]:
        """Counts for the operator: no answer content, only states, paths and timestamps."""
        ago = {"week_ago": now - timedelta(days=7), "month_ago": now - timedelta(days=30)}
        counts = {key: int(n) for key, n in dict((await self._read(Q.STATS, **ago))[0]).items()}
        return counts | {
            key: {str(r[0]): int(r[1]) for r in await self._read(sql)}
            for key, sql in Q.STATS_GROUPED.items()
        }

    async def row_counts(self) -> dict[str, int]:
        """Rows per table (a restore is checked against them)."""
        (row,) = await self._read(Q.COUNT_ROWS)
        return {table: int(n) for table, n in zip(schema.TABLES, row, strict=True)}

    async def export_user(self, user_id: int) -> dict[str, Any] | None:
        """Every row about one user as typed JSON data (docs/export.md); None if unknown."""
        tables = await self._tables(Q.SELECT_ROWS, user_id=user_id)
        return {"version": records.EXPORT_VERSION, **tables} if tables["users"] else None

    async def table_rows(self) -> dict[str, list[dict[str, Any]]]:
        """Every row of every table, typed, from one snapshot (dumps, `migrate-db`)."""
        return await self._tables(Q.SELECT_TABLE)

    async def _tables(self, sql: str, **params: Any) -> dict[str, list[dict[str, Any]]]:
        tables = list(reversed(schema.TABLES))
        reads = await self._sql([(sql.format(table=t), params) for t in tables], False)
        return {
            t: [records.plain_row(r) for r in rows] for t, rows in zip(tables, reads, strict=True)
        }
