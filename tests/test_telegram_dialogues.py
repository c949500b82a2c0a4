"""Which dialogue owns an update, end to end (issue 8, defects 4, 6, 7 and 8).

The real PTB Application over HTTP against the fake Bot API; the `tg` fixture fails a test on any
Bot API rule broken (an edit that changes nothing included) and on any unanswered button.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bench.fake_bot_api import FakeTelegram
from bench.telegram_driver import FakeClock, SimUser, bot_running
from bot.telegram.runtime import KEY
from flows.actions import ManageReminders, NudgeDone, RemindMe, Snooze
from tests.test_telegram_bot import answers_in_db
from tests.test_telegram_plan import finish_interview

USER = 1001
SORRY = "Sorry, something went wrong"
NOT_READY = "Your plan comes with your recommendation"


def texts_to(tg: FakeTelegram, since: int) -> list[str]:
    return [
        str(r.params.get("text", ""))
        for r in tg.requests[since:]
        if r.method in ("sendMessage", "editMessageText")
    ]


async def wait_answers(tg: FakeTelegram, since: int, count: int) -> None:
    def enough(_: object) -> bool:
        answered = [r for r in tg.requests[since:] if r.method == "answerCallbackQuery"]
        return len(answered) >= count

    await tg.wait_for(enough, since=since)


# ---------------------------------------------------------------------------------- defect 4


async def test_reminders_mid_interview_never_capture_a_typed_answer(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """The issue's repro: /start → begin → 'I ship production code' → /reminders → type 3."""
    db = tmp_path / "bot.db"
    async with bot_running(tg, db):
        user = SimUser(tg, USER)
        await user.begin()
        await user.tap("I ship production code")
        screen = await user.say("/reminders")
        assert NOT_READY in screen.text
        screen = await user.say("3")
        assert "don't know that timezone" not in screen.text
        assert answers_in_db(db, USER)["years_experience"] == 3


async def test_another_dialogue_abandons_a_half_finished_setup(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    db = tmp_path / "bot.db"
    async with bot_running(tg, db) as app:
        user = SimUser(tg, USER)
        await finish_interview(user)
        screen = await user.say("/reminders")
        assert "Which timezone" in screen.text
        await user.say("/restart")
        await user.tap("Yes, start over")
        await user.tap("I ship production code")
        screen = await user.say("3")
        assert "don't know that timezone" not in screen.text
        assert answers_in_db(db, USER)["years_experience"] == 3
        state = await app.bot_data[KEY].storage.load_turn(USER)
        assert state.conversation.setup is None and state.conversation.dialogue == "interview"


# ---------------------------------------------------------------------------------- defect 6


async def test_reminder_commands_and_buttons_without_a_stored_row(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    async with bot_running(tg, tmp_path / "bot.db"):
        user = SimUser(tg, USER)
        mark = tg.mark()
        screen = await user.say("/reminders")  # first contact: no row at all
        assert NOT_READY in screen.text
        message = screen.last.result["message_id"]
        for action in (RemindMe(), ManageReminders("pause"), Snooze("day"), NudgeDone(0)):
            tg.push_callback(USER, action.encode(), message)
        await wait_answers(tg, mark, 4)
        await user.say("/progress", keyboard=False)
        assert not any(SORRY in t for t in texts_to(tg, mark))


async def test_reminders_after_delete_is_a_friendly_reply(tg: FakeTelegram, tmp_path: Path) -> None:
    async with bot_running(tg, tmp_path / "bot.db"):
        user = SimUser(tg, USER)
        await finish_interview(user)
        await user.say("/delete")
        await user.tap("Yes, delete everything", keyboard=False)
        mark = tg.mark()
        screen = await user.say("/reminders")
        assert NOT_READY in screen.text
        assert not any(SORRY in t for t in texts_to(tg, mark))


# ---------------------------------------------------------------------------------- defect 7


async def test_a_failed_toast_never_changes_the_outcome(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """answerCallbackQuery fails (502 → NetworkError): the answer stands, the screen shows,
    and the update is not treated as failed (no error logged, no apology)."""
    db = tmp_path / "bot.db"
    async with FakeTelegram() as tg, bot_running(tg, db):
        user = SimUser(tg, USER)
        await user.say("/start")
        tg.fail_next("answerCallbackQuery", error_code=502)
        screen = await user.tap("Let's begin")
        assert "Question 1 of" in screen.text
        tg.fail_next("answerCallbackQuery", error_code=502)
        screen = await user.tap("I ship production code")
        assert "Question 2 of" in screen.text
        assert answers_in_db(db, USER)["coding_experience"] == "production"
        await user.say("/profile")  # handled after the taps: any apology would be sent by now
        assert not any(SORRY in t for t in texts_to(tg, 0))
        assert "update_failed" not in caplog.text
        assert tg.violations == []


# ---------------------------------------------------------------------------------- defect 8


async def test_double_tap_in_reminder_setup_shows_what_is_saved(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    async with bot_running(tg, tmp_path / "bot.db", FakeClock()) as app:
        user = SimUser(tg, USER)
        await finish_interview(user)
        await user.say("/reminders")
        await user.tap("UTC")
        await user.tap("Weekly")
        message = user.keyboard_message
        assert message is not None
        tue = user.find("Tue")["callback_data"]
        mark = tg.mark()
        tg.push_callback(USER, tue, message)
        tg.push_callback(USER, tue, message)  # the second tap arrives on the stale keyboard
        await wait_answers(tg, mark, 2)  # both taps are committed before they are answered
        setup = (await app.bot_data[KEY].storage.load_turn(USER)).conversation.setup
        assert setup is not None and setup.days == (0, 1)
        await user.say("/privacy", keyboard=False)  # handled after both taps (per-user order)
        edits = [r for r in tg.requests[mark:] if r.method == "editMessageText"]
        assert len(edits) == 1  # the second tap changes nothing, so nothing is edited
        shown = [
            b["text"] for row in edits[-1].params["reply_markup"]["inline_keyboard"] for b in row
        ]
        assert "✓ Mon" in shown and "✓ Tue" in shown


async def test_double_tap_on_delete_confirmation(tg: FakeTelegram, tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    async with bot_running(tg, db):
        user = SimUser(tg, USER)
        await finish_interview(user)
        await user.say("/delete")
        message = user.keyboard_message
        assert message is not None
        yes = user.find("Yes, delete everything")["callback_data"]
        mark = tg.mark()
        tg.push_callback(USER, yes, message)
        tg.push_callback(USER, yes, message)
        await wait_answers(tg, mark, 2)
        await user.say("/privacy", keyboard=False)
        edits = [r for r in tg.requests[mark:] if r.method == "editMessageText"]
        assert len(edits) == 1 and "everything about you is erased" in edits[0].params["text"]
        with sqlite3.connect(db) as conn:
            assert conn.execute("SELECT COUNT(*) FROM users").fetchone()[0] == 0


async def test_tap_on_an_inaccessible_message_sends_a_new_one(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    db = tmp_path / "bot.db"
    async with bot_running(tg, db):
        user = SimUser(tg, USER)
        await user.begin()
        message = user.keyboard_message
        assert message is not None
        data = user.find("I ship production code")["callback_data"]
        mark = tg.mark()
        tg.push_callback(USER, data, message, inaccessible=True)
        await wait_answers(tg, mark, 1)
        sent = await tg.wait_for(lambda r: r.method == "sendMessage", since=mark)
        assert "Question 2 of" in str(sent.params["text"])
        assert not [r for r in tg.requests[mark:] if r.method == "editMessageText"]
        assert answers_in_db(db, USER)["coding_experience"] == "production"
