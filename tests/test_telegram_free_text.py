"""Free text on Telegram, end to end (issue 10): questions mid-interview, the compact menu after
the recommendation, and the bot's description and command menu.

The real PTB Application over HTTP against the fake Bot API (bench/fake_bot_api).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.fake_bot_api import FakeTelegram
from bench.telegram_driver import SimUser, bot_running
from bot.telegram import presence
from bot.telegram.texts import load_telegram_text
from flows.content import default_content
from tests.test_telegram_bot import answers_in_db
from tests.test_telegram_plan import finish_interview

USER = 1010
TO_BUDGET = [
    "Let's begin",
    "I haven't coded yet",
    "No degree",
    "Not sure yet",
    "Startup, mid-size",
    "No",
]


async def test_a_question_mid_interview_gets_a_short_answer_and_the_same_question(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    db = tmp_path / "bot.db"
    prompt = default_content().dialogue.questions["budget_usd"].prompt
    async with bot_running(tg, db):
        user = SimUser(tg, USER)
        await user.say("/start")
        for label in TO_BUDGET:
            await user.tap(label)
        before = answers_in_db(db, USER)
        screen = await user.say("how much does the accelerated program pay?")
        assert "$26,000" in screen.text  # answered from the advice
        assert prompt in screen.text  # and the same question again, with its buttons
        assert any("Up to $15,000" in b["text"] for b in user.buttons)
        assert answers_in_db(db, USER) == before  # nothing lost, nothing changed
        screen = await user.say("I'm a citizen, do I still need a visa?")
        assert prompt in screen.text and answers_in_db(db, USER) == before
        await user.say("15k")
        assert answers_in_db(db, USER) == {**before, "budget_usd": 15000}


async def test_did_you_mean_on_telegram(tg: FakeTelegram, tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    async with bot_running(tg, db):
        user = SimUser(tg, USER)
        await user.say("/start")
        for label in TO_BUDGET:
            await user.tap(label)
        screen = await user.say("2")
        assert "Did you mean $2,000 or $2?" in screen.text
        assert "budget_usd" not in answers_in_db(db, USER)
        await user.tap("$2,000")
        assert answers_in_db(db, USER)["budget_usd"] == 2000


async def test_hints_on_telegram_say_tap_or_type(tg: FakeTelegram, tmp_path: Path) -> None:
    words = load_telegram_text().messages
    async with bot_running(tg, tmp_path / "bot.db"):
        user = SimUser(tg, USER)
        await user.begin()
        screen = await user.say("astronaut")
        assert words["hint_choice"] in screen.text
        assert "number" not in screen.text.lower()  # its buttons have no numbers


async def test_after_the_recommendation_a_stray_message_gets_the_compact_menu(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    menu = default_content().dialogue.messages["menu_after_recommendation"]
    async with bot_running(tg, tmp_path / "bot.db"):
        user = SimUser(tg, USER)
        await finish_interview(user)
        for typed in ("thanks", "/help", "asdf"):
            screen = await user.say(typed)
            assert len(screen.text) < 800, (typed, len(screen.text))
            assert menu in screen.text and "Recommended path" not in screen.text, typed
        screen = await user.tap("My recommendation")
        assert "Recommended path" in screen.text


async def test_a_topic_button_answers_and_keeps_the_place(tg: FakeTelegram, tmp_path: Path) -> None:
    async with bot_running(tg, tmp_path / "bot.db"):
        user = SimUser(tg, USER)
        await user.begin()
        screen = await user.say("which certifications matter most?")
        assert "AWS Machine Learning Specialty" in screen.text
        screen = await user.tap("The certifications compared")  # a related topic
        assert "TensorFlow" in screen.text
        assert default_content().dialogue.questions["coding_experience"].prompt in screen.text


async def test_description_and_every_user_command_are_set_at_start_up(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    words = load_telegram_text()
    async with bot_running(tg, tmp_path / "bot.db"):
        await tg.wait_for(lambda r: r.method == "setMyShortDescription")
        assert tg.description == words.messages["description"]
        assert tg.short_description == words.messages["short_description"]
        names = {c.command for c in tg.commands}
        assert {"start", "help", "reminders", "progress", "export", "privacy", "delete"} <= names


async def test_presence_failures_are_retried_and_never_fatal(
    tg: FakeTelegram, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(presence, "RETRY_DELAYS", (0.01, 0.01))
    tg.fail_next("setMyDescription", error_code=500, description="Internal Server Error")
    tg.fail_next("setMyCommands", error_code=500, description="Internal Server Error", times=5)
    async with bot_running(tg, tmp_path / "bot.db"):
        user = SimUser(tg, USER)
        screen = await user.say("/start")  # the bot answers whatever happened to the menu
        assert "AI PATH ADVISOR" in screen.text.upper()
        await tg.wait_for(lambda r: r.method == "setMyShortDescription")
        assert tg.description == load_telegram_text().messages["description"]  # retried
        assert tg.commands == []  # gave up after three tries, and the bot runs on
        await user.tap("Let's begin")


def test_descriptions_fit_telegram_limits() -> None:
    words = load_telegram_text()
    assert 0 < len(words.messages["description"]) <= 512
    assert 0 < len(words.messages["short_description"]) <= 120
