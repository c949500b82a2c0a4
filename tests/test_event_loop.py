"""`aipath bot` runs on uvloop when it is installed, and on asyncio's loop when it is not."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator

import pytest
import uvloop

from bot import cli
from bot.settings import Settings


async def running_loop() -> asyncio.AbstractEventLoop:
    return asyncio.get_running_loop()


@pytest.fixture
def loops_seen(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[asyncio.AbstractEventLoop]]:
    """Replaces run_bot by a stand-in making loops the way it does: `asyncio.run` for the
    start-up check, then a new loop for PTB."""
    seen: list[asyncio.AbstractEventLoop] = []

    def fake_run_bot(settings: Settings) -> int:
        seen.append(asyncio.run(running_loop()))
        loop = asyncio.new_event_loop()
        seen.append(loop)
        loop.close()
        return 0

    monkeypatch.setattr("bot.telegram.app.run_bot", fake_run_bot)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456:TEST-token")
    yield seen
    asyncio.set_event_loop_policy(None)


def test_the_bot_takes_uvloop_when_installed(loops_seen: list[asyncio.AbstractEventLoop]) -> None:
    assert cli.main(["bot"]) == 0
    assert len(loops_seen) == 2
    assert all(isinstance(loop, uvloop.Loop) for loop in loops_seen)


def test_without_uvloop_the_bot_keeps_asyncio(
    loops_seen: list[asyncio.AbstractEventLoop], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "uvloop", None)  # import uvloop now raises ImportError
    assert cli.main(["bot"]) == 0
    assert len(loops_seen) == 2
    assert not any(isinstance(loop, uvloop.Loop) for loop in loops_seen)
