"""A screen Telegram did not confirm: the keyboard still on the phone counts, the next turn repairs
the chat, and nothing already stored is asked again. The dispatcher with a real SQLite file; the
transport simulated (`Phone`: message ids handed out here, deliveries that succeed or fail).
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bench.telegram_driver import FakeClock
from bot.console import console_dispatcher, turn
from bot.dispatcher import Dispatcher, NotSaved
from bot.storage import Storage, open_storage
from flows.actions import Action, Begin, Confirm, Edit, FaqMenu, Pick, Resume
from flows.engine import Conversation, Engine
from flows.events import Command, Incoming, Press, Text
from flows.reply import Reply
from flows.turn.effects import Decision, Shown
from tests.conftest import BASE_PROFILE
from tests.stored import save

USER = 5


class Phone:
    """What the transport does with each decision: shows it (a new message id, or the edited
    one) and records it, or fails to, and records the screen as unconfirmed."""

    def __init__(self, d: Dispatcher) -> None:
        self.d = d
        self.ids = itertools.count(100)
        self.message: int | None = None
        """The message with the keyboard the person sees (the last one shown for sure)."""
        self.screen: Reply | None = None

    async def do(
        self,
        event: Incoming,
        *,
        pressed: int | None = None,
        delivered: bool = True,
        arrived: bool | None = None,
    ) -> Decision:
        """`delivered`: Telegram confirmed the screen; else the outcome is unknown, and the
        screen `arrived` or not (by default not)."""
        out = await self.d.handle(USER, USER, event, pressed_message_id=pressed)
        if not delivered:
            await self.d.unconfirmed(USER, out)
        if out.screens and (delivered or arrived):
            self.message = out.edit or next(self.ids)
            self.screen = out.screens[-1]
            if delivered:
                await self.d.shown(USER, Shown(self.message, self.screen))
        return out

    async def tap(
        self, action: Action, *, delivered: bool = True, arrived: bool | None = None
    ) -> Decision:
        """A tap on the keyboard on the phone."""
        return await self.do(
            Press(action), pressed=self.message, delivered=delivered, arrived=arrived
        )

    def picks(self) -> list[Pick]:
        assert self.screen is not None
        return [b.action for b in self.screen.flat_buttons if isinstance(b.action, Pick)]

    def pick(self, value: str) -> Pick:
        return next(p for p in self.picks() if p.value == value)

    async def stored(self) -> Conversation:
        return (await self.d.storage.load_turn(USER)).conversation


@pytest.fixture
async def phone(engine: Engine, tmp_path: Path) -> AsyncIterator[Phone]:
    storage = await open_storage(tmp_path / "bot.db")
    yield Phone(console_dispatcher(engine, storage, FakeClock()))
    await storage.close()


@asynccontextmanager
async def locked(storage: Storage, db: Path) -> AsyncIterator[None]:
    """Another process holds the database's write lock (reads go on: WAL), and `storage` gives
    up waiting for it at once (its busy timeout is 5 s, and it retries for 30 s:
    tests/test_database_outages.py tests a lock that passes within that)."""
    connection: Any = storage._db  # a test of this real failure, not an interface
    await connection.execute("PRAGMA busy_timeout = 50")
    options, storage.options = storage.options, replace(storage.options, retry_seconds=0)
    locker = sqlite3.connect(db, isolation_level=None)
    locker.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        locker.execute("ROLLBACK")
        locker.close()
        storage.options = options


def refused(out: Decision, engine: Engine) -> bool:
    """The decision refuses the press as belonging to a question that has moved on."""
    stale = engine.text.messages["stale"]
    return out.toast == stale or any(r.notice == stale for r in out.screens)


async def at_degree(phone: Phone) -> None:
    """Through /start, coding and years: the degree question on the phone."""
    await phone.do(Command("start"))
    await phone.tap(Begin("welcome"))
    await phone.tap(phone.pick("production"))
    await phone.tap(phone.pick("3"))
    assert (await phone.stored()).state == "degree"


async def test_another_answer_on_the_old_keyboard_changes_that_answer(
    phone: Phone, engine: Engine
) -> None:
    await at_degree(phone)
    first, second = phone.picks()[:2]
    await phone.tap(first, delivered=False)  # saved; the next question never reached the phone
    assert (await phone.stored()).state == "goal_role"
    out = await phone.tap(second)  # the degree question is still on the phone: a new answer
    stored = await phone.stored()
    assert stored.answers["degree"] == second.value
    assert stored.state == "goal_role"  # and on to the question after it
    assert not refused(out, engine)
    assert out.edit == phone.message and out.screens[0].state == "goal_role"


async def test_the_same_answer_again_shows_where_the_person_is(
    phone: Phone, engine: Engine
) -> None:
    await at_degree(phone)
    first = phone.picks()[0]
    await phone.tap(first, delivered=False)
    pressed = phone.message
    out = await phone.tap(first)  # "did it register?": the same button again
    assert (await phone.stored()).answers["degree"] == first.value
    assert not refused(out, engine)
    assert out.edit == pressed and out.screens[0].state == "goal_role"  # the chat repaired


async def test_an_answer_on_the_phone_never_asks_a_stored_answer_again(
    phone: Phone, engine: Engine
) -> None:
    await phone.do(Command("start"))
    await phone.tap(Begin("welcome"))
    await phone.tap(phone.pick("production"), delivered=False)  # years never reached the phone
    await phone.do(Text("4"), delivered=False)  # typed; its reply did not arrive either
    assert (await phone.stored()).state == "degree"
    out = await phone.tap(phone.pick("ml"))  # the coding question, still on the phone
    stored = await phone.stored()
    assert stored.answers["coding_experience"] == "ml"
    assert stored.answers["years_experience"] == 4  # still needed, and kept: not asked again
    assert stored.state == "degree" and out.screens[0].state == "degree"
    assert not refused(out, engine)


async def test_a_message_that_arrived_unconfirmed_is_on_the_phone_too(
    phone: Phone, engine: Engine
) -> None:
    await phone.do(Command("start"), delivered=False, arrived=True)  # never confirmed
    await phone.tap(Begin("welcome"), delivered=False, arrived=True)  # a new message
    first_question = phone.message
    await phone.tap(phone.pick("none"), delivered=False)  # the degree question never arrives
    assert (await phone.stored()).state == "degree"
    out = await phone.tap(phone.pick("ml"))  # on the first question, still on the phone
    stored = await phone.stored()
    assert stored.answers["coding_experience"] == "ml" and stored.state == "years_experience"
    assert not refused(out, engine)
    assert out.edit == first_question  # shown on the message the person pressed


async def test_the_summary_still_on_the_phone_edits_an_answer(phone: Phone, engine: Engine) -> None:
    summary = Conversation(state="summary", answers=BASE_PROFILE)
    await save(phone.d.storage, USER, summary, now=phone.d.clock(), chat_id=USER)
    await phone.do(Press(Resume()))  # the summary, with its edit buttons
    assert phone.screen is not None and phone.screen.state == "summary"
    await phone.tap(Confirm("summary"), delivered=False)  # the recommendation did not arrive
    assert (await phone.stored()).state == "recommendation"
    out = await phone.tap(Edit("summary", "budget_usd"))
    stored = await phone.stored()
    assert stored.state == "budget_usd" and stored.editing
    assert not refused(out, engine)


async def test_a_press_on_an_older_message_changes_no_answer(phone: Phone) -> None:
    await at_degree(phone)
    old = phone.message
    await phone.tap(phone.picks()[0])  # delivered: the next question is on the phone
    assert old is not None and phone.message == old  # shown by editing the same message
    out = await phone.do(Press(Pick("coding_experience", "none")), pressed=old + 1000)
    stored = await phone.stored()
    assert stored.answers["coding_experience"] == "production" and stored.state == "goal_role"
    assert out.screens and out.screens[0].state == "goal_role"


async def test_a_screen_meant_but_not_confirmed_is_shown_again(phone: Phone) -> None:
    await at_degree(phone)
    question = phone.screen
    await phone.tap(FaqMenu(), delivered=False)  # the FAQ menu may or may not be on the phone
    out = await phone.tap(Resume())  # "continue where I was": the degree question
    assert out.screens == [question]
    assert not out.unchanged and out.edit == phone.message  # not skipped as "already there"


async def test_a_turn_the_database_cannot_commit_says_so_and_shows_what_is_saved(
    phone: Phone, tmp_path: Path
) -> None:
    await at_degree(phone)
    async with locked(phone.d.storage, tmp_path / "bot.db"):
        with pytest.raises(NotSaved) as failure:
            await phone.tap(phone.picks()[0])
        assert failure.value.stored is not None
        out = await turn(phone.d, Command("start"))  # the console's user: said, not raised
    shown = phone.d.not_saved(USER, failure.value, pressed_message_id=phone.message)
    notice = phone.d.dialogues.content.chat.messages["not_saved"]
    assert [(r.state, r.notice) for r in shown.screens] == [("degree", notice)]
    nothing = phone.d.dialogues.content.chat.messages["not_saved_nothing_loaded"]
    assert [b.text for r in out.screens for b in r.blocks] == [nothing]  # none stored for it
    assert shown.edit == phone.message and out.changes.empty
    assert (await phone.stored()).state == "degree"  # nothing of it was stored
