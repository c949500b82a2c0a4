"""Builds the PTB Application and runs it (long polling, or a webhook when configured)."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

from telegram import BotCommand
from telegram.error import Forbidden, TelegramError
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
from bot.heap import settle_after_startup
from bot.logs import configure_logging
from bot.settings import Settings, describe
from bot.storage import StorageOptions, open_storage
from bot.sweep import NUDGES_PER_SECOND, Blocked, NudgeNotSent, Sweep
from bot.telegram import webhook
from bot.telegram.delivery import send_chunks
from bot.telegram.handlers import conversation, errors, group, operator
from bot.telegram.polling import polling, serve_polling
from bot.telegram.presence import publish_presence
from bot.telegram.processor import PerUserUpdateProcessor
from bot.telegram.render import render
from bot.telegram.runtime import KEY, Runtime, runtime
from bot.telegram.send_policy import OutcomeUnknown
from bot.telegram.startup import (
    TokenRejected,
    clock_for,
    make_bot,
    wait_for_telegram,
)
from bot.telegram.texts import load_telegram_text
from flows.content import Content, default_content
from flows.reply import Reply
from flows.turn.context import Dialogues
from flows.turn.routes import COMMAND_ROUTES, COMMANDS

log = logging.getLogger("aipath.bot")

PRIVATE = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
PRESENCE = "presence-task"
"""bot_data key of the start-up task that sets the description and commands (kept referenced)."""


def bot_commands(content: Content) -> list[BotCommand]:
    """The command menu: the commands routes.py puts in it, in its order, described in content."""
    return [BotCommand(r.name, content.chat.commands[r.name]) for r in COMMAND_ROUTES if r.menu]


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
    """The one repeating job: send every due reminder (see bot.sweep)."""
    rt = runtime(context)
    if not await rt.storage.sweep_lease():  # another worker sweeps (PostgreSQL)
        return

    async def send(chat_id: int, reply: Reply) -> None:
        delay = await rt.storage.nudge_delay(NUDGES_PER_SECOND)  # the pace across workers
        if delay > 0:
            await asyncio.sleep(delay)
        try:
            await send_chunks(context.bot, chat_id, render(reply))
        except OutcomeUnknown as exc:
            # Maybe delivered: counted as sent, so no later sweep sends it a second time.
            log.info("event=nudge_unconfirmed chat=%s error=%s", chat_id, exc.method)
        except Forbidden as exc:
            raise Blocked from exc
        except TelegramError as exc:  # 429 beyond the limiter's retries, network
            raise NudgeNotSent(type(exc).__name__) from exc

    stats = await rt.sweep.run(send)
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
    read_timeout: float = 5.0,
    answer_by: float | None = None,
    own_process: bool = False,
) -> Application:  # type: ignore[type-arg]
    """The whole bot, ready for `serve_polling`, `webhook.serve` or `running` in tests.

    `read_timeout`: seconds a Bot API call may wait for its answer before its outcome is
    unknown; `answer_by`: seconds after which a slow turn's button press is answered without
    its toast (default bot.telegram.callback_answers.ANSWER_BY); `own_process`: the bot is
    this process's only application (`run_bot`), so once started its garbage collector is set
    for a long run (bot/heap.py)."""
    assert settings.token is not None
    content = default_content()
    dialogues = Dialogues.build(
        content,
        default_timezone=settings.default_timezone,
        resume_after=timedelta(minutes=settings.resume_after_minutes),
    )
    words = load_telegram_text()

    async def on_startup(app: Application) -> None:  # type: ignore[type-arg]
        retry, lease = settings.database_retry_seconds, settings.claim_lease_seconds
        storage = await open_storage(settings.database, StorageOptions(retry, lease, "live"))
        if isinstance(app.update_processor, PerUserUpdateProcessor):
            app.update_processor.hold_turns_with(storage.user_turn)
        dispatcher = Dispatcher(dialogues, storage, clock=clock)
        sweep = Sweep(dialogues, storage, clock=clock, pace_per_second=NUDGES_PER_SECOND)
        app.bot_data[KEY] = Runtime(
            settings, dialogues.engine, storage, dispatcher, clock, words, sweep
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
                commands=bot_commands(content),
            )
        )
        # The meaning model (flows/asking/meaning.py) loads now, not on the first person's question.
        await asyncio.to_thread(dialogues.engine.views.index.meaning_index)
        if own_process:  # start-up is done: everything it built lives as long as the process
            settle_after_startup()
        log.info("event=started bot=%s database=%s", app.bot.username, describe(settings.database))

    async def on_shutdown(app: Application) -> None:  # type: ignore[type-arg]
        presence = app.bot_data.get(PRESENCE)
        if isinstance(presence, asyncio.Task) and not presence.done():
            presence.cancel()
        runtime = app.bot_data.get(KEY)
        if isinstance(runtime, Runtime):
            await runtime.storage.close()
        log.info("event=stopped")

    bot = make_bot(
        settings,
        max_retries=max_retries,
        pool_size=pool_size,
        read_timeout=read_timeout,
        answer_by=answer_by,
    )
    builder = (
        Application.builder()
        .bot(bot)
        .updater(None)  # updates come from bot/telegram/polling.py or bot/telegram/webhook.py
        .concurrent_updates(
            PerUserUpdateProcessor(concurrency, callback_answers=bot.callback_answers)
        )
        .post_init(on_startup)
        .post_shutdown(on_shutdown)
    )
    app = builder.build()
    add_handlers(app)
    return app


@asynccontextmanager
async def running(app: Application, *, poll_timeout: int = 10) -> AsyncIterator[None]:  # type: ignore[type-arg]
    """Start the bot with long polling inside an existing event loop (tests, benchmarks)."""
    async with polling(app, poll_seconds=poll_timeout):
        yield


def run_bot(settings: Settings) -> int:
    insecure = settings.webhook_url is not None and settings.webhook_secret is None
    if insecure and not settings.webhook_insecure:
        print(
            "aipath: AIPATH_WEBHOOK_SECRET is not set, so anyone who learns the webhook URL could "
            "post updates as any user; set it (or AIPATH_WEBHOOK_INSECURE=1 to run without)",
            file=sys.stderr,
        )
        return 2
    configure_logging(settings.log_level)
    if insecure:
        log.warning("event=webhook_insecure detail=no_secret_token_AIPATH_WEBHOOK_INSECURE=1")
    try:
        asyncio.run(wait_for_telegram(settings))
        app = build_application(settings, clock=clock_for(settings), own_process=True)
        asyncio.run(_serve(app, settings))
    except TokenRejected:
        print(
            "aipath: Telegram rejected TELEGRAM_BOT_TOKEN; check it with @BotFather",
            file=sys.stderr,
        )
        return 2
    return 0


async def _serve(app: Application, settings: Settings) -> None:  # type: ignore[type-arg]
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    if settings.webhook_url is not None:
        await webhook.serve(app, settings, stop)
    else:
        await serve_polling(app, stop)
