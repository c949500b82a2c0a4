"""`aipath` operator commands: health, backup, stats, export, migrate-db.

Each opens the configured database (SQLite or PostgreSQL) for one action and closes it; none
prints answer content except `export`, which is one person's own data for their request. Wired
into the parser and `COMMANDS` in `bot/cli.py`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

from bot.settings import load_settings
from bot.storage import MIGRATIONS, Storage
from bot.storage_backends import describe, is_postgres_url, open_storage


def fail(message: str, code: int = 2) -> int:
    """How every `aipath` command reports a problem: one line on stderr, and the exit code."""
    print(f"aipath: {message}", file=sys.stderr)
    return code


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
        if version != len(MIGRATIONS):
            return fail(f"schema version {version}, expected {len(MIGRATIONS)}", 1)
        print(f"ok: {describe(settings.database)} at schema version {version}")
        return 0

    return with_storage(settings.database, check)


def cmd_backup(args: argparse.Namespace) -> int:
    settings = load_settings()
    target = Path(args.path)
    if target.exists():
        return fail(f"{target} exists; choose a new file")

    async def copy(storage: Storage) -> int:
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

    async def dump(storage: Storage) -> int:
        data = await storage.export_user(args.user_id)
        if data is None:
            return fail(f"no user {args.user_id}", 1)
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0

    return with_storage(settings.database, dump)


def cmd_migrate_db(args: argparse.Namespace) -> int:
    from bot.storage_migrate import migrate_sqlite_to_postgres

    if not is_postgres_url(args.postgres_url):
        return fail("the target must be a postgresql:// URL")
    source = Path(args.sqlite_path)
    if not source.is_file():
        return fail(f"no SQLite database at {source}")
    try:
        counts = asyncio.run(migrate_sqlite_to_postgres(source, args.postgres_url))
    except (OSError, ValueError) as exc:
        return fail(f"migrate-db: {exc}", 1)
    for count in counts:
        mark = "ok" if count.ok else "MISMATCH"
        print(
            f"{count.table:<10} sqlite {count.sqlite:>8}  postgresql {count.postgresql:>8}  {mark}"
        )
    if not all(count.ok for count in counts):
        return fail("row counts differ; do not switch AIPATH_DATABASE to PostgreSQL yet", 1)
    print(f"copied to {describe(args.postgres_url)}; set AIPATH_DATABASE to its URL")
    return 0
