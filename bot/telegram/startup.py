"""Start-up pieces of the Telegram bot: the Bot API client, its clock, and reaching Telegram.

Kept apart from `app.py` (the routing table) so start-up behaviour can change on its own.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import InvalidToken, TelegramError
from telegram.ext import AIORateLimiter, Defaults

from bot.logs import quiet_rate_limiter
from bot.settings import Settings
from bot.telegram.extbot import AdvisorBot
from bot.telegram.request import AiohttpRequest

log = logging.getLogger("aipath.bot")


def clock_for(settings: Settings) -> Callable[[], datetime]:
    """The bot's clock: real UTC time, or (tests) time running from AIPATH_CLOCK_START."""
    start = settings.clock_start
    if start is None:
        return lambda: datetime.now(UTC)
    began = time.monotonic()
    return lambda: start + timedelta(seconds=time.monotonic() - began)


def make_bot(
    settings: Settings,
    *,
    max_retries: int,
    pool_size: int,
    read_timeout: float = 5.0,
    answer_by: float | None = None,
) -> AdvisorBot:
    """The Bot API client: HTML replies without link previews; 429s honoured with retries."""
    assert settings.token is not None
    quiet_rate_limiter()  # a 429 outlasting the retries is a WARNING, not an ERROR
    return AdvisorBot(
        settings.token,
        base_url=settings.telegram_api_base_url,
        base_file_url=settings.telegram_api_base_file_url or "https://api.telegram.org/file/bot",
        # aiohttp instead of PTB's httpx: a third of the CPU per update (bot/telegram/request.py).
        request=AiohttpRequest(pool_size, read_timeout=read_timeout),
        # Unused (bot/telegram/polling.py fetches updates); given so PTB makes no httpx client.
        get_updates_request=AiohttpRequest(1),
        defaults=Defaults(
            parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)
        ),
        # Replies to people are not throttled (the bot answers as fast as it can); 429s are
        # honoured with retries. Bulk nudges are paced by the reminder sweep itself.
        rate_limiter=AIORateLimiter(overall_max_rate=0, max_retries=max_retries),
        **({} if answer_by is None else {"answer_by": answer_by}),
    )


class TokenRejected(Exception):
    """Telegram refused the token (HTTP 401/404): nothing to retry, the operator must fix it."""


CONNECT_BACKOFF = (1.0, 2.0, 5.0, 10.0, 30.0)
"""Pauses between attempts to reach Telegram at start-up; the last repeats until it works."""


async def wait_for_telegram(
    settings: Settings, *, backoff: Sequence[float] = CONNECT_BACKOFF
) -> None:
    """Reach Telegram once before starting: a wrong token raises TokenRejected at once; no
    network logs one line per attempt and retries with backoff (never a traceback)."""
    from telegram import Bot

    assert settings.token is not None
    attempt = 0
    while True:
        bot = Bot(settings.token, base_url=settings.telegram_api_base_url)
        try:
            async with bot:  # initialize() calls getMe
                return
        except InvalidToken:
            raise TokenRejected from None
        except TelegramError as exc:
            pause = backoff[min(attempt, len(backoff) - 1)]
            attempt += 1
            log.warning(
                "event=telegram_unreachable attempt=%d retry_in=%.0fs error=%s",
                attempt,
                pause,
                type(exc).__name__,
            )
            await asyncio.sleep(pause)
