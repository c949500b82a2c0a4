"""Test helpers on the storage layer's public path: rows written as a turn commits them, read
as a turn loads them (no test-only methods on the storage classes)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from bot.storage import Storage
from flows.engine import Conversation
from flows.turn.effects import Changes, UserWrite
from flows.turn.records import PlanRecord, ReminderRecord, UserRecord

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)


def person(
    conversation: Conversation | None = None,
    chat_id: int | None = None,
    update_id: int | None = None,
    *,
    window: tuple[tuple[int, int], ...] = (),
    recommendation: dict[str, Any] | None = None,
    source: str | None = None,
) -> UserWrite:
    return UserWrite(
        conversation or Conversation(), chat_id, update_id, window, recommendation, source
    )


async def save(
    storage: Storage,
    user_id: int,
    conversation: Conversation | None = None,
    *,
    now: datetime = NOW,
    chat_id: int | None = None,
    update_id: int | None = None,
    recommendation: dict[str, Any] | None = None,
    source: str | None = None,
    plan: PlanRecord | None = None,
    reminder: ReminderRecord | None = None,
    checkin: str | None = None,
) -> None:
    """Save a person as a turn does, their loaded window carried over like the dispatcher."""
    loaded = (await storage.load_turn(user_id)).user
    window = loaded.recent_updates if loaded else ()
    user = person(
        conversation, chat_id, update_id, window=window, recommendation=recommendation,
        source=source,
    )  # fmt: skip
    await storage.commit_turn(Changes(user_id, now, user, plan, reminder, checkin))


async def user(storage: Storage, user_id: int) -> UserRecord | None:
    return (await storage.load_turn(user_id)).user


async def reminder(storage: Storage, user_id: int) -> ReminderRecord | None:
    return (await storage.load_turn(user_id)).reminder


async def rows_about(storage: Storage, user_id: int) -> int:
    """Rows stored about the person, in every table (what their export holds)."""
    data = await storage.export_user(user_id) or {}
    return sum(len(rows) for key, rows in data.items() if key != "version")


async def set_due(storage: Storage, user_id: int, next_due: int, *, now: datetime) -> None:
    """The person's reminder active and due at `next_due`, saved as a settings change is."""
    record = await reminder(storage, user_id)
    assert record is not None
    due = replace(record, status="active", next_due=next_due)
    await storage.commit_turn(Changes(user_id, now, reminder=due))
