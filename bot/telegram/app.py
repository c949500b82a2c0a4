"""Builds the PTB Application and runs it (long polling, or a webhook when configured)."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

from telegram import BotCommand, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.clock import Clock, utc_now
from bot.dispatcher import Dispatcher
from bot.logs import configure_logging
from bot.plans import Plans
from bot.reminders import NUDGES_PER_SECOND, Reminders
from bot.settings import Settings
from bot.storage import StorageOptions, describe, open_storage
from bot.telegram import webhook
from bot.telegram.delivery import send_chunks
from bot.telegram.handlers import conversation, errors, group, operator
from bot.telegram.presence import publish_presence
from bot.telegram.processor import PerUserUpdateProcessor
from bot.telegram.render import render
from bot.telegram.runtime import KEY, Runtime, runtime
from bot.telegram.startup import (
    TokenRejected,
    clock_for,
    make_bot,
    wait_for_telegram,
)
from bot.telegram.texts import load_telegram_text
from flows.content import default_content
from flows.engine import Engine
from flows.events import COMMANDS
from flows.reply import Reply

log = logging.getLogger("aipath.bot")

PRIVATE = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
MENU = (
    "start",
    "help",
    "back",
    "restart",
    "profile",
    "recommendation",
    "plan",
    "faq",
    "reminders",
    "progress",
    "export",
    "privacy",
    "delete",
)
PRESENCE = "presence-task"
"""bot_data key of the start-up task that sets the description and commands (kept referenced)."""


def bot_commands(engine: Engine, extra: dict[str, str]) -> list[BotCommand]:
    descriptions = {**engine.text.commands, **engine.content.reminders.commands, **extra}
    return [BotCommand(name, descriptions[name]) for name in MENU]


def add_handlers(app: Application) -> None:  # type: ignore[type-arg]
    """The routing table: which kind of update goes to which translator. Which dialogue owns
    an update is not decided here but in `bot.dispatcher`; button data is decoded there too."""
    app.add_handler(
        MessageHandler(filters.ChatType.GROUPS & filters.UpdateType.MESSAGE, group.on_group_message)
    )
    app.add_handler(CommandHandler(list(COMMANDS), conversation.on_command, filters=PRIVATE))
    app.add_handler(CommandHandler("stats", operator.on_stats, filters=PRIVATE))
    app.add_handler(MessageHandler(PRIVATE & filters.COMMAND, conversation.on_unknown_command))
    app.add_handler(MessageHandler(PRIVATE & filters.TEXT, conversation.on_text))
    app.add_handler(
        MessageHandler(
            PRIVATE & ~filters.TEXT & ~filters.StatusUpdate.ALL, conversation.on_non_text
        )
    )
    app.add_handler(CallbackQueryHandler(conversation.on_press))
    app.add_error_handler(errors.on_error)


async def sweep_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The one repeating job: send every due reminder (see bot.reminders)."""
    rt = runtime(context)
    if not await rt.storage.sweep_lease():  # another worker sweeps (PostgreSQL)
        return

    async def send(chat_id: int, reply: Reply) -> None:
        delay = await rt.storage.nudge_delay(NUDGES_PER_SECOND)  # the pace across workers
        if delay > 0:
            await asyncio.sleep(delay)
        await send_chunks(context.bot, chat_id, render(reply))

    stats = await rt.reminders.sweep(send)
    if stats.claimed or stats.skipped_stale:
        log.info(
            "event=sweep claimed=%d sent=%d deferred=%d blocked=%d failed=%d stale=%d",
            stats.claimed,
            stats.sent,
            stats.deferred,
            stats.blocked,
            stats.failed,
            stats.skipped_stale,
        )


def build_application(
    settings: Settings,
    *,
    clock: Clock = utc_now,
    max_retries: int = 3,
    concurrency: int = 64,
    pool_size: int = 64,
) -> Application:  # type: ignore[type-arg]
    """The whole bot, ready for `run_polling`, `run_webhook` or manual start in tests."""
    assert settings.token is not None
    engine = Engine(default_content())
    words = load_telegram_text()

    async def on_startup(app: Application) -> None:  # type: ignore[type-arg]
        storage = await open_storage(settings.database, StorageOptions.of(settings, "live"))
        if isinstance(app.update_processor, PerUserUpdateProcessor):
            app.update_processor.hold_turns_with(storage.user_turn)
        plans = Plans(engine, storage, clock)
        reminders = Reminders(
            plans,
            storage,
            engine.content.reminders,
            clock=clock,
            default_timezone=settings.default_timezone,
            pace_per_second=NUDGES_PER_SECOND,
        )
        dispatcher = Dispatcher(
            engine,
            storage,
            plans,
            reminders,
            words,
            clock=clock,
            resume_after=timedelta(minutes=settings.resume_after_minutes),
        )
        app.bot_data[KEY] = Runtime(
            settings, engine, storage, dispatcher, clock, words, plans, reminders
        )
        if app.job_queue is not None and settings.sweep_seconds > 0:
            app.job_queue.run_repeating(
                sweep_job, interval=settings.sweep_seconds, first=1, name="reminder-sweep"
            )
        # Description and command menu: retried in the background, never fatal.
        app.bot_data[PRESENCE] = asyncio.get_running_loop().create_task(
            publish_presence(
                app.bot,
                description=words.messages["description"],
                short_description=words.messages["short_description"],
                commands=bot_commands(engine, words.commands),
            )
        )
        log.info("event=started bot=%s database=%s", app.bot.username, describe(settings.database))

    async def on_shutdown(app: Application) -> None:  # type: ignore[type-arg]
        presence = app.bot_data.get(PRESENCE)
        if isinstance(presence, asyncio.Task) and not presence.done():
            presence.cancel()
        runtime = app.bot_data.get(KEY)
        if isinstance(runtime, Runtime):
            await runtime.storage.close()
        log.info("event=stopped")

    builder = (
        Application.builder()
        .bot(make_bot(settings, max_retries=max_retries, pool_size=pool_size))
        .concurrent_updates(PerUserUpdateProcessor(concurrency))
        .post_init(on_startup)
        .post_shutdown(on_shutdown)
    )
    app = builder.build()
    add_handlers(app)
    return app


@asynccontextmanager
async def running(app: Application, *, poll_timeout: int = 10) -> AsyncIterator[None]:  # type: ignore[type-arg]
    """Start the bot with long polling inside an existing event loop (tests, benchmarks).

    Does what `run_polling` does, minus owning the loop and the signal handlers.
    """
    await app.initialize()
    if app.post_init:
        await app.post_init(app)
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(
        poll_interval=0, timeout=timedelta(seconds=poll_timeout), allowed_updates=Update.ALL_TYPES
    )
    try:
        yield
    finally:
        await app.updater.stop()
        await app.stop()
        if app.post_stop:
            await app.post_stop(app)
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)


def run_bot(settings: Settings) -> int:
    configure_logging(settings.log_level)
    try:
        asyncio.run(wait_for_telegram(settings))
    except TokenRejected:
        print(
            "aipath: Telegram rejected TELEGRAM_BOT_TOKEN; check it with @BotFather",
            file=sys.stderr,
        )
        return 2
    asyncio.set_event_loop(asyncio.new_event_loop())  # asyncio.run closed the previous one
    app = build_application(settings, clock=clock_for(settings))
    if settings.webhook_url is not None:
        asyncio.run(_serve_webhook(app, settings))
    else:
        app.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0


async def _serve_webhook(app: Application, settings: Settings) -> None:  # type: ignore[type-arg]
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await webhook.serve(app, settings, stop)
