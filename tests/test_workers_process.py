"""Three real `aipath bot` webhook workers on one PostgreSQL, behind a round-robin dispatcher.

100 people do the interview while 50 nudges fall due; the worker holding the sweep is killed
with SIGKILL mid-run and started again. Afterwards: every answer a person saw acknowledged is
stored, no nudge went out twice, the nudges kept the pace across workers, no person was handled
by two workers at once (from each worker's DEBUG `event=turn` lines), and Telegram saw no
broken rule.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg

from bench.fake_bot_api import FakeTelegram
from bench.sample_answers import TYPED
from bench.workers import Dispatcher, Person, Worker
from bot.storage.postgres import SWEEP_LOCK, PgStorage
from bot.sweep import NUDGES_PER_SECOND, epoch
from flows.engine import Conversation
from flows.schedule import ReminderSchedule
from flows.turn.records import ReminderRecord
from tests.conftest import BASE_PROFILE
from tests.stored import save
from tests.stored import user as stored_user

PEOPLE = range(9000, 9100)
EARLY_NUDGES = range(8000, 8025)  # due mid-interview; the sweeper is killed while sending
LATE_NUDGES = range(8100, 8125)  # due after the kill: only a surviving worker can send them
TYPED_STORED = {field: stored for field, (_, stored) in TYPED.items()}


async def finished_with_nudges(url: str, users: range, status: str, due: datetime) -> None:
    storage = await PgStorage.open(url)
    daily = ReminderSchedule(timezone="UTC", cadence="daily").model_dump_json()
    for user in users:
        conv = Conversation(state="recommendation", answers=BASE_PROFILE)
        record = ReminderRecord(user, user, daily, status, epoch(due))
        await save(storage, user, conv, now=due, chat_id=user, reminder=record)
    await storage.close()


async def make_due(url: str, users: range) -> None:
    """Turn paused nudges due at once, in one statement (an operator's bulk resume)."""
    conn = await asyncpg.connect(url)
    try:
        await conn.execute(
            "UPDATE reminders SET status = 'active', next_due = $1 WHERE user_id = ANY($2)",
            epoch(datetime.now(UTC)) - 1,
            list(users),
        )
    finally:
        await conn.close()


async def sweep_holder(url: str) -> int | None:
    """The OS pid of the worker holding the sweep lock (its connection's application_name)."""
    conn = await asyncpg.connect(url)
    try:
        name = await conn.fetchval(
            """
            SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a USING (pid)
            WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1 AND l.objid = $2
            """,
            SWEEP_LOCK >> 32,
            SWEEP_LOCK & 0xFFFFFFFF,
        )
    finally:
        await conn.close()
    return int(name.removeprefix("aipath-")) if name else None


async def stored_answers(url: str) -> dict[int, dict[str, Any]]:
    storage = await PgStorage.open(url)
    try:
        out = {}
        for user in PEOPLE:
            record = await stored_user(storage, user)
            out[user] = dict(record.conversation.answers) if record else {}
        return out
    finally:
        await storage.close()


async def test_three_workers_one_killed_lose_nothing_and_never_double(
    tmp_path: Path, pg_url: str
) -> None:
    an_hour_ago = datetime.now(UTC) - timedelta(hours=1)
    await finished_with_nudges(pg_url, EARLY_NUDGES, "paused", an_hour_ago)
    await finished_with_nudges(pg_url, LATE_NUDGES, "paused", an_hour_ago)

    async with FakeTelegram() as tg:
        workers = [Worker(tg, pg_url, tmp_path / f"worker{i}.log") for i in range(3)]
        await asyncio.gather(*(w.start() for w in workers))
        dispatcher = Dispatcher(workers)

        def nudges(users: range) -> list[Any]:
            return [
                r
                for r in tg.requests
                if r.method == "sendMessage"
                and r.chat_id in users
                and "Milestone" in str(r.params.get("text"))
            ]

        people = [Person(tg, dispatcher, u) for u in PEOPLE]
        # Half the people finish their interview only after the restart, so the restarted
        # worker surely takes turns; the other half answer on through the kill.
        restarted = asyncio.Event()
        interviews = [
            asyncio.create_task(p.interview(restarted if p.user_id % 2 else None)) for p in people
        ]
        async with asyncio.timeout(30):  # interviews under way on every worker
            while len(tg.requests) < 300:  # noqa: ASYNC110
                await asyncio.sleep(0.02)
        await make_due(pg_url, EARLY_NUDGES)
        async with asyncio.timeout(30):  # the sweeper is mid-way through them
            while len(nudges(EARLY_NUDGES)) < 5:  # noqa: ASYNC110
                await asyncio.sleep(0.02)
        leader_pid = await sweep_holder(pg_url)
        victim = next(w for w in workers if w.proc is not None and w.proc.pid == leader_pid)
        await victim.kill()
        sent_before_kill = len(nudges(EARLY_NUDGES))
        await make_due(pg_url, LATE_NUDGES)
        await victim.start()
        restarted.set()

        await asyncio.wait_for(asyncio.gather(*interviews), 90)
        async with asyncio.timeout(20):
            while len(nudges(LATE_NUDGES)) < len(LATE_NUDGES):  # noqa: ASYNC110
                await asyncio.sleep(0.05)
        new_leader = await sweep_holder(pg_url)
        await asyncio.gather(*dispatcher.tasks)
        await dispatcher.client.aclose()
        await asyncio.gather(*(w.stop() for w in workers))

        assert tg.violations == []
        early, late = nudges(EARLY_NUDGES), nudges(LATE_NUDGES)

    # The sweep moved to a surviving worker, which sent every late nudge exactly once.
    assert new_leader is not None and new_leader != leader_pid
    assert sorted(r.chat_id for r in late) == list(LATE_NUDGES)
    # Early nudges: at most once each (those claimed by the killed sweeper are skipped).
    assert len({r.chat_id for r in early}) == len(early) >= sent_before_kill >= 5
    # The pace held across workers: no one-second window with more than 25 nudges.
    times = sorted(r.time for r in early + late)
    assert max(sum(1 for t in times if s <= t < s + 1) for s in times) <= NUDGES_PER_SECOND + 1

    # Everyone finished despite the kill, and every acknowledged answer is stored.
    stored = await stored_answers(pg_url)
    for person in people:
        assert person.acknowledged == TYPED_STORED
        assert stored[person.user_id] == TYPED_STORED, person.user_id

    # No person was ever handled by two workers at once.
    turns = [t for w in workers for t in w.turns()]
    per_worker = {w: sum(1 for t in turns if t[1] == w) for w in {t[1] for t in turns}}
    assert len(per_worker) == 4, (per_worker, tmp_path)  # three workers and the restarted one
    by_user: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for user, _, began, ended in turns:
        by_user[user].append((began, ended))
    for user, spans in by_user.items():
        spans.sort()
        for (_, ended), (began, _) in itertools.pairwise(spans):
            assert began >= ended, user
