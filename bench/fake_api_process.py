"""The fake Bot API as its own process, with the simulated people living inside it.

Started by :mod:`bench.telegram_process_bench`, one process per measured bot and load. The
protocol on stdin/stdout is line based:

1. prints ``PORT <n>`` once ``bench/fake_bot_api`` listens on 127.0.0.1:<n>;
2. reads ``PID <n>``: the bot process to watch (it was started with that port);
3. waits for the bot's first long poll, warms it up with a few interviews (not measured), prints
   ``LOAD <people>``, runs the measured load and prints ``RESULT <json>``, then exits.

Why the people live here rather than in a third process: they only push updates into the fake's
queue and watch the bot's calls arrive, which costs a dictionary look-up per call when done in
the server's own event loop (an observer), and a whole extra HTTP hop per step otherwise. The bot
still sees exactly what production sees: long polls and Bot API calls over loopback HTTP.

Each person sends ``/start`` and then taps through the whole interview, waiting for every answer
(a closed loop). Latency is "update available → first bot call about it": from the moment the
update is queued to the arrival of the bot's first request for that person (answering the button
or sending to the chat).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.fake_bot_api import FakeTelegram, Request
from flows.actions import Begin, Confirm, Pick, decode

INTERVIEW: tuple[tuple[tuple[str, ...], bool], ...] = (
    (("begin",), False),
    (("production",), False),
    (("3",), False),
    (("bachelor_cs",), False),
    (("applied_ml",), False),
    (("industry",), False),
    (("no",), False),
    (("15000",), False),
    (("no", "0"), False),  # months without pay: "no" before round 3's answer model, 0 after
    (("yes",), True),  # the apprenticeship-pay question, where the bot asks it
    (("20",), False),
    (("structured",), False),
    (("confirm",), False),
)
"""The button pressed at each step (an answer's value, or the begin / confirm button), the
values it may carry in either answer model, and whether the bot may skip the question: so one
simulated person answers this code and an older one (`--base`) alike."""
REPLIES = frozenset({"sendMessage", "editMessageText"})
STEP_TIMEOUT = 60.0
WARMUP_PEOPLE = 10
FIRST_USER = 10_000_000
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
TOKEN = "123456:BENCH-token"


def cpu_seconds(pid: int | str) -> float:
    """User + system CPU time of a process so far, from /proc/PID/stat (fields 14 and 15)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()  # the command name may contain spaces
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def peak_rss_mib(pid: int | str) -> float:
    """The process's peak resident memory (VmHWM) so far."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def wanted(data: str, step: str) -> bool:
    """Whether a button's callback data is this step's press (see flows.actions)."""
    action = decode(data)
    if isinstance(action, Pick):
        return action.value == step
    return (step, type(action)) in (("begin", Begin), ("confirm", Confirm))


def buttons_of(params: dict[str, Any]) -> list[dict[str, Any]]:
    markup = params.get("reply_markup")
    if isinstance(markup, str):
        markup = json.loads(markup)
    if not isinstance(markup, dict):
        return []
    return [b for row in markup.get("inline_keyboard", []) for b in row]


@dataclass
class _Step:
    """What one person is waiting for: the bot's next screen (a reply carrying buttons)."""

    query_id: str | None
    pushed: float
    reply: asyncio.Future[Request]
    first_call: float | None = None


@dataclass
class People:
    """The simulated people and what they saw; routes every bot call to its person."""

    tg: FakeTelegram
    echo: bool
    latencies: list[float] = field(default_factory=list)
    wrong_screens: int = 0
    updates: int = 0
    """Updates the people sent (a /start and each tap), counted as sent."""
    steps: dict[int, _Step] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.tg.observers.append(self._observe)

    def _observe(self, request: Request) -> None:
        chat = request.chat_id
        query_id = request.params.get("callback_query_id")
        user = chat if isinstance(chat, int) else self.tg.callback_user(query_id)
        step = self.steps.get(user) if user is not None else None
        if step is None or (query_id is not None and query_id != step.query_id):
            return  # not about a step anyone waits for (a late answer to an earlier press)
        if request.ok is None:
            if step.first_call is None:
                step.first_call = request.time
        elif (
            request.ok
            and request.method in REPLIES
            and buttons_of(request.params)
            and not step.reply.done()
        ):
            step.reply.set_result(request)

    async def _step(self, user: int, push: Callable[[], int], *, press: bool) -> Request:
        loop = asyncio.get_running_loop()
        pushed = time.monotonic()
        step = _Step(None, pushed, loop.create_future())
        self.steps[user] = step
        push()
        if press:  # the bot's answerCallbackQuery names the query, not the chat
            step.query_id = self.tg.last_callback_id
        try:
            reply = await asyncio.wait_for(step.reply, STEP_TIMEOUT)
        finally:
            del self.steps[user]
        assert step.first_call is not None
        self.latencies.append(step.first_call - pushed)
        return reply

    async def interview(self, user: int) -> None:
        """One person: /start, then every tap of the interview, each after the last answer."""
        self.updates += 1
        reply = await self._step(user, lambda: self.tg.push_text(user, "/start"), press=False)
        message_id = reply.result["message_id"]
        for values, optional in INTERVIEW:
            if self.echo:
                if optional:
                    continue
                data = f"echo|{values[0]}"
            else:
                found = [
                    b["callback_data"]
                    for b in buttons_of(reply.params)
                    if any(wanted(str(b.get("callback_data", "")), v) for v in values)
                ]
                if not found and optional:
                    continue  # a question this bot does not ask
                if not found:  # the bot showed something else: an ordering or state bug
                    self.wrong_screens += 1
                    return
                data = found[0]
            self.updates += 1
            reply = await self._step(
                user, lambda d=data, m=message_id: self.tg.push_callback(user, d, m), press=True
            )
            if reply.method == "sendMessage":
                message_id = reply.result["message_id"]


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))]


