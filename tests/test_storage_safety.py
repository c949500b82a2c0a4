"""Storage under concurrency, redelivery after update ids restart, and privacy at rest."""

from __future__ import annotations

import asyncio
import sqlite3
import stat
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.console import console_dispatcher
from bot.storage import PlanRecord, ReminderRecord, Storage, StorageError, open_storage
from flows.actions import Begin, Pick
from flows.engine import Conversation, Engine
from flows.events import Command, Press

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)


async def filled(storage: Storage, user_id: int) -> None:
    await storage.save_conversation(user_id, Conversation(), now=NOW, chat_id=user_id)
    await storage.save_plan(
        user_id, PlanRecord(path="self_study", hours=10, start_date=NOW.date()), now=NOW
    )
    await storage.check_in(user_id, "2026-W48")
    await storage.save_reminder(ReminderRecord(user_id, user_id, "{}", "active", 1), now=NOW)


async def test_ten_simultaneous_deletes_all_erase(tmp_path: Path) -> None:
    storage = await open_storage(tmp_path / "a.db")
    users = range(1, 11)
    for user_id in users:
        await filled(storage, user_id)
    results = await asyncio.gather(*(storage.delete_user(u) for u in users), return_exceptions=True)
    assert [r for r in results if r is not None] == []
    assert [await storage.rows_about(u) for u in users] == [0] * 10
    await storage.close()


async def test_a_save_during_a_delete_is_committed_on_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "a.db"
    storage = await open_storage(db)
    await filled(storage, 7)

    def failing_tables() -> Iterable[str]:  # the delete's transaction fails half-way
        return ("checkins", "no_such_table")

    monkeypatch.setattr(storage, "user_tables", failing_tables)
    seen_by_another_connection: list[object] = []

    async def save() -> None:
        conv = Conversation(state="degree", answers={"coding_experience": "none"})
        await storage.save_conversation(8, conv, now=NOW, chat_id=8)
        with sqlite3.connect(db) as other:  # committed the moment save returns
            row = other.execute("SELECT state FROM users WHERE user_id = 8").fetchone()
        seen_by_another_connection.append(row)

    delete = asyncio.ensure_future(storage.delete_user(7))
    await asyncio.gather(save(), asyncio.wait([delete]))
    assert isinstance(delete.exception(), sqlite3.OperationalError)
    assert seen_by_another_connection == [("degree",)]
    record = await storage.load(8)
    assert record is not None and record.conversation.state == "degree"
    await storage.close()


async def test_messages_are_applied_after_update_ids_restart_lower(
    tmp_path: Path, engine: Engine
) -> None:
    storage = await open_storage(tmp_path / "a.db")
    clock = [NOW]
    dispatcher = console_dispatcher(engine, storage, lambda: clock[0])
    await dispatcher.handle(1, 1, Command("start"), update_id=900_000)
    begin = await dispatcher.handle(1, 1, Press(Begin("welcome")), update_id=900_001)
    assert not begin.duplicate
    record = await storage.load(1)
    assert record is not None and record.conversation.state == "coding_experience"
    # A week without updates: Telegram restarts update ids at a (lower) random value.
    clock[0] = NOW + timedelta(days=8)
    after = await dispatcher.handle(
        1, 1, Press(Pick("coding_experience", "production")), update_id=1_234
    )
    assert not after.duplicate
    stored = await storage.load(1)
    assert stored is not None and stored.conversation.answers["coding_experience"] == "production"
    # A genuine redelivery (same id again, minutes later) is still recognised.
    clock[0] += timedelta(minutes=5)
    again = await dispatcher.handle(1, 1, Press(Pick("degree", "none")), update_id=1_234)
    assert again.duplicate
    await storage.close()


async def test_the_redelivery_window_is_bounded_by_count_and_age(tmp_path: Path) -> None:
    storage = await open_storage(tmp_path / "a.db")
    for update_id in range(1, 41):
        await storage.save_conversation(1, Conversation(), now=NOW, update_id=update_id)
    record = await storage.load(1)
    assert record is not None
    assert len(record.recent_updates) == 32
    assert record.already_applied(40, NOW) and record.already_applied(9, NOW)
    assert not record.already_applied(8, NOW)  # fell out of the window
    assert not record.already_applied(40, NOW + timedelta(hours=25))  # too old to be a redelivery
    await storage.close()


async def test_after_delete_the_start_payload_is_in_neither_file_nor_wal(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    storage = await open_storage(db)
    secret = "campaign-7f3a9c-uniquepayload"
    await filled(storage, 7)
    await storage.set_source(7, secret)
    await storage.save_conversation(8, Conversation(), now=NOW, chat_id=8)
    await storage.delete_user(7)
    wal = Path(f"{db}-wal")
    for path in (db, wal):
        if path.exists():
            assert secret.encode() not in path.read_bytes(), path
    await storage.close()
    assert secret.encode() not in db.read_bytes()


async def test_database_is_private_and_unsafe_folders_are_refused(tmp_path: Path) -> None:
    db = tmp_path / "data" / "a.db"
    storage = await open_storage(db)
    await storage.close()
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700

    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    with pytest.raises(StorageError, match="world-writable"):
        await open_storage(shared / "a.db")
    linked = tmp_path / "linked"
    linked.symlink_to(db.parent)
    with pytest.raises(StorageError, match="symbolic link"):
        await open_storage(linked / "a.db")
