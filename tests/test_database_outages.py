"""Database faults in the middle of many interviews, through the real PTB Application (long
polling) against the fake Bot API: PostgreSQL stopped for 12 s, SQLite's write lock held by
another process for 12 s, SQLite's file full, SQLite's WAL made read-only. Every tap sent during
a fault is applied once the database is back, none twice, and nobody is told to try again."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bench.embedded_pg import PgServer, start_server
from bench.fake_bot_api import FakeTelegram
from bench.telegram_driver import SimUser, bot_running, plain
from bot.storage import StorageError, StorageOptions, open_storage
from bot.telegram.runtime import KEY
from bot.telegram.texts import load_telegram_text
from tests.conftest import start_or_give_up
from tests.db_faults import read_only, write_locked
from tests.stored import save, user
from tests.test_telegram_bot import BUTTON_PATH

TAPS = [*BUTTON_PATH, "Looks right"]
NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)
Fault = Callable[[Any, Callable[[], bool]], AbstractAsyncContextManager[None]]
"""A fault, given the app and whether half the people have a tap waiting on it."""


@pytest.fixture(scope="module")
def own_pg_server() -> Iterator[PgServer]:
    """A server of this module's own: stopping it must not disturb other tests."""
    server = start_or_give_up(start_server)
    yield server
    server.stop()


def retried(caplog: pytest.LogCaptureFixture) -> bool:
    return any("event=database_unavailable" in r.getMessage() for r in caplog.records)


async def until(condition: Callable[[], bool]) -> None:
    """Poll a state (not a duration) until it holds; at most 60 s."""
    async with asyncio.timeout(60):
        while not condition():  # noqa: ASYNC110 - log records, no event to await
            await asyncio.sleep(0.05)


