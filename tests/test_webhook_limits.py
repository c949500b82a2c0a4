"""Webhook abuse: refused bodies are never read, bodies are capped, JSON errors are 400."""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx

from bench.fake_bot_api import FakeTelegram
from bench.telegram_driver import settings_for
from bot.telegram import webhook
from bot.telegram.app import build_application
from tests.test_webhook import free_port, update

SECRET = "s3cret-token"
BIG = 60 * 1024 * 1024


@asynccontextmanager
async def serving_app(
    tg: FakeTelegram, db: Path, **limits: float
) -> AsyncIterator[tuple[Any, int]]:
    """The bot in webhook mode on a free port: (application, port); `limits` go to the server."""
    port = free_port()
    settings = settings_for(
        tg,
        db,
        AIPATH_WEBHOOK_URL="https://bot.example/telegram",
        AIPATH_WEBHOOK_LISTEN="127.0.0.1",
        AIPATH_WEBHOOK_PORT=port,
        AIPATH_WEBHOOK_SECRET=SECRET,
    )
    app: Any = build_application(settings)
    await app.initialize()
    await app.post_init(app)
    await app.start()
    server = webhook.start_server(app, settings, **limits)
    try:
        yield app, port
    finally:
        server.stop()
        await app.stop()
        await app.shutdown()
        await app.post_shutdown(app)


@asynccontextmanager
async def serving(tg: FakeTelegram, db: Path) -> AsyncIterator[int]:
    async with serving_app(tg, db) as (_, port):
        yield port


async def post_big_body(port: int, headers: dict[str, str]) -> tuple[bytes, int, float]:
    """Announce a 60 MB body, read the answer, then try to send the body: (status line, bytes
    the server let us send before closing, seconds until the answer)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    writer.write(
        f"POST /telegram HTTP/1.1\r\nHost: x\r\nContent-Length: {BIG}\r\n{head}\r\n".encode()
    )
    started = time.monotonic()
    status = await asyncio.wait_for(reader.readline(), 5)
    answered = time.monotonic() - started
    sent = 0
    chunk = b"x" * (1 << 20)
    try:
        while sent < BIG:
            writer.write(chunk)
            await asyncio.wait_for(writer.drain(), 5)
            sent += len(chunk)
    except (ConnectionError, TimeoutError):
        pass
    writer.close()
    return status, sent, answered


async def test_bodies_without_the_secret_are_refused_before_being_read(tmp_path: Path) -> None:
    async with FakeTelegram() as tg, serving(tg, tmp_path / "bot.db") as port:
        results = [
            await post_big_body(port, {"Content-Type": "application/json"}) for _ in range(3)
        ]
        wrong = await post_big_body(
            port,
            {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "nope"},
        )
    for status, sent, answered in [*results, wrong]:
        print(f"403 after {answered * 1000:.0f} ms; client could push {sent >> 20} MiB")
        assert status.startswith(b"HTTP/1.1 403")
        assert sent < BIG // 2  # the server closed the connection instead of reading 60 MB


async def test_body_cap_charset_and_malformed_json(tmp_path: Path) -> None:
    url_headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    async with FakeTelegram() as tg, serving(tg, tmp_path / "bot.db") as port:
        url = f"http://127.0.0.1:{port}/telegram"
        async with httpx.AsyncClient() as client:
            charset = await client.post(
                url,
                content=json.dumps(update(1, "/start")),
                headers={**url_headers, "Content-Type": "application/json; charset=utf-8"},
            )
            malformed = await client.post(
                url,
                content=b"{not json",
                headers={**url_headers, "Content-Type": "application/json"},
            )
            too_big = await client.post(
                url,
                content=b" " * (webhook.MAX_BODY + 1),
                headers={**url_headers, "Content-Type": "application/json"},
            )
        reply = await tg.wait_for(lambda r: r.method == "sendMessage", timeout=10)
    assert (charset.status_code, malformed.status_code, too_big.status_code) == (200, 400, 413)
    assert "AI Path Advisor" in reply.params["text"]


def test_caddy_caps_bodies_like_the_bot() -> None:
    caddyfile = Path(__file__).parents[1] / "deploy" / "Caddyfile"
    assert webhook.MAX_BODY == 1 << 20
    assert re.search(r"request_body\s*\{\s*max_size 1MiB\s*\}", caddyfile.read_text())
