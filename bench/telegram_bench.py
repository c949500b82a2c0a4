"""Nudge delivery through the bot against a fake Bot API server on 127.0.0.1, in one process.

It measures pacing (messages per second and the busiest second), which does not depend on where
the processes run. Throughput and latency under load are measured with the bot as its own
process: see bench/telegram_process_bench.py.
"""

from __future__ import annotations

import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import Table, insert_due_reminders, save_people
from bench.fake_bot_api import FakeTelegram
from bench.storage_bench import PROFILE
from bench.telegram_driver import FakeClock, settings_for
from bot.storage import open_storage
from bot.sweep import epoch
from bot.telegram.app import build_application, running, sweep_job
from bot.telegram.runtime import KEY
from flows.engine import Conversation
from flows.schedule import ReminderSchedule


async def delivery(table: Table, nudges: int) -> None:
    """Due nudges sent through the bot's rate limiter: the pace must stay under 25/s."""
    now = datetime(2026, 11, 23, 18, tzinfo=UTC)
    clock = FakeClock(now)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "nudges.db"
        storage = await open_storage(db)
        schedule = ReminderSchedule(timezone="UTC").model_dump_json()
        await insert_due_reminders(
            storage,
            ((u, schedule, epoch(now - timedelta(minutes=1))) for u in range(1, nudges + 1)),
            now=now,
        )
        finished = Conversation(state="recommendation", answers=PROFILE)
        await save_people(storage, ((u, finished) for u in range(1, nudges + 1)), now=now)
        await storage.close()
        async with FakeTelegram() as tg:
            settings = settings_for(tg, db, AIPATH_LOG_LEVEL="WARNING")
            app = build_application(settings, clock=clock)
            async with running(app, poll_timeout=1):

                class Context:
                    bot = app.bot
                    bot_data = app.bot_data

                mark = len(tg.requests)
                start = time.monotonic()
                await sweep_job(Context())  # type: ignore[arg-type]
                sent = [r for r in tg.requests[mark:] if r.method == "sendMessage"]
                seconds = time.monotonic() - start
                stats_users = len(sent)
                assert app.bot_data[KEY] is not None
    busiest = max(sum(1 for r in sent if s.time <= r.time < s.time + 1) for s in sent)
    table.add(
        f"nudge delivery: {stats_users} due at once",
        f"{stats_users / seconds:.1f} msg/s",
        f"target under 25/s (Telegram allows ~30/s); busiest 1-second window: {busiest} messages",
    )


async def run(table: Table, *, quick: bool = False) -> None:
    await delivery(table, nudges=100 if quick else 250)
