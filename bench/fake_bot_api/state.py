"""The fake's state: chats and the messages in them, and everything the other parts share.

Why one base class: every method family (``methods/``), the HTTP layer, update injection and the
waiting helpers read and change the same chats, messages, update queue and wake-up signals.
Each of them is a small mixin on :class:`FakeState`, so that state is declared once, here, and
:class:`bench.fake_bot_api.server.FakeTelegram` only puts the parts together.
"""

from __future__ import annotations

import asyncio
import copy
import itertools
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from time import monotonic
from time import time as wall_clock
from typing import Any, ClassVar, Final

from aiohttp import web

from .faults import Faults
from .lost_answers import LostAnswers
from .records import ApiError, Command, Request
from .rules import ParsedText, parse_text
from .wake_signal import Signal

BOT_USERNAME: Final = "aipath_test_bot"


@dataclass
class Chat:
    data: dict[str, Any]
    next_message_id: int = 1


def inline_markup(value: Any) -> dict[str, Any] | None:
    """Telegram echoes only inline keyboards back in the Message object."""
    if isinstance(value, dict) and "inline_keyboard" in value:
        return value
    return None


Handler = Callable[[Any, dict[str, Any]], Awaitable[Any]]
"""A Bot API method's emulation: called with the fake and the call's typed parameters."""


class FakeState:
    """What the fake Telegram knows: what tests inspect, and the internal state behind it."""

    _handlers: ClassVar[Mapping[str, Handler]] = {}
    """Every method the fake serves (any other is a 404); FakeTelegram lists them."""

    def __init__(
        self,
        *,
        token: str = "123456:TEST-token",
        delay_ms: float = 0,
        require_known_chats: bool = False,
        port: int = 0,
    ) -> None:
        """``require_known_chats``: answer 400 "chat not found" for chats no update came from."""
        self.token = token
        self.delay_ms = delay_ms
        self.require_known_chats = require_known_chats
        self.port = port
        self.bot_user: dict[str, Any] = {
            "id": int(token.split(":", 1)[0]),
            "is_bot": True,
            "first_name": "AI Path Advisor (test)",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        # What tests inspect.
        self.requests: list[Request] = []
        self.violations: list[str] = []
        self.messages: dict[int, dict[int, dict[str, Any]]] = defaultdict(dict)
        self.commands: list[Command] = []
        self.description: str | None = None
        self.short_description: str | None = None
        self.scoped_commands: dict[tuple[str, str], list[Command]] = {}
        self.answered_callbacks: set[str] = set()
        self.webhook_url = ""
        self.allowed_updates: list[str] | None = None
        self.dropped_updates: list[dict[str, Any]] = []
        self.files: dict[str, bytes] = {}
        self.deleted: list[tuple[int, int]] = []
        # Called with every Request on arrival (``ok`` still None) and again once answered: for
        # harnesses with hundreds of users, where each wait_for rescanning every request would
        # cost more than the bot under test (bench/fake_api_process.py).
        self.observers: list[Callable[[Request], None]] = []
        self.last_callback_id: str | None = None  # the query id push_callback made last
        # Internal state.
        self._chats: dict[int, Chat] = {}
        self._users: dict[int, dict[str, Any]] = {}
        self._user_messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._callback_users: dict[str, int] = {}  # query id → the user who pressed, in order
        # per (chat, message): when each press on it was pushed, and the edits it got (time of
        # the last one that changed it, edits answered so far): a double tap made before the
        # first edit showed may rightly be answered by a second, identical edit
        self._pressed: dict[tuple[int, int], list[float]] = {}
        self._edits: dict[tuple[int, int], tuple[float, int]] = {}
        self._blocked: set[int] = set()
        self._failures: dict[str, deque[ApiError]] = defaultdict(deque)
        self.faults: Faults | None = None
        self._lost_answers = LostAnswers()  # calls carried out whose answer may be lost
        self._queue: list[dict[str, Any]] = []
        self._next_update_id = 100_000
        self._delivered_upto = 0
        self._poll_generation = 0
        self._in_flight = 0
        self._polls_waiting = 0
        self._counter = itertools.count(1)
        self._closing = False
        self._sends_open = asyncio.Event()
        self._sends_open.set()
        self.held_sends = 0
        self._updates_signal = Signal()
        self._requests_signal = Signal()
        self._runner: web.AppRunner | None = None

    @staticmethod
    def _text_content(params: dict[str, Any], name: str, entities_name: str) -> dict[str, Any]:
        """Text/caption as Telegram stores it: tags parsed away, entities listed separately."""
        if name not in params:
            return {}
        parsed: ParsedText = parse_text(
            params[name], params.get("parse_mode"), params.get(entities_name)
        )
        content: dict[str, Any] = {name: parsed.text}
        if parsed.entities:
            content[entities_name] = parsed.entities
        return content

    def _store_bot_message(self, params: dict[str, Any], content: dict[str, Any]) -> dict[str, Any]:
        chat_id = params["chat_id"]
        chat = self._chat(chat_id)
        message = {
            "message_id": self._take_message_id(chat_id),
            "from": dict(self.bot_user),
            "chat": dict(chat.data),
            "date": int(wall_clock()),
            **content,
        }
        self._apply_markup(message, inline_markup(params.get("reply_markup")))
        self.messages[chat_id][message["message_id"]] = message
        return copy.deepcopy(message)

    @staticmethod
    def _apply_markup(message: dict[str, Any], markup: dict[str, Any] | None) -> None:
        """Editing without reply_markup removes the keyboard, exactly like Telegram."""
        if markup is None:
            message.pop("reply_markup", None)
        else:
            message["reply_markup"] = copy.deepcopy(markup)

    def _edit_answered(self, params: dict[str, Any], changed: bool) -> bool:
        """Count an edit of the message; for one that changed nothing, whether a press made
        before the last change showed is still unanswered (a double tap: no violation)."""
        chat_id, message_id = params.get("chat_id"), params.get("message_id")
        if not (isinstance(chat_id, int) and isinstance(message_id, int)):
            return False
        key = (chat_id, message_id)
        last, answered = self._edits.get(key, (0.0, 0))
        self._edits[key] = (monotonic() if changed else last, answered + 1)
        pressed = len([t for t in self._pressed.get(key, ()) if t < last])
        return not changed and pressed > answered

    def _message_to_edit(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id, message_id = params.get("chat_id"), params.get("message_id")
        stored = None
        if isinstance(chat_id, int) and isinstance(message_id, int):
            stored = self.messages.get(chat_id, {}).get(message_id)
        if stored is None:
            raise ApiError(400, "Bad Request: message to edit not found", violation=True)
        return stored

    def _chat(self, chat_id: int) -> Chat:
        """The chat record, synthesizing one (private if positive) for chats never seen."""
        if chat_id not in self._chats:
            data: dict[str, Any] = {"id": chat_id, "type": "private", "first_name": "Ada"}
            if chat_id < 0:
                data = {"id": chat_id, "type": "group", "title": "Test group"}
            self._chats[chat_id] = Chat(data)
        return self._chats[chat_id]

    def _take_message_id(self, chat_id: int) -> int:
        chat = self._chat(chat_id)
        chat.next_message_id += 1
        return chat.next_message_id - 1
