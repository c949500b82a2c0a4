"""Rows in and out of the storage layer: read into the turn's records (flows/turn/records.py),
and carried as typed JSON data.

One mapping for both backends: SQLite returns times and dates as ISO text and booleans as 0/1,
PostgreSQL as datetime, date and bool objects; pydantic validates either into a record's field
types. A record's fields come from the columns of the same names (`key` is stored as
`plan_key`), prefixed (`p_`, `r_`) where the turn's one read joins the tables. An export, a
PostgreSQL dump and `migrate-db` carry rows as typed JSON (`plain_row`, docs/export.md) and
load them back with `db_value`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields
from datetime import UTC, date, datetime
from typing import Any, Protocol, TypeVar, cast

from pydantic import TypeAdapter

from flows.turn import records as turn
from flows.turn.effects import UserWrite

EXPORT_VERSION = 1
"""Bumped when a field of the typed export changes meaning (docs/export.md)."""


class StorageError(Exception):
    """The database cannot be used safely, or transient faults (connection lost, locked, disk
    full) outlasted the retry budget; the message is one line a person can act on."""


class Row(Protocol):
    """A database row, by column name or position (an aiosqlite Row or an asyncpg Record)."""

    def __getitem__(self, key: str | int, /) -> Any: ...
    def __iter__(self) -> Iterator[Any]: ...
    def keys(self) -> Iterable[str]: ...


def user_columns(user: UserWrite, now: datetime) -> dict[str, Any]:
    """`SAVE_USER`'s parameters. The window of applied updates is the one the turn loaded, with
    this update added, trimmed by count and age (flows/turn/records.py says why); None keeps the
    stored one."""
    window = None
    if user.update_id is not None:
        since = now.timestamp() - turn.RECENT_FOR.total_seconds()
        kept = [(u, t) for u, t in user.loaded_window if t >= since and u != user.update_id]
        kept.append((user.update_id, int(now.timestamp())))
        window = json.dumps(kept[-turn.RECENT_UPDATES :], separators=(",", ":"))
    talk, recommended = user.conversation, user.recommendation
    return {
        "chat_id": user.chat_id,
        "source": user.source,
        "update_id": user.update_id,
        "conversation": talk.model_dump_json(),
        "state": talk.state,
        "recommendation": json.dumps(recommended) if recommended else None,
        "path": recommended.get("path") if recommended else None,
        "window": window,
        "finished_at": now if talk.is_finished else None,
    }


R = TypeVar("R", turn.UserRecord, turn.PlanRecord, turn.ReminderRecord)
_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {
    kind: TypeAdapter(kind) for kind in (turn.UserRecord, turn.PlanRecord, turn.ReminderRecord)
}
_JSON = {
    "conversation": "",
    "recommendation": "null",
    "recent_updates": "[]",
    "file_messages": "[]",
}
"""JSON columns whose record field holds the parsed value (the others keep the JSON text), and
what a NULL one means."""
COLUMNS = {
    kind: {f.name: "plan_key" if f.name == "key" else f.name for f in fields(kind)}
    for kind in _ADAPTERS
}
"""Per record, each field's column (`key` is stored as `plan_key`)."""


def from_row(kind: type[R], row: Row, prefix: str = "") -> R:
    """A row as its record: each field from its column, validated into the field's type."""
    values = {field: row[prefix + column] for field, column in COLUMNS[kind].items()}
    values |= {k: json.loads(values[k] or null) for k, null in _JSON.items() if k in values}
    return cast(R, _ADAPTERS[kind].validate_python(values))


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


_time = datetime.fromisoformat


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


_CONVERT: dict[str, tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {
    "json": (json.loads, lambda v: json.dumps(v, separators=(",", ":"))),
    "time": (lambda v: _iso(datetime.fromisoformat(v) if isinstance(v, str) else v), _time),
    "epoch": (lambda v: _iso(datetime.fromtimestamp(v, UTC)), lambda v: int(_time(v).timestamp())),
    "date": (str, date.fromisoformat),
    "bool": (bool, bool),
}
"""Per kind: a stored value as typed JSON data (either backend's), and back as PostgreSQL's."""


def plain_row(row: Row) -> dict[str, Any]:
    """A row as typed JSON data, the same from either backend."""
    return {k: _convert(k, v, 0) for k, v in dict(row).items()}


def db_value(column: str, value: Any) -> Any:
    """A typed JSON value as PostgreSQL's column takes it (the inverse of `plain_row`)."""
    return _convert(column, value, 1)


def _convert(column: str, value: Any, way: int) -> Any:
    kind = KINDS.get(column)
    return value if value is None or kind is None else _CONVERT[kind][way](value)
