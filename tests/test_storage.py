"""The storage contract: every test runs once on a real SQLite file and once on a real
PostgreSQL server (the `database` fixture), against the same `Storage` class. A turn's three
calls (`load_turn`, `commit_turn`, `record_shown`), the sweep's claims, the operator's reads."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import pytest

from bench.common import insert_due_reminders
from bot.storage import (
    LATEST,
    Storage,
    StorageError,
    StorageOptions,
    open_storage,
)
from bot.storage import sql as Q
from flows.engine import Conversation
from flows.turn.effects import Changes
from flows.turn.records import PlanRecord, ReminderRecord, TurnState
from tests.conftest import BASE_PROFILE
from tests.stored import NOW, person, reminder, rows_about, save, user

FINISHED = Conversation(state="recommendation", answers=BASE_PROFILE)
PLAN = PlanRecord(
    "immersive", 20, date(2026, 11, 23), done=2, rebase_index=1, rebase_date=date(2026, 12, 7),
    plan_key="k" * 16, revision=3, file_messages=(11, 12), summary_done=1,
)  # fmt: skip
REMINDER = ReminderRecord(7, 70, '{"timezone": "UTC"}', "active", 1_800_000_000, last_sent=5)


@pytest.fixture
async def storage(database: str | Path) -> AsyncIterator[Any]:
    opened = await open_storage(database)
    yield opened
    await opened.close()


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


async def fill(storage: Any) -> None:
    """A finished user with a plan, check-ins and a reminder, plus one mid-interview."""
    plan = PlanRecord("self_study", 10, date(2026, 12, 1), done=2, rebase_date=date(2026, 12, 8))
    await save(
        storage, 1, FINISHED, chat_id=1, update_id=10, recommendation={"path": "self_study"},
        source="reddit", plan=replace(plan, file_messages=(5, 6)), checkin="2026-W48",
        reminder=ReminderRecord(1, 1, '{"timezone": "UTC"}', "active", 99),
    )  # fmt: skip
    await storage.commit_turn(Changes(1, NOW, checkin="2026-W49"))
    half = Conversation(state="degree", answers={"coding_experience": "none"})
    await save(storage, 2, half, chat_id=2, update_id=3)
    await storage.set_active(2, False)


async def test_migrations_bring_a_new_database_to_the_latest_version(
    database: str | Path,
) -> None:
    storage = await open_storage(database)
    assert await storage.schema_version() == LATEST
    await storage.close()
    again = await open_storage(database)  # a second start finds nothing to do
    assert await again.schema_version() == LATEST
    await again.close()
    if isinstance(database, Path):
        with sqlite3.connect(database) as db:
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_a_schema_newer_than_the_code_is_refused(database: str | Path) -> None:
    await (await open_storage(database)).close()
    if isinstance(database, Path):
        with sqlite3.connect(database) as db:
            db.execute("PRAGMA user_version = 99")
    else:
        conn = await asyncpg.connect(database)
        await conn.execute("INSERT INTO schema_migrations (version) VALUES (99)")
        await conn.close()
    with pytest.raises(
        StorageError, match=f"schema version 99, newer than this aipath knows \\({LATEST}\\)"
    ):
        await open_storage(database)


async def test_one_read_returns_everything_a_turn_needs(storage: Storage) -> None:
    assert await storage.load_turn(7) == TurnState(7)
    await storage.commit_turn(Changes(7, NOW, person(FINISHED, 70, 40), PLAN, REMINDER, "2026-W48"))
    await storage.commit_turn(Changes(7, NOW, checkin="2026-W47"))
    await storage.commit_turn(Changes(7, NOW, checkin="2026-W48"))  # twice in a week: once
    state = await storage.load_turn(7)
    assert state.user is not None and state.user.conversation == FINISHED
    assert state.user.chat_id == 70 and [u for u, _ in state.user.recent_updates] == [40]
    assert state.user.created_at == NOW and state.user.active and state.user.last_update_id == 40
    assert state.plan == PLAN and state.reminder == REMINDER
    assert state.checkin_weeks == ("2026-W48", "2026-W47")
    assert (await storage.load_turn(8)) == TurnState(8)


async def test_a_later_turn_keeps_what_it_does_not_change(storage: Storage) -> None:
    await save(storage, 7, chat_id=70, update_id=5, source="reddit")
    await save(storage, 7, source="later")  # the first source sticks; no chat id: kept
    await storage.record_shown(7, 123, "digest")
    later = NOW + timedelta(minutes=3)
    done = Conversation(state="recommendation")
    await save(storage, 7, done, now=later, update_id=6, recommendation={"path": "x"})
    again = await user(storage, 7)
    assert again is not None and again.chat_id == 70 and again.source == "reddit"
    assert again.updated_at == later and again.created_at == NOW and again.last_update_id == 6
    assert (again.question_message_id, again.question_digest) == (123, "digest")
    assert [u for u, _ in again.recent_updates] == [5, 6] and again.recommendation == {"path": "x"}
    await storage.set_active(7, False)
    assert not (await user(storage, 7)).active  # type: ignore[union-attr]
    await save(storage, 7)
    assert (await user(storage, 7)).active  # type: ignore[union-attr]  # back: active again


async def test_the_shown_message_and_the_plans_files_are_recorded(storage: Storage) -> None:
    await storage.commit_turn(Changes(7, NOW, person(chat_id=70), PLAN))
    await storage.record_shown(7, 99, "digest")
    await storage.record_shown(7, None, None, (21, 22, 23))  # only new files
    state = await storage.load_turn(7)
    assert state.user is not None and state.user.question_message_id == 99
    assert state.plan is not None and state.plan.file_messages == (21, 22, 23)
    await storage.record_shown(7, 100, "other", (31,))
    state = await storage.load_turn(7)
    assert state.user is not None and state.user.question_digest == "other"
    assert state.plan is not None and state.plan.file_messages == (31,)


async def test_an_unconfirmed_screen_is_recorded_until_one_is_confirmed(
    storage: Storage,
) -> None:
    await storage.commit_turn(Changes(7, NOW, person(FINISHED, 70)))
    await storage.record_shown(7, 99, "on the phone")
    await storage.record_unconfirmed(7, "meant")  # its send or edit failed
    state = await storage.load_turn(7)
    assert state.user is not None and state.user.unconfirmed_digest == "meant"
    assert (state.user.question_message_id, state.user.question_digest) == (99, "on the phone")
    await storage.record_shown(7, 99, "meant")  # the next turn's screen got through
    state = await storage.load_turn(7)
    assert state.user is not None and state.user.unconfirmed_digest is None


async def test_the_recent_update_window_survives_ids_restarting(storage: Any) -> None:
    for update_id in (900, 901, 901):  # the last a repeat
        await save(storage, 7, chat_id=7, update_id=update_id)
    record = await user(storage, 7)
    assert record is not None and [u for u, _ in record.recent_updates] == [900, 901]
    assert record.already_applied(901, NOW) and record.already_applied(900, NOW)
    assert not record.already_applied(5, NOW)  # ids restarted lower: a new update, applied
    assert not record.already_applied(901, NOW + timedelta(days=2))  # the window is bounded


async def test_a_commit_is_all_or_nothing(storage: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    real = storage._execute

    async def full_at_the_check_in(sql: str, *args: Any, **kwargs: Any) -> Any:
        if sql == Q.CHECK_IN:
            raise RuntimeError("the disk is full")
        return await real(sql, *args, **kwargs)

    monkeypatch.setattr(storage, "_execute", full_at_the_check_in)
    with pytest.raises(RuntimeError):
        await storage.commit_turn(Changes(7, NOW, person(), PLAN, checkin="2026-W48"))
    assert await storage.load_turn(7) == TurnState(7)  # neither the person nor the plan


async def test_erasing_leaves_no_row(database: str | Path, storage: Any) -> None:
    await fill(storage)
    assert await rows_about(storage, 1) == 5 and await rows_about(storage, 2) == 1
    await storage.commit_turn(Changes(1, NOW, erase=True))
    assert await storage.load_turn(1) == TurnState(1)
    assert await rows_about(storage, 1) == 0 and await rows_about(storage, 2) == 1
    assert await tables_with_user_rows(database) == {"users", "plans", "checkins", "reminders"}


async def test_a_claim_is_won_once_and_released_by_its_finish_or_the_lease(storage: Any) -> None:
    await insert_due_reminders(storage, [(1, "{}", 100), (2, "{}", 200), (3, "{}", 900)], now=NOW)
    assert await storage.sweep_lease()  # claims are made by the sweeping process
    assert [r.user_id for r in await storage.due_reminders(500, limit=10)] == [1, 2]
    first = await storage.claim(1, 500)
    assert first is not None and first.claimed_at == 500
    assert await storage.claim(1, 500) is None  # another sweep loses
    assert await storage.claim(3, 500) is None  # not due yet
    assert [r.user_id for r in await storage.due_reminders(500, limit=10)] == [2]
    assert await storage.claim(2, 500) is not None
    await storage.finish_claim(2, 500, next_due=1000, sent_at=500)
    assert (await reminder(storage, 2)).last_sent == 500  # type: ignore[union-attr]
    lease = storage.options.claim_lease
    assert await storage.release_lost_claims(500 + lease) == 0  # alive and within the lease
    assert await storage.release_lost_claims(501 + lease) == 1
    assert [r.user_id for r in await storage.due_reminders(1000, limit=10)] == [1, 3, 2]


async def test_a_claim_whose_process_is_gone_is_released_at_once(database: str | Path) -> None:
    gone = await open_storage(database, StorageOptions(role="live"))
    await insert_due_reminders(gone, [(1, "{}", 100), (2, "{}", 100)], now=NOW)
    assert await gone.sweep_lease()
    assert await gone.claim(1, 500) is not None
    await gone.close()  # its process ended: its lock (SQLite) or session (PostgreSQL) is gone
    # no grace for a holder cut off by a server restart
    alive = await open_storage(database, StorageOptions(retry_seconds=0, role="live"))
    try:
        assert await alive.sweep_lease()
        assert await alive.claim(2, 500) is not None
        assert await alive.release_lost_claims(501) == 1  # the dead holder's, not its own
        assert [r.user_id for r in await alive.due_reminders(501, limit=10)] == [1]
    finally:
        await alive.close()


async def test_reminder_settings_round_trip(storage: Any) -> None:
    await insert_due_reminders(storage, [(1, "{}", 100)], now=NOW)
    await storage.claim(1, 500)
    record = ReminderRecord(1, 1, '{"cadence": "daily"}', "active", 700, last_sent=1, setup="{}")
    await storage.commit_turn(Changes(1, NOW, reminder=record))  # a new setting drops any claim
    assert await reminder(storage, 1) == replace(record, last_sent=None)  # the sweep's to keep
    assert await storage.finish_claim(1, 500, next_due=9, sent_at=500) is None
    assert await reminder(storage, 1) == replace(record, last_sent=None)  # the claim is gone
    await storage.commit_turn(Changes(1, NOW, reminder=replace(record, status="paused")))
    assert (await reminder(storage, 1)).status == "paused"  # type: ignore[union-attr]
    assert await reminder(storage, 2) is None


async def test_stats_count_without_content(storage: Any) -> None:
    await fill(storage)
    assert await storage.stats(now=NOW) == {
        "users_started": 2,
        "users_finished": 1,
        "active_7_days": 2,
        "active_30_days": 2,
        "inactive": 1,
        "by_state": {"recommendation": 1, "degree": 1},
        "recommendation_mix": {"self_study": 1},
        "reminders": {"active": 1},
    }


async def test_the_export_is_typed_json(storage: Any) -> None:
    await fill(storage)
    data = await storage.export_user(1)
    assert data["version"] == 1 and list(data) == [
        "version",
        "users",
        "plans",
        "reminders",
        "checkins",
    ]
    (user,) = data["users"]
    assert user["conversation"]["answers"] == BASE_PROFILE
    assert user["recommendation"] == {"path": "self_study"} and user["active"] is True
    assert user["recent_updates"] == [[10, int(NOW.timestamp())]]
    assert user["created_at"] == user["finished_at"] == "2026-11-23T12:00:00+00:00"
    (plan,) = data["plans"]
    assert plan["file_messages"] == [5, 6] and plan["start_date"] == "2026-12-01"
    assert plan["rebase_date"] == "2026-12-08" and plan["updated_at"] == "2026-11-23T12:00:00+00:00"
    (reminder,) = data["reminders"]
    assert reminder["schedule"] == {"timezone": "UTC"} and reminder["setup"] is None
    assert reminder["next_due"] == "1970-01-01T00:01:39+00:00" and reminder["claimed_at"] is None
    assert sorted(c["week"] for c in data["checkins"]) == ["2026-W48", "2026-W49"]
    assert (await storage.export_user(2))["users"][0]["active"] is False
    assert await storage.export_user(3) is None


async def test_both_backends_store_and_export_the_same_rows(tmp_path: Path, pg_url: str) -> None:
    lite, pg = await open_storage(tmp_path / "a.db"), await open_storage(pg_url)
    try:
        for storage in (lite, pg):
            await fill(storage)
        for user_id in (1, 2):
            assert await lite.export_user(user_id) == await pg.export_user(user_id)
            assert await lite.load_turn(user_id) == await pg.load_turn(user_id)
        assert await lite.stats(now=NOW) == await pg.stats(now=NOW)
    finally:
        await lite.close()
        await pg.close()


async def test_a_transaction_commits_all_its_writes_or_none(storage: Any) -> None:
    with pytest.raises(RuntimeError):
        async with storage.transaction():
            await save(storage, 1, chat_id=1)
            assert await user(storage, 1) is not None  # visible inside
            raise RuntimeError("half-way")
    assert await user(storage, 1) is None
    async with storage.transaction():
        for user_id in (1, 2):  # a turn's commit inside joins the transaction
            await storage.commit_turn(Changes(user_id, NOW, person(), PLAN, checkin="2026-W48"))
    assert await user(storage, 1) is not None and await user(storage, 2) is not None


class FakeClock:
    """The retry budget's clock and sleeper: sleeping moves the clock, nothing waits."""

    def __init__(self) -> None:
        self.now = 0.0
        self.waits: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds


