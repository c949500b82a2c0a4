"""Storage trips per update: at most three (load, commit, record of the shown message), at most
one commit, for every command and every button class, on both databases.

Counted by a wrapper around the storage object (every awaited storage method called through it
is one trip), with the real dispatcher. A tour of the product presses at least one button of
every action class, each found on the screen the bot showed before, and sends every command;
the transport is simulated (message ids handed out here), so nothing is rendered or sent.
Beside it, SQLite's cost per tap in hops to aiosqlite's thread (each a queue round trip).
"""

from __future__ import annotations

import inspect
import itertools
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import aiosqlite
import pytest

from bench.telegram_driver import FakeClock
from bot.console import console_dispatcher
from bot.dispatcher import Dispatcher
from bot.storage import Storage, open_storage
from flows import actions as a
from flows.engine import Engine
from flows.events import Command, Incoming, Press, Text, Unusable
from flows.turn.effects import Decision, SendExport, SendPlanFiles, Shown
from flows.turn.routes import COMMANDS
from tests.test_engine import BUTTON_ANSWERS

USER = 5
ALLOWED = {"load_turn", "commit_turn", "record_shown", "export_user"}


class Counting:
    """Stands in for the storage object and counts each awaited method called through it."""

    def __init__(self, storage: Storage) -> None:
        self._storage = storage
        self.trips: list[str] = []

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._storage, name)
        if not inspect.iscoroutinefunction(attr):
            return attr

        async def counted(*args: Any, **kwargs: Any) -> Any:
            self.trips.append(name)
            return await attr(*args, **kwargs)

        return counted


class Tour:
    """One person, driven through the dispatcher like a transport would, trips counted."""

    def __init__(self, dispatcher: Dispatcher, counting: Counting) -> None:
        self.d = dispatcher
        self.counting = counting
        self.ids = itertools.count(100)
        self.update_ids = itertools.count(1)
        self.screen: Any = None
        self.message: int | None = None
        self.pressed: set[type[a.Action]] = set()
        self.commands: set[str] = set()
        self.per_update: list[tuple[str, list[str]]] = []

    async def send(self, event: Incoming) -> Decision:
        before = len(self.counting.trips)
        pressed = self.message if isinstance(event, Press) else None
        out = await self.d.handle(
            USER, USER, event, update_id=next(self.update_ids), pressed_message_id=pressed
        )
        for effect in out.effects:
            if isinstance(effect, SendExport):
                await self.d.export(USER, effect)
        files = tuple(next(self.ids) for e in out.effects if isinstance(e, SendPlanFiles))
        if out.screens:
            self.screen = out.screens[-1]
            self.message = out.edit or next(self.ids)
        if out.screens or files:
            await self.d.shown(USER, Shown(self.message, self.screen, files or None))
        self.per_update.append((repr(event)[:60], self.counting.trips[before:]))
        if isinstance(event, Press) and event.action is not None:
            self.pressed.add(type(event.action))
        if isinstance(event, Command):
            self.commands.add(event.name)
        return out

    async def tap(self, kind: type[a.Action], where: Callable[[Any], bool] = bool) -> Decision:
        """Press the first button of `kind` on the screen shown last."""
        found = [b.action for b in self.screen.flat_buttons if isinstance(b.action, kind)]
        chosen = [x for x in found if where(x)]
        assert chosen, f"no {kind.__name__} on {[b.label for b in self.screen.flat_buttons]}"
        return await self.send(Press(chosen[0]))


async def tour(t: Tour) -> None:
    await t.send(Command("start"))
    await t.tap(a.Begin)
    await t.tap(a.Help)
    while t.screen.state in BUTTON_ANSWERS:
        await t.tap(a.Pick, lambda x: x.value == BUTTON_ANSWERS[x.at])
    await t.tap(a.Edit, lambda x: x.field == "budget_usd")
    await t.tap(a.Pick, lambda x: x.value == "15000")
    await t.tap(a.Back)
    await t.send(Unusable("non_text"))
    await t.tap(a.Pick)
    await t.tap(a.Confirm)
    await t.tap(a.Topic, lambda x: x.name == "plan")
    await t.tap(a.Page)  # the next page of a screen too long for one message
    await t.send(Command("recommendation"))
    await t.tap(a.FaqMenu)
    await t.tap(a.Faq)
    await t.tap(a.Resume)
    await t.send(Text("do I need a degree?"))
    await t.tap(a.AskTopic)
    await t.tap(a.Restart)
    await t.tap(a.RestartAnswer, lambda x: not x.yes)
    await t.send(Text("3"))  # on the menu: a question, not an answer
    await t.tap(a.ShowPlan)
    await t.tap(a.PlanStart, lambda x: x.choice == "monday")
    await t.tap(a.RemindMe)
    await t.tap(a.SetupZone)
    await t.tap(a.SetupCadence, lambda x: x.cadence == "weekly")
    await t.tap(a.SetupDay, lambda x: x.day == 2)
    await t.tap(a.SetupDaysDone)
    await t.tap(a.SetupTime, lambda x: x.at == "07:00")
    await t.tap(a.SetupQuiet, lambda x: x.choice == "night")  # 07:00 is quiet: asks
    await t.tap(a.QuietChange)
    await t.tap(a.SetupQuiet, lambda x: x.choice == "night")
    await t.tap(a.QuietMove)
    await t.tap(a.ManageReminders, lambda x: x.op == "pause")
    await t.tap(a.ManageReminders, lambda x: x.op == "resume")
    await t.send(Command("plan"))
    await t.tap(a.PlanStart, lambda x: x.choice == "today")  # no ticks before the start
    await t.tap(a.ShowProgress)
    await t.tap(a.StepDone)
    await t.tap(a.NudgeDone)
    await t.tap(a.ProgressUndo)
    await t.tap(a.ProgressSkip)
    await t.send(Press(a.Snooze("day")))  # a nudge's buttons (the sweep sends the nudge)
    await t.send(Press(a.NudgePause()))
    for name in COMMANDS:
        if name != "delete":
            await t.send(Command(name))
    await t.send(Command("delete"))
    await t.send(Text("no"))
    await t.send(Command("delete"))
    await t.tap(a.DeleteAnswer, lambda x: not x.yes)
    await t.send(Command("delete"))
    await t.tap(a.DeleteAnswer, lambda x: x.yes)


