"""Every button press is answered exactly once, in time, whatever the turn and the network do."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import CallbackQueryHandler, ContextTypes

from bench.fake_bot_api import FakeTelegram
from bench.telegram_driver import bot_running
from bot.telegram.callback_answers import CallbackAnswers
from bot.telegram.send_policy import NotSent, OutcomeUnknown

QUERY = "cbq-1"


class Telegram:
    """Answers made (query id, text), failing the first ones as told."""

    def __init__(self, *failures: Exception) -> None:
        self.failures = list(failures)
        self.answers: list[tuple[str, str | None]] = []
        self.attempts = 0
        self.answered = asyncio.Event()

    async def send(self, query_id: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
        self.attempts += 1
        if self.failures:
            raise self.failures.pop(0)
        self.answers.append((query_id, kwargs.get("text", args[0] if args else None)))
        self.answered.set()
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0
        self.pauses: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.pauses.append(seconds)
        self.now += seconds


def answers_for(telegram: Telegram, clock: Clock, **kwargs: Any) -> CallbackAnswers:
    return CallbackAnswers(telegram.send, clock=clock, sleep=clock.sleep, **kwargs)


async def test_a_press_is_answered_once_whoever_answers() -> None:
    telegram, clock = Telegram(), Clock()
    answers = answers_for(telegram, clock)
    answers.arrived(QUERY)
    assert await answers.answer(QUERY, text="Saved")
    assert await answers.answer(QUERY, text="again")  # e.g. the error handler: dropped
    await answers.settle(QUERY)
    assert telegram.answers == [(QUERY, "Saved")]


async def test_a_press_nobody_answered_is_answered_when_its_update_is_done() -> None:
    telegram, clock = Telegram(), Clock()
    answers = answers_for(telegram, clock)
    answers.arrived(QUERY)
    await answers.settle(QUERY)  # the turn failed before answering
    assert telegram.answers == [(QUERY, None)]


async def test_a_lost_answer_is_repeated_within_the_window() -> None:
    telegram, clock = (
        Telegram(
            OutcomeUnknown("answerCallbackQuery", "HTTP 502"),
            NotSent("answerCallbackQuery", "refused"),
            OutcomeUnknown("answerCallbackQuery", "read timeout"),
        ),
        Clock(),
    )
    answers = answers_for(telegram, clock)
    answers.arrived(QUERY)
    assert await answers.answer(QUERY, text="Saved")
    assert telegram.answers == [(QUERY, "Saved")] and telegram.attempts == 4


async def test_attempts_stop_before_telegram_stops_taking_them() -> None:
    telegram, clock = Telegram(*[NotSent("answerCallbackQuery", "down")] * 100), Clock()
    answers = answers_for(telegram, clock)
    answers.arrived(QUERY)
    assert not await answers.answer(QUERY)
    assert telegram.answers == [] and 8 <= telegram.attempts <= 12
    assert clock.now - 100.0 <= answers.window  # no attempt after the window closed


async def test_a_refusal_is_final() -> None:
    telegram, clock = Telegram(BadRequest("Query is too old")), Clock()
    answers = answers_for(telegram, clock)
    assert not await answers.answer(QUERY)
    assert telegram.attempts == 1


async def test_a_slow_turn_gets_its_press_answered_without_the_toast() -> None:
    telegram, clock = Telegram(), Clock()
    answers = answers_for(telegram, clock, answer_by=0.0)  # "ten seconds" have passed at once
    answers.arrived(QUERY)
    await asyncio.wait_for(telegram.answered.wait(), 5)  # the timer fired; no time passed
    await answers.answer(QUERY, text="Saved")  # the turn finally knows its toast
    await answers.settle(QUERY)
    assert telegram.answers == [(QUERY, None)]


# ----------------------------------------------------------------------------- through the bot

USER = 6161


async def test_the_bot_answers_a_slow_press_early_and_drops_its_toast(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    release = asyncio.Event()

    async def slow_turn(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await release.wait()  # a database outage being retried
        assert update.callback_query is not None
        await update.callback_query.answer("Saved")

    async with bot_running(tg, tmp_path / "bot.db", build_options={"answer_by": 0.0}) as app:
        app.add_handler(CallbackQueryHandler(slow_turn, pattern="^slow$"))
        app.handlers[0].insert(0, app.handlers[0].pop())
        await tg.wait_polling()
        mark = tg.mark()
        tg.push_callback(USER, "slow", 1)
        early = await tg.wait_for(lambda r: r.method == "answerCallbackQuery", since=mark)
        assert "text" not in early.params  # the spinner stopped while the turn still ran
        release.set()
        await tg.wait_idle()
    answers = [r for r in tg.requests[mark:] if r.method == "answerCallbackQuery"]
    assert len(answers) == 1 and tg.violations == []


async def test_the_bot_repeats_an_answer_lost_to_a_502(tg: FakeTelegram, tmp_path: Path) -> None:
    async with bot_running(tg, tmp_path / "bot.db"):
        await tg.wait_polling()
        tg.fail_next("answerCallbackQuery", error_code=502, times=2)
        mark = tg.mark()
        tg.push_callback(USER, "not-a-button", 1)
        await tg.wait_for(lambda r: r.method == "answerCallbackQuery" and bool(r.ok), since=mark)
        await tg.wait_idle()
    assert not tg.unanswered_callbacks()
