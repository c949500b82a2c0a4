"""How processing one update ended, for a webhook that answers Telegram only afterwards.

Telegram delivers a webhook update again when the answer is not 2xx. The webhook
(bot/telegram/webhook.py) processes the update before answering and asks for a redelivery only
when that is safe and useful: processing failed with a transient error (the database or the
network was away) and nothing the person could see may have reached Telegram. A redelivered
update that was already committed is recognised by the recent-updates window and shows the
current screen once; one that was not is applied then.

The record is a context variable set around one update's processing: the error handler notes
the failure, the transport notes every call that could show something in the chat. Outside a
webhook request there is no record and noting costs one lookup.
"""

from __future__ import annotations

import sqlite3
from contextvars import ContextVar, Token
from dataclasses import dataclass
from typing import Final

import asyncpg

from bot.telegram.send_policy import is_transient as is_network_trouble

INVISIBLE: Final = frozenset({"answerCallbackQuery", "sendChatAction", "getMe", "getUpdates"})
"""Bot API methods that show nothing in the chat."""


@dataclass
class UpdateOutcome:
    failure: BaseException | None = None
    reached_chat: bool = False
    """A call that could show something in the chat may have reached Telegram."""

    @property
    def redeliver(self) -> bool:
        return self.failure is not None and is_transient(self.failure) and not self.reached_chat


_CURRENT: ContextVar[UpdateOutcome | None] = ContextVar("update_outcome", default=None)


def track() -> tuple[UpdateOutcome, Token[UpdateOutcome | None]]:
    """Start recording for the update about to be processed: (the record, a reset token)."""
    outcome = UpdateOutcome()
    return outcome, _CURRENT.set(outcome)


def stop_tracking(token: Token[UpdateOutcome | None]) -> None:
    _CURRENT.reset(token)


def note_failure(error: BaseException | None) -> None:
    outcome = _CURRENT.get()
    if outcome is not None and outcome.failure is None and error is not None:
        outcome.failure = error


def redelivery_due() -> bool:
    """This update failed in a way Telegram will be asked to deliver again (webhook only)."""
    outcome = _CURRENT.get()
    return outcome is not None and outcome.redeliver


def note_call(method: str) -> None:
    """A Bot API call that may have reached Telegram (not one certainly never sent)."""
    outcome = _CURRENT.get()
    if outcome is not None and method not in INVISIBLE:
        outcome.reached_chat = True


OUTAGES: Final = (
    sqlite3.OperationalError,
    asyncpg.PostgresConnectionError,
    asyncpg.CannotConnectNowError,
    asyncpg.InterfaceError,
    ConnectionError,
    TimeoutError,
)
"""Database and connection errors that end when the database is back."""


def is_transient(error: BaseException) -> bool:
    """The network or the database was away: trying again later can work. Causes count too:
    the storage's "still unavailable after its retries" is raised from the outage itself."""
    seen: BaseException | None = error
    while seen is not None:
        if is_network_trouble(seen) or isinstance(seen, OUTAGES):
            return True
        seen = seen.__cause__
    return False
