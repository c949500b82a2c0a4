"""A seeded bad day between the bot and Telegram: interviews and nudge sweeps under API faults.

The real bot (in this process, polling the fake Bot API over loopback HTTP) serves PEOPLE people
answering the interview by buttons while reminder sweeps send nudges to NUDGED others, and the
fake injects faults on every call (bench/fake_bot_api/faults.py: 429, 5xx, stalls past the
read timeout, resets before and after acting; now and then a bad patch in which one chat's next
calls all fail, so a screen update fails after every retry) and refuses two blocked users.
People act only on what their chat really shows (bench/fault_person.py). Afterwards it counts
what a person would notice:

- back-to-back duplicates: two consecutive messages in a chat with the same text and buttons;
- unanswered taps: button presses Telegram never got an answer for (a spinner that never stops);
- mismatched answers: a stored answer that differs from the person's last tap on that question;
- asked again: a message, edit or toast telling the person their tap was refused ("That button
  belongs to a question that has moved on") or to try again ("something went wrong"), or that
  it was not saved: every tap here is saved, so each of these asks to repeat a stored answer;
- ERROR log lines (every failure injected here is a transient network error).

Used by tests/test_network_faults.py (one seed in `make test`) and runnable for many seeds:
``python -m bench.fault_run --seeds 1 2 3 4 5``.
"""

from __future__ import annotations

import argparse
import asyncio
import inspect
import json
import logging
import random
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path
from typing import Any

from bench.common import insert_due_reminders, save_people
from bench.fake_bot_api import FakeTelegram
from bench.fake_bot_api.faults import FaultPlan
from bench.fault_person import Person
from bench.sample_answers import BASE_PROFILE
from bench.telegram_driver import FakeClock, settings_for
from bot.storage import open_storage
from bot.sweep import epoch
from bot.telegram.app import build_application, running, sweep_job
from bot.telegram.runtime import KEY
from bot.telegram.texts import load_telegram_text
from flows.content import load_content
from flows.engine import Conversation
from flows.schedule import ReminderSchedule

PEOPLE = 40
NUDGED = 20
BLOCKED = 2
"""Of the nudged people, this many have blocked the bot (their nudges answer 403)."""
FIRST_PERSON = 600_000
FIRST_NUDGED = 650_000
READ_TIMEOUT = 0.4
"""The bot's Bot API read timeout here; stalls last longer (its production value is 5 s)."""
SWEEPS = 3
SENDS = frozenset({"sendMessage", "sendPhoto", "sendDocument"})
STREAK = 0.25
"""Chance that a fault starts a bad patch for its chat (bench/fake_bot_api/faults.py)."""
SHOWN = frozenset({"sendMessage", "editMessageText", "answerCallbackQuery"})


@dataclass
class FaultReport:
    seed: int
    people: int
    finished: int = 0
    taps: int = 0
    duplicates: list[str] = field(default_factory=list)
    unanswered: int = 0
    mismatched: list[str] = field(default_factory=list)
    asked_again: list[str] = field(default_factory=list)
    """Messages, edits or toasts that refuse a tap or ask to try again (all taps are saved)."""
    error_lines: list[str] = field(default_factory=list)
    nudges_delivered: int = 0
    nudges_doubled: int = 0
    nudges_lost: int = 0
    blocked_marked: int = 0
    """Blocked people whose reminders stopped as "blocked" (the 403 reached the bot)."""
    blocked_unconfirmed: int = 0
    """Blocked people whose nudge's answer was lost (the bot cannot know it was a 403)."""
    retaps: int = 0
    switches: int = 0
    """Re-taps of ANOTHER answer on a keyboard whose last tap changed nothing."""
    streaks: int = 0
    """Bad patches: a chat whose next calls all failed."""
    extra_starts: int = 0
    """/start sent again because the chat still showed nothing (a welcome that never came)."""
    faults: Counter[str] = field(default_factory=Counter)
    events: Counter[str] = field(default_factory=Counter)
    """WARNING and INFO log events of the bot (event=… names), e.g. outcomes left unknown."""
    violations: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def row(self) -> str:
        return (
            f"| {self.seed} | {self.finished}/{self.people} | {self.taps} | "
            f"{sum(self.faults.values())} | {len(self.duplicates)} | {self.unanswered} | "
            f"{len(self.mismatched)} | {len(self.asked_again)} | {len(self.error_lines)} | "
            f"{self.nudges_delivered}/"
            f"{NUDGED - BLOCKED} ({self.nudges_lost} lost, {self.nudges_doubled} doubled) | "
            f"{self.seconds:.0f} s |"
        )


