"""What the storage layer hands back: one frozen record per table, the same for both backends.

SQLite (`bot.storage`) and PostgreSQL (`bot.storage_pg`) build these from their rows, so the
runtime never sees which database it talks to.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from flows.engine import Conversation

RECENT_UPDATES = 32
"""How many applied update ids are remembered per person to recognise a redelivery."""
RECENT_FOR = timedelta(hours=24)
"""How long an applied update id counts: Telegram redelivers within hours, and restarts ids at a
random value after a week without updates, so an old id must never lock a person out."""


class StorageError(Exception):
    """The database cannot be used safely; the message is one line a person can act on."""


@dataclass(frozen=True, slots=True)
class UserRecord:
    user_id: int
    chat_id: int | None
    conversation: Conversation
    source: str | None
    recommendation: dict[str, Any] | None
    question_message_id: int | None
    question_digest: str | None
    last_update_id: int | None
    active: bool
    created_at: datetime
    updated_at: datetime
    recent_updates: tuple[tuple[int, int], ...] = ()
    """(update id, epoch seconds applied) for the last RECENT_UPDATES updates."""

    def already_applied(self, update_id: int, now: datetime) -> bool:
        """This update was applied within RECENT_FOR (a redelivery): do not apply it again.

        Never compares ids by order: after ids restart at a lower value, new updates are applied.
        """
        since = now.timestamp() - RECENT_FOR.total_seconds()
        return any(seen == update_id and at >= since for seen, at in self.recent_updates)


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


@dataclass(frozen=True, slots=True)
class PlanRecord:
    path: str
    hours: int
    start_date: date
    done: int = 0
    rebase_index: int = 0
    rebase_date: date | None = None
    key: str | None = None
    """Opaque and random: calendar UIDs derive from it, never from the Telegram id."""
    revision: int = 0
    """Bumped whenever the dates change; the calendar's SEQUENCE."""
    file_messages: tuple[int, ...] = ()
    """The messages carrying the roadmap and calendar last sent (deleted when replaced)."""
    summary_done: int = 0
    """Milestones done at the last weekly summary (the next one says what was done since)."""


@dataclass(frozen=True, slots=True)
class ReminderRecord:
    user_id: int
    chat_id: int
    schedule: str
    """ReminderSchedule as JSON."""
    status: str
    next_due: int | None
    claimed_at: int | None = None
    last_sent: int | None = None
    setup: str | None = None


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
