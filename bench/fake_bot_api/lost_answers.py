"""Calls carried out whose answer the client may never have seen, under injected faults.

Why: while faults are injected a client can lose any answer (to a fault, or to its own read
timeout while a fault elsewhere keeps it busy), so it may repeat an edit, a delete or a callback
answer that was already carried out. Telegram refuses the repeat ("not modified", "not found",
"query is too old"), and the fake answers the same, but that is not the bot's mistake, so it is
no violation.
"""

from __future__ import annotations

import json
from typing import Any


def repeat_key(method: str, params: dict[str, Any]) -> tuple[Any, ...] | None:
    """What a repeat of this call would act on again (None: a call Telegram never refuses)."""
    if method in {"editMessageText", "editMessageReplyMarkup"}:  # the same edit again
        markup = json.dumps(params.get("reply_markup"), sort_keys=True, default=str)
        where = (params.get("chat_id"), params.get("message_id"))
        return (method, *where, params.get("text"), params.get("parse_mode"), markup)
    if method == "deleteMessage":
        return (method, params.get("chat_id"), params.get("message_id"))
    if method == "answerCallbackQuery":
        return (method, params.get("callback_query_id"))
    return None


class LostAnswers:
    """The calls whose answers may have been lost, by what a repeat would act on again."""

    def __init__(self) -> None:
        self._unseen: set[tuple[Any, ...]] = set()

    def remember(self, method: str, params: dict[str, Any]) -> None:
        """A call was carried out while faults are injected: its answer may be lost."""
        key = repeat_key(method, params)
        if key is not None:
            self._unseen.add(key)

    def expected_repeat(self, method: str, params: dict[str, Any]) -> bool:
        """This call repeats one that was carried out but whose answer the client never got
        (an injected fault): Telegram refuses the repeat, and that is not the bot's mistake."""
        key = repeat_key(method, params)
        return key is not None and key in self._unseen  # kept: a repeat can lose its answer too
