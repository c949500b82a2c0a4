"""End to end: the real PTB Application, over HTTP, against a fake Bot API on 127.0.0.1."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from bench.fake_bot_api import FakeTelegram
from bench.telegram_driver import FakeClock, SimUser, bot_running, buttons_of, plain

USER = 1001
BUTTON_PATH = [
    "Let's begin",
    "I ship production code",
    "3–5 years",
    "Bachelor's in CS",
    "Applied ML engineer",
    "Startup, mid-size",
    "No",
    "Up to $15,000",
    "No, I need my income",
    "Yes, I could live on that",
    "About 20",
    "With structure",
]


def answers_in_db(db: Path, user_id: int) -> dict[str, object]:
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT conversation FROM users WHERE user_id = ?", (user_id,)
        ).fetchone()
    import json

    return dict(json.loads(row[0])["answers"]) if row else {}


def state_in_db(db: Path, user_id: int) -> str | None:
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT state FROM users WHERE user_id = ?", (user_id,)).fetchone()
    return row[0] if row else None


async def test_whole_interview_by_buttons(tg: FakeTelegram, tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    async with bot_running(tg, db):
        user = SimUser(tg, USER)
        screen = await user.say("/start")
        assert "AI Path Advisor" in screen.text
        for label in BUTTON_PATH:
            screen = await user.tap(label)
            assert screen.last.method == "editMessageText"  # the question edits in place
        assert "Your answers" in screen.text
        screen = await user.tap("Looks right")
        assert "Recommended path: Accelerated" in screen.text
        assert all(len(t) <= 4096 for t in screen.texts)
        assert {"My plan", "Change answers"} <= {
            b["text"].split(" ", 1)[-1] for b in buttons_of(screen.last.params)
        }
    assert state_in_db(db, USER) == "recommendation"
    assert [c.command for c in tg.commands][:3] == ["start", "help", "back"]


async def test_typed_answers_valid_and_invalid(tg: FakeTelegram, tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    async with bot_running(tg, db):
        user = SimUser(tg, USER)
        await user.begin()
        await user.tap("I ship production code")
        screen = await user.say("lots of <years>")
        assert "whole number" in screen.text and "Question 2 of 11" in screen.text
        screen = await user.say("4")
        assert "Question 3 of 11" in screen.text
        for label in BUTTON_PATH[3:6]:
            await user.tap(label)
        await user.tap("No")
        screen = await user.say("$12,500")
        assert "Question 8 of 11" in screen.text
        await user.tap("No, I need my income")
        await user.tap("Yes, I could live on that")
        screen = await user.say("200")
        assert "between 1 and 80" in screen.text
        await user.say("15 hours")
    answers = answers_in_db(db, USER)
    assert answers["years_experience"] == 4
    assert answers["budget_usd"] == 12500
    assert answers["hours_per_week"] == 15


@pytest.mark.parametrize("kind", ["sticker", "photo", "voice", "document", "location", "contact"])
async def test_non_text_messages_get_a_hint_and_the_question(
    tg: FakeTelegram, tmp_path: Path, kind: str
) -> None:
    async with bot_running(tg, tmp_path / "bot.db"):
        user = SimUser(tg, USER)
        await user.begin()
        mark = len(tg.requests)
        tg.push_kind(USER, kind)
        screen = await user._screen(mark, keyboard=True)
        assert "only read text" in screen.texts[0]
        assert "Question 1 of" in screen.text


async def test_edited_messages_are_ignored(tg: FakeTelegram, tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    async with bot_running(tg, db):
        user = SimUser(tg, USER)
        await user.begin()
        await user.tap("I ship production code")
        tg.push_edited_text(USER, 1, "10")
        screen = await user.say("3")  # the next real message is handled normally
        assert "Question 3 of 11" in screen.text
    assert answers_in_db(db, USER)["years_experience"] == 3


async def test_stale_button_is_answered_and_shows_where_the_user_is(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    async with bot_running(tg, tmp_path / "bot.db"):
        user = SimUser(tg, USER)
        await user.begin()
        first_question = user.keyboard_message
        await user.tap("I haven't coded yet")
        await user.say("/profile")  # a new message: the question message is no longer current
        user.buttons = [{"text": "old", "callback_data": "coding_experience|=ml"}]
        screen = await user.tap("old", message_id=first_question)
        answer = next(r for r in reversed(tg.requests) if r.method == "answerCallbackQuery")
        assert "moved on" in answer.params.get("text", "")
        assert "Question 2 of 10" in screen.text


async def test_double_tap_records_once_and_skips_nothing(tg: FakeTelegram, tmp_path: Path) -> None:
    """The second tap reaches the bot after the first moved on: it is a tap on the keyboard the
    person still had in front of them, the same answer again, so nothing changes and nothing is
    refused (flows/turn/repair.py)."""
    db = tmp_path / "bot.db"
    async with bot_running(tg, db):
        user = SimUser(tg, USER)
        await user.begin()
        button = user.find("I ship production code")
        mark = len(tg.requests)
        tg.push_callback(USER, button["callback_data"], user.keyboard_message)
        tg.push_callback(USER, button["callback_data"], user.keyboard_message)

        def answered(r: Any) -> bool:
            return r.method == "answerCallbackQuery"

        first = await tg.wait_for(answered, timeout=10, since=mark)
        await tg.wait_for(answered, timeout=10, since=first.index + 1)
        assert not any("moved on" in str(r.params.get("text", "")) for r in tg.requests[mark:])
        assert "Question 2 of 11" in plain(tg.messages[USER][user.keyboard_message]["text"])
        screen = await user.say("/back")
        assert "Question 1 of 11" in screen.text
    assert state_in_db(db, USER) == "coding_experience"
    assert answers_in_db(db, USER) == {"coding_experience": "production"}


async def test_back_and_edit_from_summary(tg: FakeTelegram, tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    async with bot_running(tg, db):
        user = SimUser(tg, USER)
        await user.say("/start")
        for label in BUTTON_PATH:
            await user.tap(label)
        screen = await user.say("/back")
        assert "Current answer: With structure and mentors" in screen.text
        await user.tap("On my own")
        screen = await user.tap("Budget for tuition")
        assert "Current answer: $15,000" in screen.text
        screen = await user.say("40k")
        assert "Your answers" in screen.text and "$40,000" in screen.text
    assert answers_in_db(db, USER)["budget_usd"] == 40000
    assert answers_in_db(db, USER)["learning_style"] == "self_directed"


async def test_delete_leaves_no_row(tg: FakeTelegram, tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    async with bot_running(tg, db):
        user = SimUser(tg, USER)
        await user.say("/start source42")
        await user.tap("Let's begin")
        await user.say("/delete")
        await user.tap("Yes, delete everything", keyboard=False)
        await tg.wait_for(
            lambda r: r.method == "editMessageText" and "erased" in str(r.params.get("text")),
            timeout=10,
        )
    with sqlite3.connect(db) as conn:
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            assert not conn.execute(
                f"SELECT 1 FROM {table} WHERE user_id = ?", (USER,)
            ).fetchall(), table


async def test_group_chat_points_to_a_private_chat_once(tg: FakeTelegram, tmp_path: Path) -> None:
    async with bot_running(tg, tmp_path / "bot.db"):
        mark = len(tg.requests)
        tg.push_text(USER, "hello everyone", chat_type="group")
        tg.push_text(USER, "/start", chat_type="group")
        reply = await tg.wait_for(
            lambda r: r.index >= mark and r.method == "sendMessage", timeout=10
        )
        assert "private chat" in reply.params["text"]
        assert buttons_of(reply.params)[0]["url"].startswith("https://t.me/")
        user = SimUser(tg, USER + 1)
        await user.say("/start")  # a later private update proves the group text was skipped
    group_sends = [
        r for r in tg.requests if r.method == "sendMessage" and int(r.params["chat_id"]) < 0
    ]
    assert len(group_sends) == 1


async def test_returning_user_is_welcomed_back(tg: FakeTelegram, tmp_path: Path) -> None:
    clock = FakeClock()
    async with bot_running(tg, tmp_path / "bot.db", clock):
        user = SimUser(tg, USER)
        await user.say("/start")
        for label in BUTTON_PATH[:5]:
            await user.tap(label)
        clock.advance(days=3)
        screen = await user.say("hi again")
        assert "Welcome back — you were on question 5 of 11" in screen.text
        screen = await user.tap("Continue")
        assert "Question 5 of 11" in screen.text


async def test_long_recommendation_is_split_at_paragraphs(tg: FakeTelegram, tmp_path: Path) -> None:
    from bot.telegram.render import MAX_TEXT, render
    from flows.reply import Block, Reply

    blocks = tuple(Block("text", "word " * 300) for _ in range(12))
    chunks = render(Reply("recommendation", "recommendation", blocks))
    assert len(chunks) > 1 and all(len(c.html) <= MAX_TEXT for c in chunks)
    assert all(not c.html.startswith("\n") for c in chunks)


async def test_privacy_and_unknown_command(tg: FakeTelegram, tmp_path: Path) -> None:
    async with bot_running(tg, tmp_path / "bot.db"):
        user = SimUser(tg, USER)
        screen = await user.say("/privacy", keyboard=False)
        assert "What I store" in screen.text
        screen = await user.say("/frobnicate")
        assert "don't know that command" in screen.text
        screen = await user.say("/stats")  # not an admin: the ordinary unknown-command reply
        assert "don't know that command" in screen.text


async def test_logs_carry_no_token_and_no_answer_content(
    tg: FakeTelegram, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from bot.logs import configure_logging

    configure_logging("INFO")
    caplog.set_level("INFO")
    async with bot_running(tg, tmp_path / "bot.db"):
        user = SimUser(tg, USER)
        await user.begin()
        await user.tap("I ship production code")
        await user.say("7")
        await user.say("/frobnicate")
    text = caplog.text
    assert tg.token not in text and tg.token.split(":")[1] not in text
    assert "production" not in text and "frobnicate" not in text


async def test_admin_stats_and_export(tg: FakeTelegram, tmp_path: Path) -> None:
    import json

    async with bot_running(tg, tmp_path / "bot.db", AIPATH_ADMIN_IDS=str(USER)):
        user = SimUser(tg, USER)
        await user.begin()
        await user.tap("I haven't coded yet")
        screen = await user.say("/stats", keyboard=False)
        assert "Users started: 1" in screen.text and "degree: 1" in screen.text
        mark = len(tg.requests)
        tg.push_text(USER, "/export")
        sent = await tg.wait_for(lambda r: r.method == "sendDocument", since=mark, timeout=10)
        data = json.loads(sent.params["document"].data)
        assert data["users"][0]["conversation"]["answers"] == {"coding_experience": "none"}
