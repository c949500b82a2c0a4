"""Updates that go wrong: an unparseable update, a failing handler after or before answering."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from telegram import Update
from telegram.ext import CallbackQueryHandler, ContextTypes

from bench.fake_bot_api import FakeTelegram
from bench.telegram_driver import SimUser, bot_running

USER = 5150
SECRET = "my-private-answer-7d1e"


async def test_an_unparseable_update_is_skipped_and_logged_once_without_content(
    tg: FakeTelegram, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)  # the level the bot runs at by default
    async with bot_running(tg, tmp_path / "bot.db"):
        await tg.wait_polling()
        bad = tg.push_malformed(USER, SECRET)
        screen = await SimUser(tg, USER).say("/start")
        assert "AI Path Advisor" in screen.text
        polls = [r for r in tg.requests if r.method == "getUpdates"]
    assert any(int(r.params.get("offset") or 0) > bad for r in polls)  # confirmed to Telegram
    assert len(polls) < 10, len(polls)
    skipped = [r for r in caplog.records if "update_unparseable" in r.getMessage()]
    assert len(skipped) == 1 and f"update={bad}" in skipped[0].getMessage()
    assert SECRET not in caplog.text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def answers_then_fails(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.callback_query is not None
    await update.callback_query.answer()
    raise RuntimeError("boom after answering")


async def fails_before_answering(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    raise RuntimeError("boom before answering")


def first(app: Any, pattern: str, callback: Any) -> None:
    """Put a test handler before the bot's own catch-all for button presses."""
    app.add_handler(CallbackQueryHandler(callback, pattern=pattern))
    app.handlers[0].insert(0, app.handlers[0].pop())


async def test_the_error_handler_never_answers_a_callback_twice(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    async with bot_running(tg, tmp_path / "bot.db") as app:
        first(app, "^boom$", answers_then_fails)
        await tg.wait_polling()
        mark = tg.mark()
        tg.push_callback(USER, "boom", 1)
        apology = await tg.wait_for(
            lambda r: r.method == "sendMessage" and r.chat_id == USER, since=mark
        )
        await tg.wait_idle()
    answers = [r for r in tg.requests[mark:] if r.method == "answerCallbackQuery"]
    assert len(answers) == 1 and tg.violations == []
    assert "Sorry" in str(apology.params["text"])


async def test_the_apology_is_sent_when_answering_the_callback_fails(tmp_path: Path) -> None:
    async with FakeTelegram() as tg, bot_running(tg, tmp_path / "bot.db") as app:
        first(app, "^boom$", fails_before_answering)
        await tg.wait_polling()
        tg.fail_next("answerCallbackQuery", error_code=400)
        mark = tg.mark()
        tg.push_callback(USER, "boom", 1)
        apology = await tg.wait_for(
            lambda r: r.method == "sendMessage" and r.chat_id == USER, since=mark
        )
        assert "Sorry" in str(apology.params["text"])
        assert tg.violations == []


async def reveals_content(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    raise OSError(36, "File name too long", f"/usr/share/zoneinfo/{SECRET}")


async def test_a_failing_handler_logs_where_it_failed_never_the_message(
    tg: FakeTelegram, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    async with bot_running(tg, tmp_path / "bot.db") as app:
        first(app, "^leak$", reveals_content)
        await tg.wait_polling()
        mark = tg.mark()
        tg.push_callback(USER, "leak", 1)
        await tg.wait_for(lambda r: r.method == "sendMessage" and r.chat_id == USER, since=mark)
    failed = [r for r in caplog.records if "update_failed" in r.getMessage()]
    assert len(failed) == 1 and "reveals_content" in failed[0].getMessage()
    assert SECRET not in caplog.text
