"""A fake Telegram Bot API server for tests and benchmarks.

Why a real HTTP server rather than mocking ``Bot`` methods: the bot's real
python-telegram-bot ``Application`` (request building, JSON/multipart encoding, error mapping,
retries, long polling) is then exercised end to end, and every request is checked against the
vendored Telegram rules in :mod:`bench.fake_bot_api.rules`. Anything the real API would reject
is answered the same way *and* recorded in :attr:`FakeTelegram.violations`, so a test can assert
that the bot never broke a rule even when it swallowed the resulting error.

Usage::

    async with FakeTelegram() as tg:
        app = (
            Application.builder()
            .token(tg.token)
            .base_url(tg.base_url)
            .base_file_url(tg.base_file_url)
            .build()
        )
        ...
        tg.push_text(42, "/start")
        await tg.wait_for(lambda r: r.method == "sendMessage" and r.chat_id == 42)
        tg.assert_no_violations()

Requests are recorded on arrival (``wait_for(lambda r: r.method == "getUpdates")`` means "the
bot is polling"); every other method is answered before any waiter resumes, so ``messages`` and
``Request.result`` are already up to date when ``wait_for`` returns.

The server runs inside the test's event loop; it never sleeps to let time pass (long polls and
waits are driven by :class:`_Signal`), except for the optional ``delay_ms`` latency.
"""

from __future__ import annotations

import asyncio
import copy
import itertools
import json
import re
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from time import monotonic
from time import time as wall_clock
from types import TracebackType
from typing import Any, Final, Self

from aiohttp import web

from .faults import ACTING, FaultPlan, Faults
from .rules import (
    ParsedText,
    UploadedFile,
    canonical_method,
    check_request,
    normalize_params,
    parse_text,
)

__all__ = ["BOT_USERNAME", "KINDS", "SEND_METHODS", "Command", "FakeTelegram", "Request"]

BOT_USERNAME: Final = "aipath_test_bot"
SEND_METHODS: Final = frozenset(
    {"sendMessage", "editMessageText", "editMessageReplyMarkup", "sendPhoto", "sendDocument"}
)
# Everything that talks to a chat fails with 403 once the user blocked the bot.
_BLOCKABLE_METHODS: Final = SEND_METHODS | {"sendChatAction"}
# Update types Telegram withholds unless explicitly listed in allowed_updates.
_OPT_IN_UPDATES: Final = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
_COMMAND_RE: Final = re.compile(r"/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?")
_NOT_MODIFIED: Final = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
_QUERY_INVALID: Final = (
    "Bad Request: query is too old and response timeout expired or query ID is invalid"
)
_DEFAULT_DESCRIPTIONS: Final = {
    400: "Bad Request: injected failure",
    403: "Forbidden: bot was blocked by the user",
    409: "Conflict: terminated by other getUpdates request",
    500: "Internal Server Error",
    502: "Bad Gateway",
}


@dataclass
class Request:
    """One call the bot made, recorded on arrival; the answer fields are filled in once known.

    For every method but a held getUpdates long poll the answer is computed without yielding to
    the event loop, so code woken by :meth:`FakeTelegram.wait_for` already sees it.
    """

    method: str
    params: dict[str, Any]
    time: float  # time.monotonic() when the request arrived
    index: int = -1  # position in FakeTelegram.requests
    ok: bool | None = None  # None while unanswered (a long poll being held)
    error_code: int | None = None
    description: str | None = None
    result: Any = None
    answered_at: float | None = None  # time.monotonic() when the answer was ready
    fault: str | None = None  # the injected fault (faults.KINDS), if any

    @property
    def acted(self) -> bool:
        """The call was carried out (whether or not the client got the answer)."""
        return bool(self.ok) and self.fault != "reset_before"

    @property
    def chat_id(self) -> int | str | None:
        value = self.params.get("chat_id")
        return value if isinstance(value, int | str) else None

    @property
    def text(self) -> str | None:
        """The raw (unparsed) text or caption the bot sent, if any."""
        value = self.params.get("text", self.params.get("caption"))
        return value if isinstance(value, str) else None


class _ApiError(Exception):
    """A Telegram error answer; ``violation`` marks errors that mean the bot did something wrong."""

    def __init__(
        self,
        error_code: int,
        description: str,
        *,
        violation: bool = False,
        retry_after: int | None = None,
    ) -> None:
        super().__init__(description)
        self.error_code = error_code
        self.description = description
        self.violation = violation
        self.retry_after = retry_after

    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.error_code,
            "description": self.description,
        }
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


class _Signal:
    """Broadcast wake-up that synchronous code can fire.

    Why not ``asyncio.Condition``: the ``push_*`` helpers are plain functions, and notifying a
    Condition needs its lock (an ``await``). Waiters re-check their predicate after each notify,
    so no wake-up can be lost in the single-threaded event loop.
    """

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait_until(self, predicate: Callable[[], bool], seconds: float | None) -> bool:
        """Wait until ``predicate()`` holds; False if ``seconds`` passed first (None: forever)."""
        try:
            async with asyncio.timeout(seconds):
                while not predicate():
                    await self._event.wait()
        except TimeoutError:
            return predicate()
        return True