@pytest.fixture
async def counted(engine: Engine, database: str | Path) -> AsyncIterator[Tour]:
    storage = await open_storage(database)
    counting = Counting(storage)
    dispatcher = console_dispatcher(engine, counting, FakeClock())  # type: ignore[arg-type]
    yield Tour(dispatcher, counting)
    await storage.close()


async def test_every_update_costs_at_most_three_trips_and_one_commit(counted: Tour) -> None:
    await tour(counted)
    assert counted.pressed == set(a.all_action_classes()), "the tour misses a button class"
    assert counted.commands == set(COMMANDS)
    for event, trips in counted.per_update:
        assert len(trips) <= 3, (event, trips)
        assert trips.count("commit_turn") <= 1 and trips.count("load_turn") == 1, (event, trips)
        assert set(trips) <= ALLOWED, (event, trips)
    tap = next(trips for event, trips in counted.per_update if "Pick(at='degree'" in event)
    assert tap == ["load_turn", "commit_turn", "record_shown"]


@pytest.fixture
async def dispatcher(engine: Engine, tmp_path: Path) -> AsyncIterator[Dispatcher]:
    storage = await open_storage(tmp_path / "bot.db")
    yield console_dispatcher(engine, storage, FakeClock())
    await storage.close()


@pytest.fixture
def hops(monkeypatch: pytest.MonkeyPatch) -> Callable[[], int]:
    """Counts hops to the database thread from now on; call it to read the count so far."""
    count = 0
    queue = aiosqlite.Connection._execute

    async def counted(self: aiosqlite.Connection, fn: Any, *args: Any, **kwargs: Any) -> Any:
        nonlocal count
        count += 1
        return await queue(self, fn, *args, **kwargs)

    monkeypatch.setattr(aiosqlite.Connection, "_execute", counted)
    return lambda: count


async def test_a_button_tap_costs_two_hops_and_its_shown_message_one(
    dispatcher: Dispatcher, hops: Callable[[], int]
) -> None:
    out = await dispatcher.handle(USER, USER, Command("start"), update_id=1)
    await dispatcher.shown(USER, Shown(100, out.screens[-1]))
    begin = next(b.action for b in out.screens[-1].flat_buttons if isinstance(b.action, a.Begin))

    before = hops()
    out = await dispatcher.handle(USER, USER, Press(begin), update_id=2, pressed_message_id=100)
    assert out.edit == 100
    assert hops() - before == 2  # one load (plan, reminders, check-ins joined), one UPSERT
    before = hops()
    await dispatcher.shown(USER, Shown(100, out.screens[-1]))
    assert hops() - before == 1

    before = hops()
    again = await dispatcher.handle(USER, USER, Press(begin), update_id=2, pressed_message_id=100)
    assert again.duplicate and hops() - before == 1  # a redelivery: only the load
    record = (await dispatcher.storage.load_turn(USER)).user
    assert record is not None and [u for u, _ in record.recent_updates] == [1, 2]


async def test_a_tap_is_one_statement_to_load_one_to_commit_one_to_record(
    engine: Engine, database: str | Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On both backends: the load is ONE statement (plan, reminder and check-ins joined), an
    interview tap's commit one UPSERT with no transaction around it, the shown message one."""
    storage: Any = await open_storage(database)
    dispatcher = console_dispatcher(engine, storage, FakeClock())
    statements: list[str] = []
    real = storage._execute

    real_transaction = storage.transaction

    async def counted(sql: str, *args: Any, **kwargs: Any) -> Any:
        statements.append(" ".join(sql.split()[:3]))
        return await real(sql, *args, **kwargs)

    def transaction(**kwargs: Any) -> Any:
        statements.append("BEGIN")
        return real_transaction(**kwargs)

    try:
        out = await dispatcher.handle(USER, USER, Command("start"), update_id=1)
        begin = next(
            b.action for b in out.screens[-1].flat_buttons if isinstance(b.action, a.Begin)
        )
        monkeypatch.setattr(storage, "_execute", counted)
        monkeypatch.setattr(storage, "transaction", transaction)
        out = await dispatcher.handle(USER, USER, Press(begin), update_id=2)
        await dispatcher.shown(USER, Shown(100, out.screens[-1]))
        assert statements == [
            "SELECT u.user_id, u.chat_id,",
            "INSERT INTO users",
            "UPDATE users SET",
        ]
    finally:
        await storage.close()
