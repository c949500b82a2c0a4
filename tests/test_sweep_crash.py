"""A real bot process killed mid-sweep: every nudge it had claimed is delivered exactly once."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.reminders import CLAIM_LEASE, epoch
from bench.common import insert_due_reminders
from bot.storage import Storage, open_storage
from flows.engine import Conversation
from flows.schedule import ReminderSchedule
from tests.bot_process import spawn_bot
from tests.conftest import BASE_PROFILE
from tests.fake_telegram import FakeTelegram

NOW = datetime(2026, 11, 23, 18, 5, tzinfo=UTC)  # Monday 18:05 UTC: the default nudge is due
USERS = range(7001, 7021)


async def seed(db: Path) -> None:
    storage = await open_storage(db)
    schedule = ReminderSchedule(timezone="UTC").model_dump_json()
    await insert_due_reminders(storage, 
        ((u, schedule, epoch(NOW - timedelta(minutes=5))) for u in USERS), now=NOW
    )
    finished = Conversation(state="recommendation", answers=BASE_PROFILE)
    for user_id in USERS:
        await storage.save_conversation(user_id, finished, now=NOW, chat_id=user_id)
    await storage.close()


async def start(tg: FakeTelegram, db: Path, clock_start: datetime) -> asyncio.subprocess.Process:
    return await spawn_bot(
        db,
        tg.token,
        tg.base_url,
        AIPATH_REMINDER_SWEEP_SECONDS="1",
        AIPATH_CLOCK_START=clock_start.isoformat(),
    )


def claimed_rows(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT COUNT(*) FROM reminders WHERE claimed_at IS NOT NULL")
        return int(row.fetchone()[0])


async def test_nudges_claimed_by_a_killed_sweep_are_sent_exactly_once(tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    await seed(db)
    async with FakeTelegram() as tg:
        tg.hold_sends()  # the sweep claims and starts sending; nothing reaches Telegram
        first = await start(tg, db, NOW)
        await tg.wait_held_sends(1, timeout=60)
        first.send_signal(signal.SIGKILL)
        await first.wait()
        stranded = claimed_rows(db)
        assert stranded > 0
        assert not [r for r in tg.requests if r.method == "sendMessage" and r.ok]
        tg.release_sends()

        second = await start(tg, db, NOW + CLAIM_LEASE + timedelta(minutes=1))
        try:

            def delivered() -> Counter[int]:
                return Counter(
                    int(r.params["chat_id"])
                    for r in tg.requests
                    if r.method == "sendMessage" and r.ok
                )

            await tg.wait_for(lambda r: len(delivered()) == len(USERS), timeout=60)
            marker = tg.mark()
            # Two more sweeps (≥ 2 s) of polling traffic: nothing may be sent again.
            await tg.wait_for(lambda r: r.method == "getUpdates", timeout=30, since=marker)
        finally:
            second.send_signal(signal.SIGTERM)
            await asyncio.wait_for(second.wait(), 30)
        counts = delivered()
        assert tg.violations == []  # every nudge within Telegram's limits
    print(f"{stranded} claims stranded by SIGKILL; delivered {sum(counts.values())} nudges")
    assert counts == Counter(dict.fromkeys(USERS, 1))
    assert claimed_rows(db) == 0
