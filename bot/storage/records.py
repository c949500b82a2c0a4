"""What leaves the storage layer: a frozen record per table, and rows as typed JSON data.

Rows become records here, once for both backends: SQLite returns times and dates as ISO text,
PostgreSQL as datetime and date objects; `_CONVERT` accepts either. An export, a PostgreSQL dump
and `migrate-db` carry rows as typed JSON (`plain_row`, docs/export.md) and load them back with
`db_value`: JSON text as objects and lists, times and epoch seconds as ISO strings.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta
from typing import Any, Protocol, TypeVar

from flows.engine import Conversation

RECENT_UPDATES = 32
"""How many applied update ids are remembered per person to recognise a redelivery."""
RECENT_FOR = timedelta(hours=24)
"""How long an applied update id counts: Telegram redelivers within hours, and restarts ids at a
random value after a week without updates, so an old id must never lock a person out."""
EXPORT_VERSION = 1
"""Bumped when a field of the typed export changes meaning (docs/export.md)."""


class StorageError(Exception):
    """The database cannot be used safely; the message is one line a person can act on."""


class StorageUnavailable(StorageError):
    """Transient faults (connection lost, locked, disk full) outlasted the retry budget."""


class Row(Protocol):
    """A database row, by column name or position (an aiosqlite Row or an asyncpg Record)."""

    def __getitem__(self, key: str | int, /) -> Any: ...
    def __iter__(self) -> Iterator[Any]: ...
    def keys(self) -> Iterable[str]: ...


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


def parse_window(raw: str | None) -> tuple[tuple[int, int], ...]:
    """The stored recent-updates window (JSON text) as (update id, epoch seconds) pairs."""
    return tuple((int(u), int(t)) for u, t in json.loads(raw or "[]"))


def recent_window(
    raw: str | Iterable[tuple[int, int]] | None, update_id: int, now: datetime
) -> str:
    """The recent-updates window (stored JSON text, or as loaded) with `update_id` added,
    trimmed by count and age. An id already in it stays once: writing twice is harmless."""
    since = now.timestamp() - RECENT_FOR.total_seconds()
    seen = json.loads(raw) if isinstance(raw, str) else (raw or [])
    kept = [(u, t) for u, t in seen if t >= since and u != update_id]
    kept.append((update_id, int(now.timestamp())))
    return json.dumps(kept[-RECENT_UPDATES:], separators=(",", ":"))


def _time(value: str | datetime) -> datetime:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def _date(value: str | date | None) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


_CONVERT: dict[str, Callable[[Any], Any]] = {
    "conversation": Conversation.model_validate_json,
    "recommendation": lambda raw: json.loads(raw) if raw else None,
    "active": bool,
    "created_at": _time,
    "updated_at": _time,
    "recent_updates": parse_window,
    "start_date": _date,
    "rebase_date": _date,
    "file_messages": lambda raw: tuple(json.loads(raw or "[]")),
}
COLUMN = {"key": "plan_key"}
"""Record fields stored under another column name."""
R = TypeVar("R", UserRecord, PlanRecord, ReminderRecord)


def from_row(kind: type[R], row: Row) -> R:
    """A row as its record: each field read from its column, converted where it is stored
    differently (reminder fields are stored as they are)."""
    return kind(*[row[c] if convert is None else convert(row[c]) for c, convert in _READS[kind]])


def _reads(kind: type[Any]) -> list[tuple[str, Callable[[Any], Any] | None]]:
    """Per field of `kind`, in order: its column and how its value is read (None: as it is)."""
    return [(COLUMN.get(f.name, f.name), _CONVERT.get(f.name)) for f in fields(kind)]


_READS = {kind: _reads(kind) for kind in (UserRecord, PlanRecord, ReminderRecord)}


KINDS = {
    **dict.fromkeys(("conversation", "recommendation", "schedule", "setup"), "json"),
    **dict.fromkeys(("file_messages", "recent_updates"), "json"),
    **dict.fromkeys(("created_at", "updated_at", "finished_at"), "time"),
    **dict.fromkeys(("start_date", "rebase_date"), "date"),
    **dict.fromkeys(("next_due", "claimed_at", "last_sent"), "epoch"),
    "active": "bool",
}
"""Columns stored in another form than what they mean; the others are plain numbers or text."""


def plain_row(row: Row) -> dict[str, Any]:
    """A row as typed JSON data, the same from either backend."""
    return {key: _plain(KINDS.get(key), value) for key, value in dict(row).items()}


def _plain(kind: str | None, value: Any) -> Any:
    if value is None or kind is None:
        return value
    if kind == "json":
        return json.loads(value)
    if kind in ("time", "epoch"):
        moment = datetime.fromtimestamp(value, UTC) if kind == "epoch" else _time(value)
        return moment.astimezone(UTC).isoformat(timespec="seconds")
    return str(_date(value)) if kind == "date" else bool(value)


def db_value(column: str, value: Any) -> Any:
    """A typed JSON value as PostgreSQL's column takes it (the inverse of `plain_row`)."""
    kind = KINDS.get(column)
    if value is None or kind is None:
        return value
    if kind == "json":
        return json.dumps(value, separators=(",", ":"))
    if kind in ("time", "epoch"):
        moment = datetime.fromisoformat(value)
        return int(moment.timestamp()) if kind == "epoch" else moment
    return date.fromisoformat(value) if kind == "date" else bool(value)
