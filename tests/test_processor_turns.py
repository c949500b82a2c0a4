"""The update processor runs each user's update inside the storage's cross-process turn."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from telegram import Update, User

from bot.telegram.processor import PerUserUpdateProcessor


def update_from(user_id: int) -> Update:
    update = Update.de_json(
        {
            "update_id": 1,
            "message": {
                "message_id": 1,
                "date": 0,
                "chat": {"id": user_id, "type": "private"},
                "from": User(user_id, "Ada", False).to_dict(),
                "text": "hi",
            },
        },
        None,
    )
    assert update is not None
    return update


async def test_each_update_runs_inside_its_users_turn() -> None:
    events: list[str] = []

    @asynccontextmanager
    async def turn(user_id: int) -> AsyncIterator[None]:
        events.append(f"lock {user_id}")
        yield
        events.append(f"unlock {user_id}")

    async def handler() -> None:
        events.append("handle")

    processor = PerUserUpdateProcessor(4)
    processor.hold_turns_with(turn)
    await processor.do_process_update(update_from(7), handler())
    assert events == ["lock 7", "handle", "unlock 7"]


async def test_an_unreachable_database_fails_the_update_cleanly() -> None:
    @asynccontextmanager
    async def turn(user_id: int) -> AsyncIterator[None]:
        raise ConnectionRefusedError("database down")
        yield

    async def handler() -> None:
        raise AssertionError("must not run without the turn")

    processor = PerUserUpdateProcessor(4)
    processor.hold_turns_with(turn)
    with pytest.raises(ConnectionRefusedError):  # no "never awaited" warning either (-W error)
        await processor.do_process_update(update_from(7), handler())
    assert processor.in_flight == 0
