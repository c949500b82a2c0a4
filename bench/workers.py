"""Real `aipath bot` webhook workers behind a round-robin dispatcher, and people answering the
interview through it (tests/test_workers_process.py and bench/workers_bench.py)."""

from __future__ import annotations

import asyncio
import itertools
import os
import re
import signal
import socket
import sys
from pathlib import Path
from typing import Any

import httpx

from bench.fake_bot_api import FakeTelegram
from bench.sample_answers import ORDER, TYPED
from bench.telegram_driver import SENDS, buttons_of
from flows.content import default_content

SECRET = "multi-worker-secret"
PROMPT = {
    field: max(re.split(r"\{[^}]*\}", q.prompt), key=len)  # the words around any {placeholder}
    for field, q in default_content().dialogue.questions.items()
}
TURN = re.compile(r"event=turn user=(\d+) worker=(\d+) began=([\d.]+) ended=([\d.]+)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Worker:
    """One `aipath bot` process in webhook mode; its log goes to a file the test reads."""

    def __init__(self, tg: FakeTelegram, url: str, log: Path, *, level: str = "DEBUG") -> None:
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
            "AIPATH_LOG_LEVEL": level,
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

    async def interview(self, held: asyncio.Event | None = None) -> None:
        """The whole interview; with `held`, the second half waits until it is set (so a test
        can be sure some answers arrive only after a worker is restarted)."""
        welcome = await self.exchange(self.tg.push_text(self.user_id, "/start"), "AI Path Advisor")
        begin = next(b for b in buttons_of(welcome.params) if b["text"] == "Let's begin")
        tap = self.tg.push_callback(
            self.user_id, begin["callback_data"], welcome.result["message_id"]
        )
        await self.exchange(tap, PROMPT[ORDER[0]])
        for index, (field, after) in enumerate(zip(ORDER, [*ORDER[1:], None], strict=True)):
            if held is not None and index == len(ORDER) // 2:
                await held.wait()
            typed, stored = TYPED[field]
            expect = PROMPT[after] if after else "Your answers"
            await self.exchange(self.tg.push_text(self.user_id, typed), expect)
            self.acknowledged[field] = stored  # the next question (or summary) was shown
