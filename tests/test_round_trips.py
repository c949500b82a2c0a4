"""How many hops to aiosqlite's thread one button tap costs (each hop is a queue round trip).

Counted by wrapping the queue every aiosqlite call goes through (`Connection._execute`: every
execute, fetch and cursor call is one hop), with a real SQLite file and the real dispatcher.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import aiosqlite
import pytest

from bot.console import console_dispatcher
from bot.dispatcher import Dispatcher
from bot.storage import open_storage
from flows.actions import Begin
from flows.engine import Engine
from flows.events import Command, Press
from tests.telegram_driver import FakeClock

USER = 5


@pytest.fixture
async def dispatcher(engine: Engine, tmp_path: Path) -> AsyncIterator[Dispatcher]:
    storage = await open_storage(tmp_path / "bot.db")
    yield console_dispatcher(engine, storage, FakeClock())
    await storage.close()


@pytest.fixture
def hops(monkeypatch: pytest.MonkeyPatch) -> Callable[[], int]:
    """Counts hops to the database thread from now on; call it to read the count so far."""
    count = 0
    queue = aiosqlite.Connection._execute

    async def counted(self: aiosqlite.Connection, fn: Any, *args: Any, **kwargs: Any) -> Any:
        nonlocal count
        count += 1
        return await queue(self, fn, *args, **kwargs)

    monkeypatch.setattr(aiosqlite.Connection, "_execute", counted)
    return lambda: count


async def test_a_button_tap_costs_two_hops_and_its_shown_message_one(
    dispatcher: Dispatcher, hops: Callable[[], int]
) -> None:
    out = await dispatcher.handle(USER, USER, Command("start"), update_id=1)
    await dispatcher.shown(USER, 100, out.screens[-1])
    begin = next(b.action for b in out.screens[-1].flat_buttons if isinstance(b.action, Begin))

    before = hops()
    out = await dispatcher.handle(USER, USER, Press(begin), update_id=2, pressed_message_id=100)
    assert out.edit == 100
    assert hops() - before == 2  # load, then one UPSERT that also writes the new window
    before = hops()
    await dispatcher.shown(USER, 100, out.screens[-1])
    assert hops() - before == 1

    before = hops()
    again = await dispatcher.handle(USER, USER, Press(begin), update_id=2, pressed_message_id=100)
    assert again.duplicate and hops() - before == 1  # a redelivery: only the load
    record = await dispatcher.storage.load(USER)
    assert record is not None and [u for u, _ in record.recent_updates] == [1, 2]
