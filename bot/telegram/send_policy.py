"""When a failed Bot API call may be made again: at most once when the outcome is unknown.

A call that failed in transit either never reached Telegram or reached it and was carried out
with the answer lost on the way back (a read timeout, a connection reset, a 5xx from the edge).
The client cannot tell these apart, so repeating a send after them is how a person gets the same
message twice. The transport (`bot/telegram/request.py`) therefore says which case it saw:

- `NotSent`: the request was certainly never written (no connection could be made, no pooled
  connection became free): safe to repeat for every method.
- `OutcomeUnknown`: the request was written and no answer came, or Telegram's edge answered 5xx:
  Telegram may have acted. Repeated only for methods whose repetition cannot show anything twice
  (`REPEATABLE`); a send is not repeated and the error reaches the caller, which records the
  screen as unconfirmed (the next turn re-shows or edits the current screen).

429 answers are Telegram saying it did not act; PTB's `AIORateLimiter` waits `retry_after` and
repeats them (configured in `bot/telegram/startup.py`). Telegram's refusals (400, 403) are final.
The per-method table is written out in the README's reliability section.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Final, TypeVar

from telegram.error import NetworkError, RetryAfter

log = logging.getLogger("aipath.delivery")
T = TypeVar("T")

REPEATABLE: Final = frozenset(
    {
        # Editing to the same content again is refused as "not modified": nothing shows twice.
        "editMessageText",
        "editMessageReplyMarkup",
        "editMessageCaption",
        # A second delete finds nothing ("message to delete not found").
        "deleteMessage",
        # A second answer is refused ("query is too old"); the first one stood.
        "answerCallbackQuery",
        # A second "sending a photo…" only restarts the indicator.
        "sendChatAction",
        # Settings and reads: the same value set twice.
        "getMe",
        "setMyCommands",
        "deleteMyCommands",
        "setMyDescription",
        "setMyShortDescription",
        "setWebhook",
        "deleteWebhook",
        "getWebhookInfo",
    }
)
"""Bot API methods that may be repeated after an unknown outcome. Everything else (sendMessage,
sendPhoto, sendDocument, …) creates something new each time and is repeated only after
`NotSent`."""

ATTEMPTS: Final = 4
PAUSE: Final = 0.25
"""Attempts per call and the first pause between them (doubling): about 2 s of pauses in all,
well inside Telegram's 15 s for answering a button and short enough not to hold a person's
next update for long."""


class NotSent(NetworkError):
    """The request never left this process (no connection): Telegram certainly did not act."""

    def __init__(self, method: str, detail: str) -> None:
        super().__init__(f"{method} not sent: {detail}")
        self.method = method


class OutcomeUnknown(NetworkError):
    """The request was sent and no usable answer came back: Telegram may or may not have acted.

    Raised for read timeouts, connection resets after the request was written, and 5xx answers.
    `method` is the Bot API method, so a caller can tell a lost edit from a lost send."""

    def __init__(self, method: str, detail: str) -> None:
        super().__init__(f"{method} outcome unknown: {detail}")
        self.method = method


def may_repeat(error: BaseException) -> bool:
    """Whether a call that failed with `error` may be made again without risking a duplicate."""
    if isinstance(error, NotSent):
        return True
    return isinstance(error, OutcomeUnknown) and error.method in REPEATABLE


def is_transient(error: BaseException | None) -> bool:
    """A network trouble (not a refusal, not a bug): worth a WARNING line, not an ERROR."""
    return isinstance(error, NetworkError | RetryAfter)


async def with_retries(
    call: Callable[[], Awaitable[T]],
    *,
    attempts: int = ATTEMPTS,
    pause: float = PAUSE,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    """Make a Bot API call, repeating it only when that cannot show anything twice.

    Repeats after `NotSent` (any method) and after `OutcomeUnknown` for `REPEATABLE` methods, a
    bounded number of times with doubling pauses. Anything else is raised at once: Telegram's
    refusals, a 429 the rate limiter already waited out, and an unknown outcome of a send,
    which the caller must treat as "maybe shown" and never send again.
    """
    for attempt in range(1, attempts + 1):
        try:
            return await call()
        except NetworkError as exc:
            if attempt == attempts or not may_repeat(exc):
                raise
            log.info("event=bot_api_retry attempt=%d of=%d error=%s", attempt, attempts, _name(exc))
        await sleep(pause * 2 ** (attempt - 1))
    raise AssertionError("unreachable")


def _name(error: BaseException) -> str:
    method = getattr(error, "method", None)
    return f"{type(error).__name__}({method})" if method else type(error).__name__
