"""`Storage`: what the runtime may ask of the database, written once over each backend's primitives.

Transient errors are retried with backoff for `retry_seconds`, so a server restart passes inside
the person's turn: a statement or a whole transaction runs again from its start, and every write
is safe to repeat (a repeated `claim` finds its own claim taken; that nudge waits for the lease).
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
from typing import Any, ClassVar, Literal, Self, TypeVar

from bot.storage import records
from bot.storage import sql as Q
from bot.storage.records import Row, StorageError
from flows.turn.effects import Changes
from flows.turn.records import ReminderRecord, TurnState

log = logging.getLogger("aipath.storage")
T = TypeVar("T")
Statement = tuple[str, dict[str, Any]]
_transaction: ContextVar[tuple[object, Any] | None] = ContextVar("aipath_tx", default=None)
"""The storage and connection of this task's transaction, if any."""


@dataclass(frozen=True, slots=True)
class StorageOptions:
    retry_seconds: float = 30.0
    """How long transient database errors are retried before anyone hears of them."""
    claim_lease: int = 600
    """A claim older than this goes back to due even if its process looks alive (last resort)."""
    role: Literal["tool", "live", "restore"] = "tool"
    """`live`: serves people (bot, chat); `restore`: replaces every row, so no live process may
    use the database meanwhile; `tool`: anything else (stats, backup, tests)."""
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    clock: Callable[[], float] = time.monotonic


