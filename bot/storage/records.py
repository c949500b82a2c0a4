"""Rows in and out of storage: the turn's records (flows/turn/records.py), and typed JSON data
(exports, PostgreSQL backups, `migrate-db`: docs/export.md). SQLite gives times as ISO text and
booleans as 0/1, PostgreSQL as objects; each reader takes either. Records are built by hand: a
tap reads one row, and validating it with pydantic cost more than reading it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import fields
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from flows.conversation import Conversation
from flows.turn import records as turn
from flows.turn.effects import UserWrite

EXPORT_VERSION = 1
"""Bumped when a field of the typed export changes meaning (docs/export.md)."""
Row = Any  # an aiosqlite Row or an asyncpg Record: by column name or position
_json = json.JSONEncoder(separators=(",", ":")).encode


class StorageError(Exception):
    """The database cannot be used safely, or is unavailable past the retry budget: one line."""


def user_columns(user: UserWrite, now: datetime) -> dict[str, Any]:
    """`SAVE_USER`'s parameters."""
    talk, recommended, window = user.conversation, user.recommendation, user.window(now)
    return {
        "chat_id": user.chat_id,
        "source": user.source,
        "update_id": user.update_id,
        "conversation": talk.model_dump_json(),
        "state": talk.state,
        "recommendation": json.dumps(recommended) if recommended else None,
        "path": recommended.get("path") if recommended else None,
        "window": None if window is None else _json(window),
        "finished_at": now if talk.is_finished else None,
    }


def _moment(value: Any) -> Any:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


_READ: dict[str, Callable[[Any], Any]] = {  # the fields of another type than either backend's
    "conversation": Conversation.model_validate_json,
    "recommendation": lambda v: json.loads(v) if v else None,
    "recent_updates": lambda v: tuple(map(tuple, json.loads(v or "[]"))),
    "file_messages": lambda v: tuple(json.loads(v or "[]")),
    **dict.fromkeys(("created_at", "updated_at"), _moment),
    **dict.fromkeys(("start_date", "rebase_date"), lambda v: v and date.fromisoformat(v)),
    "active": bool,
}
R = TypeVar("R", turn.UserRecord, turn.PlanRecord, turn.ReminderRecord)
COLUMNS = {
    k: [f.name for f in fields(k)] for k in (turn.UserRecord, turn.PlanRecord, turn.ReminderRecord)
}
"""Per record, its fields (and their columns) in order."""
_READERS = {k: [(i, _READ[c]) for i, c in enumerate(cs) if c in _READ] for k, cs in COLUMNS.items()}


def from_row(kind: type[R], row: Row) -> R:
    """Values of `COLUMNS[kind]`, in that order, as the record."""
    values = list(row)
    for i, read in _READERS[kind]:
        values[i] = read(values[i])
    return kind(*values)


def turn_state(user_id: int, row: Row | None) -> turn.TurnState:
    """A `LOAD_TURN` row: the person's columns, then their plan and reminder as JSON arrays
    (NULL if none), and their check-in weeks as one space-separated text."""
    if row is None:
        return turn.TurnState(user_id)
    *values, plan, reminder, weeks = row
    return turn.TurnState(
        user_id,
        from_row(turn.UserRecord, values),
        from_row(turn.PlanRecord, json.loads(plan)) if plan else None,
        from_row(turn.ReminderRecord, json.loads(reminder)) if reminder else None,
        tuple(sorted((weeks or "").split(), reverse=True)),
    )


def _iso(value: Any) -> str:
    moment = datetime.fromtimestamp(value, UTC) if isinstance(value, int) else _moment(value)
    return str(moment.astimezone(UTC).isoformat(timespec="seconds"))


_KINDS: dict[str, tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {
    "conversation recommendation schedule setup file_messages recent_updates": (json.loads, _json),
    "created_at updated_at finished_at": (_iso, datetime.fromisoformat),
    "start_date rebase_date": (str, date.fromisoformat),
    "next_due claimed_at last_sent": (_iso, lambda v: int(datetime.fromisoformat(v).timestamp())),
    "active": (bool, bool),
}
KINDS = {column: ways for columns, ways in _KINDS.items() for column in columns.split()}
"""Columns stored in another form than they mean: a stored value as typed JSON, and back."""


def plain_row(row: Row) -> dict[str, Any]:
    """A row as typed JSON data, the same from either backend."""
    return {k: v if v is None or k not in KINDS else KINDS[k][0](v) for k, v in dict(row).items()}


def db_value(column: str, value: Any) -> Any:
    """A typed JSON value as PostgreSQL's column takes it (the inverse of `plain_row`)."""
    return value if value is None or column not in KINDS else KINDS[column][1](value)
