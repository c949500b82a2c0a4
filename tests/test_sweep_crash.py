"""A real bot process killed mid-sweep with 25 nudges claimed: the restarted bot sends every
one of them in its first sweep, each exactly once, without waiting for the claim lease."""

from __future__ import annotations

import asyncio
import re
import signal
import sqlite3
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import insert_due_reminders, save_people
from bench.fake_bot_api import FakeTelegram
from bot.storage import open_storage
from bot.sweep import epoch
from flows.engine import Conversation
from flows.schedule import ReminderSchedule
from tests.bot_process import spawn_bot
from tests.conftest import BASE_PROFILE

NOW = datetime(2026, 11, 23, 18, 5, tzinfo=UTC)  # Monday 18:05 UTC: the default nudge is due
USERS = range(7001, 7041)
CLAIMED = 25  # the sweep claims a row right before sending it, 25 at a time


async def seed(db: Path) -> None:
    storage = await open_storage(db)
    schedule = ReminderSchedule(timezone="UTC").model_dump_json()
    due = epoch(NOW - timedelta(minutes=5))
    await insert_due_reminders(storage, ((u, schedule, due) for u in USERS), now=NOW)
    finished = Conversation(state="recommendation", answers=BASE_PROFILE)
    await save_people(storage, ((u, finished) for u in USERS), now=NOW)
    await storage.close()


def claimed_rows(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT COUNT(*) FROM reminders WHERE claimed_at IS NOT NULL")
        return int(row.fetchone()[0])


async def test_nudges_claimed_by_a_killed_sweep_are_sent_by_the_next_sweep_once(
    tmp_path: Path,
) -> None:
    db = tmp_path / "bot.db"
    await seed(db)
    async with FakeTelegram() as tg:
        tg.hold_sends()  # the sweep claims and starts sending; nothing reaches Telegram
        first = await spawn_bot(
            db, tg.token, tg.base_url, AIPATH_REMINDER_SWEEP_SECONDS="1",
            AIPATH_CLOCK_START=NOW.isoformat(),
        )  # fmt: skip
        await tg.wait_held_sends(CLAIMED, timeout=60)
        first.send_signal(signal.SIGKILL)
        await first.wait()
        stranded = claimed_rows(db)
        assert stranded == CLAIMED
        assert not [r for r in tg.requests if r.method == "sendMessage" and r.ok]
        tg.release_sends()

        # The same moment on the bot's clock, and a lease of an hour: only the claims' holder
        # being gone can free them.
        second = await spawn_bot(
            db, tg.token, tg.base_url, stderr=asyncio.subprocess.PIPE,
            AIPATH_REMINDER_SWEEP_SECONDS="5", AIPATH_CLOCK_START=NOW.isoformat(),
            AIPATH_CLAIM_LEASE_SECONDS="3600", AIPATH_LOG_LEVEL="INFO",
        )  # fmt: skip
        assert second.stderr is not None
        log = asyncio.create_task(second.stderr.read())
        try:

            def delivered() -> Counter[int]:
                return Counter(
                    int(r.params["chat_id"])
                    for r in tg.requests
                    if r.method == "sendMessage" and r.ok
                )

            await tg.wait_for(lambda r: len(delivered()) == len(USERS), timeout=60)
            marker = tg.mark()
            # More polling traffic: nothing may be sent again.
            await tg.wait_for(lambda r: r.method == "getUpdates", timeout=30, since=marker)
        finally:
            second.send_signal(signal.SIGTERM)
            await asyncio.wait_for(second.wait(), 30)
        counts = delivered()
        assert tg.violations == []  # every nudge within Telegram's limits
    sweeps = re.findall(r"event=sweep claimed=(\d+) sent=(\d+).* stale=(\d+)", (await log).decode())
    print(f"{stranded} claims stranded by SIGKILL; first sweep after restart: {sweeps[0]}")
    assert sweeps[0] == (str(len(USERS)), str(len(USERS)), str(CLAIMED))  # all in one sweep
    assert counts == Counter(dict.fromkeys(USERS, 1))
    assert claimed_rows(db) == 0
