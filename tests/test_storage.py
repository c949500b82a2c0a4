"""Storage on both backends (a real SQLite file, a real PostgreSQL server): migrations, round
trips, deletion, reminder claims. The `database` fixture runs each test once per backend."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import asyncpg

from bot.storage import MIGRATIONS, PlanRecord, ReminderRecord
from bot.storage_backends import open_storage
from flows.engine import Conversation

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)


async def tables_with_user_rows(database: str | Path) -> set[str]:
    """Every table with a user_id column, asked of the database itself."""
    if isinstance(database, Path):
        with sqlite3.connect(database) as db:
            return {
                name
                for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                if "user_id" in [c[1] for c in db.execute(f"PRAGMA table_info({name})")]
            }
    conn = await asyncpg.connect(database)
    try:
        rows = await conn.fetch(
            "SELECT table_name FROM information_schema.columns "
            "WHERE table_schema = 'public' AND column_name = 'user_id'"
        )
    finally:
        await conn.close()
    return {r[0] for r in rows}


async def test_migrations_bring_a_new_database_to_the_latest_version(
    database: str | Path,
) -> None:
    storage = await open_storage(database)
    assert await storage.schema_version() == len(MIGRATIONS)
    assert await storage.migrate() == len(MIGRATIONS)  # idempotent
    await storage.close()
    again = await open_storage(database)  # a second start finds nothing to do
    assert await again.schema_version() == len(MIGRATIONS)
    await again.close()
    if isinstance(database, Path):
        with sqlite3.connect(database) as db:
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_conversation_round_trip_and_update_id(database: str | Path) -> None:
    storage = await open_storage(database)
    conv = Conversation(state="degree", answers={"coding_experience": "none"})
    await storage.save_conversation(7, conv, now=NOW, chat_id=70, update_id=5)
    await storage.set_source(7, "reddit")
    await storage.set_source(7, "later")  # the first source sticks
    record = await storage.load(7)
    assert record is not None
    assert record.conversation == conv and record.chat_id == 70 and record.source == "reddit"
    assert record.last_update_id == 5 and record.created_at == NOW
    await storage.close()


async def test_delete_user_leaves_no_row(database: str | Path) -> None:
    storage = await open_storage(database)
    await storage.save_conversation(7, Conversation(), now=NOW, chat_id=7)
    await storage.save_conversation(8, Conversation(), now=NOW, chat_id=8)
    await storage.save_plan(
        7, PlanRecord(path="self_study", hours=10, start_date=date.today()), now=NOW
    )
    await storage.check_in(7, "2026-W48")
    await storage.save_reminder(ReminderRecord(7, 7, "{}", "active", 1), now=NOW)
    assert await storage.rows_about(7) == 4
    await storage.delete_user(7)
    assert await storage.rows_about(7) == 0
    assert await storage.rows_about(8) == 1
    await storage.close()


async def test_every_table_with_user_rows_is_erased_by_delete(database: str | Path) -> None:
    storage = await open_storage(database)
    await storage.close()
    assert await tables_with_user_rows(database) == set(storage.user_tables())


async def test_a_claimed_reminder_is_not_claimed_twice(database: str | Path) -> None:
    storage = await open_storage(database)
    await storage.bulk_insert_reminders([(1, "{}", 100), (2, "{}", 200), (3, "{}", 900)], now=NOW)
    first = await storage.claim_due(500, limit=10)
    second = await storage.claim_due(500, limit=10)
    assert [r.user_id for r in first] == [1, 2] and second == []
    await storage.finish_claim(1, 500, next_due=1000, sent_at=500)
    assert [r.user_id for r in await storage.stale_claims(older_than=600)] == [2]
    again = await storage.claim_due(1000, limit=10)
    assert [r.user_id for r in again] == [3, 1]
    await storage.close()


async def test_a_claim_is_won_once_and_a_stale_one_goes_back_to_due(database: str | Path) -> None:
    storage = await open_storage(database)
    await storage.bulk_insert_reminders([(1, "{}", 100), (2, "{}", 200), (3, "{}", 900)], now=NOW)
    assert [r.user_id for r in await storage.due_reminders(500, limit=10)] == [1, 2]
    first = await storage.claim(1, 500)
    assert first is not None and first.claimed_at == 500
    assert await storage.claim(1, 500) is None  # another sweep loses
    assert await storage.claim(3, 500) is None  # not due yet
    assert [r.user_id for r in await storage.due_reminders(500, limit=10)] == [2]
    assert await storage.release_stale_claims(older_than=400) == 0
    assert await storage.release_stale_claims(older_than=600) == 1
    assert [r.user_id for r in await storage.due_reminders(600, limit=10)] == [1, 2]
    await storage.close()


async def test_the_recent_update_window_survives_ids_restarting(database: str | Path) -> None:
    storage = await open_storage(database)
    conv = Conversation(state="degree")
    await storage.save_conversation(7, conv, now=NOW, chat_id=7, update_id=900)
    await storage.save_conversation(7, conv, now=NOW, chat_id=7, update_id=901)
    record = await storage.load(7)
    assert record is not None
    assert record.already_applied(901, NOW) and record.already_applied(900, NOW)
    assert not record.already_applied(5, NOW)  # ids restarted lower: a new update, applied
    assert not record.already_applied(901, NOW + timedelta(days=2))  # the window is bounded
    await storage.close()
