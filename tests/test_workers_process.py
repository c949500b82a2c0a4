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
import os
import re
import signal
import socket
import sys
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from bot.reminders import NUDGES_PER_SECOND, epoch
from bot.storage import ReminderRecord
from bot.storage_pg import PgStorage
from bot.storage_pg_schema import SWEEP_LOCK
from flows.content import default_content
from flows.engine import Conversation
from flows.schedule import ReminderSchedule
from tests.conftest import BASE_PROFILE
from tests.fake_telegram import FakeTelegram
from tests.telegram_driver import SENDS, buttons_of
from tests.test_telegram_process import ORDER, TYPED

SECRET = "multi-worker-secret"
PEOPLE = range(9000, 9100)
EARLY_NUDGES = range(8000, 8025)  # due at start, sent by the first sweeper
LATE_NUDGES = range(8100, 8125)  # due after the kill: only a surviving worker can send them
PROMPT = {field: q.prompt for field, q in default_content().dialogue.questions.items()}
TYPED_STORED = {field: stored for field, (_, stored) in TYPED.items()}
TURN = re.compile(r"event=turn user=(\d+) worker=(\d+) began=([\d.]+) ended=([\d.]+)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Worker:
    """One `aipath bot` process in webhook mode; its log goes to a file the test reads."""

    def __init__(self, tg: FakeTelegram, url: str, log: Path) -> None:
        self.port = free_port()
        self.log = log
        self.env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": tg.token,
            "TELEGRAM_API_BASE_URL": tg.base_url,
            "TELEGRAM_API_BASE_FILE_URL": tg.base_file_url,
            "AIPATH_DATABASE": url,
            "AIPATH_WEBHOOK_URL": "https://bot.example/telegram",
            "AIPATH_WEBHOOK_LISTEN": "127.0.0.1",
            "AIPATH_WEBHOOK_PORT": str(self.port),
            "AIPATH_WEBHOOK_SECRET": SECRET,
            "AIPATH_REMINDER_SWEEP_SECONDS": "1",
            "AIPATH_LOG_LEVEL": "DEBUG",
        }
        self.proc: asyncio.subprocess.Process | None = None
        self.runs = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/telegram"

    async def start(self) -> None:
        self.runs += 1
        with (self.log.parent / f"{self.log.name}.{self.runs}").open("wb") as out:
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot.cli", "bot", env=self.env, stdout=out, stderr=out
            )
        async with asyncio.timeout(60):
            while True:
                try:
                    _, writer = await asyncio.open_connection("127.0.0.1", self.port)
                    writer.close()
                    return
                except OSError:
                    await asyncio.sleep(0.05)

    async def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        await self.proc.wait()

    async def stop(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
            await asyncio.wait_for(self.proc.wait(), 30)

    def turns(self) -> list[tuple[int, int, float, float]]:
        lines = "".join(
            (self.log.parent / f"{self.log.name}.{run}").read_text(errors="replace")
            for run in range(1, self.runs + 1)
        )
        return [(int(u), int(w), float(b), float(e)) for u, w, b, e in TURN.findall(lines)]


class Dispatcher:
    """The reverse proxy: each update to the next live worker, with Telegram's secret header;
    an update a dead worker refused goes to the next one, as Telegram would redeliver it."""

    def __init__(self, workers: list[Worker]) -> None:
        self.workers = workers
        self.turn = itertools.count()
        self.client = httpx.AsyncClient(timeout=10)
        self.tasks: set[asyncio.Task[None]] = set()

    def post(self, update: dict[str, Any]) -> None:
        task = asyncio.create_task(self._deliver(update))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _deliver(self, update: dict[str, Any]) -> None:
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        for _ in range(30):
            worker = self.workers[next(self.turn) % len(self.workers)]
            try:
                answer = await self.client.post(worker.url, json=update, headers=headers)
                if answer.status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
        raise AssertionError(f"no worker took update {update['update_id']}")


class Person:
    """Answers the interview one message at a time. An update whose acknowledgement does not come
    is delivered again with the same update_id (as Telegram redelivers what a dead worker took),
    so a redelivery must be recognised and never applied twice."""

    def __init__(self, tg: FakeTelegram, dispatcher: Dispatcher, user_id: int) -> None:
        self.tg, self.dispatcher, self.user_id = tg, dispatcher, user_id
        self.acknowledged: dict[str, object] = {}

    async def exchange(self, update_id: int, expect: str) -> Any:
        """Deliver the update until a message containing `expect` comes back to this chat."""
        update, mark = self.tg.take_update(update_id), len(self.tg.requests)

        def answered(r: Any) -> bool:
            return (
                r.index >= mark
                and r.method in SENDS
                and r.chat_id == self.user_id
                and expect in str(r.params.get("text", ""))
            )

        for _ in range(4):
            self.dispatcher.post(update)
            try:
                return await self.tg.wait_for(answered, timeout=15)
            except TimeoutError:
                continue
        raise AssertionError(f"user {self.user_id} never saw {expect!r}")

    async def interview(self) -> None:
        welcome = await self.exchange(self.tg.push_text(self.user_id, "/start"), "AI Path Advisor")
        begin = next(b for b in buttons_of(welcome.params) if b["text"] == "Let's begin")
        tap = self.tg.push_callback(
            self.user_id, begin["callback_data"], welcome.result["message_id"]
        )
        await self.exchange(tap, PROMPT[ORDER[0]])
        for field, after in zip(ORDER, [*ORDER[1:], None], strict=True):
            typed, stored = TYPED[field]
            expect = PROMPT[after] if after else "Your answers"
            await self.exchange(self.tg.push_text(self.user_id, typed), expect)
            self.acknowledged[field] = stored  # the next question (or summary) was shown


async def finished_with_nudges(url: str, users: range, status: str, due: datetime) -> None:
    storage = await PgStorage.open(url)
    daily = ReminderSchedule(timezone="UTC", cadence="daily").model_dump_json()
    for user in users:
        conv = Conversation(state="recommendation", answers=BASE_PROFILE)
        await storage.save_conversation(user, conv, now=due, chat_id=user)
        record = ReminderRecord(user, user, daily, status, epoch(due))
        await storage.save_reminder(record, now=due)
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
            record = await storage.load(user)
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
        interviews = [asyncio.create_task(p.interview()) for p in people]
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
