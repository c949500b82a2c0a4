"""The yes/no questions (start over? continue where you were? erase everything?): data on one
shared machine, and each a screen of its own in both front ends, where typed text answers the
question (its number, yes/no, "continue") and never the interview question behind it."""

from __future__ import annotations

from pathlib import Path

from bench.fake_bot_api import FakeTelegram
from bench.telegram_driver import SimUser, bot_running
from flows.conversation import Conversation
from flows.dialogues.on_screen import MACHINE, move
from flows.engine import Engine
from flows.events import Text
from tests.test_console import chat


def test_a_question_is_answered_once() -> None:
    assert move("interview", "ask_delete") == ("confirm_delete", None, True)
    assert move("confirm_delete", "delete_yes") == ("interview", "delete", True)
    assert move("interview", "delete_yes") == ("interview", None, False)  # a double tap
    assert move("confirm_restart", "restart_no") == ("interview", "kept", True)


def test_an_answer_to_another_question_does_nothing() -> None:
    assert move("confirm_restart", "delete_yes") == ("confirm_restart", None, False)
    assert move("confirm_delete", "restart_yes") == ("confirm_delete", None, False)


def test_anything_else_closes_the_question_or_the_setup() -> None:
    assert move("confirm_delete", "close") == ("interview", None, True)
    assert move("setup", "close") == ("interview", None, True)
    assert move("confirm_resume", "ask_restart") == ("confirm_restart", None, True)


def test_the_machine_keeps_no_conversations() -> None:
    move("interview", "ask_restart")
    assert MACHINE.models == []


# ------------------------------------------------------------------------------ the console


def test_in_the_console_a_number_answers_the_restart_question(
    engine: Engine, tmp_path: Path
) -> None:
    # begin, "I ship production code", then /restart at the years question (a number question)
    out = chat(engine, tmp_path / "a.db", ["1", "3", "/restart", "1"])
    assert "Start over?" in out
    assert out.count("Fresh start") == 1  # "1" picked "Yes, start over", not 1 year
    out = chat(engine, tmp_path / "a.db", ["/profile"])
    assert "years" not in out.lower().split("your answers")[-1]


def test_in_the_console_yes_no_and_continue_answer_the_question(
    engine: Engine, tmp_path: Path
) -> None:
    db = tmp_path / "b.db"
    out = chat(engine, db, ["1", "4", "/restart", "no"])
    assert "your answers stay as they are" in out
    out = chat(engine, db, ["/restart", "maybe later"])
    assert "Please answer this question first." in out and "Fresh start" not in out
    out = chat(engine, db, ["yes"])
    assert "Fresh start" in out
    out = chat(engine, db, ["1", "4", "/start", "continue"])
    assert "Welcome back" in out and "Please answer" not in out
    assert out.rstrip().split("Welcome back")[-1].count("How many years") == 1
    out = chat(engine, db, ["/delete", "2"])
    assert "Nothing was deleted." in out


# ------------------------------------------------------------------------------ Telegram


async def test_on_telegram_typed_text_answers_the_open_question(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    async with bot_running(tg, tmp_path / "bot.db"):
        user = SimUser(tg, 501)
        await user.begin()
        await user.tap("I ship production code")
        screen = await user.say("/restart")
        assert "Start over?" in screen.text
        screen = await user.say("1")  # the first button, not "1 year"
        assert "Fresh start" in screen.text and "Question 1 of" in screen.text
        await user.tap("I ship production code")
        screen = await user.say("/start")
        assert "Welcome back" in screen.text
        screen = await user.say("carry on")
        assert "How many years" in screen.text and "Welcome back" not in screen.text
        screen = await user.say("/restart")
        screen = await user.say("what?")
        assert "Please answer this question first." in screen.text
        assert "Start over?" in screen.text
        screen = await user.say("nope")
        assert "your answers stay as they are" in screen.text
        screen = await user.say("/delete")
        assert "Delete everything" in screen.text
        screen = await user.say("no", keyboard=False)
        assert "Nothing was deleted." in screen.text


def test_an_answer_typed_on_the_welcome_back_is_taken_where_the_person_was(
    engine: Engine,
) -> None:
    """QA round 3: "Welcome back — you were on question 10" and the person types their hours;
    that goes on where they were instead of "Please answer this question first"."""
    answers = {"coding_experience": "none", "degree": "none", "goal_role": "applied_ml"}
    back = Conversation(state="hours_per_week", answers=answers, dialogue="confirm_resume")
    step = engine.handle(back, Text("20 hours a week"))
    assert step.changed and step.conversation.dialogue == "interview"
    assert step.conversation.answers["hours_per_week"] == 20
    step = engine.handle(back, Text("no"))  # a yes/no word is still read on the yes/no screen
    assert not step.changed and step.conversation.dialogue == "confirm_resume"
