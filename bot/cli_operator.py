"""`aipath` operator commands: health, backup, restore, stats, export, migrate-db.

Each opens the configured database (SQLite or PostgreSQL) for one action and closes it; none
prints answer content except `export`, which is one person's own data for their request. Files
they write (backups, exports) are new files, mode 0600. Every problem is one line, exit 2 (a
schema newer than this code, a path that is not a database). Wired into `bot/cli.py`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

from bot.settings import describe, is_postgres_url, load_settings
from bot.storage import LATEST, TABLES, Storage, StorageError, StorageOptions, open_storage

POSTGRES_URL = "AIPATH_POSTGRES_URL"
"""Where `migrate-db` reads its target: never the command line, which `ps` shows to everyone."""
Counts = dict[str, tuple[int, int]]
"""Per table: rows in the source, rows in the target (`restore` and `migrate-db` print both)."""


def fail(message: str, code: int = 2) -> int:
    """How every `aipath` command reports a problem: one line on stderr, and the exit code."""
    print(f"aipath: {message}", file=sys.stderr)
    return code


@contextlib.contextmanager
def private_file(target: Path) -> Iterator[int]:
    """A new file only its owner can read (0600, whatever the umask); never overwrites."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        yield fd
    finally:
        os.close(fd)


def with_storage(database: Path | str, action: Callable[[Storage], Awaitable[int]]) -> int:
    """Run an operator action on the configured database, SQLite or PostgreSQL."""

    async def run() -> int:
        storage = await open_storage(database)
        try:
            return await action(storage)
        finally:
            await storage.close()

    return asyncio.run(run())


def cmd_health(args: argparse.Namespace) -> int:
    settings = load_settings()

    async def check(storage: Storage) -> int:
        version = await storage.schema_version()
        if version != LATEST:
            return fail(f"schema version {version}, expected {LATEST}", 1)
        print(f"ok: {describe(settings.database)} at schema version {version}")
        return 0

    return with_storage(settings.database, check)


def cmd_backup(args: argparse.Namespace) -> int:
    settings = load_settings()
    target = Path(args.path)
    if target.exists():
        return fail(f"{target} exists; choose a new file")

    async def copy(storage: Storage) -> int:
        with private_file(target):
            pass
        await storage.backup(target)
        kind = "a JSON dump" if is_postgres_url(settings.database) else "a SQLite copy"
        print(f"backed up {describe(settings.database)} to {target} ({kind})")
        return 0

    return with_storage(settings.database, copy)


def cmd_stats(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from bot.insight import stats_report, stats_text

    settings = load_settings()

    async def show(storage: Storage) -> int:
        stats = await storage.stats(now=datetime.now(UTC))
        print(json.dumps(stats_report(stats), indent=2) if args.json else stats_text(stats))
        return 0

    return with_storage(settings.database, show)


def cmd_export(args: argparse.Namespace) -> int:
    settings = load_settings()
    target = Path(args.output) if args.output else None
    if target is not None and target.exists():
        return fail(f"{target} exists; choose a new file")

    async def dump(storage: Storage) -> int:
        data = await storage.export_user(args.user_id)
        if data is None:
            return fail(f"no user {args.user_id}", 1)
        text = json.dumps(data, indent=2, ensure_ascii=False)
        if target is None:
            print(text)
            return 0
        with private_file(target) as fd:
            os.write(fd, text.encode())
        print(f"wrote {target} (mode 0600)")
        return 0

    return with_storage(settings.database, dump)


def print_counts(counts: Counts, source: str, target: str) -> bool:
    """Each table's row count on both sides; whether they all agree."""
    for table, (before, after) in counts.items():
        mark = "ok" if before == after else "MISMATCH"
        print(f"{table:<10} {source} {before:>8}  {target} {after:>8}  {mark}")
    return all(before == after for before, after in counts.values())


async def restore(database: str | Path, backup: Path, *, replace: bool) -> Counts:
    """Replace `database`'s rows with a backup's (`aipath backup`, same backend), then migrate.
    Refused while a bot serves the database, and over users unless told to `replace` them."""
    storage = await open_storage(database, StorageOptions(role="restore"))
    try:
        if not replace and (await storage.row_counts())["users"]:
            raise StorageError(f"{storage.name} already holds users; add --replace to overwrite")
        expected = await storage.restore_from(backup)
        counts = await storage.row_counts()
    finally:
        await storage.close()
    return {t: (expected[t], counts[t]) for t in TABLES}


def cmd_restore(args: argparse.Namespace) -> int:
    settings = load_settings()
    backup = Path(args.backup)
    if not backup.is_file():
        return fail(f"no backup file at {backup}")
    counts = asyncio.run(restore(settings.database, backup, replace=args.replace))
    if not print_counts(counts, "backup", "restored"):
        return fail("row counts differ; check the backup before starting the bot", 1)
    print(f"restored {describe(settings.database)} from {backup}")
    return 0


def postgres_url(args: argparse.Namespace) -> str | None:
    """The migration target from a file (first line) or AIPATH_POSTGRES_URL."""
    if args.url_file:
        lines = Path(args.url_file).read_text(encoding="utf-8").split()
        return lines[0] if lines else None
    return os.environ.get(POSTGRES_URL)


async def migrate_sqlite_to_postgres(source: Path, url: str) -> Counts:
    """A SQLite database (migrated, read in one snapshot) copied into an empty PostgreSQL one
    in one transaction. Stop the bot first: answers written meanwhile would be left behind."""
    from bot.storage.postgres import PgStorage  # asyncpg only here

    lite = await open_storage(source)
    try:
        rows = await lite.table_rows()
    finally:
        await lite.close()
    target = await PgStorage.open(url)
    try:
        await target.copy_in(rows)
        counts = await target.row_counts()
    finally:
        await target.close()
    return {t: (len(rows[t]), counts[t]) for t in TABLES}


def cmd_migrate_db(args: argparse.Namespace) -> int:
    if args.postgres_url:
        return fail(f"never put the URL on the command line (ps shows it): set {POSTGRES_URL}")
    try:
        url = postgres_url(args)
    except OSError as exc:
        return fail(f"cannot read {args.url_file}: {exc.strerror}")
    if not url or not is_postgres_url(url):
        return fail(f"set {POSTGRES_URL} (or --url-file) to the target postgresql:// URL")
    source = Path(args.sqlite_path)
    if not source.is_file():
        return fail(f"no SQLite database at {source}")
    try:
        counts = asyncio.run(migrate_sqlite_to_postgres(source, url))
    except (OSError, ValueError) as exc:
        return fail(f"migrate-db: {exc}", 1)
    if not print_counts(counts, "sqlite", "postgresql"):
        return fail("row counts differ; do not switch AIPATH_DATABASE to PostgreSQL yet", 1)
    print(f"copied to {describe(url)}; set AIPATH_DATABASE to its URL")
    return 0
