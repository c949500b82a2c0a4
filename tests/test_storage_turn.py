"""A turn's storage methods on both backends: one read of everything (`load_turn`), one commit
of what changed (`commit_turn`, all or nothing), and the record of what is shown."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.storage import Storage
from bot.storage_backends import open_storage
from flows.engine import Conversation
from flows.turn.effects import Changes, UserWrite
from flows.turn.records import PlanRecord, ReminderRecord, TurnState
from tests.conftest import BASE_PROFILE

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)
FINISHED = Conversation(state="recommendation", answers=BASE_PROFILE)
PLAN = PlanRecord(
    path="immersive",
    hours=20,
    start_date=date(2026, 11, 23),
    done=2,
    rebase_index=1,
    rebase_date=date(2026, 12, 7),
    key="k" * 16,
    revision=3,
    file_messages=(11, 12),
    summary_done=1,
)
REMINDER = ReminderRecord(7, 70, '{"timezone": "UTC"}', "active", 1_800_000_000, last_sent=5)


def user(update_id: int | None = None, source: str | None = None) -> UserWrite:
    return UserWrite(FINISHED, 70, update_id, (), None, source)


@pytest.fixture
async def storage(database: str | Path):  # type: ignore[no-untyped-def]
    storage = await open_storage(database)
    yield storage
    await storage.close()


async def test_one_read_returns_everything_a_turn_needs(storage: Storage) -> None:
    assert await storage.load_turn(7) == TurnState(7)
    await storage.commit_turn(
        Changes(7, NOW, user(update_id=40), PLAN, REMINDER, checkin="2026-W48")
    )
    await storage.commit_turn(Changes(7, NOW, checkin="2026-W47"))
    state = await storage.load_turn(7)
    assert state.user is not None and state.user.conversation == FINISHED
    assert state.user.chat_id == 70 and [u for u, _ in state.user.recent_updates] == [40]
    assert state.plan == PLAN
    assert state.reminder == replace(REMINDER, last_sent=5)
    assert state.checkin_weeks == ("2026-W48", "2026-W47")
    assert state.user == await storage.load(7) and state.plan == await storage.load_plan(7)


async def test_a_commit_is_all_or_nothing(
    storage: Storage, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(storage, "check_in", broken)
    with pytest.raises(RuntimeError):
        await storage.commit_turn(Changes(7, NOW, user(), PLAN, checkin="2026-W48"))
    assert await storage.load_turn(7) == TurnState(7)  # neither the person nor the plan


async def test_the_source_is_kept_once_and_the_shown_message_recorded(storage: Storage) -> None:
    await storage.commit_turn(Changes(7, NOW, user(source="reddit"), PLAN))
    await storage.commit_turn(Changes(7, NOW, user(source="later")))
    await storage.record_shown(7, 99, "digest")
    await storage.record_shown(7, 100, "other", (21, 22, 23))
    state = await storage.load_turn(7)
    assert state.user is not None and state.user.source == "reddit"
    assert (state.user.question_message_id, state.user.question_digest) == (100, "other")
    assert state.plan is not None and state.plan.file_messages == (21, 22, 23)


async def test_an_unconfirmed_screen_is_recorded_until_one_is_confirmed(
    storage: Storage,
) -> None:
    await storage.commit_turn(Changes(7, NOW, user()))
    await storage.record_shown(7, 99, "on the phone")
    await storage.record_unconfirmed(7, "meant")  # its send or edit failed
    state = await storage.load_turn(7)
    assert state.user is not None and state.user.unconfirmed_digest == "meant"
    assert (state.user.question_message_id, state.user.question_digest) == (99, "on the phone")
    await storage.record_shown(7, 99, "meant")  # the next turn's screen got through
    state = await storage.load_turn(7)
    assert state.user is not None and state.user.unconfirmed_digest is None


async def test_erasing_is_a_commit(storage: Storage) -> None:
    await storage.commit_turn(Changes(7, NOW, user(), PLAN, REMINDER, "2026-W48"))
    await storage.commit_turn(Changes(7, NOW, erase=True))
    assert await storage.load_turn(7) == TurnState(7)
    assert await storage.rows_about(7) == 0
