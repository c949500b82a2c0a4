"""What several workers on one PostgreSQL rely on, each shown with two storages (two workers'
pools) or a real process killed with SIGKILL: one person at a time, claims never shared, one
sweeper with takeover, one pace for all."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import asyncpg
import pytest

from bench.common import insert_due_reminders
from bench.embedded_pg import PgServer
from bot.storage.postgres import PgStorage
from tests.conftest import start_or_give_up

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)


async def until(condition: Callable[[], Awaitable[bool]]) -> None:
    """Poll a state of the server (not a duration) until it holds; at most 10 s."""
    async with asyncio.timeout(10):
        while not await condition():  # noqa: ASYNC110 - a server's state, no event to await
            await asyncio.sleep(0.01)


async def waiting_for_advisory_locks(url: str) -> int:
    conn = await asyncpg.connect(url)
    try:
        return int(
            await conn.fetchval(
                "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            )
        )
    finally:
        await conn.close()


async def test_a_person_is_handled_by_one_worker_at_a_time(pg_url: str) -> None:
    one, two = await PgStorage.open(pg_url), await PgStorage.open(pg_url)
    try:
        entered: list[str] = []
        inside = {name: asyncio.Event() for name in ("one:7", "two:7", "two:8")}
        release = asyncio.Event()

        async def turn(storage: PgStorage, user: int, name: str) -> None:
            async with storage.user_turn(user):
                entered.append(name)
                inside[name].set()
                await release.wait()

        first = asyncio.create_task(turn(one, 7, "one:7"))
        await asyncio.wait_for(inside["one:7"].wait(), 10)
        second = asyncio.create_task(turn(two, 7, "two:7"))
        other = asyncio.create_task(turn(two, 8, "two:8"))
        await asyncio.wait_for(inside["two:8"].wait(), 10)  # another person: no wait
        await until(lambda: _is(waiting_for_advisory_locks(pg_url), 1))
        assert "two:7" not in entered  # the same person waits for the other worker
        release.set()
        await asyncio.gather(first, second, other)
        assert entered.index("two:7") > entered.index("one:7")
    finally:
        await one.close()
        await two.close()


async def _is(value: Awaitable[int], expected: int) -> bool:
    return await value == expected


async def test_a_failed_or_dead_worker_releases_the_person(pg_url: str) -> None:
    storage = await PgStorage.open(pg_url)
    try:
        try:
            async with storage.user_turn(7):
                raise RuntimeError("handler crashed")
        except RuntimeError:
            pass
        async with asyncio.timeout(5), storage.user_turn(7):
            pass  # released by the rollback
        dead = await asyncpg.connect(pg_url)
        await dead.execute("BEGIN")
        await dead.execute("SELECT pg_advisory_xact_lock($1, $2)", 0x41495041, 9)
        dead.terminate()  # the worker's connection drops, as when its process is killed
        async with asyncio.timeout(5), storage.user_turn(9):
            pass
    finally:
        await storage.close()


async def test_two_workers_never_claim_the_same_reminder(pg_url: str) -> None:
    one, two = await PgStorage.open(pg_url), await PgStorage.open(pg_url)
    try:
        await insert_due_reminders(one, [(u, "{}", u) for u in range(1, 201)], now=NOW)

        sweepers = (one, two, one, two)
        # every sweeper reads the due rows before any claims (so each sees every row due, not
        # what a faster sweeper left), then all four race to claim them
        dues = await asyncio.gather(*(s.due_reminders(1000, limit=500) for s in sweepers))

        async def sweep(storage: PgStorage, due: list[Any]) -> list[int]:
            return [r.user_id for r in due if await storage.claim(r.user_id, 1000)]

        results = await asyncio.gather(*(sweep(s, d) for s, d in zip(sweepers, dues, strict=True)))
        every = [user for claimed in results for user in claimed]
        assert sorted(every) == list(range(1, 201))  # all claimed, none twice
        assert sum(1 for claimed in results if claimed) >= 2  # and the work was shared
    finally:
        await one.close()
        await two.close()


HOLD_LEASE = """
import asyncio, sys
from bot.storage.postgres import PgStorage
from flows.engine import Conversation
from tests.conftest import start_or_give_up
from bench.embedded_pg import PgServer

async def main():
    storage = await PgStorage.open(sys.argv[1])
    print("leader" if await storage.sweep_lease() else "follower", flush=True)
    await asyncio.Event().wait()

asyncio.run(main())
"""


async def test_one_sweeper_and_another_takes_over_when_it_is_killed(pg_url: str) -> None:
    leader = await asyncio.create_subprocess_exec(
        sys.executable, "-c", HOLD_LEASE, pg_url, stdout=asyncio.subprocess.PIPE
    )
    storage = await PgStorage.open(pg_url)
    try:
        assert leader.stdout is not None
        assert (await asyncio.wait_for(leader.stdout.readline(), 30)).strip() == b"leader"
        assert not await storage.sweep_lease()
        assert not await storage.sweep_lease()
        os.kill(leader.pid, signal.SIGKILL)
        await leader.wait()
        await until(storage.sweep_lease)  # the server frees the lock with the dead session
        assert await storage.sweep_lease()  # and this worker keeps it
    finally:
        if leader.returncode is None:
            leader.kill()
            await leader.wait()
        await storage.close()


async def test_the_nudge_pace_holds_across_workers(pg_url: str) -> None:
    one, two = await PgStorage.open(pg_url), await PgStorage.open(pg_url)
    try:
        loop = asyncio.get_running_loop()

        async def slot(storage: PgStorage) -> float:
            delay = await storage.nudge_delay(24)
            return loop.time() + delay

        slots = sorted(await asyncio.gather(*(slot((one, two)[i % 2]) for i in range(72))))
        busiest = max(sum(1 for t in slots if start <= t < start + 1) for start in slots)
        assert busiest <= 25
        assert slots[-1] - slots[0] >= 71 / 24 - 0.2  # paced, not merely spread by chance
    finally:
        await one.close()
        await two.close()


def test_a_server_that_cannot_start_fails_the_run_under_ci(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken() -> PgServer:
        raise RuntimeError("initdb failed")

    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="initdb failed"):
        start_or_give_up(broken)
    monkeypatch.setenv("CI", "")
    with pytest.raises(pytest.skip.Exception, match="initdb failed"):
        start_or_give_up(broken)
