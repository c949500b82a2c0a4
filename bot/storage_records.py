"""What the storage layer hands back: one frozen record per table, the same for both backends.

The records are declared in flows (flows/turn/records.py), because the turn's decisions read
them; SQLite (`bot.storage`) and PostgreSQL (`bot.storage_pg`) build them from their rows, so
the runtime never sees which database it talks to. Here: how a row becomes a record, and the
stored form of the recent-updates window.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any, Protocol

from flows.turn.records import RECENT_FOR as RECENT_FOR
from flows.turn.records import RECENT_UPDATES as RECENT_UPDATES
from flows.turn.records import PlanRecord as PlanRecord
from flows.turn.records import ReminderRecord as ReminderRecord
from flows.turn.records import UserRecord as UserRecord


class StorageError(Exception):
    """The database cannot be used safely; the message is one line a person can act on."""


def parse_window(raw: str | None) -> tuple[tuple[int, int], ...]:
    """The stored recent-updates window (JSON text) as (update id, epoch seconds) pairs."""
    return tuple((int(u), int(t)) for u, t in json.loads(raw or "[]"))


def recent_window(
    raw: str | Iterable[tuple[int, int]] | None, update_id: int, now: datetime
) -> str:
    """The recent-updates window with `update_id` added, trimmed by count and age.

    `raw` is the stored JSON text, or the window already loaded (`UserRecord.recent_updates`).
    """
    since = now.timestamp() - RECENT_FOR.total_seconds()
    seen = json.loads(raw) if isinstance(raw, str) else (raw or [])
    kept = [(u, t) for u, t in seen if t >= since and u != update_id]
    kept.append((update_id, int(now.timestamp())))
    return json.dumps(kept[-RECENT_UPDATES:], separators=(",", ":"))


class NamedColumns(Protocol):
    """A database row read by column name (an aiosqlite Row or an asyncpg Record)."""

    def __getitem__(self, key: str, /) -> Any: ...


def reminder_from_row(row: NamedColumns) -> ReminderRecord:
    """A reminders row as its record; the columns read the same on both backends."""
    return ReminderRecord(
        user_id=row["user_id"],
        chat_id=row["chat_id"],
        schedule=row["schedule"],
        status=row["status"],
        next_due=row["next_due"],
        claimed_at=row["claimed_at"],
        last_sent=row["last_sent"],
        setup=row["setup"],
    )
