"""Builds the PTB Application and runs it (long polling, or a webhook when configured)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

from telegram import BotCommand, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    MessageHandler,
    filters,
)

from bot.advisor import Advisor, Clock, utc_now
from bot.logs import configure_logging
from bot.settings import Settings
from bot.storage import Storage
from bot.telegram.handlers import account, conversation, errors, group, other
from bot.telegram.processor import PerUserUpdateProcessor
from bot.telegram.runtime import KEY, Runtime
from bot.telegram.texts import load_telegram_text
from flows.content import default_content
from flows.engine import Engine
from flows.events import COMMANDS

log = logging.getLogger("aipath.bot")

PRIVATE = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
ENGINE_COMMANDS = tuple(c for c in COMMANDS if c != "start")
MENU = (
    "start",
    "help",
    "back",
    "restart",
    "profile",
    "recommendation",
    "plan",
    "faq",
    "privacy",
    "delete",
)


def bot_commands(engine: Engine, extra: dict[str, str]) -> list[BotCommand]:
    descriptions = {**engine.text.commands, **extra}
    return [BotCommand(name, descriptions[name]) for name in MENU]


def add_handlers(app: Application) -> None:  # type: ignore[type-arg]
    """The routing table: which update goes to which handler. Order matters within group 0."""
    app.add_handler(
        MessageHandler(filters.ChatType.GROUPS & filters.UpdateType.MESSAGE, group.on_group_message)
    )
    app.add_handler(CommandHandler("start", conversation.on_start, filters=PRIVATE))
    app.add_handler(CommandHandler(list(ENGINE_COMMANDS), conversation.on_command, filters=PRIVATE))
    app.add_handler(CommandHandler("privacy", account.on_privacy, filters=PRIVATE))
    app.add_handler(CommandHandler("delete", account.on_delete, filters=PRIVATE))
    app.add_handler(MessageHandler(PRIVATE & filters.COMMAND, other.on_unknown_command))
    app.add_handler(MessageHandler(PRIVATE & filters.TEXT, conversation.on_text))
    app.add_handler(
        MessageHandler(PRIVATE & ~filters.TEXT & ~filters.StatusUpdate.ALL, other.on_non_text)
    )
    app.add_handler(CallbackQueryHandler(account.on_delete_answer, pattern=account.DELETE_PATTERN))
    app.add_handler(CallbackQueryHandler(conversation.on_press))
    app.add_error_handler(errors.on_error)


def build_application(
    settings: Settings, *, clock: Clock = utc_now, max_retries: int = 3
) -> Application:  # type: ignore[type-arg]
    """The whole bot, ready for `run_polling`, `run_webhook` or manual start in tests."""
    assert settings.token is not None
    engine = Engine(default_content())
    words = load_telegram_text()

    async def on_startup(app: Application) -> None:  # type: ignore[type-arg]
        storage = await Storage.open(settings.database)
        advisor = Advisor(
            engine,
            storage,
            clock=clock,
            resume_after=timedelta(minutes=settings.resume_after_minutes),
        )
        app.bot_data[KEY] = Runtime(settings, engine, storage, advisor, words)
        await app.bot.set_my_commands(bot_commands(engine, words.commands))
        log.info("event=started bot=%s database=%s", app.bot.username, settings.database)

    async def on_shutdown(app: Application) -> None:  # type: ignore[type-arg]
        runtime = app.bot_data.get(KEY)
        if isinstance(runtime, Runtime):
            await runtime.storage.close()
        log.info("event=stopped")

    builder = (
        Application.builder()
        .token(settings.token)
        .base_url(settings.telegram_api_base_url)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)
            )
        )
        .rate_limiter(AIORateLimiter(max_retries=max_retries))
        .concurrent_updates(PerUserUpdateProcessor(256))
        .post_init(on_startup)
        .post_shutdown(on_shutdown)
    )
    if settings.telegram_api_base_file_url:
        builder = builder.base_file_url(settings.telegram_api_base_file_url)
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
    await app.updater.start_polling(poll_interval=0, timeout=timedelta(seconds=poll_timeout),
                                    allowed_updates=Update.ALL_TYPES)
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
    app = build_application(settings)
    if settings.webhook_url is not None:
        app.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path="telegram",
            webhook_url=str(settings.webhook_url),
            secret_token=settings.webhook_secret.get_secret_value()
            if settings.webhook_secret
            else None,
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        app.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0
