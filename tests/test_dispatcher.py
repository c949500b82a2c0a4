"""The dispatcher without Telegram: which dialogue owns an update, with a real SQLite file."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bench.telegram_driver import FakeClock
from bot.console import console_dispatcher
from bot.dispatcher import Dispatcher
from bot.storage import open_storage
from flows.actions import Begin, Confirm, Pick, RestartAnswer, SetupDay, SetupZone, decode
from flows.engine import Conversation, Engine
from flows.events import Command, Incoming, Press, Text, Unusable
from flows.turn.effects import Decision, Shown
from flows.turn.routes import COMMANDS
from tests.conftest import BASE_PROFILE
from tests.stored import save
from tests.test_actions import worst_cases

USER = 5


@pytest.fixture
async def dispatcher(engine: Engine, tmp_path: Path) -> AsyncIterator[Dispatcher]:
    storage = await open_storage(tmp_path / "bot.db")
    yield console_dispatcher(engine, storage, FakeClock())
    await storage.close()


async def finished(d: Dispatcher) -> None:
    conv = Conversation(state="recommendation", answers=BASE_PROFILE)
    await save(d.storage, USER, conv, now=d.clock(), chat_id=USER)


def words(out: Decision) -> str:
    return "\n".join(b.text for r in out.screens for b in r.blocks)


async def test_typed_text_goes_to_the_setup_only_while_it_is_on_screen(
    dispatcher: Dispatcher,
) -> None:
    await finished(dispatcher)
    out = await dispatcher.handle(USER, USER, Command("reminders"))
    assert "Which timezone" in words(out)
    out = await dispatcher.handle(USER, USER, Unusable("non_text"))  # a sticker: setup stays
    assert "Which timezone" in words(out)
    out = await dispatcher.handle(USER, USER, Text("UTC"))
    assert "How often" in words(out)
    await dispatcher.handle(USER, USER, Command("profile"))  # another dialogue takes over
    out = await dispatcher.handle(USER, USER, Text("UTC"))
    assert "How often" not in words(out)
    state = await dispatcher.storage.load_turn(USER)
    assert state.conversation.setup is None and state.reminder is None  # nothing half-set kept
    stale = await dispatcher.handle(USER, USER, Press(SetupZone("UTC")))
    # an old setup button: where the person is now (never a bare toast), the setup stays shut
    assert stale.toast and "Here is where you are now." in words(stale)
    assert "How often" not in words(stale) and "Which timezone" not in words(stale)
    assert (await dispatcher.storage.load_turn(USER)).conversation.setup is None


async def test_a_repeated_tap_on_the_current_step_is_not_shown_again(
    dispatcher: Dispatcher,
) -> None:
    await finished(dispatcher)
    await dispatcher.handle(USER, USER, Command("reminders"))
    out = await dispatcher.handle(USER, USER, Text("UTC"))
    await dispatcher.shown(USER, Shown(42, out.screens[-1]))  # 42 shows the cadence step
    day = Press(SetupDay(2, on=True))  # a button from a later step: stale, re-shows cadence
    out = await dispatcher.handle(USER, USER, day, pressed_message_id=42)
    assert out.unchanged and out.edit is None  # 42 already shows it: no edit at all


async def test_a_redelivered_update_is_not_applied_twice(dispatcher: Dispatcher) -> None:
    await dispatcher.handle(USER, USER, Command("start"), update_id=10)
    await dispatcher.handle(USER, USER, Press(None), update_id=11)
    out = await dispatcher.handle(USER, USER, Press(Pick("welcome", "x")), update_id=11)
    assert out.duplicate


def junk_events(engine: Engine, seed: int, count: int) -> list[Incoming]:
    """Seeded random traffic: every command but /plan (its picture is slow to draw), typed junk,
    stickers, forged and worst-case button data of every action class."""
    rng = random.Random(seed)
    datas = [c.encode() for c in worst_cases(engine.content)]
    datas += ["", "|", "a|x", "sd|9|1", "nd|-1", "del|1", "rsa|welcome|1", "go|welcome", "x" * 64]
    commands = [c for c in COMMANDS if c != "plan"]
    texts = ["3", "15k", "UTC", "18:30", "yes", "", "Mars/Olympus", "x" * 300]
    out: list[Incoming] = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.3:
            out.append(Command(rng.choice(commands)))
        elif roll < 0.5:
            out.append(Text(rng.choice(texts)))
        elif roll < 0.55:
            out.append(Unusable("non_text"))
        else:
            out.append(Press(decode(rng.choice(datas))))
    return out


async def test_random_traffic_never_raises_and_a_recommendation_stays_reachable(
    dispatcher: Dispatcher,
) -> None:
    for update_id, event in enumerate(junk_events(dispatcher.engine, seed=8, count=400), 1):
        out = await dispatcher.handle(USER, USER, event, update_id=update_id)
        if out.screens:
            await dispatcher.shown(USER, Shown(update_id, out.screens[-1]))
    out = await dispatcher.handle(USER, USER, Command("restart"))
    for _ in range(30):  # tap through: yes to start over, begin, first answer, confirm
        kinds = (RestartAnswer, Begin, Pick, Confirm)
        buttons = [b.action for b in out.screens[-1].flat_buttons]
        action = next(a for k in kinds for a in buttons if isinstance(a, k))
        if isinstance(action, RestartAnswer) and not action.yes:
            action = RestartAnswer(action.at, yes=True)
        out = await dispatcher.handle(USER, USER, Press(action))
        if out.screens[-1].kind == "recommendation":
            break
    assert out.screens[-1].kind == "recommendation"
