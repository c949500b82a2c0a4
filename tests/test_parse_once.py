"""Each update is parsed once: PTB's Update parsing is the bot's largest cost after HTTP."""

from __future__ import annotations

from typing import Any

import pytest
from telegram import Update

from bench.fake_bot_api import FakeTelegram
from bot.telegram.extbot import AdvisorBot
from bot.telegram.request import AiohttpRequest

USER = 4242


async def test_get_updates_parses_each_update_once_and_skips_the_unreadable(
    tg: FakeTelegram, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[int] = []
    real = Update.de_json.__func__  # type: ignore[attr-defined]

    def counting(cls: type[Update], data: Any, bot: Any = None) -> Update:
        parsed.append(data.get("update_id") if isinstance(data, dict) else -1)
        return real(cls, data, bot)  # type: ignore[no-any-return]

    monkeypatch.setattr(Update, "de_json", classmethod(counting))
    first = tg.push_text(USER, "/start")
    bad = tg.push_malformed(USER, "secret words")
    second = tg.push_callback(USER, "go|welcome", message_id=1)
    bot = AdvisorBot(
        tg.token,
        base_url=tg.base_url,
        request=AiohttpRequest(1),
        get_updates_request=AiohttpRequest(1),
    )
    async with bot:
        updates = await bot.get_updates()
        assert updates[2].callback_query is not None
        await bot.answer_callback_query(updates[2].callback_query.id)
    assert [u.update_id for u in updates] == [first, bad, second]
    assert updates[1].effective_user is None  # the unreadable one is an empty update
    assert parsed == [first, bad, second]
    assert updates[0].message is not None and updates[0].message.text == "/start"
