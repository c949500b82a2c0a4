"""The webhook fails safe: processed before it answers, redelivery only when that is safe, slow
or odd clients cannot hold it or crash it."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from telegram import Update
from telegram.ext import ContextTypes, MessageHandler, filters

from bench.fake_bot_api import FakeTelegram
from tests.test_webhook import update
from tests.test_webhook_limits import SECRET, serving_app

HEADERS = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET}


@asynccontextmanager
async def serving(tg: FakeTelegram, db: Path, **limits: float) -> AsyncIterator[tuple[Any, str]]:
    async with serving_app(tg, db, **limits) as (app, port):
        yield app, f"http://127.0.0.1:{port}/telegram"


def text_update(update_id: int, text: str) -> dict[str, Any]:
    """A plain text message (no command entity)."""
    body = update(update_id, text)
    del body["message"]["entities"]  # type: ignore[index, attr-defined]
    return body


async def post(url: str, body: dict[str, Any]) -> int:
    async with httpx.AsyncClient(timeout=30) as client:
        answer = await client.post(url, content=json.dumps(body), headers=HEADERS)
    return answer.status_code


async def test_the_reply_is_sent_before_telegram_gets_its_200(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    async with serving(tg, tmp_path / "bot.db") as (_, url):
        assert await post(url, update(1, "/start")) == 200
        assert [r.method for r in tg.sent_to(5)] == ["sendMessage"]  # already there


class Database:
    """A turn whose storage is away until `back` (then it answers normally)."""

    def __init__(self) -> None:
        self.back = False
        self.turns = 0

    async def turn(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        self.turns += 1
        if not self.back:
            raise sqlite3.OperationalError("database is locked")
        assert update.effective_chat is not None
        await context.bot.send_message(update.effective_chat.id, "stored")


async def shows_then_fails(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_chat is not None
    await context.bot.send_message(update.effective_chat.id, "half a reply")
    raise sqlite3.OperationalError("database is locked")


async def has_a_bug(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    raise RuntimeError("a bug: redelivering would fail again")


def first(app: Any, text: str, callback: Any) -> None:
    app.add_handler(MessageHandler(filters.Regex(f"^{text}$"), callback))
    app.handlers[0].insert(0, app.handlers[0].pop())


async def test_a_transient_failure_before_anything_was_shown_asks_for_redelivery(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    database = Database()
    async with serving(tg, tmp_path / "bot.db") as (app, url):
        first(app, "flaky", database.turn)
        assert await post(url, text_update(10, "flaky")) == 503  # Telegram delivers it again
        assert tg.sent_to(5) == []  # no apology either: the redelivery will answer
        database.back = True
        assert await post(url, text_update(10, "flaky")) == 200
    assert database.turns == 2
    assert [r.text for r in tg.sent_to(5)] == ["stored"]


async def test_no_redelivery_once_something_reached_the_chat_or_for_a_bug(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    async with serving(tg, tmp_path / "bot.db") as (app, url):
        first(app, "half", shows_then_fails)
        first(app, "bug", has_a_bug)
        assert await post(url, text_update(20, "half")) == 200  # redelivery could repeat it
        assert await post(url, text_update(21, "bug")) == 200  # it would fail again
    assert next(r.text for r in tg.sent_to(5)) == "half a reply"


async def raw_request(url: str, head: bytes) -> bytes:
    """Send raw bytes and return everything the server answers until it closes."""
    port = int(url.split(":")[2].split("/")[0])
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(head)
    try:
        return await asyncio.wait_for(reader.read(), 10)
    finally:
        writer.close()


async def test_a_non_ascii_secret_header_is_forbidden_not_an_error(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    async with serving(tg, tmp_path / "bot.db") as (_, url):
        answer = await raw_request(
            url,
            b"POST /telegram HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 2\r\nConnection: close\r\n"
            + "X-Telegram-Bot-Api-Secret-Token: s3cret-tökén\r\n\r\n{}".encode(),
        )
    assert answer.startswith(b"HTTP/1.1 403"), answer[:40]


async def test_slow_clients_are_cut_off(tg: FakeTelegram, tmp_path: Path) -> None:
    """A client that trickles its headers, or announces a body it never sends, is
    disconnected after the limit instead of holding a connection open."""
    async with serving(tg, tmp_path / "bot.db", header_timeout=0.3, body_timeout=0.3) as (_, url):
        headers_never_end = await raw_request(url, b"POST /telegram HTTP/1.1\r\nHost: x\r\n")
        body_never_comes = await raw_request(
            url,
            b"POST /telegram HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + f"X-Telegram-Bot-Api-Secret-Token: {SECRET}\r\n".encode()
            + b"Content-Length: 500\r\n\r\n{",
        )
    assert headers_never_end == b""  # closed without an answer
    assert not body_never_comes.startswith(b"HTTP/1.1 200")