async def interviews_through(
    tg: FakeTelegram, database: str | Path, fault: Fault, *, people: int, fault_after: int
) -> dict[str, Any]:
    """`people` interviews at once; after `fault_after` taps in all, the fault runs while the
    interviews go on. Returns what the test checks."""
    users = range(5001, 5001 + people)
    taps, in_flight, reached = 0, 0, asyncio.Event()
    spans: list[tuple[float, float]] = []  # when each tap was sent and its screen came
    window = [0.0, 0.0]  # when the fault began and ended

    async def person(user_id: int) -> None:
        nonlocal taps, in_flight
        user = SimUser(tg, user_id, timeout=90)
        await user.say("/start")
        for label in TAPS:
            sent, in_flight = time.monotonic(), in_flight + 1
            await user.tap(label)
            spans.append((sent, time.monotonic()))
            taps, in_flight = taps + 1, in_flight - 1
            if taps >= fault_after:
                reached.set()

    async def inject(app: Any) -> None:
        await reached.wait()
        window[0] = time.monotonic()
        try:
            async with fault(app, lambda: in_flight >= people // 2):
                pass
        finally:
            window[1] = time.monotonic()

    async with bot_running(tg, Path(database) if isinstance(database, Path) else database) as app:  # type: ignore[arg-type]
        await asyncio.gather(*(person(u) for u in users), inject(app))
    storage = await open_storage(database)
    try:
        records = {u: await user(storage, u) for u in users}
    finally:
        await storage.close()
    sends = Counter(
        int(r.params["chat_id"])
        for r in tg.requests
        if r.method in ("sendMessage", "editMessageText") and r.ok
    )
    apology = load_telegram_text().messages["error"]
    return {
        "during": sum(1 for sent, shown in spans if sent < window[1] and shown > window[0]),
        "seconds": window[1] - window[0],
        "states": {u: r.conversation.state if r else None for u, r in records.items()},
        "answers": {u: r.conversation.answers if r else None for u, r in records.items()},
        "messages_per_person": {sends[u] for u in users},
        "apologies": [r for r in tg.requests if plain(str(r.params.get("text", ""))) == apology],
    }


def check(result: dict[str, Any], people: int) -> None:
    print(
        f"fault {result['seconds']:.1f} s; {result['during']} taps sent during it; "
        f"messages per person {result['messages_per_person']}"
    )
    assert result["during"] >= people // 2  # the fault really caught taps in flight
    assert set(result["states"].values()) == {"recommendation"}
    assert len({repr(sorted(a.items())) for a in result["answers"].values()}) == 1
    assert len(result["messages_per_person"]) == 1  # nobody got a screen twice
    assert result["apologies"] == []


async def test_a_12_second_postgresql_outage_in_the_middle_of_40_interviews(
    tg: FakeTelegram, own_pg_server: PgServer, caplog: pytest.LogCaptureFixture
) -> None:
    url = own_pg_server.create_database("outage")

    @asynccontextmanager
    async def outage(app: Any, caught: Callable[[], bool]) -> AsyncIterator[None]:
        await asyncio.to_thread(own_pg_server.pause)
        await asyncio.sleep(12)  # the outage itself
        await asyncio.to_thread(own_pg_server.resume)
        yield

    result = await interviews_through(tg, url, outage, people=40, fault_after=120)
    check(result, 40)
    assert retried(caplog)


async def test_sqlite_locked_by_another_process_for_12_seconds_in_the_middle_of_40_interviews(
    tg: FakeTelegram, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "bot.db"

    @asynccontextmanager
    async def locked(app: Any, caught: Callable[[], bool]) -> AsyncIterator[None]:
        async with write_locked(db):
            await asyncio.sleep(12)  # the lock itself
        yield

    result = await interviews_through(tg, db, locked, people=40, fault_after=120)
    check(result, 40)
    assert retried(caplog)


async def test_sqlite_full_under_a_running_bot(
    tg: FakeTelegram, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "bot.db"

    @asynccontextmanager
    async def full(app: Any, caught: Callable[[], bool]) -> AsyncIterator[None]:
        connection = app.bot_data[KEY].storage._db  # the bot's own: the limit is per connection
        (pages,) = await (await connection.execute("PRAGMA page_count")).fetchone()
        await connection.execute(f"PRAGMA max_page_count = {pages}")
        await until(lambda: retried(caplog) and caught())  # writes need pages they cannot have
        await connection.execute("PRAGMA max_page_count = 1073741823")
        yield

    result = await interviews_through(tg, db, full, people=12, fault_after=12)
    check(result, 12)
    assert any("OperationalError" in r.getMessage() for r in caplog.records)


async def test_sqlite_file_made_read_only_under_a_running_bot(
    tg: FakeTelegram, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "bot.db"

    @asynccontextmanager
    async def frozen(app: Any, caught: Callable[[], bool]) -> AsyncIterator[None]:
        with read_only(Path(f"{db}-wal")):  # where every write goes first
            await until(lambda: retried(caplog) and caught())
        yield

    result = await interviews_through(tg, db, frozen, people=12, fault_after=12)
    check(result, 12)


async def test_after_a_postgresql_restart_the_sweeper_takes_its_locks_again(
    own_pg_server: PgServer,
) -> None:
    url = own_pg_server.create_database("restart")
    storage: Any = await open_storage(url, StorageOptions(role="live"))
    try:
        assert await storage.sweep_lease()
        await asyncio.to_thread(own_pg_server.pause)
        assert not await storage.sweep_lease()  # the server is away: no sweep, no error
        await asyncio.to_thread(own_pg_server.resume)
        assert await storage.sweep_lease()  # a new session: holder, live and sweep locks
        async with storage.user_turn(7):
            await save(storage, 7, chat_id=7)
        assert await user(storage, 7) is not None  # the pools replaced their dead connections
        other = await open_storage(url, StorageOptions(role="restore"))
        pytest.fail(f"a restore opened beside a live bot: {other}")
    except StorageError as refused:
        assert "in use by a bot; stop it first" in str(refused)
    finally:
        await storage.close()