class Recorder(logging.Handler):
    """Keeps every log record the bot emits during the run."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


async def seed_nudges(db: Path, now: datetime) -> list[int]:
    """People with a finished interview and a nudge due a minute ago."""
    users = list(range(FIRST_NUDGED, FIRST_NUDGED + NUDGED))
    storage = await open_storage(db)
    try:
        schedule = ReminderSchedule(timezone="UTC").model_dump_json()
        due = epoch(now - timedelta(minutes=1))
        await insert_due_reminders(storage, ((u, schedule, due) for u in users), now=now)
        finished = Conversation(state="recommendation", answers=BASE_PROFILE)
        await save_people(storage, ((u, finished) for u in users), now=now)
    finally:
        await storage.close()
    return users


async def fault_run(seed: int, *, people: int = PEOPLE, rate: float = 0.1) -> FaultReport:
    report = FaultReport(seed, people)
    recorder = Recorder()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(recorder)
    root.setLevel(logging.INFO)
    started = time.monotonic()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            await _run(report, Path(tmp) / "faults.db", seed, people, rate, recorder)
    finally:
        root.removeHandler(recorder)
        root.setLevel(old_level)
    report.seconds = time.monotonic() - started
    return report


async def _run(
    report: FaultReport, db: Path, seed: int, people: int, rate: float, recorder: Recorder
) -> None:
    now = datetime(2026, 11, 23, 18, tzinfo=UTC)
    nudged = await seed_nudges(db, now)
    rng = random.Random(seed)
    async with FakeTelegram() as tg:
        for user in nudged[:BLOCKED]:
            tg.block_user(user)
        # Code from before the send policy has no read_timeout option (its timeout is 5 s): the
        # harness still runs against it, for a comparison, with stalls past those 5 s.
        options: dict[str, Any] = {"read_timeout": READ_TIMEOUT}
        if "read_timeout" not in inspect.signature(build_application).parameters:
            options = {}
        stall = options.get("read_timeout", 5.0) + 0.3
        app = build_application(settings_for(tg, db), clock=FakeClock(now), **options)
        async with running(app, poll_timeout=1):
            await tg.wait_polling(timeout=30)
            plan = FaultPlan(seed=seed, rate=rate, stall_seconds=stall, streak=STREAK)
            faults = tg.inject_faults(plan)
            assert faults is not None
            crowd = [
                Person(tg, FIRST_PERSON + i, random.Random(rng.random())) for i in range(people)
            ]

            class Context:
                bot = app.bot
                bot_data = app.bot_data

            async def sweeps() -> None:
                for _ in range(SWEEPS):
                    await sweep_job(Context())  # type: ignore[arg-type]

            async with asyncio.timeout(120):
                results = await asyncio.gather(*(p.interview() for p in crowd), sweeps())
            tg.inject_faults(None)
            await tg.wait_idle(timeout=30, quiet=0.5)
            runtime = app.bot_data[KEY]
            for person, finished in zip(crowd, results, strict=False):
                report.finished += bool(finished)
                report.taps += person.taps
                report.retaps += person.retaps
                report.switches += person.switches
                report.extra_starts += person.starts - 1
                record = (await runtime.storage.load_turn(person.user_id)).user
                stored = record.conversation.answers if record else {}
                for question, tapped in person.last_tap.items():
                    if question in stored and str(stored[question]) != tapped:
                        report.mismatched.append(
                            f"{person.user_id} {question}: stored {stored[question]}, "
                            f"last tap {tapped}"
                        )
            for user in nudged[BLOCKED:]:
                count = sum(1 for r in tg.requests if r.chat_id == user and r.acted)
                report.nudges_delivered += count >= 1
                report.nudges_doubled += count > 1
                report.nudges_lost += count == 0
            for user in nudged[:BLOCKED]:
                reminder = (await runtime.storage.load_turn(user)).reminder
                report.blocked_marked += reminder is not None and reminder.status == "blocked"
            report.faults = Counter(kind for (_, kind), n in faults.drawn.items() for _ in range(n))
            report.streaks = faults.streaks
        report.duplicates = duplicates(tg)
        report.asked_again = asked_again(tg)
        report.unanswered = len(tg.unanswered_callbacks())
        report.violations = list(tg.violations)
    report.events = Counter(
        r.getMessage().split()[0]
        for r in recorder.records
        if r.levelno >= logging.INFO and r.getMessage().startswith("event=")
    )
    unconfirmed = " ".join(
        r.getMessage() for r in recorder.records if "event=nudge_unconfirmed" in r.getMessage()
    )
    report.blocked_unconfirmed = sum(
        f"chat={user} " in unconfirmed for user in range(FIRST_NUDGED, FIRST_NUDGED + BLOCKED)
    )
    report.error_lines = [
        f"{r.name}: {r.getMessage()[:200]}"
        for r in recorder.records
        if r.levelno >= logging.ERROR and not r.name.startswith("aiohttp")
    ]


def refusals() -> tuple[str, ...]:
    """The sentences that refuse a tap, apologise with "try again", or say it was not saved."""
    content = load_content()
    found = [content.dialogue.messages["stale"], load_telegram_text().messages["error"]]
    found += [
        text for key, text in content.dialogue.messages.items() if key.startswith("not_saved")
    ]
    return tuple(escape(text, quote=False) for text in found)


def asked_again(tg: FakeTelegram) -> list[str]:
    """Messages, edits and toasts carrying a refusal or an apology (see `refusals`)."""
    texts = refusals()
    found = []
    for request in tg.requests:
        if request.method not in SHOWN or not request.acted:
            continue
        shown = request.text or ""
        if any(text in shown for text in texts):
            found.append(f"{request.method} chat {request.chat_id}: {shown[:60]!r}")
    return found


def duplicates(tg: FakeTelegram) -> list[str]:
    """Consecutive messages in one chat with the same text (or caption) and buttons."""
    found = []
    last: dict[Any, tuple[Any, ...]] = {}
    for request in tg.requests:
        if request.method not in SENDS or not request.acted:
            continue
        shown = (request.text, json.dumps(request.params.get("reply_markup"), sort_keys=True))
        if last.get(request.chat_id) == shown:
            found.append(f"chat {request.chat_id}: {str(request.text)[:60]!r}")
        last[request.chat_id] = shown
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    parser.add_argument("--people", type=int, default=PEOPLE)
    parser.add_argument("--rate", type=float, default=0.1)
    args = parser.parse_args()
    print(
        "| seed | finished | taps | faults | duplicates | unanswered taps | mismatched answers "
        "| asked again | ERROR lines | nudges delivered | time |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for seed in args.seeds:
        report = asyncio.run(fault_run(seed, people=args.people, rate=args.rate))
        print(report.row(), flush=True)
        lines = [*report.duplicates, *report.mismatched, *report.asked_again, *report.error_lines]
        for line in lines[:10]:
            print(f"    {line}")
        print(
            f"    faults: {dict(report.faults)}; bad patches {report.streaks}; "
            f"re-taps {report.retaps} ({report.switches} another answer); "
            f"/start again {report.extra_starts}",
            flush=True,
        )
        print(f"    blocked nudges marked: {report.blocked_marked}/{BLOCKED}", flush=True)
        print(f"    violations: {report.violations[:3]}", flush=True)
        print(f"    events: {dict(report.events)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
