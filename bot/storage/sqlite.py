"""SQLite through aiosqlite: the default backend, one process serving people per file.

One connection per process (aiosqlite runs it on its own thread; a statement is one hop there).
WAL lets a backup or `aipath stats` read beside the bot; `busy_timeout` makes brief contention
wait, and longer waits are retried (shared.py). SQLite has one transaction per connection, and
the connection is shared by every task: a write issued while another task's BEGIN…COMMIT is open
would join that transaction (and be lost with it). So one writer at a time: `_write_lock`.

The process serving people holds `<database>.lock` (`LiveLock`), so it knows it is the only one:
a claim held by anyone else was left by a process that is gone. Privacy at rest:
`secure_delete` overwrites erased rows and a delete ends with a WAL checkpoint. Every problem
with the file is one line saying what to do.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import sqlite3
import stat
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, cast

import aiosqlite

from bot.storage import queries as Q
from bot.storage.records import Row, StorageError
from bot.storage.schema import MIGRATIONS, TABLES
from bot.storage.shared import SqlStorage, StorageOptions, _transaction

PRAGMAS = """PRAGMA secure_delete = ON; PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;
    PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;"""
TRANSIENT = {5, 6, 8, 10, 13}
"""SQLITE_BUSY, LOCKED, READONLY, IOERR, FULL: another process's lock, or the disk, not a bug."""
HEADER = b"SQLite format 3\x00"
CHOOSE = "choose another with --database or AIPATH_DATABASE"

_writing: ContextVar[SqliteStorage | None] = ContextVar("aipath_sqlite_writing", default=None)
"""The storage whose write lock the current task holds (nested writes must not wait on it)."""


def prepare_file(path: Path) -> None:
    """Create the folder 0700 and the file 0600; refuse a folder others could tamper with, a
    file that is not a SQLite database, or one this process cannot write."""
    folder = path.parent
    if folder.is_symlink() or path.is_symlink():
        raise StorageError(f"refusing {folder if folder.is_symlink() else path}: a symbolic link")
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if folder.stat().st_mode & stat.S_IWOTH:
            raise StorageError(f"refusing data directory {folder}: it is world-writable")
        with os.fdopen(os.open(path, os.O_CREAT | os.O_RDONLY, 0o600), "rb") as file:
            header = file.read(len(HEADER))
    except OSError as exc:
        raise StorageError(f"cannot create {path}: {exc.strerror}; {CHOOSE}") from None
    if (header and header != HEADER) or not path.is_file():
        raise StorageError(f"{path} is not a SQLite database; {CHOOSE}")
    if not os.access(path, os.W_OK) or not os.access(folder, os.W_OK):
        raise StorageError(f"{path} is read-only for this process; make it writable or {CHOOSE}")


