"""Rows in and out of the storage layer: read into the turn's records (flows/turn/records.py),
and carried as typed JSON data.

One mapping for both backends: SQLite returns times and dates as ISO text, PostgreSQL as
datetime and date objects, and `_READ` accepts either. A record's fields come from the columns
of the same names (`key` is stored as `plan_key`), prefixed (`p_`, `r_`) where the turn's one
read joins the tables. An export, a PostgreSQL dump and `migrate-db` carry rows as typed JSON
(`plain_row`, docs/export.md) and load them back with `db_value`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields
from datetime import UTC, date, datetime
from typing import Any, Protocol, TypeVar

from flows.conversation import Conversation
from flows.turn import records as turn

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


def recent_window(loaded: turn.Window, update_id: int | None, now: datetime) -> str | None:
    """The window of applied updates as the turn loaded it, with `update_id` added, trimmed by
    count and age (flows/turn/records.py says why); None keeps the stored one."""
    if update_id is None:
        return None
    since = now.timestamp() - turn.RECENT_FOR.total_seconds()
    kept = [(u, t) for u, t in loaded if t >= since and u != update_id]
    kept.append((update_id, int(now.timestamp())))
    return json.dumps(kept[-turn.RECENT_UPDATES :], separators=(",", ":"))


def _time(value: str | datetime) -> datetime:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def _date(value: str | date | None) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _json(empty: Any, then: Callable[[Any], Any] = lambda v: v) -> Callable[[Any], Any]:
    return lambda raw: then(json.loads(raw)) if raw else empty


_READ: dict[str, Callable[[Any], Any]] = {
    "conversation": Conversation.model_validate_json,
    "recommendation": _json(None),
    "active": bool,
    "created_at": _time,
    "updated_at": _time,
    "recent_updates": _json((), lambda pairs: tuple((int(u), int(t)) for u, t in pairs)),
    "start_date": _date,
    "rebase_date": _date,
    "file_messages": _json((), tuple),
}
R = TypeVar("R", turn.UserRecord, turn.PlanRecord, turn.ReminderRecord)


def columns(kind: type[Any]) -> list[str]:
    """The columns holding a record's fields, in field order."""
    return ["plan_key" if f.name == "key" else f.name for f in fields(kind)]


_READS = {
    kind: [(column, _READ.get(column, lambda v: v)) for column in columns(kind)]
    for kind in (turn.UserRecord, turn.PlanRecord, turn.ReminderRecord)
}


def from_row(kind: type[R], row: Row, prefix: str = "") -> R:
    """A row as its record: each field from its column, converted where stored differently."""
    return kind(*[read(row[prefix + column]) for column, read in _READS[kind]])


def turn_state(user_id: int, row: Row | None) -> turn.TurnState:
    """A `load_turn` row: the person's columns, their plan's (`p_`) and reminder's (`r_`),
    and the check-in weeks as one space-separated text."""
    if row is None:
        return turn.TurnState(user_id)
    plan = from_row(turn.PlanRecord, row, "p_") if row["p_path"] is not None else None
    reminder = from_row(turn.ReminderRecord, row, "r_") if row["r_user_id"] is not None else None
    weeks = tuple(sorted((row["weeks"] or "").split(), reverse=True))
    return turn.TurnState(user_id, from_row(turn.UserRecord, row), plan, reminder, weeks)


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
