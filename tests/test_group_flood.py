"""A flood in one group never starves private chats, and the bot still stops in seconds."""

from __future__ import annotations

import asyncio
import contextlib
import time
from pathlib import Path

from bench.fake_bot_api import BOT_USERNAME, FakeTelegram
from bench.telegram_driver import bot_running

FLOODER = 900
GROUP = -100900
PRIVATE = range(1000, 1010)


async def test_a_group_flood_does_not_starve_private_chats(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    stack = contextlib.AsyncExitStack()
    await stack.enter_async_context(bot_running(tg, tmp_path / "bot.db"))
    try:
        await tg.wait_polling()
        for _ in range(150):
            tg.push_text(FLOODER, f"/start@{BOT_USERNAME}", chat_id=GROUP, chat_type="group")
        mark = tg.mark()
        pushed = time.monotonic()
        for user in PRIVATE:
            tg.push_text(user, "/start")
        latencies = []
        for user in PRIVATE:
            reply = await tg.wait_for(
                lambda r, u=user: r.method == "sendMessage" and r.chat_id == u,
                timeout=15,
                since=mark,
            )
            latencies.append(reply.time - pushed)
        await tg.wait_idle(timeout=15)
    finally:
        started = time.monotonic()
        await asyncio.wait_for(stack.aclose(), 10)
        stopping = time.monotonic() - started
    print(
        f"private p99 {max(latencies) * 1000:.0f} ms with 150 group messages; stop {stopping:.2f} s"
    )
    assert len(latencies) == len(PRIVATE)
    assert len(tg.sent_to(GROUP)) == 1  # one pointer per cooldown; the rest dropped at once
    assert stopping < 5