@dataclass(frozen=True)
class Command:
    """One entry of a setMyCommands list, attribute-accessible like ``telegram.BotCommand``."""

    command: str
    description: str


@dataclass
class _Chat:
    data: dict[str, Any]
    next_message_id: int = 1


def _file_object(kind: str, n: int, **extra: Any) -> dict[str, Any]:
    return {"file_id": f"{kind}-{n}", "file_unique_id": f"u{kind}{n}", **extra}


# Minimal but valid payloads for non-text user messages, keyed by the Message field they set.
KINDS: Final[dict[str, Callable[[int], dict[str, Any]]]] = {
    "sticker": lambda n: {
        "sticker": _file_object(
            "sticker", n, type="regular", width=512, height=512, is_animated=False, is_video=False
        )
    },
    "photo": lambda n: {"photo": [_file_object("photo", n, width=90, height=90)]},
    "voice": lambda n: {"voice": _file_object("voice", n, duration=3, mime_type="audio/ogg")},
    "document": lambda n: {
        "document": _file_object("document", n, file_name="cv.pdf", mime_type="application/pdf")
    },
    "location": lambda n: {"location": {"latitude": 52.52, "longitude": 13.405}},
    "contact": lambda n: {
        "contact": {"phone_number": "+10000000000", "first_name": "Bob", "user_id": 777}
    },
    "video": lambda n: {"video": _file_object("video", n, width=640, height=360, duration=5)},
    # Telegram also sets ``document`` on animations, for clients that predate animations.
    "animation": lambda n: {
        "animation": _file_object("animation", n, width=320, height=240, duration=2),
        "document": _file_object("animation", n, file_name="a.mp4", mime_type="video/mp4"),
    },
    "audio": lambda n: {"audio": _file_object("audio", n, duration=180)},
    "video_note": lambda n: {"video_note": _file_object("video_note", n, length=240, duration=4)},
    "poll": lambda n: {
        "poll": {
            "id": f"poll-{n}",
            "question": "Python or Rust?",
            "options": [
                {"persistent_id": "0", "text": "Python", "voter_count": 0},
                {"persistent_id": "1", "text": "Rust", "voter_count": 0},
            ],
            "total_voter_count": 0,
            "is_closed": False,
            "is_anonymous": True,
            "type": "regular",
            "allows_multiple_answers": False,
            "allows_revoting": False,
            "members_only": False,
        }
    },
    "dice": lambda n: {"dice": {"emoji": "🎲", "value": 4}},
}


def _command_entities(text: str) -> list[dict[str, Any]]:
    """The bot_command entity Telegram attaches to a message starting with a command."""
    match = _COMMAND_RE.match(text)
    if match is None:
        return []
    length = len(match.group(0).encode("utf-16-le")) // 2
    return [{"type": "bot_command", "offset": 0, "length": length}]


def _inline_markup(value: Any) -> dict[str, Any] | None:
    """Telegram echoes only inline keyboards back in the Message object."""
    if isinstance(value, dict) and "inline_keyboard" in value:
        return value
    return None


def _repeat_key(method: str, params: dict[str, Any]) -> tuple[Any, ...] | None:
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


def _png_dimensions(data: bytes) -> tuple[int, int]:
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    return 100, 100


