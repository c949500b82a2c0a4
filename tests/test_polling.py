"""Long polling (bot/telegram/polling.py): each update parsed once, outages logged quietly."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from telegram import Update

from bench.fake_bot_api import FakeTelegram
from bench.fake_bot_api.faults import FaultPlan
from bench.telegram_driver import SimUser, bot_running

USER = 4243


async def test_each_update_is_parsed_once_and_the_unreadable_skipped(
    tg: FakeTelegram, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[int] = []
    real = Update.de_json.__func__  # type: ignore[attr-defined]

    def counting(cls: type[Update], data: Any, bot: Any = None) -> Update:
        parsed.append(data.get("update_id") if isinstance(data, dict) else -1)
        return real(cls, data, bot)  # type: ignore[no-any-return]

    monkeypatch.setattr(Update, "de_json", classmethod(counting))
    async with bot_running(tg, tmp_path / "bot.db"):
        await tg.wait_polling()
        first = tg.push_text(USER, "/start")
        bad = tg.push_malformed(USER, "secret words")
        second = tg.push_text(USER, "/help")
        assert await tg.wait_until(
            lambda: len(tg.sent_to(USER)) == 2
        )  # /start's and /help's answers
        await tg.wait_idle()
    assert sorted(parsed) == [first, bad, second]


def polling_lines(caplog: pytest.LogCaptureFixture) -> list[tuple[int, str]]:
    return [
        (r.levelno, r.getMessage().split()[0])
        for r in caplog.records
        if r.name == "aipath.polling" and r.levelno >= logging.INFO
    ]


async def test_an_outage_is_one_warning_and_its_end_one_info(
    tg: FakeTelegram, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    person = SimUser(tg, USER, timeout=20)
    async with bot_running(tg, tmp_path / "bot.db"):
        await tg.wait_polling()
        tg.fail_next("getUpdates", error_code=502, times=3)  # Telegram's edge is down
        await person.say("/start")  # ends the held poll; the next three fail
        assert await tg.wait_until(lambda: failed_polls(tg) == 3)
        await person.say("/help")  # answered once polling works again
        tg.inject_faults(FaultPlan(seed=1, rate=1.0, methods=frozenset({"getUpdates"})))
        assert await tg.wait_until(lambda: failed_polls(tg) >= 6)  # resets, stalls, 429s, 5xx
        tg.inject_faults(None)
        await person.say("/profile")
    assert polling_lines(caplog) == [
        (logging.WARNING, "event=polling_interrupted"),
        (logging.INFO, "event=polling_resumed"),
        (logging.WARNING, "event=polling_interrupted"),
        (logging.INFO, "event=polling_resumed"),
    ]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


def failed_polls(tg: FakeTelegram) -> int:
    return sum(1 for r in tg.requests if r.method == "getUpdates" and (r.ok is False or r.fault))
