"""The reminder sweep at 100k users with 10k due at once; RSS at 0 and at 100k users."""

from __future__ import annotations

import gc
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import Table, insert_due_reminders, rss_mib, save_people
from bench.storage_bench import PROFILE
from bot.storage import Storage, open_storage
from bot.sweep import Sweep, epoch
from flows.content import default_content
from flows.engine import Conversation
from flows.reply import Reply
from flows.schedule import ReminderSchedule
from flows.turn.context import Dialogues

NOW = datetime(2026, 11, 23, 18, tzinfo=UTC)


class FixedClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


async def populate(storage: Storage, users: int, due: int) -> None:
    schedule = ReminderSchedule(timezone="Europe/Berlin").model_dump_json()
    due_at, later = epoch(NOW) - 60, epoch(NOW + timedelta(days=3))
    await insert_due_reminders(
        storage,
        ((u, schedule, due_at if u <= due else later) for u in range(1, users + 1)),
        now=NOW,
    )
    finished = Conversation(state="recommendation", answers=PROFILE)
    await save_people(storage, ((u, finished) for u in range(1, due + 1)), now=NOW)


async def sweep_all(reminders: Sweep, send_count: list[int]) -> tuple[float, int]:
    async def send(chat_id: int, reply: Reply) -> None:
        send_count[0] += 1

    start = time.perf_counter()
    claimed = 0
    while True:
        stats = await reminders.run(send, limit=1_000)
        claimed += stats.claimed
        if not stats.claimed:
            break
    return time.perf_counter() - start, claimed


async def run(table: Table, users: int = 100_000, due: int = 10_000) -> None:
    dialogues = Dialogues.build(default_content())
    clock = FixedClock(NOW)
    with tempfile.TemporaryDirectory() as tmp:
        empty = await open_storage(Path(tmp) / "empty.db")
        await sweep_all(Sweep(dialogues, empty, clock=clock), [0])
        gc.collect()
        rss_empty = rss_mib()
        await empty.close()

        storage = await open_storage(Path(tmp) / "big.db")
        await populate(storage, users, due)
        sent = [0]
        seconds, claimed = await sweep_all(Sweep(dialogues, storage, clock=clock), sent)
        gc.collect()
        rss_full = rss_mib()
        await storage.close()
    table.add(
        f"sweep: {due:,} due of {users:,} users, per due row",
        f"{seconds / max(claimed, 1) * 1e6:.0f} µs",
        f"{claimed:,} claimed, {sent[0]:,} sent in {seconds:.2f} s (no network)",
    )
    table.add(
        "sweep capacity vs Telegram's pace",
        f"{claimed / seconds:,.0f} rows/s",
        f"{claimed / seconds / 25:.0f}× the 25 messages/s the bot may send",
    )
    table.add(
        "RSS after a sweep at 0 / 100k users",
        f"{rss_empty:.0f} / {rss_full:.0f} MiB",
        f"ratio {rss_full / rss_empty:.2f}× (no per-user jobs or timers in memory)",
    )