class Storage(ABC):
    dialect: ClassVar[Q.Dialect]
    before_migrating: ClassVar[tuple[str, ...]] = ()
    versions: ClassVar[tuple[str, str]]  # read the schema's version; set it ({} the number)
    open_errors: ClassVar[tuple[type[Exception], ...]] = ()
    open_hint = ""
    after_erase: ClassVar[tuple[str, ...]] = ()
    holder_gone = "FALSE"
    """SQL telling that a claim's process is gone (`RELEASE_CLAIMS`), each backend's own way."""

    def __init__(self, name: str, options: StorageOptions) -> None:
        self.name = name  # as it may be printed: no password
        self.options = options
        self.holder = secrets.randbits(31) | 1  # in `claim_holder`: a restart is a new holder
        self._outage = False

    @abstractmethod
    async def _execute(self, sql: str, params: dict[str, Any], write: bool) -> Sequence[Row]:
        """One statement, once (in this task's transaction, if it is in one)."""

    @abstractmethod
    def _begin(self, snapshot: bool) -> AbstractAsyncContextManager[Any]:
        """A transaction on the connection it yields (`snapshot`: reads as of one moment)."""

    @abstractmethod
    def _transient(self, error: Exception) -> bool:
        """Whether the error says "try again" (lost connection, lock, full disk), not "wrong"."""

    @abstractmethod
    async def _prepare(self) -> None:
        """What opening does before migrating: the locks that go with the role, settings."""

    @abstractmethod
    async def close(self) -> None: ...
    @abstractmethod
    async def backup(self, target: Path) -> None:
        """Every row into `target`, a new empty file its caller made private."""

    @abstractmethod
    async def restore_from(self, backup: Path) -> dict[str, int]:
        """Every row replaced with a backup's; returns each table's rows in the backup."""

    # One process serves people (SQLite); several PostgreSQL workers override these three.
    def user_turn(self, user_id: int) -> AbstractAsyncContextManager[None]:
        """Held around one update: one person's updates run one at a time across processes."""
        return nullcontext()

    async def sweep_lease(self) -> bool:
        """Whether this process is the one that sweeps."""
        return True

    async def nudge_delay(self, per_second: float) -> float:
        """Seconds to wait before a nudge so that all processes together keep `per_second`."""
        return 0.0

    async def _opened(self) -> Self:
        """Prepared and migrated, or closed again; an `open_errors` error becomes one line."""
        try:
            await self._prepare()
            await self.migrate()
        except BaseException as exc:
            await self.close()
            if isinstance(exc, self.open_errors):
                reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                raise StorageError(f"cannot open {self.name}: {reason}{self.open_hint}") from None
            raise
        return self

    @asynccontextmanager
    async def transaction(self, *, snapshot: bool = False) -> AsyncIterator[None]:
        """This task's statements in one commit (`snapshot`: reads as of one moment)."""
        async with self._begin(snapshot) as connection:
            token = _transaction.set((self, connection))
            try:
                yield
            finally:
                _transaction.reset(token)

    def _connection(self) -> Any:
        """The connection of this task's transaction on this storage, if it is in one."""
        current = _transaction.get()
        return current[1] if current is not None and current[0] is self else None

    async def _sql(self, statements: Sequence[Statement], write: bool) -> list[Sequence[Row]]:
        """Each statement's rows; several in one transaction (a snapshot if they only read)."""
        if len(statements) < 2 or self._connection() is not None:
            return [await self._run(self._execute, sql, p, write) for sql, p in statements]

        async def run() -> list[Sequence[Row]]:
            async with self.transaction(snapshot=not write):
                return [await self._execute(sql, p, write) for sql, p in statements]

        return await self._run(run)

    async def _read(self, sql: str, **params: Any) -> Sequence[Row]:
        return await self._run(self._execute, sql, params, False)

    async def _write(self, sql: str, **params: Any) -> Sequence[Row]:
        return await self._run(self._execute, sql, params, True)

    async def _run(self, op: Callable[..., Awaitable[T]], *args: Any) -> T:
        """`op(*args)`, again with backoff while it fails for a transient reason (not inside a
        transaction: the whole transaction runs again)."""
        options, wait, deadline = self.options, 0.05, None
        while True:
            try:
                result = await op(*args)
                break
            except Exception as error:
                if not self._transient(error) or self._connection() is not None:
                    raise
                name = type(error).__name__
                if deadline is None:
                    deadline = options.clock() + options.retry_seconds
                elif options.clock() >= deadline:
                    raise StorageError(f"the database is unavailable ({name})") from error
                if not self._outage:  # one line per outage, not per statement
                    self._outage = True
                    log.warning("event=database_unavailable error=%s", name)
                await options.sleep(max(0.0, min(wait, deadline - options.clock())))
                wait = min(wait * 2, 2.0)
        if self._outage:
            self._outage = False
            log.info("event=database_back")
        return result

    def _refuse_newer(self, version: int, name: str) -> None:
        if version > Q.LATEST:
            raise StorageError(
                f"{name} has schema version {version}, newer than this aipath knows "
                f"({Q.LATEST}); upgrade aipath, or restore a backup made by this version"
            )

    async def schema_version(self) -> int:
        return int((await self._read(self.versions[0]))[0][0])

    async def migrate(self) -> None:
        """Pending migrations in one transaction, one process at a time; a newer schema is
        refused. Not retried: an unreachable database fails at once."""
        async with self.transaction():
            for sql in self.before_migrating:
                await self._execute(sql, {}, True)
            self._refuse_newer(version := await self.schema_version(), self.name)
            for number, script in enumerate(Q.MIGRATIONS[self.dialect][version:], version + 1):
                for sql in [*script.split(";"), self.versions[1].format(number)]:
                    await self._execute(sql, {}, True)

    async def load_turn(self, user_id: int) -> TurnState:
        """Everything a turn may need about the person, in ONE statement (one round trip)."""
        rows = await self._read(Q.LOAD_TURN, user_id=user_id)
        return records.turn_state(user_id, rows[0] if rows else None)

    async def commit_turn(self, changes: Changes) -> None:
        """Everything the turn changed, in one transaction (a person's turns run one at a time,
        so the window of recent updates it loaded is still current)."""
        now, user, plan = changes.now, changes.user, changes.plan
        writes: list[Statement] = [(Q.ERASE, {})] if changes.erase else []  # and nothing else
        if user is not None:  # first: the other rows hang on the person's
            writes.append((Q.SAVE_USER, records.user_columns(user, now)))
        if plan is not None:
            files = {"file_messages": json.dumps(plan.file_messages)}
            writes.append((Q.SAVE_PLAN, asdict(plan) | files))
        if changes.reminder is not None:
            writes.append((Q.SAVE_REMINDER, asdict(changes.reminder)))
        if changes.checkin is not None:
            writes.append((Q.CHECK_IN, {"week": changes.checkin}))
        if changes.uncheck is not None:  # the tick that put the week there was undone
            writes.append((Q.CHECK_OUT, {"week": changes.uncheck}))
        keys = {"user_id": changes.user_id, "now": now}
        await self._sql([(sql, params | keys) for sql, params in writes], True)
        for sql in self.after_erase if changes.erase else ():
            await self._write(sql)

    async def record_shown(
        self,
        user_id: int,
        message_id: int | None,
        digest: str | None,
        file_messages: tuple[int, ...] | None = None,
    ) -> None:
        """The message showing the current screen, and the messages now carrying the plan's
        files if new ones were sent (the next set replaces them)."""
        writes: list[Statement] = []
        if message_id is not None or file_messages is None:
            writes.append((Q.SET_SHOWN, {"message_id": message_id, "digest": digest}))
        if file_messages is not None:
            writes.append((Q.SET_PLAN_FILES, {"files": json.dumps(file_messages)}))
        await self._sql([(sql, params | {"user_id": user_id}) for sql, params in writes], True)

    async def record_unconfirmed(self, user_id: int, digest: str) -> None:
        """The screen meant to be shown may not be on the phone (flows/turn/repair.py)."""
        await self._write(Q.SET_UNCONFIRMED, user_id=user_id, digest=digest)

    async def set_active(self, user_id: int, active: bool) -> None:
        """False once the person blocked the bot; their next turn sets it again."""
        await self._write(Q.SET_ACTIVE, user_id=user_id, active=active)

    async def due_reminders(self, now: int, limit: int) -> list[ReminderRecord]:
        """Up to `limit` unclaimed due reminders, oldest first (not claimed: see `claim`)."""
        rows = await self._read(Q.DUE_REMINDERS, now=now, limit=limit)
        return [records.from_row(ReminderRecord, r) for r in rows]

    async def claim(self, user_id: int, now: int) -> ReminderRecord | None:
        """Claim a reminder right before sending it; None if no longer due or claimed already."""
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
        """Claims whose process is gone, or older than the lease, are due again; how many."""
        sql = Q.RELEASE_CLAIMS.format(holder_gone=self.holder_gone)
        lease, grace = self.options.claim_lease, 2 * int(self.options.retry_seconds)
        rows = await self._write(sql, expired=now - lease, orphaned=now - grace, holder=self.holder)
        return len(rows)

    async def stats(self, *, now: datetime) -> dict[str, Any]:
        """Counts for the operator: no answer content, only states, paths and timestamps."""
        ago = {"week_ago": now - timedelta(days=7), "month_ago": now - timedelta(days=30)}
        (counts,) = await self._read(Q.STATS, **ago)
        grouped = {key: dict(await self._read(sql)) for key, sql in Q.STATS_GROUPED.items()}
        return dict(counts) | grouped

    async def row_counts(self) -> dict[str, int]:
        return dict((await self._read(Q.COUNT_ROWS))[0])

    async def export_user(self, user_id: int) -> dict[str, Any] | None:
        """Every row about one user as typed JSON data (docs/export.md); None if unknown."""
        tables = await self.table_rows(user_id)
        return {"version": records.EXPORT_VERSION, **tables} if tables["users"] else None

    async def table_rows(self, user_id: int | None = None) -> dict[str, list[dict[str, Any]]]:
        """The rows of every table (or about one person) as typed JSON data, from one snapshot."""
        sql, tables = Q.SELECT_TABLE if user_id is None else Q.SELECT_ROWS, Q.TABLES[::-1]
        statements = [(sql.format(table=t), {"user_id": user_id}) for t in tables]
        reads = await self._sql(statements, False)
        return {t: [records.plain_row(r) for r in rs] for t, rs in zip(tables, reads, strict=True)}
