"""Small helpers shared by the benchmarks: timing, percentiles, RSS, and the result table."""

from __future__ import annotations

import platform
import statistics
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.storage import Storage
from flows.engine import Conversation
from flows.turn.effects import Changes, UserWrite
from flows.turn.records import ReminderRecord


def best_of(repeats: int, fn: Callable[[], object]) -> float:
    """The fastest of `repeats` runs, in seconds (the least disturbed by the machine)."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def rss_mib() -> float:
    """Resident memory of this process now (not the peak), from /proc."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    import os

    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


class Table:
    def __init__(self, title: str) -> None:
        self.title = title
        self.rows: list[tuple[str, str, str]] = []

    def add(self, name: str, value: str, note: str = "") -> None:
        self.rows.append((name, value, note))

    def print(self) -> None:
        print(f"\n## {self.title}\n")
        print("| measure | figure | note |")
        print("| --- | --- | --- |")
        for name, value, note in self.rows:
            print(f"| {name} | {value} | {note} |")


def person(
    conversation: Conversation,
    chat_id: int,
    update_id: int | None = None,
    recommendation: dict[str, Any] | None = None,
) -> UserWrite:
    """A person's row as a turn writes it (nothing loaded before: a new person)."""
    return UserWrite(conversation, chat_id, update_id, (), recommendation, None)


async def save_people(
    storage: Storage, conversations: Iterable[tuple[int, Conversation]], *, now: datetime
) -> None:
    """People (user_id, conversation), chat id = user id, in one transaction."""
    async with storage.transaction():
        for user_id, conversation in conversations:
            await storage.commit_turn(Changes(user_id, now, person(conversation, user_id)))


async def insert_due_reminders(
    storage: Storage, rows: Iterable[tuple[int, str, int]], *, now: datetime
) -> None:
    """Finished users with an active reminder each, (user_id, schedule JSON, next_due), in one
    transaction: the fixture of the reminder benchmarks and tests."""
    finished = Conversation(state="recommendation")
    async with storage.transaction():
        for user_id, schedule, due in rows:
            record = ReminderRecord(user_id, user_id, schedule, "active", due)
            user = person(finished, user_id)
            await storage.commit_turn(Changes(user_id, now, user, reminder=record))
