"""The fake Bot API's faults behave like the network they stand for, and the bot's transport
tells them apart: a fault before acting changes nothing, after acting the call took effect."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from telegram import Bot
from telegram.error import RetryAfter

from bench.common import insert_due_reminders
from bench.fake_bot_api import FakeTelegram
from bench.fake_bot_api.faults import FaultPlan, Faults
from bench.sample_answers import BASE_PROFILE
from bench.telegram_driver import FakeClock, settings_for
from bot.storage import open_storage
from bot.sweep import epoch
from bot.telegram.app import build_application, running, sweep_job
from bot.telegram.request import AiohttpRequest
from bot.telegram.send_policy import OutcomeUnknown
from flows.engine import Conversation
from flows.schedule import ReminderSchedule
from tests.stored import save

USER = 4244


def only(kind: str, method: str = "sendMessage") -> FaultPlan:
    return FaultPlan(seed=1, rate=1.0, weights={kind: 1.0}, methods=frozenset({method}))


@pytest.fixture
async def bot(tg: FakeTelegram) -> AsyncIterator[Bot]:
    request = AiohttpRequest(2, read_timeout=0.2)
    async with Bot(tg.token, base_url=tg.base_url, request=request) as real_bot:
        yield real_bot


def test_the_same_seed_draws_the_same_faults() -> None:
    plan = FaultPlan(seed=7, rate=0.3)
    first, second = Faults(plan), Faults(plan)
    draws = [first.draw("sendMessage") for _ in range(200)]
    assert draws == [second.draw("sendMessage") for _ in range(200)]
    assert 30 < sum(d is not None for d in draws) < 90
    assert {d for d in draws if d} == {"429", "5xx", "reset_before", "reset_after", "stall"}


def test_a_bad_patch_fails_the_chats_next_calls_the_same_way() -> None:
    faults = Faults(FaultPlan(seed=3, rate=1.0, streak=1.0, streak_calls=4))
    kind = faults.draw("editMessageText", 5)  # starts a bad patch for chat 5
    assert kind is not None and faults.streaks == 1
    patch = [faults.draw("editMessageText", 5) for _ in range(4)]
    assert patch == [kind] * 4  # every retry of the edit meets it
    assert faults.draw("answerCallbackQuery") is not None  # no chat: drawn as usual


@pytest.mark.parametrize(
    ("kind", "stored"), [("reset_before", 0), ("5xx", 0), ("reset_after", 1), ("stall", 1)]
)
async def test_unknown_outcomes_before_and_after_acting(
    tg: FakeTelegram, bot: Bot, kind: str, stored: int
) -> None:
    tg.inject_faults(only(kind))
    with pytest.raises(OutcomeUnknown) as caught:
        await bot.send_message(USER, "hello")
    assert caught.value.method == "sendMessage"
    assert len(tg.messages.get(USER, {})) == stored  # the bot cannot tell which it was


async def test_a_429_carries_retry_after_and_changes_nothing(tg: FakeTelegram, bot: Bot) -> None:
    tg.inject_faults(only("429"))
    with pytest.raises(RetryAfter):
        await bot.send_message(USER, "hello")
    assert tg.messages.get(USER, {}) == {}


async def test_repeating_a_call_whose_answer_was_lost_is_no_violation(
    tg: FakeTelegram, bot: Bot
) -> None:
    sent = await bot.send_message(USER, "one")
    tg.inject_faults(only("reset_after", "editMessageText"))
    with pytest.raises(OutcomeUnknown):
        await bot.edit_message_text("two", chat_id=USER, message_id=sent.message_id)
    tg.inject_faults(None)
    with pytest.raises(Exception, match="not modified"):
        await bot.edit_message_text("two", chat_id=USER, message_id=sent.message_id)
    assert tg.violations == []
    await bot.edit_message_text("three", chat_id=USER, message_id=sent.message_id)
    with pytest.raises(Exception, match="not modified"):  # a real mistake still counts
        await bot.edit_message_text("three", chat_id=USER, message_id=sent.message_id)
    assert len(tg.violations) == 1
    tg.violations.clear()


async def test_a_nudge_whose_outcome_is_unknown_is_not_sent_again(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    clock = FakeClock()
    db = tmp_path / "bot.db"
    storage = await open_storage(db)
    schedule = ReminderSchedule(timezone="UTC").model_dump_json()
    await insert_due_reminders(storage, [(USER, schedule, epoch(clock.now) - 60)], now=clock.now)
    finished = Conversation(state="recommendation", answers=BASE_PROFILE)
    await save(storage, USER, finished, now=clock.now, chat_id=USER)
    await storage.close()
    app = build_application(settings_for(tg, db), clock=clock, read_timeout=0.2)
    async with running(app, poll_timeout=1):

        class Context:
            bot = app.bot
            bot_data = app.bot_data

        tg.inject_faults(only("stall"))  # delivered, but the bot never hears so
        await sweep_job(Context())  # type: ignore[arg-type]
        tg.inject_faults(None)
        await sweep_job(Context())  # type: ignore[arg-type]
        clock.advance(minutes=30)
        await sweep_job(Context())  # type: ignore[arg-type]
    nudges = [r for r in tg.sent_to(USER) if r.acted]
    assert len(nudges) == 1
