"""Webhook mode: PTB's own webhook server, guarded by Telegram's secret token."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import httpx

from bench.fake_bot_api import FakeTelegram
from bench.telegram_driver import settings_for
from bot.telegram import webhook
from bot.telegram.app import build_application


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def update(update_id: int, text: str) -> dict[str, object]:
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 1_700_000_000,
            "text": text,
            "chat": {"id": 5, "type": "private", "first_name": "Ada"},
            "from": {"id": 5, "is_bot": False, "first_name": "Ada"},
            "entities": [{"type": "bot_command", "offset": 0, "length": len(text)}],
        },
    }


async def test_webhook_rejects_a_wrong_secret_and_serves_the_right_one(tmp_path: Path) -> None:
    port = free_port()
    async with FakeTelegram() as tg:
        settings = settings_for(
            tg,
            tmp_path / "bot.db",
            AIPATH_WEBHOOK_URL="https://bot.example/telegram",
            AIPATH_WEBHOOK_LISTEN="127.0.0.1",
            AIPATH_WEBHOOK_PORT=port,
            AIPATH_WEBHOOK_SECRET="s3cret-token",
        )
        app = build_application(settings)
        await app.initialize()
        assert app.post_init is not None
        await app.post_init(app)
        await app.start()
        server = webhook.start_server(app, settings)
        await webhook.register(app, settings)
        try:
            assert tg.webhook_url == "https://bot.example/telegram"
            url = f"http://127.0.0.1:{port}/telegram"
            async with httpx.AsyncClient() as client:
                body = json.dumps(update(1, "/start"))
                headers = {"Content-Type": "application/json"}
                missing = await client.post(url, content=body, headers=headers)
                wrong = await client.post(
                    url,
                    content=body,
                    headers={**headers, "X-Telegram-Bot-Api-Secret-Token": "nope"},
                )
                right = await client.post(
                    url,
                    content=body,
                    headers={**headers, "X-Telegram-Bot-Api-Secret-Token": "s3cret-token"},
                )
            assert (missing.status_code, wrong.status_code, right.status_code) == (403, 403, 200)
            reply = await tg.wait_for(lambda r: r.method == "sendMessage", timeout=10)
            assert "AI Path Advisor" in reply.params["text"]
            assert len([r for r in tg.requests if r.method == "sendMessage"]) == 1
            assert tg.violations == []
        finally:
            server.stop()
            await app.stop()
            await app.shutdown()
            assert app.post_shutdown is not None
            await app.post_shutdown(app)
