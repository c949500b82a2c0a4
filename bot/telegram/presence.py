"""What the bot says about itself on Telegram: description, short description, command menu.

Set once at start-up from content. None of it is needed to answer people, so a failure never
stops the bot: each call is retried a few times in the background and then logged and dropped.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence

from telegram import Bot, BotCommand
from telegram.error import RetryAfter, TelegramError

log = logging.getLogger("aipath.bot")

RETRY_DELAYS: tuple[float, ...] = (1.0, 5.0, 30.0)
"""Seconds before each retry (a flood wait's own `retry_after` is used when longer)."""


async def _with_retries(
    name: str, call: Callable[[], Awaitable[object]], delays: Sequence[float]
) -> bool:
    for attempt, delay in enumerate([0.0, *delays]):
        if delay:
            await asyncio.sleep(delay)
        try:
            await call()
            return True
        except RetryAfter as exc:
            wait = exc.retry_after
            seconds = wait if isinstance(wait, int | float) else wait.total_seconds()
            log.warning(
                "event=presence_retry call=%s attempt=%d flood_wait=%s", name, attempt + 1, seconds
            )
            if attempt < len(delays):
                await asyncio.sleep(max(0.0, seconds - delays[attempt]))
        except TelegramError as exc:
            log.warning(
                "event=presence_retry call=%s attempt=%d error=%s",
                name,
                attempt + 1,
                type(exc).__name__,
            )
    log.error("event=presence_failed call=%s", name)
    return False


async def publish_presence(
    bot: Bot,
    *,
    description: str,
    short_description: str,
    commands: Sequence[BotCommand],
    delays: Sequence[float] | None = None,
) -> bool:
    """Set the description, short description and commands; True when all three took."""
    delays = RETRY_DELAYS if delays is None else delays
    results = [
        await _with_retries("setMyCommands", lambda: bot.set_my_commands(commands), delays),
        await _with_retries(
            "setMyDescription", lambda: bot.set_my_description(description), delays
        ),
        await _with_retries(
            "setMyShortDescription",
            lambda: bot.set_my_short_description(short_description),
            delays,
        ),
    ]
    return all(results)
