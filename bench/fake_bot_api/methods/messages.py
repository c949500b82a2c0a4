"""sendMessage, editMessageText, editMessageReplyMarkup and deleteMessage, as Telegram answers them.

Why these together: they all act on the messages stored per chat (``FakeTelegram.messages``),
so an edit that changes nothing gets "message is not modified", an edit or delete of an unknown
message gets "not found", and a delete after 48 hours gets "message can't be deleted".
"""

from __future__ import annotations

import copy
from time import time as wall_clock
from typing import Any

from ..records import NOT_MODIFIED, ApiError
from ..state import FakeState, inline_markup


class MessageMethods(FakeState):
    """Sending, editing and deleting text messages."""

    async def _send_message(self, params: dict[str, Any]) -> dict[str, Any]:
        content = self._text_content(params, "text", "entities")
        return self._store_bot_message(params, content)

    async def _edit_message_text(self, params: dict[str, Any]) -> dict[str, Any]:
        stored = self._message_to_edit(params)
        if "text" not in stored:
            raise ApiError(
                400, "Bad Request: there is no text in the message to edit", violation=True
            )
        new = self._text_content(params, "text", "entities")
        markup = inline_markup(params.get("reply_markup"))
        unchanged = (
            new["text"] == stored["text"]
            and new.get("entities", []) == stored.get("entities", [])
            and markup == stored.get("reply_markup")
        )
        raced = self._edit_answered(params, changed=not unchanged)
        if unchanged:
            repeat = self._lost_answers.expected_repeat("editMessageText", params)
            raise ApiError(400, NOT_MODIFIED, violation=not (repeat or raced))
        stored.pop("entities", None)
        stored.update(new, edit_date=int(wall_clock()))
        self._apply_markup(stored, markup)
        return copy.deepcopy(stored)

    async def _edit_message_reply_markup(self, params: dict[str, Any]) -> dict[str, Any]:
        stored = self._message_to_edit(params)
        markup = inline_markup(params.get("reply_markup"))
        raced = self._edit_answered(params, changed=markup != stored.get("reply_markup"))
        if markup == stored.get("reply_markup"):
            repeat = self._lost_answers.expected_repeat("editMessageReplyMarkup", params)
            raise ApiError(400, NOT_MODIFIED, violation=not (repeat or raced))
        stored["edit_date"] = int(wall_clock())
        self._apply_markup(stored, markup)
        return copy.deepcopy(stored)

    async def _delete_message(self, params: dict[str, Any]) -> bool:
        """Bots delete their own messages, and only within 48 hours of sending them."""
        chat_id, message_id = params["chat_id"], params["message_id"]
        stored = self.messages.get(chat_id, {}).get(message_id)
        if stored is None:
            repeat = self._lost_answers.expected_repeat("deleteMessage", params)
            raise ApiError(400, "Bad Request: message to delete not found", violation=not repeat)
        if wall_clock() - stored["date"] >= 48 * 3600:
            raise ApiError(400, "Bad Request: message can't be deleted", violation=False)
        del self.messages[chat_id][message_id]
        self.deleted.append((chat_id, message_id))
        return True
