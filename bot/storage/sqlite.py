"""SQLite through aiosqlite: the default backend, one process serving people per file.

One connection, on aiosqlite's thread (a statement is one hop there); WAL lets a backup or
`aipath stats` read beside the bot; erased rows are overwritten (`secure_delete`) and
checkpointed out of the WAL.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import sqlite3
import stat
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager, nullcontext
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, cast
from urllib.parse import quote

import aiosqlite

from bot.storage.records import Row, StorageError
from bot.storage.shared import Storage, StorageOptions
from bot.storage.sql import translate

PRAGMAS = """PRAGMA secure_delete = ON; PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;
    PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;"""
TRANSIENT = {5, 6, 8, 10, 13}  # BUSY, LOCKED, READONLY, IOERR, FULL: another process, or the disk
HEADER = b"SQLite format 3\x00"
CHOOSE = "choose another with --database or AIPATH_DATABASE"


def prepare_file(path: Path) -> None:
    """Create the folder 0700 and the file 0600; refuse, in one line, a folder others could
    tamper with, a file that is not a SQLite database, or one this process cannot write."""
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


def live_lock(database: Path) -> int:
    """An exclusive lock on `<database>.lock`, held by the process serving people from the file
    (bot or chat) and by `aipath restore`. The kernel drops it when its process ends, however it
    ends: a lock that can be taken proves no such process is left."""
    fd = os.open(f"{database}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        pid = os.read(fd, 20).decode(errors="replace") or "?"
        os.close(fd)
        raise StorageError(f"{database} is in use by aipath process {pid}; stop it first") from None
    os.ftruncate(fd, 0)
    os.write(fd, str(os.getpid()).encode())
    return fd


def _stored(value: Any) -> Any:
    """Times and dates as SQLite stores them: ISO text, times in UTC to the second."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="seconds")
    return value.isoformat() if isinstance(value, date) else value


class SqliteStorage(Storage):
    dialect = "sqlite"
    versions = ("PRAGMA user_version", "PRAGMA user_version = {}")
    open_errors = (sqlite3.DatabaseError,)
    open_hint = f"; {CHOOSE}"
    after_erase = ("PRAGMA wal_checkpoint(TRUNCATE)",)  # the erased rows leave the WAL too

    def __init__(self, db: aiosqlite.Connection, path: Path, options: StorageOptions) -> None:
        super().__init__(str(path), options)
        self._db = db
        self._db.row_factory = aiosqlite.Row
        self._write_lock = asyncio.Lock()
        self._live: int | None = None

    @classmethod
    async def open(cls, path: Path | str, options: StorageOptions | None = None) -> SqliteStorage:
        prepare_file(path := Path(path))
        db = await aiosqlite.connect(path, isolation_level=None)
        return await cls(db, path, options or StorageOptions())._opened()

    async def _prepare(self) -> None:
        if self.options.role != "tool":  # the only process: every other claim holder is gone
            self._live = live_lock(Path(self.name))
            self.holder_gone = "claim_holder IS NOT :holder"
        await self._db.executescript(PRAGMAS)

    async def close(self) -> None:
        await self._db.close()
        if self._live is not None:
            os.close(self._live)
            self._live = None

    async def _execute(self, sql: str, params: dict[str, Any], write: bool) -> Sequence[Row]:
        """One hop to the database thread. The connection's one transaction is every task's: a
        write waits while another task's is open, else it is queued before any other task can
        BEGIN (aiosqlite runs them in order), so it never joins one."""
        text, names = translate(sql, "sqlite")
        values = [_stored(params[name]) for name in names]
        wait = write and self._write_lock.locked() and self._connection() is None
        async with self._write_lock if wait else nullcontext():
            return cast(Sequence[Row], await self._db.execute_fetchall(text, values))

    def _transient(self, error: Exception) -> bool:
        code = getattr(error, "sqlite_errorcode", 0)
        return isinstance(error, sqlite3.OperationalError) and code & 0xFF in TRANSIENT

    @asynccontextmanager
    async def _begin(self, snapshot: bool) -> AsyncIterator[aiosqlite.Connection]:
        """Holds the write lock throughout; a snapshot is a deferred BEGIN, which leaves other
        processes free to write meanwhile."""
        async with self._write_lock:
            await self._db.execute("BEGIN" if snapshot else "BEGIN IMMEDIATE")
            try:
                yield self._db
                await self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    await self._db.execute("ROLLBACK")
                raise

    async def backup(self, target: Path) -> None:
        """Through SQLite's online backup API: consistent, and safe while the bot runs."""
        async with aiosqlite.connect(target) as copy:
            await self._db.backup(copy)

    async def restore_from(self, backup: Path) -> dict[str, int]:
        """Through SQLite's backup API too, then migrated (every backup aipath made holds every
        table: `backup` came after migration 2)."""
        async with aiosqlite.connect(f"file:{quote(str(backup))}?mode=ro", uri=True) as db:
            source = SqliteStorage(db, backup, self.options)
            try:  # SQLite itself tells a file that is not a database, or not one aipath wrote
                self._refuse_newer(await source.schema_version(), str(backup))
                expected = await source.row_counts()
            except sqlite3.DatabaseError:
                raise StorageError(f"{backup} is not a SQLite backup made by aipath") from None
            async with self._write_lock:
                await db.backup(self._db)
        await self.migrate()
        return expected
