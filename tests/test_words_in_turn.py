"""Typed words through a whole turn (load → decide → commit), with a real SQLite file.

The understanding is tested on its own elsewhere (test_typed_answers, test_setup_words); these
check the wiring the turn adds: the clock's date reaches the interview ("since 2015"), the
reminder setup reads words, the echo's Change works from storage, and a yes/no question on
screen takes typed text before the question behind it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bench.telegram_driver import FakeClock
from bot.console import console_dispatcher
from bot.dispatcher import Dispatcher
from bot.storage import open_storage
from flows.actions import Edit
from flows.engine import Conversation, Engine
from flows.events import Command, Press, Text
from flows.turn.effects import Decision
from tests.conftest import BASE_PROFILE
from tests.stored import save

USER = 5
NOW = datetime(2030, 1, 5, 9, tzinfo=UTC)
"""Not this year: a count of years must come from the turn's clock, not from the machine's."""


@pytest.fixture
async def dispatcher(engine: Engine, tmp_path: Path) -> AsyncIterator[Dispatcher]:
    storage = await open_storage(tmp_path / "bot.db")
    yield console_dispatcher(engine, storage, FakeClock(NOW))
    await storage.close()


async def at(d: Dispatcher, conv: Conversation) -> None:
    await save(d.storage, USER, conv, now=d.clock(), chat_id=USER)


def words(out: Decision) -> str:
    return "\n".join(b.text for r in out.screens for b in r.blocks)


async def stored(d: Dispatcher) -> Conversation:
    return (await d.storage.load_turn(USER)).conversation


async def test_since_a_year_counts_to_the_turns_date(dispatcher: Dispatcher) -> None:
    await at(
        dispatcher,
        Conversation(state="years_experience", answers={"coding_experience": "production"}),
    )
    out = await dispatcher.handle(USER, USER, Text("since 2015"))
    assert (await stored(dispatcher)).answers["years_experience"] == 15
    assert "15 years" in words(out) and "2030" in words(out)


async def test_change_under_the_echo_goes_back_to_that_question(dispatcher: Dispatcher) -> None:
    answers = {"coding_experience": "none", "degree": "none"}
    await at(dispatcher, Conversation(state="goal_role", answers=answers))
    out = await dispatcher.handle(USER, USER, Text("building llm apps"))
    assert (await stored(dispatcher)).state == "target_employer"
    change = [b.action for r in out.screens for b in r.flat_buttons if isinstance(b.action, Edit)]
    assert change == [Edit("target_employer", "goal_role")]
    await dispatcher.handle(USER, USER, Press(change[0]))
    conv = await stored(dispatcher)
    assert conv.state == "goal_role" and conv.editing


async def test_a_typed_number_answers_the_restart_question_not_the_interview(
    dispatcher: Dispatcher,
) -> None:
    await at(dispatcher, Conversation(state="hours_per_week", answers=dict(BASE_PROFILE)))
    await dispatcher.handle(USER, USER, Command("restart"))
    assert (await stored(dispatcher)).dialogue == "confirm_restart"
    out = await dispatcher.handle(USER, USER, Text("1"))  # the first option: start over
    conv = await stored(dispatcher)
    assert conv.dialogue == "interview" and "hours_per_week" not in conv.answers, words(out)


async def test_the_reminder_setup_takes_words_at_every_step(dispatcher: Dispatcher) -> None:
    await at(dispatcher, Conversation(state="recommendation", answers=BASE_PROFILE))
    await dispatcher.handle(USER, USER, Command("reminders"))
    out = await dispatcher.handle(USER, USER, Text("I'm in Chicago"))
    setup = (await stored(dispatcher)).setup
    assert setup is not None and setup.timezone == "America/Chicago" and setup.step == "cadence"
    await dispatcher.handle(USER, USER, Text("weekly on Sunday evening"))
    out = await dispatcher.handle(USER, USER, Text("10pm to 7am"))
    reminder = (await dispatcher.storage.load_turn(USER)).reminder
    assert reminder is not None and reminder.status == "active"
    assert '"quiet_start":"22:00:00","quiet_end":"07:00:00"' in reminder.schedule
    assert '"weekdays":[6]' in reminder.schedule and "Sun" in words(out)
