"""Small helpers shared by the benchmarks: timing, percentiles, RSS, and the result table."""

from __future__ import annotations

import platform
import statistics
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from bot.storage import ReminderRecord
from bot.storage.shared import SqlStorage
from flows.engine import Conversation


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


async def insert_due_reminders(
    storage: SqlStorage, rows: Iterable[tuple[int, str, int]], *, now: datetime
) -> None:
    """Finished users with an active reminder each, (user_id, schedule JSON, next_due), in one
    transaction: the fixture of the reminder benchmarks and tests."""
    finished = Conversation(state="recommendation")
    async with storage.transaction():
        for user_id, schedule, due in rows:
            await storage.save_conversation(user_id, finished, now=now, chat_id=user_id)
            record = ReminderRecord(user_id, user_id, schedule, "active", due)
            await storage.save_reminder(record, now=now)
