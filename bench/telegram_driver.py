"""Drives the real PTB bot through the fake Bot API like a person would: types, taps, reads."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html import unescape
from pathlib import Path
from typing import Any

from bench.fake_bot_api import FakeTelegram
from bot.settings import Settings
from bot.telegram.app import build_application, running

SENDS = frozenset({"sendMessage", "editMessageText", "sendPhoto", "sendDocument"})


class FakeClock:
    """The bot's clock, moved by the test (never by sleeping)."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now or datetime(2026, 11, 23, 9, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def settings_for(tg: FakeTelegram, database: Path, **extra: Any) -> Settings:
    return Settings(
        **{  # type: ignore[arg-type]
            "TELEGRAM_BOT_TOKEN": tg.token,
            "TELEGRAM_API_BASE_URL": tg.base_url,
            "TELEGRAM_API_BASE_FILE_URL": tg.base_file_url,
            "AIPATH_DATABASE": str(database),
            "AIPATH_REMINDER_SWEEP_SECONDS": 0,
            **extra,
        }
    )


@asynccontextmanager
async def bot_running(
    tg: FakeTelegram,
    database: Path,
    clock: FakeClock | None = None,
    *,
    build_options: dict[str, Any] | None = None,
    **extra: Any,
) -> AsyncIterator[Any]:
    """The bot polling the fake: `extra` are settings, `build_options` go to build_application."""
    app = build_application(
        settings_for(tg, database, **extra), clock=clock or FakeClock(), **(build_options or {})
    )
    async with running(app, poll_timeout=1):
        yield app


def plain(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def buttons_of(params: dict[str, Any]) -> list[dict[str, Any]]:
    markup = params.get("reply_markup")
    if isinstance(markup, str):
        markup = json.loads(markup)
    if not markup:
        return []
    return [b for row in markup.get("inline_keyboard", []) for b in row]


@dataclass
class Screen:
    """What the person sees after one action: the bot's messages since then."""

    requests: list[Any]

    @property
    def texts(self) -> list[str]:
        return [
            plain(str(r.params.get("text") or r.params.get("caption") or "")) for r in self.requests
        ]

    @property
    def text(self) -> str:
        return "\n".join(self.texts)

    @property
    def last(self) -> Any:
        return self.requests[-1]


class SimUser:
    def __init__(self, tg: FakeTelegram, user_id: int, *, timeout: float = 10.0) -> None:
        self.tg = tg
        self.user_id = user_id
        self.timeout = timeout
        self.keyboard_message: int | None = None
        self.buttons: list[dict[str, Any]] = []

    def _mine(self, request: Any, mark: int) -> bool:
        return (
            request.index >= mark
            and request.method in SENDS
            and int(request.params.get("chat_id", 0)) == self.user_id
        )

    async def _screen(self, mark: int, *, keyboard: bool) -> Screen:
        def done(r: Any) -> bool:
            return self._mine(r, mark) and (not keyboard or bool(buttons_of(r.params)))

        await self.tg.wait_for(done, timeout=self.timeout)
        mine = [r for r in self.tg.requests if self._mine(r, mark)]
        for r in mine:
            if buttons_of(r.params):
                self.buttons = buttons_of(r.params)
                self.keyboard_message = self._message_id(r)
        return Screen(mine)

    def _message_id(self, request: Any) -> int | None:
        if request.method == "editMessageText":
            return int(request.params["message_id"])
        result = request.result
        return int(result["message_id"]) if isinstance(result, dict) else None

    async def begin(self) -> Screen:
        """`/start`, then "Let's begin": the first question on screen."""
        await self.say("/start")
        return await self.tap("Let's begin")

    async def say(self, text: str, *, keyboard: bool = True) -> Screen:
        mark = len(self.tg.requests)
        self.tg.push_text(self.user_id, text)
        return await self._screen(mark, keyboard=keyboard)

    def find(self, wanted: str) -> dict[str, Any]:
        for button in self.buttons:
            data = button.get("callback_data", "")
            if wanted == button["text"] or wanted in button["text"] or data.endswith(wanted):
                return button
        raise AssertionError(f"no button {wanted!r} in {[b['text'] for b in self.buttons]}")

    async def tap(
        self, wanted: str, *, message_id: int | None = None, keyboard: bool = True
    ) -> Screen:
        button = self.find(wanted)
        mark = len(self.tg.requests)
        target = message_id or self.keyboard_message
        assert target is not None
        self.tg.push_callback(self.user_id, button["callback_data"], target)
        await self.tg.wait_for(
            lambda r: r.index >= mark and r.method == "answerCallbackQuery", timeout=self.timeout
        )
        if not keyboard:
            return Screen([r for r in self.tg.requests if self._mine(r, mark)])
        return await self._screen(mark, keyboard=True)
