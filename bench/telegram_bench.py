"""The bot against a fake Bot API server on 127.0.0.1, next to a bare PTB echo bot.

Both bots get the same load in the same run: every simulated user sends /start, then taps a
button twelve times, each time waiting for the bot's answer (a closed loop, like a person).
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, ContextTypes, MessageHandler, filters

from bench.common import Table, median, percentile
from bench.storage_bench import PROFILE
from bot.reminders import epoch
from bot.storage import Storage
from bot.telegram.app import build_application, running, sweep_job
from bot.telegram.runtime import KEY
from flows.actions import Begin, Confirm, Pick, decode
from flows.engine import Conversation
from flows.schedule import ReminderSchedule
from tests.fake_telegram import FakeTelegram
from tests.telegram_driver import FakeClock, buttons_of, settings_for

INTERVIEW = [
    "begin",
    "production",
    "3",
    "bachelor_cs",
    "applied_ml",
    "industry",
    "no",
    "15000",
    "no",
    "20",
    "structured",
    "confirm",
]
"""The button pressed at each step: an answer's value, or the begin / confirm button."""


def wanted(data: str, step: str) -> bool:
    """Whether a button's callback data is this step's press (see flows.actions)."""
    action = decode(data)
    if isinstance(action, Pick):
        return action.value == step
    return (step, type(action)) in (("begin", Begin), ("confirm", Confirm))


REPLIES = frozenset({"sendMessage", "editMessageText"})


async def user_session(tg: FakeTelegram, user_id: int, latencies: list[float], echo: bool) -> None:
    """One person: /start, then twelve taps, each after the previous answer arrived."""

    async def reply_after(mark: int) -> Any:
        return await tg.wait_for(
            lambda r: r.method in REPLIES and r.chat_id == user_id and bool(buttons_of(r.params)),
            timeout=60,
            since=mark,
        )

    mark = len(tg.requests)
    start = time.monotonic()
    tg.push_text(user_id, "/start")
    reply = await reply_after(mark)
    latencies.append(reply.time - start)
    message_id = reply.result["message_id"]
    for action in INTERVIEW:
        data = (
            "echo"
            if echo
            else next(
                b["callback_data"]
                for b in buttons_of(reply.params)
                if wanted(b["callback_data"], action)
            )
        )
        mark = len(tg.requests)
        start = time.monotonic()
        tg.push_callback(user_id, data, message_id)
        reply = await reply_after(mark)
        latencies.append(reply.time - start)
        if reply.method == "sendMessage":
            message_id = reply.result["message_id"]


def echo_application(tg: FakeTelegram) -> Application:  # type: ignore[type-arg]
    """A bare PTB bot doing the same Bot API calls per update, with no engine or database."""
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("again", callback_data="echo")]])

    async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await update.message.reply_text(update.message.text or "", reply_markup=keyboard)

    async def on_press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer()
        await query.edit_message_text(
            f"echo {query.data} {update.update_id}", reply_markup=keyboard
        )

    app = (
        Application.builder()
        .token(tg.token)
        .base_url(tg.base_url)
        .base_file_url(tg.base_file_url)
        .build()
    )
    app.add_handler(MessageHandler(filters.TEXT, on_text))
    app.add_handler(CallbackQueryHandler(on_press))
    return app


async def load(tg: FakeTelegram, users: int, echo: bool) -> tuple[float, list[float]]:
    latencies: list[float] = []
    first = 10_000_000
    start = time.monotonic()
    await asyncio.gather(*(user_session(tg, first + i, latencies, echo) for i in range(users)))
    return time.monotonic() - start, latencies


async def interviews(table: Table, users: int, delay_ms: float = 0) -> None:
    updates = users * (1 + len(INTERVIEW))
    results: dict[str, tuple[float, list[float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        async with (
            FakeTelegram(delay_ms=delay_ms) as tg,
            running(echo_application(tg), poll_timeout=1),
        ):
            results["echo"] = await load(tg, users, echo=True)
        async with FakeTelegram(delay_ms=delay_ms) as tg:
            settings = settings_for(tg, Path(tmp) / "bench.db", AIPATH_LOG_LEVEL="WARNING")
            async with running(build_application(settings), poll_timeout=1):
                results["bot"] = await load(tg, users, echo=False)
    rate = {k: updates / seconds for k, (seconds, _) in results.items()}
    p50 = {k: median(lat) * 1000 for k, (_, lat) in results.items()}
    p99 = {k: percentile(lat, 99) * 1000 for k, (_, lat) in results.items()}
    table.add(
        f"{users} users at once, {delay_ms:g} ms per API response: updates/s (bot / echo)",
        f"{rate['bot']:.0f} / {rate['echo']:.0f}",
        f"ratio {rate['bot'] / rate['echo']:.2f}× (target ≥ 1×)",
    )
    table.add(
        "latency p50 (bot / echo)",
        f"{p50['bot']:.1f} / {p50['echo']:.1f} ms",
        f"ratio {p50['bot'] / p50['echo']:.2f}×",
    )
    table.add(
        "latency p99 (bot / echo)",
        f"{p99['bot']:.1f} / {p99['echo']:.1f} ms",
        f"ratio {p99['bot'] / p99['echo']:.2f}× (target ≤ 1.5×)",
    )


async def delivery(table: Table, nudges: int) -> None:
    """Due nudges sent through the bot's rate limiter: the pace must stay under 25/s."""
    now = datetime(2026, 11, 23, 18, tzinfo=UTC)
    clock = FakeClock(now)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "nudges.db"
        storage = await Storage.open(db)
        schedule = ReminderSchedule(timezone="UTC").model_dump_json()
        await storage.bulk_insert_reminders(
            ((u, schedule, epoch(now - timedelta(minutes=1))) for u in range(1, nudges + 1)),
            now=now,
        )
        finished = Conversation(state="recommendation", answers=PROFILE)
        async with storage.transaction():
            for u in range(1, nudges + 1):
                await storage.save_conversation(u, finished, now=now, chat_id=u)
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
    users = 50 if quick else 200
    await interviews(table, users=users)  # CPU-bound: bot, fake server and users share a core
    await interviews(table, users=users, delay_ms=20)  # with a network-like response time
    await delivery(table, nudges=100 if quick else 250)
