"""`aipath bot` runs on uvloop when it is installed, and on asyncio's loop when it is not."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator

import pytest
import uvloop

from bot import cli
from bot.settings import Settings


@pytest.fixture
def loop_seen(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[asyncio.AbstractEventLoop]]:
    """Replaces run_bot by a stand-in that records the loop PTB would have taken."""
    seen: list[asyncio.AbstractEventLoop] = []

    def fake_run_bot(settings: Settings) -> int:
        seen.append(asyncio.get_event_loop())
        return 0

    monkeypatch.setattr("bot.telegram.app.run_bot", fake_run_bot)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456:TEST-token")
    yield seen
    for loop in seen:
        loop.close()
    asyncio.set_event_loop(None)


def test_the_bot_takes_uvloop_when_installed(loop_seen: list[asyncio.AbstractEventLoop]) -> None:
    assert cli.main(["bot"]) == 0
    assert isinstance(loop_seen[0], uvloop.Loop)


def test_without_uvloop_the_bot_keeps_asyncio(
    loop_seen: list[asyncio.AbstractEventLoop], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "uvloop", None)  # import uvloop now raises ImportError
    asyncio.set_event_loop(asyncio.new_event_loop())
    assert cli.main(["bot"]) == 0
    assert not isinstance(loop_seen[0], uvloop.Loop)