def transient_error(storage: Storage) -> Exception:
    """What the backend's driver raises when the database is briefly unavailable."""
    if hasattr(storage, "_pool"):
        return asyncpg.exceptions.ConnectionDoesNotExistError("connection was closed")
    error = sqlite3.OperationalError("database is locked")
    error.sqlite_errorcode = 5  # SQLITE_BUSY
    return error


async def test_transient_errors_are_retried_within_the_budget(
    database: str | Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock()
    options = StorageOptions(retry_seconds=3, sleep=clock.sleep, clock=clock)
    storage: Any = await open_storage(database, options)
    real = storage._execute
    failures = {"left": 4}

    async def flaky(*args: Any, **kwargs: Any) -> Any:
        if failures["left"]:
            failures["left"] -= 1
            raise transient_error(storage)
        return await real(*args, **kwargs)

    monkeypatch.setattr(storage, "_execute", flaky)
    try:
        await storage.commit_turn(Changes(1, NOW, person(update_id=1)))
        assert clock.waits == [0.05, 0.1, 0.2, 0.4]  # backoff, then it went through once
        assert [u for u, _ in (await user(storage, 1)).recent_updates] == [1]  # type: ignore[union-attr]
        failures["left"] = 1000
        with pytest.raises(StorageError, match="the database is unavailable"):
            await storage.load_turn(1)
        assert clock.waits[4:] == [0.05, 0.1, 0.2, 0.4, 0.8, pytest.approx(1.45)]  # 3 s in all
        failures["left"] = 0
        monkeypatch.setattr(storage, "_execute", real)
        with pytest.raises(Exception) as wrong:  # a mistake is not retried
            await storage._read("SELECT * FROM no_such_table")
        assert not isinstance(wrong.value, StorageError) and len(clock.waits) > 4
    finally:
        await storage.close()


async def test_a_transaction_is_retried_from_its_start(
    database: str | Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock()
    options = StorageOptions(retry_seconds=3, sleep=clock.sleep, clock=clock)
    storage: Any = await open_storage(database, options)
    real = storage._execute
    calls = {"n": 0}

    async def second_statement_fails_once(sql: str, *args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 2:
            raise transient_error(storage)
        return await real(sql, *args, **kwargs)

    monkeypatch.setattr(storage, "_execute", second_statement_fails_once)
    try:
        # user, plan, reminder and check-in in one transaction; the second statement fails once
        await storage.commit_turn(Changes(1, NOW, person(), PLAN, REMINDER, "2026-W48"))
        assert len(clock.waits) == 1 and calls["n"] == 6
        assert await rows_about(storage, 1) == 4
    finally:
        monkeypatch.setattr(storage, "_execute", real)
        await storage.close()


async def test_concurrent_turns_all_commit(storage: Any) -> None:
    await save(storage, 1, chat_id=1)
    await asyncio.gather(
        *(storage.commit_turn(Changes(u, NOW, person(), PLAN)) for u in range(2, 30)),
        *(storage.commit_turn(Changes(1, NOW, checkin=f"2026-W{w:02}")) for w in range(1, 10)),
    )
    assert (await storage.stats(now=NOW))["users_started"] == 29
    assert len((await storage.load_turn(1)).checkin_weeks) == 9