async def _load(people: People, users: range) -> float:
    start = time.monotonic()
    await asyncio.gather(*(people.interview(user) for user in users))
    return time.monotonic() - start


async def measure(users: int, echo: bool) -> dict[str, Any]:
    """Serve one bot: report the port, learn its pid, warm it up, then measure the load."""
    async with FakeTelegram(token=TOKEN) as tg:
        print(f"PORT {tg.port}", flush=True)
        line = await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
        bot_pid = int(line.split()[1])
        await tg.wait_polling(timeout=60)
        people = People(tg, echo)
        await _load(people, range(FIRST_USER - WARMUP_PEOPLE, FIRST_USER))
        people.latencies.clear()
        people.updates = 0
        print(f"LOAD {users}", flush=True)  # a profiler may start (telegram_process_bench)
        bot_cpu, fake_cpu = cpu_seconds(bot_pid), cpu_seconds("self")
        seconds = await _load(people, range(FIRST_USER, FIRST_USER + users))
        bot_cpu, fake_cpu = cpu_seconds(bot_pid) - bot_cpu, cpu_seconds("self") - fake_cpu
        await tg.wait_idle(timeout=10, quiet=0.1)  # the last button answers
        updates = people.updates
        return {
            "users": users,
            "updates": updates,
            "answered": len(people.latencies),
            "seconds": seconds,
            "updates_per_s": updates / seconds,
            "p50_ms": _percentile(people.latencies, 50) * 1000,
            "p99_ms": _percentile(people.latencies, 99) * 1000,
            "bot_cpu_ms_per_update": bot_cpu * 1000 / updates,
            "bot_cpu_share": bot_cpu / seconds,
            "fake_cpu_share": fake_cpu / seconds,
            "bot_peak_rss_mib": peak_rss_mib(bot_pid),
            "violations": tg.violations[:5],
            "violation_count": len(tg.violations),
            "unanswered_callbacks": len(tg.unanswered_callbacks()),
            "wrong_screens": people.wrong_screens,
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, required=True)
    parser.add_argument("--echo", action="store_true", help="the bot is bench/echo_bot.py")
    parser.add_argument("--timeout", type=float, default=240, help="give up after this long")
    args = parser.parse_args()

    async def bounded() -> dict[str, Any]:
        async with asyncio.timeout(args.timeout):
            return await measure(args.users, args.echo)

    result = asyncio.run(bounded())
    print(f"RESULT {json.dumps(result)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
