"""End to end (PTB against the fake Bot API): after a screen update fails, the old keyboard still
counts and nobody is asked to repeat a saved answer; an update the database cannot save is
told so, with what is saved."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bench.fake_bot_api import FakeTelegram
from bench.telegram_driver import SimUser, bot_running, plain
from bot.telegram.runtime import KEY
from tests.test_repair import locked
from tests.test_telegram_bot import answers_in_db
from tests.test_webhook import update
from tests.test_webhook_safety import post, serving

USER = 1001
REFUSALS = ("moved on", "something went wrong", "try again")


def refusals_since(tg: FakeTelegram, mark: int) -> list[str]:
    """Texts, edits and toasts since `mark` that refuse a tap or ask to try again."""
    found = []
    for request in tg.requests[mark:]:
        text = str(request.params.get("text", "")).lower()
        if any(words in text for words in REFUSALS):
            found.append(f"{request.method}: {text[:60]}")
    return found


def attempts(tg: FakeTelegram, method: str, mark: int) -> int:
    return sum(1 for r in tg.requests[mark:] if r.method == method)


async def at_years(tg: FakeTelegram) -> SimUser:
    """/start, begin, "I ship production code": the years question on screen."""
    user = SimUser(tg, USER)
    await user.begin()
    await user.tap("I ship production code")
    return user


async def test_after_a_failed_update_another_answer_on_the_old_keyboard_is_taken(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    db = tmp_path / "bot.db"
    async with bot_running(tg, db):
        user = await at_years(tg)
        keyboard = user.keyboard_message
        assert keyboard is not None
        tg.fail_next("editMessageText", error_code=502, times=4)  # every attempt: 502
        mark = len(tg.requests)
        tg.push_callback(USER, user.find("3–5 years")["callback_data"], keyboard)
        await tg.wait_for(
            lambda r: r.index >= mark and attempts(tg, "editMessageText", mark) == 4, timeout=10
        )
        assert "Question 2 of 10" in plain(tg.messages[USER][keyboard]["text"])  # still there
        screen = await user.tap("6–10 years", message_id=keyboard)  # they change their mind
        assert "Question 3 of 10" in screen.text and screen.last.method == "editMessageText"
        assert refusals_since(tg, mark) == []
    assert answers_in_db(db, USER)["years_experience"] == 6  # the last tap


async def test_a_shown_answer_the_database_cannot_record_gets_no_apology(
    tg: FakeTelegram, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Saved and shown, then the database goes away before the message is recorded as shown:
    the person has their answer and their next question; nothing to apologise for."""
    db = tmp_path / "bot.db"
    async with bot_running(tg, db) as app:
        user = await at_years(tg)
        tg.hold_sends()  # the reply waits at Telegram's door...
        mark = len(tg.requests)
        tg.push_text(USER, "4")  # typed: saved, and answered with a new message
        await tg.wait_held_sends()
        async with locked(app.bot_data[KEY].storage, db):  # ...while another process writes
            with caplog.at_level(logging.WARNING):
                tg.release_sends()
                await tg.wait_for(lambda r: r.index >= mark and r.method == "sendMessage")
                # One person's updates run in order: this is handled after the failed record
                # (and /export writes nothing, so it works with the database locked).
                await user.say("/export", keyboard=False)
        assert refusals_since(tg, mark) == []  # the answer is stored: no "try again"
        assert "event=shown_not_recorded" in caplog.text
    assert answers_in_db(db, USER)["years_experience"] == 4


async def test_a_tap_the_database_cannot_save_is_told_so_with_what_is_saved(
    tg: FakeTelegram, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "bot.db"
    async with bot_running(tg, db) as app:
        user = await at_years(tg)
        async with locked(app.bot_data[KEY].storage, db):  # another process is writing
            with caplog.at_level(logging.WARNING):
                screen = await user.tap("3–5 years")
        assert "NOT saved" in screen.text and "Question 2 of 10" in screen.text
        assert screen.last.method == "editMessageText"  # the pressed message shows what is saved
        assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
        assert "event=update_not_saved" in caplog.text
        screen = await user.tap("3–5 years")  # the database is back: the same tap is applied
        assert "Question 3 of 10" in screen.text
    assert answers_in_db(db, USER)["years_experience"] == 3


async def test_a_webhook_update_the_database_cannot_save_is_delivered_again(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """Through the real dispatcher: not saved, nothing shown, so Telegram is asked to deliver
    it again (503) instead of the person being told; once the database is back it is applied."""
    db = tmp_path / "bot.db"
    async with serving(tg, db) as (app, url):
        assert await post(url, update(1, "/start")) == 200
        async with locked(app.bot_data[KEY].storage, db):
            assert await post(url, update(2, "/restart")) == 503
        assert len(tg.sent_to(5)) == 1  # only the welcome: no apology, no "not saved"
        assert await post(url, update(2, "/restart")) == 200  # delivered again: applied
        assert len(tg.sent_to(5)) == 2
