"""A fake Telegram Bot API server for tests and benchmarks: :class:`FakeTelegram`.

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
waits are driven by :class:`bench.fake_bot_api.wake_signal.Signal`), except for the optional
``delay_ms`` latency.

This module only puts the parts together: the state (``state.py``), the HTTP layer
(``http_layer.py``), faults (``fault_hooks.py``), the method families (``methods/``), update
injection (``update_injection.py``) and the waiting helpers (``waiting.py``); the table in
:meth:`FakeTelegram.__init__` says which module emulates which method.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType
from typing import ClassVar, Self

from aiohttp import web

from .http_layer import HttpLayer
from .message_kinds import KINDS
from .methods.bot_profile import BotProfileMethods
from .methods.callbacks import CallbackMethods
from .methods.files import FileMethods
from .methods.messages import MessageMethods
from .methods.updates import UpdateMethods
from .records import SEND_METHODS, Command, Request
from .state import BOT_USERNAME, Handler
from .update_injection import UpdateInjection
from .waiting import Waiting

__all__ = ["BOT_USERNAME", "KINDS", "SEND_METHODS", "Command", "FakeTelegram", "Request"]


class FakeTelegram(
    HttpLayer,
    UpdateInjection,
    Waiting,
    MessageMethods,
    FileMethods,
    CallbackMethods,
    UpdateMethods,
    BotProfileMethods,
):
    """Telegram Bot API look-alike on 127.0.0.1 that records and checks every request.

    ``FakeTelegram(token=…, delay_ms=…, require_known_chats=…, port=…)``: see
    :meth:`FakeState.__init__ <bench.fake_bot_api.state.FakeState.__init__>`.
    """

    # Every method the fake serves, by the module that emulates it; any other is a 404.
    _handlers: ClassVar[Mapping[str, Handler]] = {
        # methods/bot_profile.py
        "getMe": BotProfileMethods._get_me,
        "setMyCommands": BotProfileMethods._set_my_commands,
        "deleteMyCommands": BotProfileMethods._delete_my_commands,
        "setMyDescription": BotProfileMethods._set_my_description,
        "setMyShortDescription": BotProfileMethods._set_my_short_description,
        "sendChatAction": BotProfileMethods._true,
        "close": BotProfileMethods._true,
        "logOut": BotProfileMethods._true,
        # methods/updates.py
        "getUpdates": UpdateMethods._get_updates,
        "deleteWebhook": UpdateMethods._delete_webhook,
        "setWebhook": UpdateMethods._set_webhook,
        "getWebhookInfo": UpdateMethods._get_webhook_info,
        # methods/messages.py
        "sendMessage": MessageMethods._send_message,
        "editMessageText": MessageMethods._edit_message_text,
        "editMessageReplyMarkup": MessageMethods._edit_message_reply_markup,
        "deleteMessage": MessageMethods._delete_message,
        # methods/callbacks.py
        "answerCallbackQuery": CallbackMethods._answer_callback_query,
        # methods/files.py
        "sendPhoto": FileMethods._send_photo,
        "sendDocument": FileMethods._send_document,
    }

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
