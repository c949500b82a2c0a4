"""Storage under concurrency, redelivery after update ids restart, and privacy at rest."""

from __future__ import annotations

import asyncio
import sqlite3
import stat
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.console import console_dispatcher
from bot.storage import Storage, StorageError, open_storage
from bot.storage import sql as Q
from flows.actions import Begin, Pick
from flows.engine import Conversation, Engine
from flows.events import Command, Press
from flows.turn.effects import Changes
from flows.turn.records import PlanRecord, ReminderRecord
from tests.stored import NOW, person, rows_about, save, user


async def filled(storage: Storage, user_id: int, source: str | None = None) -> None:
    plan = PlanRecord(path="self_study", hours=10, start_date=NOW.date())
    reminder = ReminderRecord(user_id, user_id, "{}", "active", 1)
    await save(storage, user_id, chat_id=user_id, source=source, plan=plan, reminder=reminder,
               checkin="2026-W48")  # fmt: skip


def erase(user_id: int) -> Changes:
    return Changes(user_id, NOW, erase=True)


async def test_ten_simultaneous_deletes_all_erase(tmp_path: Path) -> None:
    storage = await open_storage(tmp_path / "a.db")
    users = range(1, 11)
    for user_id in users:
        await filled(storage, user_id)
    results = await asyncio.gather(
        *(storage.commit_turn(erase(u)) for u in users), return_exceptions=True
    )
    assert [r for r in results if r is not None] == []
    assert [await rows_about(storage, u) for u in users] == [0] * 10
    await storage.close()


async def test_a_save_during_a_failing_commit_is_committed_on_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One connection, shared by every task: a turn committing while another's transaction is
    open must neither join it nor be lost when it rolls back."""
    db = tmp_path / "a.db"
    storage: Any = await open_storage(db)
    real = storage._execute

    async def fails_at_the_check_in(sql: str, *args: Any, **kwargs: Any) -> Any:
        if sql == Q.CHECK_IN:
            await asyncio.sleep(0)  # let the other turn try to write meanwhile
            raise sqlite3.IntegrityError("a mistake, not retried")
        return await real(sql, *args, **kwargs)

    monkeypatch.setattr(storage, "_execute", fails_at_the_check_in)
    seen_by_another_connection: list[object] = []

    async def save_another() -> None:
        conv = Conversation(state="degree", answers={"coding_experience": "none"})
        await storage.commit_turn(Changes(8, NOW, person(conv, 8)))
        with sqlite3.connect(db) as other:  # committed the moment the commit returns
            row = other.execute("SELECT state FROM users WHERE user_id = 8").fetchone()
        seen_by_another_connection.append(row)

    failing = asyncio.ensure_future(
        storage.commit_turn(Changes(7, NOW, person(), checkin="2026-W48"))
    )
    await asyncio.gather(save_another(), asyncio.wait([failing]))
    assert isinstance(failing.exception(), sqlite3.IntegrityError)
    assert seen_by_another_connection == [("degree",)]
    assert await user(storage, 7) is None  # the failed turn wrote nothing
    record = await user(storage, 8)
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
    record = await user(storage, 1)
    assert record is not None and record.conversation.state == "coding_experience"
    # A week without updates: Telegram restarts update ids at a (lower) random value.
    clock[0] = NOW + timedelta(days=8)
    after = await dispatcher.handle(
        1, 1, Press(Pick("coding_experience", "production")), update_id=1_234
    )
    assert not after.duplicate
    stored = await user(storage, 1)
    assert stored is not None and stored.conversation.answers["coding_experience"] == "production"
    # A genuine redelivery (same id again, minutes later) is still recognised.
    clock[0] += timedelta(minutes=5)
    again = await dispatcher.handle(1, 1, Press(Pick("degree", "none")), update_id=1_234)
    assert again.duplicate
    await storage.close()


async def test_the_redelivery_window_is_bounded_by_count_and_age(tmp_path: Path) -> None:
    storage = await open_storage(tmp_path / "a.db")
    for update_id in range(1, 41):
        await save(storage, 1, update_id=update_id)
    record = await user(storage, 1)
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
    await filled(storage, 7, source=secret)
    await save(storage, 8, chat_id=8)
    await storage.commit_turn(erase(7))
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