class LiveLock:
    """An exclusive lock on `<database>.lock`, held by the process serving people from the file
    (bot or chat) and by `aipath restore`. The kernel drops it when its process ends, however it
    ends: a lock that can be taken proves no such process is left."""

    def __init__(self, database: Path) -> None:
        self._fd = os.open(f"{database}.lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = os.read(self._fd, 20).decode(errors="replace") or "?"
            os.close(self._fd)
            raise StorageError(
                f"{database} is in use by aipath process {pid}; stop it first"
            ) from None
        os.ftruncate(self._fd, 0)
        os.write(self._fd, str(os.getpid()).encode())

    def release(self) -> None:
        os.close(self._fd)


@contextlib.contextmanager
def private_file(target: Path) -> Iterator[int]:
    """A new file only its owner can read (0600, whatever the umask); never overwrites."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        yield fd
    finally:
        os.close(fd)


def _read_only(backup: Path) -> str:
    """A URI opening `backup` read-only, once it is known to be a SQLite file."""
    with backup.open("rb") as file:
        if file.read(len(HEADER)) != HEADER:
            raise StorageError(f"{backup} is not a SQLite backup")
    return f"{backup.resolve().as_uri()}?mode=ro"


def _values(params: dict[str, Any]) -> dict[str, Any]:
    """Values as the schema stores them: times as UTC ISO text to the second, dates as ISO."""
    return {
        key: (value.astimezone(UTC).isoformat(timespec="seconds") if type(value) is datetime
              else value.isoformat() if type(value) is date else value)
        for key, value in params.items()
    }  # fmt: skip


class SqliteStorage(SqlStorage):
    def __init__(self, db: aiosqlite.Connection, path: Path, options: StorageOptions) -> None:
        super().__init__(options)
        self._db = db
        self.path = path
        self._write_lock = asyncio.Lock()
        self._live: LiveLock | None = None

    @classmethod
    async def open(cls, path: Path | str, options: StorageOptions | None = None) -> SqliteStorage:
        path, options = Path(path), options or StorageOptions()
        on_disk = str(path) != ":memory:"
        if on_disk:
            prepare_file(path)
        storage = cls(await aiosqlite.connect(path, isolation_level=None), path, options)
        storage._db.row_factory = aiosqlite.Row
        try:
            if on_disk and options.role != "tool":
                storage._live = LiveLock(path)
            await storage._db.executescript(PRAGMAS)
            await storage.migrate()
        except BaseException as exc:
            await storage.close()
            if isinstance(exc, sqlite3.DatabaseError):
                raise StorageError(f"cannot use {path}: {exc}; {CHOOSE}") from None
            raise
        return storage

    async def close(self) -> None:
        await self._db.close()
        if self._live is not None:
            self._live.release()
            self._live = None

    # ------------------------------------------------------------------ primitives
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

    async def _execute(self, sql: str, params: dict[str, Any], *, write: bool) -> Sequence[Row]:
        values = _values(params)
        if not write:  # execute, fetch and close in one hop to the database thread
            return cast(Sequence[Row], await self._db.execute_fetchall(sql, values))
        async with self._writer():
            return cast(Sequence[Row], await self._db.execute_fetchall(sql, values))

    def _transient(self, error: Exception) -> bool:
        code = getattr(error, "sqlite_errorcode", 0)
        return isinstance(error, sqlite3.OperationalError) and code & 0xFF in TRANSIENT

    @asynccontextmanager
    async def transaction(self, *, snapshot: bool = False) -> AsyncIterator[None]:
        """Holds the write lock throughout, so no other task's write joins it; a snapshot is a
        deferred BEGIN, which leaves other processes free to write meanwhile."""
        async with self._writer():
            await self._db.execute("BEGIN" if snapshot else "BEGIN IMMEDIATE")
            token = _transaction.set((self, self._db))
            try:
                yield
                await self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    await self._db.execute("ROLLBACK")
                raise
            finally:
                _transaction.reset(token)

    # ------------------------------------------------------------------ the file
    async def schema_version(self) -> int:
        return int((await self._read("PRAGMA user_version"))[0][0])

    async def migrate(self) -> int:
        """Apply pending migrations, each in its own transaction. Returns the new version."""
        version = await self.schema_version()
        self._refuse_newer(version, str(self.path))
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            async with self.transaction():
                for statement in filter(str.strip, script.split(";")):
                    await self._db.execute(statement)
                await self._db.execute(f"PRAGMA user_version = {number}")
        return await self.schema_version()

    async def _checkpoint(self) -> None:
        async with self._writer():
            await self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    async def delete_user(self, user_id: int) -> None:
        """Then a WAL checkpoint: the erased rows are gone from the WAL too."""
        await super().delete_user(user_id)
        await self._run(self._checkpoint)

    async def file_bytes(self) -> int:
        await self._checkpoint()
        return self.path.stat().st_size

    async def backup(self, target: Path) -> None:
        """Through SQLite's online backup API: consistent, and safe while the bot runs."""
        with private_file(target):
            pass
        async with aiosqlite.connect(target) as copy:
            await self._db.backup(copy)

    async def restore_from(self, backup: Path) -> dict[str, int]:
        """Copy a backup over this database (SQLite's backup API), then migrate it."""
        async with aiosqlite.connect(_read_only(backup), uri=True) as source:
            ((version,),) = await source.execute_fetchall("PRAGMA user_version")
            self._refuse_newer(version, str(backup))
            names = list(await source.execute_fetchall("SELECT name FROM sqlite_master"))
            expected = dict.fromkeys(TABLES, 0)
            for table in (t for t in TABLES if (t,) in names):
                ((expected[table],),) = await source.execute_fetchall(
                    f"SELECT COUNT(*) FROM {table}"
                )
            async with self._writer():
                await source.backup(self._db)
        await self.migrate()
        return expected

    # ------------------------------------------------------------------ one process
    @asynccontextmanager
    async def user_turn(self, user_id: int) -> AsyncIterator[None]:
        """One person's update at a time: in one process the update processor ensures it."""
        yield

    async def sweep_lease(self) -> bool:
        return True  # the only process always sweeps

    async def nudge_delay(self, per_second: float) -> float:
        return 0.0  # the only process paces its own nudges

    async def release_lost_claims(self, now: int) -> int:
        """While this process holds the live lock, every claim not its own was left by a
        process that is gone: released at once. Otherwise only after the lease."""
        sql = Q.RELEASE_CLAIMS.format(holder_gone=":sole AND claim_holder IS NOT :holder")
        params = {"sole": self._live is not None, "holder": self.holder}
        return len(await self._write(sql, expired=now - self.options.claim_lease, **params))