class FakeTelegram:
    """Telegram Bot API look-alike on 127.0.0.1 that records and checks every request."""

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
        self._chats: dict[int, _Chat] = {}
        self._users: dict[int, dict[str, Any]] = {}
        self._user_messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._callback_users: dict[str, int] = {}  # query id → the user who pressed, in order
        self._blocked: set[int] = set()
        self._failures: dict[str, deque[_ApiError]] = defaultdict(deque)
        self.faults: Faults | None = None
        self._unseen: set[tuple[Any, ...]] = set()  # calls carried out whose answer was lost
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
        self._updates_signal = _Signal()
        self._requests_signal = _Signal()
        self._runner: web.AppRunner | None = None
        self._handlers: dict[str, Callable[[dict[str, Any]], Awaitable[Any]]] = {
            "getMe": self._get_me,
            "getUpdates": self._get_updates,
            "deleteWebhook": self._delete_webhook,
            "setWebhook": self._set_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "setMyCommands": self._set_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "setMyDescription": self._set_my_description,
            "setMyShortDescription": self._set_my_short_description,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "answerCallbackQuery": self._answer_callback_query,
            "sendPhoto": self._send_photo,
            "sendDocument": self._send_document,
            "sendChatAction": self._true,
            "deleteMessage": self._delete_message,
            "close": self._true,
            "logOut": self._true,
        }

    # ------------------------------------------------------------------ lifecycle

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    async def start(self) -> Self:
        """Bind 127.0.0.1 (a free port unless one was given) and start answering."""
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        # A short shutdown_timeout: long polls are released by stop() anyway.
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self.port, backlog=2048)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        self._closing = False
        return self

    async def stop(self) -> None:
        """Release pending long polls, then close the listening socket and connections."""
        self._closing = True
        self._updates_signal.notify()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        return await self.start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    # ------------------------------------------------------------------ HTTP layer

    async def _handle(self, request: web.Request) -> web.Response:
        """One Bot API call: parse, record, check, answer (then the optional latency)."""
        raw_method = request.match_info["method"]
        method = canonical_method(raw_method) or raw_method
        if method == "sendMessage" and not self._sends_open.is_set():  # see hold_sends()
            self.held_sends += 1
            self._requests_signal.notify()
            await self._sends_open.wait()
            if request.transport is None or request.transport.is_closing():
                return web.Response(status=499, text="client gone")  # never reached Telegram
        self._in_flight += 1
        record = Request(method, {}, monotonic())
        try:
            try:
                record.params = await self._read_params(request, method)
            except ConnectionResetError:
                # The client died mid-upload (e.g. a SIGKILLed bot): Telegram never saw a call.
                return web.Response(status=400, text="connection lost")
            self._record(record)
            record.fault = (
                self.faults.draw(method, record.chat_id) if self.faults is not None else None
            )
            payload = self._fault_before(record.fault) or await self._dispatch(
                request.match_info["token"], method, record.params
            )
        except _ApiError as error:
            if record.index < 0:
                self._record(record)
            payload = self._error_payload(method, error)
        finally:
            self._in_flight -= 1
        self._answer(record, payload)
        if self.faults is not None and payload["ok"]:
            # Under faults a client can lose any answer (to a fault, or to its own read timeout
            # while a fault elsewhere keeps it busy): a repeat of this call is no violation.
            key = _repeat_key(method, record.params)
            if key is not None:
                self._unseen.add(key)
        if record.fault is not None:
            return await self._faulty_answer(request, record, payload)
        if self.delay_ms:
            await asyncio.sleep(self.delay_ms / 1000)
        status = 200 if payload["ok"] else int(payload["error_code"])
        return web.json_response(payload, status=status)

    def _fault_before(self, fault: str | None) -> dict[str, Any] | None:
        """The answer of a fault that strikes before the call is carried out (None: carry on)."""
        if fault is None or fault in ACTING:
            return None
        if fault == "reset_before":
            return {"ok": False, "error_code": 0, "description": "connection reset"}
        assert self.faults is not None
        if fault == "429":
            retry = self.faults.plan.retry_after
            return _ApiError(
                429, f"Too Many Requests: retry after {retry}", retry_after=retry
            ).payload()
        code = self.faults.status_5xx()
        return _ApiError(code, _DEFAULT_DESCRIPTIONS[code]).payload()

    async def _faulty_answer(
        self, request: web.Request, record: Request, payload: dict[str, Any]
    ) -> web.Response:
        """Deliver (or lose) the answer the way the injected fault says."""
        if record.fault in ("reset_before", "reset_after"):
            if request.transport is not None:
                request.transport.abort()
            return web.Response(status=499, text="connection reset")
        if record.fault == "stall":
            assert self.faults is not None
            await asyncio.sleep(self.faults.plan.stall_seconds)
        status = 200 if payload["ok"] else int(payload["error_code"])
        return web.json_response(payload, status=status)

    def _expected_repeat(self, key: tuple[Any, ...]) -> bool:
        """This call repeats one that was carried out but whose answer the client never got
        (an injected fault): Telegram refuses the repeat, and that is not the bot's mistake."""
        return key in self._unseen  # kept: a repeat can itself lose its answer

    async def _handle_file(self, request: web.Request) -> web.Response:
        """Serve files the bot uploaded, as ``base_file_url`` downloads would."""
        data = self.files.get(request.match_info["path"])
        if request.match_info["token"] != self.token or data is None:
            return web.Response(status=404, text="Not Found")
        return web.Response(body=data)

    async def _read_params(self, request: web.Request, method: str) -> dict[str, Any]:
        """Merge query string, JSON body or (multipart) form into one typed dict."""
        params: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            try:
                body = json.loads(await request.read() or b"{}")
            except ValueError as exc:
                raise _ApiError(400, "Bad Request: can't parse JSON", violation=True) from exc
            if not isinstance(body, dict):
                raise _ApiError(400, "Bad Request: JSON body must be an object", violation=True)
            params.update(body)
        elif request.content_type in {"application/x-www-form-urlencoded", "multipart/form-data"}:
            form = await request.post()
            for name, value in form.items():
                params[name] = (
                    self._uploaded(name, value) if isinstance(value, web.FileField) else value
                )
        return normalize_params(method, self._resolve_attachments(params))

    @staticmethod
    def _uploaded(name: str, value: web.FileField) -> UploadedFile:
        return UploadedFile(name, value.filename, value.content_type, value.file.read())

    @staticmethod
    def _resolve_attachments(params: dict[str, Any]) -> dict[str, Any]:
        """Replace ``attach://<name>`` references by the uploaded part they name."""
        consumed = set()
        resolved = dict(params)
        for name, value in params.items():
            if isinstance(value, str) and value.startswith("attach://"):
                part = value.removeprefix("attach://")
                if isinstance(params.get(part), UploadedFile):
                    resolved[name] = params[part]
                    consumed.add(part)
        return {name: value for name, value in resolved.items() if name not in consumed}

    async def _dispatch(self, token: str, method: str, params: dict[str, Any]) -> dict[str, Any]:
        """Rules first (a broken request is the bot's bug), then injected faults, then state."""
        if token != self.token:
            raise _ApiError(401, "Unauthorized", violation=True)
        if method not in self._handlers:
            raise _ApiError(404, "Not Found", violation=True)
        problems = check_request(method, params)
        if problems:
            self.violations.extend(problems)
            detail = problems[0].split(": ", 1)[1]
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            return {"ok": False, "error_code": 400, "description": f"Bad Request: {detail}{more}"}
        if self._failures[method]:
            raise self._failures[method].popleft()
        self._check_chat(method, params)
        return {"ok": True, "result": await self._handlers[method](params)}

    def _error_payload(self, method: str, error: _ApiError) -> dict[str, Any]:
        if error.violation:
            self.violations.append(f"{method}: {error.description}")
        return error.payload()

    def _record(self, record: Request) -> None:
        record.index = len(self.requests)
        self.requests.append(record)
        for observe in self.observers:
            observe(record)
        self._requests_signal.notify()

    def _answer(self, record: Request, payload: dict[str, Any]) -> None:
        record.ok = bool(payload["ok"])
        record.result = payload.get("result")
        record.error_code = payload.get("error_code")
        record.description = payload.get("description")
        record.answered_at = monotonic()
        for observe in self.observers:
            observe(record)
        self._requests_signal.notify()

    def _check_chat(self, method: str, params: dict[str, Any]) -> None:
        """403 for blocked users, 400 for chats Telegram would not know."""
        if method not in _BLOCKABLE_METHODS or "chat_id" not in params:
            return
        chat_id = params["chat_id"]
        if isinstance(chat_id, str) or (self.require_known_chats and chat_id not in self._chats):
            raise _ApiError(400, "Bad Request: chat not found", violation=True)
        if chat_id in self._blocked:
            reason = (
                "bot was blocked by the user"
                if chat_id > 0
                else "bot was kicked from the group chat"
            )
            raise _ApiError(403, f"Forbidden: {reason}")

    # ------------------------------------------------------------------ method handlers

    async def _true(self, params: dict[str, Any]) -> bool:
        return True

    async def _get_me(self, params: dict[str, Any]) -> dict[str, Any]:
        return dict(self.bot_user)

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Long polling: confirm by offset, then hold until an update arrives or timeout."""
        if self.webhook_url:
            raise _ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
                violation=True,
            )
        self._poll_generation += 1
        generation = self._poll_generation
        self._updates_signal.notify()  # an older poll still waiting is now superseded
        if params.get("allowed_updates") is not None:
            self.allowed_updates = list(params["allowed_updates"])
        offset = self._confirm(params.get("offset"))

        def ready() -> bool:
            superseded = generation != self._poll_generation
            return self._closing or superseded or bool(self._pending(offset))

        self._polls_waiting += 1
        self._requests_signal.notify()  # wait_polling
        try:
            await self._updates_signal.wait_until(ready, float(params.get("timeout", 0)))
        finally:
            self._polls_waiting -= 1
        if generation != self._poll_generation:
            raise _ApiError(
                409,
                "Conflict: terminated by other getUpdates request; "
                "make sure that only one bot instance is running",
            )
        updates = self._pending(offset)[: params.get("limit", 100)]
        if updates:
            self._delivered_upto = max(self._delivered_upto, updates[-1]["update_id"])
        return copy.deepcopy(updates)

    def _confirm(self, offset: int | None) -> int | None:
        """Forget confirmed updates; returns the offset to read from (None: from the start).

        An offset above every id issued (the bot's offset from before `restart_update_ids`)
        confirms nothing, as Telegram's own does once ids have restarted lower."""
        if offset is None or offset > self._next_update_id:
            return None
        if offset < 0:
            self._queue = self._queue[offset:]
            return None
        self._queue = [u for u in self._queue if u["update_id"] >= offset]
        return offset

    def _pending(self, offset: int | None) -> list[dict[str, Any]]:
        if offset is None or offset > self._next_update_id:
            return self._queue
        return [u for u in self._queue if u["update_id"] >= offset]

    async def _delete_webhook(self, params: dict[str, Any]) -> bool:
        self.webhook_url = ""
        if params.get("drop_pending_updates"):
            self._queue.clear()
        return True

    async def _set_webhook(self, params: dict[str, Any]) -> bool:
        self.webhook_url = params["url"]
        if params.get("allowed_updates") is not None:
            self.allowed_updates = list(params["allowed_updates"])
        if params.get("drop_pending_updates"):
            self._queue.clear()
        return True

    async def _get_webhook_info(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._queue),
        }

    @staticmethod
    def _scope_key(params: dict[str, Any]) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), params.get("language_code", "")

    async def _set_my_commands(self, params: dict[str, Any]) -> bool:
        key = self._scope_key(params)
        commands = [Command(c["command"], c["description"]) for c in params["commands"]]
        self.scoped_commands[key] = commands
        if key == self._scope_key({}):
            self.commands = commands
        return True

    async def _set_my_description(self, params: dict[str, Any]) -> bool:
        text = str(params.get("description", ""))
        if len(text) > 512:  # "0-512 characters"
            raise _ApiError(400, "Bad Request: description is too long", violation=True)
        self.description = text
        return True

    async def _set_my_short_description(self, params: dict[str, Any]) -> bool:
        text = str(params.get("short_description", ""))
        if len(text) > 120:  # "0-120 characters"
            raise _ApiError(400, "Bad Request: short description is too long", violation=True)
        self.short_description = text
        return True

    async def _delete_my_commands(self, params: dict[str, Any]) -> bool:
        key = self._scope_key(params)
        self.scoped_commands.pop(key, None)
        if key == self._scope_key({}):
            self.commands = []
        return True

    async def _send_message(self, params: dict[str, Any]) -> dict[str, Any]:
        content = self._text_content(params, "text", "entities")
        return self._store_bot_message(params, content)

    async def _send_photo(self, params: dict[str, Any]) -> dict[str, Any]:
        photo = params["photo"]
        n = next(self._counter)
        width, height = (
            _png_dimensions(photo.data) if isinstance(photo, UploadedFile) else (100, 100)
        )
        size = photo.size if isinstance(photo, UploadedFile) else 1000
        content = {"photo": [_file_object("photo", n, width=width, height=height, file_size=size)]}
        content |= self._text_content(params, "caption", "caption_entities")
        return self._store_bot_message(params, content)

    async def _send_document(self, params: dict[str, Any]) -> dict[str, Any]:
        document = params["document"]
        n = next(self._counter)
        info: dict[str, Any] = {}
        if isinstance(document, UploadedFile):
            info = {
                "file_name": document.filename,
                "mime_type": document.content_type,
                "file_size": document.size,
            }
            self.files[f"documents/file_{n}"] = document.data
        content = {"document": _file_object("document", n, **info)}
        content |= self._text_content(params, "caption", "caption_entities")
        return self._store_bot_message(params, content)

    async def _edit_message_text(self, params: dict[str, Any]) -> dict[str, Any]:
        stored = self._message_to_edit(params)
        if "text" not in stored:
            raise _ApiError(
                400, "Bad Request: there is no text in the message to edit", violation=True
            )
        new = self._text_content(params, "text", "entities")
        markup = _inline_markup(params.get("reply_markup"))
        unchanged = (
            new["text"] == stored["text"]
            and new.get("entities", []) == stored.get("entities", [])
            and markup == stored.get("reply_markup")
        )
        if unchanged:
            repeat = self._expected_repeat(_repeat_key("editMessageText", params) or ())
            raise _ApiError(400, _NOT_MODIFIED, violation=not repeat)
        stored.pop("entities", None)
        stored.update(new, edit_date=int(wall_clock()))
        self._apply_markup(stored, markup)
        return copy.deepcopy(stored)

    async def _edit_message_reply_markup(self, params: dict[str, Any]) -> dict[str, Any]:
        stored = self._message_to_edit(params)
        markup = _inline_markup(params.get("reply_markup"))
        if markup == stored.get("reply_markup"):
            repeat = self._expected_repeat(_repeat_key("editMessageReplyMarkup", params) or ())
            raise _ApiError(400, _NOT_MODIFIED, violation=not repeat)
        stored["edit_date"] = int(wall_clock())
        self._apply_markup(stored, markup)
        return copy.deepcopy(stored)

    async def _delete_message(self, params: dict[str, Any]) -> bool:
        """Bots delete their own messages, and only within 48 hours of sending them."""
        chat_id, message_id = params["chat_id"], params["message_id"]
        stored = self.messages.get(chat_id, {}).get(message_id)
        if stored is None:
            repeat = self._expected_repeat(_repeat_key("deleteMessage", params) or ())
            raise _ApiError(400, "Bad Request: message to delete not found", violation=not repeat)
        if wall_clock() - stored["date"] >= 48 * 3600:
            raise _ApiError(400, "Bad Request: message can't be deleted", violation=False)
        del self.messages[chat_id][message_id]
        self.deleted.append((chat_id, message_id))
        return True

    async def _answer_callback_query(self, params: dict[str, Any]) -> bool:
        query_id = params["callback_query_id"]
        if query_id not in self._callback_users or query_id in self.answered_callbacks:
            repeat = self._expected_repeat(_repeat_key("answerCallbackQuery", params) or ())
            raise _ApiError(400, _QUERY_INVALID, violation=not repeat)
        self.answered_callbacks.add(query_id)
        return True

    # ------------------------------------------------------------------ message storage

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
        self._apply_markup(message, _inline_markup(params.get("reply_markup")))
        self.messages[chat_id][message["message_id"]] = message
        return copy.deepcopy(message)

    @staticmethod
    def _apply_markup(message: dict[str, Any], markup: dict[str, Any] | None) -> None:
        """Editing without reply_markup removes the keyboard, exactly like Telegram."""
        if markup is None:
            message.pop("reply_markup", None)
        else:
            message["reply_markup"] = copy.deepcopy(markup)

    def _message_to_edit(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id, message_id = params.get("chat_id"), params.get("message_id")
        stored = None
        if isinstance(chat_id, int) and isinstance(message_id, int):
            stored = self.messages.get(chat_id, {}).get(message_id)
        if stored is None:
            raise _ApiError(400, "Bad Request: message to edit not found", violation=True)
        return stored

    def _chat(self, chat_id: int) -> _Chat:
        """The chat record, synthesizing one (private if positive) for chats never seen."""
        if chat_id not in self._chats:
            data: dict[str, Any] = {"id": chat_id, "type": "private", "first_name": "Ada"}
            if chat_id < 0:
                data = {"id": chat_id, "type": "group", "title": "Test group"}
            self._chats[chat_id] = _Chat(data)
        return self._chats[chat_id]

    def _take_message_id(self, chat_id: int) -> int:
        chat = self._chat(chat_id)
        chat.next_message_id += 1
        return chat.next_message_id - 1

    # ------------------------------------------------------------------ update injection

    def push_update(self, update: dict[str, Any]) -> int:
        """Queue a raw update (without update_id) for getUpdates; returns its update_id."""
        update_id = self._next_update_id
        self._next_update_id += 1
        full = {"update_id": update_id, **update}
        if self._allowed(full):
            self._queue.append(full)
            self._updates_signal.notify()
            self._requests_signal.notify()  # wait_idle watches the queue too
        else:
            self.dropped_updates.append(full)
        return update_id

    def take_update(self, update_id: int) -> dict[str, Any]:
        """Remove a pushed update from the getUpdates queue and return it, for a test that
        delivers updates to webhooks itself (as Telegram, or a proxy in front of workers)."""
        update = next(u for u in self._queue if u["update_id"] == update_id)
        self._queue.remove(update)
        return update

    def _allowed(self, update: dict[str, Any]) -> bool:
        kind = next(key for key in update if key != "update_id")
        if self.allowed_updates:
            return kind in self.allowed_updates
        return kind not in _OPT_IN_UPDATES

    def push_text(
        self,
        user_id: int,
        text: str,
        *,
        chat_id: int | None = None,
        chat_type: str = "private",
        first_name: str = "Ada",
        entities: list[dict[str, Any]] | None = None,
    ) -> int:
        """A user sends ``text``; commands get their bot_command entity automatically."""
        user = self._user(user_id, first_name)
        chat = self._user_chat(user, chat_id, chat_type)
        entities = _command_entities(text) if entities is None else entities
        content: dict[str, Any] = {"text": text}
        if entities:
            content["entities"] = entities
        return self.push_update({"message": self._user_message(user, chat, content)})

    def push_kind(
        self,
        user_id: int,
        kind: str,
        *,
        chat_id: int | None = None,
        chat_type: str = "private",
    ) -> int:
        """A user sends a non-text message; ``kind`` is one of :data:`KINDS`."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}; choose from {sorted(KINDS)}")
        user = self._user(user_id)
        chat = self._user_chat(user, chat_id, chat_type)
        content = KINDS[kind](next(self._counter))
        return self.push_update({"message": self._user_message(user, chat, content)})

    def restart_update_ids(self, start: int) -> None:
        """Telegram picks a new, possibly lower, random update id after a week without updates
        (Bot API, `Update.update_id`); the next update pushed gets `start`."""
        self._next_update_id = start
        self._delivered_upto = start - 1

    def push_malformed(self, user_id: int, text: str = "a private answer") -> int:
        """An update the bot's library cannot parse (its message date is not a timestamp), as
        seen in the wild from emulators and future API fields; carries ``text`` so a test can
        check it never reaches the logs."""
        user = self._user(user_id)
        chat = self._user_chat(user, None, "private")
        message = self._user_message(user, chat, {"text": text})
        message["date"] = "not-a-timestamp"
        return self.push_update({"message": message})

    def push_edited_text(
        self, user_id: int, message_id: int, text: str, *, chat_id: int | None = None
    ) -> int:
        """The user edits one of their earlier messages (or a message id never pushed)."""
        user = self._user(user_id)
        chat_id = user_id if chat_id is None else chat_id
        original = self._user_messages.get((chat_id, message_id)) or {
            "message_id": message_id,
            "from": user,
            "chat": dict(self._chat(chat_id).data),
            "date": int(wall_clock()),
        }
        edited = {k: v for k, v in original.items() if k != "entities"}
        edited |= {"text": text, "edit_date": int(wall_clock())}
        if entities := _command_entities(text):
            edited["entities"] = entities
        self._user_messages[(chat_id, message_id)] = edited
        return self.push_update({"edited_message": copy.deepcopy(edited)})

    def push_callback(
        self,
        user_id: int,
        data: str,
        message_id: int,
        *,
        chat_id: int | None = None,
        inaccessible: bool = False,
    ) -> int:
        """The user presses an inline button with ``data`` under bot message ``message_id``.

        ``inaccessible``: the message was deleted or is too old, so Telegram sends only its
        chat, id and ``date`` 0 (an InaccessibleMessage; the bot cannot edit it)."""
        user = self._user(user_id)
        chat_id = user_id if chat_id is None else chat_id
        message = self.messages.get(chat_id, {}).get(message_id) or {
            "message_id": message_id,
            "from": dict(self.bot_user),
            "chat": dict(self._chat(chat_id).data),
            "date": int(wall_clock()),
        }
        if inaccessible:
            message = {
                "message_id": message_id,
                "chat": dict(self._chat(chat_id).data),
                "date": 0,
            }
        query_id = f"cbq-{next(self._counter)}"
        self._callback_users[query_id] = user["id"]
        self.last_callback_id = query_id
        query = {
            "id": query_id,
            "from": user,
            "message": copy.deepcopy(message),
            "chat_instance": f"ci-{chat_id}",
            "data": data,
        }
        return self.push_update({"callback_query": query})

    def push_button(
        self, user_id: int, message_id: int, button_text: str, *, chat_id: int | None = None
    ) -> int:
        """Press the button labelled ``button_text`` on a stored bot message (by its label)."""
        chat_id = user_id if chat_id is None else chat_id
        buttons = self.buttons(chat_id, message_id)
        for button in buttons:
            if button.get("text") == button_text and "callback_data" in button:
                return self.push_callback(
                    user_id, button["callback_data"], message_id, chat_id=chat_id
                )
        labels = [b.get("text") for b in buttons]
        raise LookupError(f"no callback button {button_text!r} on message {message_id}: {labels}")

    def buttons(self, chat_id: int, message_id: int) -> list[dict[str, Any]]:
        """All inline buttons currently shown under a stored bot message, row by row."""
        message = self.messages.get(chat_id, {}).get(message_id, {})
        rows = message.get("reply_markup", {}).get("inline_keyboard", [])
        return [button for row in rows for button in row]

    def add_chat(
        self, chat_id: int, *, chat_type: str = "private", first_name: str = "Ada"
    ) -> None:
        """Make a chat known without pushing an update (see ``require_known_chats``)."""
        if chat_type == "private":
            self._user_chat(self._user(chat_id, first_name), None, chat_type)
        else:
            self._chats.setdefault(
                chat_id, _Chat({"id": chat_id, "type": chat_type, "title": "Test group"})
            )

    def _user(self, user_id: int, first_name: str | None = None) -> dict[str, Any]:
        user = self._users.setdefault(
            user_id, {"id": user_id, "is_bot": False, "first_name": "Ada", "language_code": "en"}
        )
        if first_name is not None:
            user["first_name"] = first_name
        return dict(user)

    def _user_chat(self, user: dict[str, Any], chat_id: int | None, chat_type: str) -> _Chat:
        """The chat a user writes in: their private chat, or a group with a negative id."""
        if chat_type == "private":
            if chat_id not in (None, user["id"]):
                raise ValueError("a private chat's id is the user's id")
            data = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
        elif chat_type in {"group", "supergroup"}:
            chat_id = -user["id"] if chat_id is None else chat_id
            if chat_id >= 0:
                raise ValueError("group chat ids are negative")
            data = {"id": chat_id, "type": chat_type, "title": "Test group"}
        else:
            raise ValueError(f"unsupported chat_type {chat_type!r}")
        chat = self._chats.setdefault(data["id"], _Chat(data))
        chat.data = data
        return chat

    def _user_message(
        self, user: dict[str, Any], chat: _Chat, content: dict[str, Any]
    ) -> dict[str, Any]:
        message = {
            "message_id": self._take_message_id(chat.data["id"]),
            "from": user,
            "chat": dict(chat.data),
            "date": int(wall_clock()),
            **content,
        }
        self._user_messages[(chat.data["id"], message["message_id"])] = message
        return copy.deepcopy(message)

    # ------------------------------------------------------------------ fault injection

    def fail_next(
        self,
        method: str,
        *,
        error_code: int = 429,
        retry_after: int = 1,
        description: str | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` with an error (429 flood wait default)."""
        canonical = canonical_method(method)
        if canonical is None:
            raise ValueError(f"unknown method {method!r}")
        if description is None:
            description = (
                f"Too Many Requests: retry after {retry_after}"
                if error_code == 429
                else _DEFAULT_DESCRIPTIONS.get(error_code, f"Error {error_code}")
            )
        for _ in range(times):
            after = retry_after if error_code == 429 else None
            self._failures[canonical].append(_ApiError(error_code, description, retry_after=after))

    def inject_faults(self, plan: FaultPlan | None) -> Faults | None:
        """From now on every call may fail as `plan` says (None: no more faults); see faults.py.
        Returns the drawing object, whose ``drawn`` counts the faults injected."""
        self.faults = Faults(plan) if plan is not None else None
        return self.faults

    def hold_sends(self) -> None:
        """Hold every sendMessage before Telegram accepts it (not recorded, counted in
        ``held_sends``) until :meth:`release_sends`; if the client died meanwhile, the message
        never reached Telegram and is dropped."""
        self._sends_open.clear()

    async def wait_held_sends(
        self,
        count: int = 1,
        timeout: float = 10.0,  # noqa: ASYNC109 - bounded wait, like wait_for
    ) -> None:
        if not await self._requests_signal.wait_until(lambda: self.held_sends >= count, timeout):
            raise TimeoutError(f"fewer than {count} held sendMessage within {timeout}s")

    def release_sends(self) -> None:
        self._sends_open.set()

    def block_user(self, chat_id: int) -> None:
        """Every later send to ``chat_id`` answers 403 Forbidden."""
        self._blocked.add(chat_id)

    def unblock_user(self, chat_id: int) -> None:
        self._blocked.discard(chat_id)

    # ------------------------------------------------------------------ inspection

    def sent_to(self, chat_id: int) -> list[Request]:
        """Message-sending calls (also failed ones; see ``Request.ok``) targeting ``chat_id``."""
        return [r for r in self.requests if r.method in SEND_METHODS and r.chat_id == chat_id]

    def unanswered_callbacks(self) -> list[str]:
        """Callback query ids pushed but never answered with answerCallbackQuery."""
        return [qid for qid in self._callback_users if qid not in self.answered_callbacks]

    def callback_user(self, query_id: object) -> int | None:
        """The user who pressed the button behind callback query ``query_id`` (None: unknown)."""
        return self._callback_users.get(query_id) if isinstance(query_id, str) else None

    async def wait_polling(
        self,
        timeout: float = 10.0,  # noqa: ASYNC109 - bounded wait, like wait_for
    ) -> None:
        """Wait until a getUpdates long poll is being held (the bot is idle and listening)."""
        if not await self._requests_signal.wait_until(lambda: self._polls_waiting > 0, timeout):
            raise TimeoutError(f"no getUpdates long poll within {timeout}s")

    async def wait_until(
        self,
        condition: Callable[[], bool],
        timeout: float = 10.0,  # noqa: ASYNC109 - bounded wait, like wait_for
    ) -> bool:
        """Wait until ``condition()`` holds, checking it whenever a request arrives or is
        answered; False if ``timeout`` seconds passed first (e.g. what a chat shows)."""
        return await self._requests_signal.wait_until(condition, timeout)

    def mark(self) -> int:
        """Index to pass as ``since`` so a wait only considers requests made after now."""
        return len(self.requests)

    def assert_no_violations(self) -> None:
        if self.violations:
            listing = "\n  ".join(self.violations)
            raise AssertionError(f"{len(self.violations)} Telegram rule violation(s):\n  {listing}")

    async def wait_for(
        self,
        predicate: Callable[[Request], bool],
        timeout: float = 10.0,  # noqa: ASYNC109 - the documented fixture API; bounded wait
        *,
        since: int = 0,
    ) -> Request:
        """The first recorded request (from index ``since``) satisfying ``predicate``.

        Requests are recorded on arrival, so waiting for ``getUpdates`` tells that the bot is
        polling; any other request already carries its answer (and ``messages`` is updated).
        """
        found: list[Request] = []
        scanned = since

        def check() -> bool:
            nonlocal scanned
            while scanned < len(self.requests) and not found:
                if predicate(self.requests[scanned]):
                    found.append(self.requests[scanned])
                scanned += 1
            return bool(found)

        if not await self._requests_signal.wait_until(check, timeout):
            recent = [f"{r.method}({r.chat_id})" for r in self.requests[-10:]]
            raise TimeoutError(f"no matching request within {timeout}s; last requests: {recent}")
        return found[0]

    async def wait_idle(
        self,
        timeout: float = 10.0,  # noqa: ASYNC109 - the documented fixture API; bounded wait
        *,
        quiet: float = 0.05,
    ) -> None:
        """Wait until every queued update was fetched, nothing is in flight and no request
        arrived for ``quiet`` seconds; the bot has then (very probably) finished reacting."""

        def delivered() -> bool:
            # Long polls are the bot's idle state, so only count other requests as in flight.
            busy = self._in_flight - self._polls_waiting
            return busy <= 0 and all(u["update_id"] <= self._delivered_upto for u in self._queue)

        seen = 0

        def activity() -> bool:
            return len(self.requests) != seen or not delivered()

        async with asyncio.timeout(timeout):
            while True:
                await self._requests_signal.wait_until(delivered, None)
                seen = len(self.requests)
                if not await self._requests_signal.wait_until(activity, quiet):
                    return
