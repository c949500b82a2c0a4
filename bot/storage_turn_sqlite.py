"""A turn's one read on SQLite: the person's row with their plan, reminder settings and weekly
check-ins, in ONE statement (one hop to aiosqlite's thread). Mixed into `bot.storage.Storage`;
`bot.storage_turn_pg` is the same read on PostgreSQL, and `bot.storage_turn` the writes.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Protocol

import aiosqlite

from bot.storage_sqlite_schema import parse_iso
from bot.storage_turn import LOAD_COLUMNS, LOAD_FROM, turn_state
from flows.turn.records import TurnState

LOAD_TURN = f"""{LOAD_COLUMNS}
       (SELECT group_concat(week, ' ') FROM checkins c WHERE c.user_id = u.user_id) AS weeks
{LOAD_FROM}
WHERE u.user_id = ?"""


class _Connection(Protocol):
    _db: aiosqlite.Connection

    async def _write(self, sql: str, params: Any = ()) -> None: ...


class SqliteTurnReads:
    """Needs the connection and the one-writer rule of `Storage` (defined there)."""

    async def load_turn(self: _Connection, user_id: int) -> TurnState:
        """Everything a turn may need about the person, in one statement."""
        rows = await self._db.execute_fetchall(LOAD_TURN, (user_id,))
        row = next(iter(rows), None)
        if row is None:
            return TurnState(user_id)
        rebase = row["p_rebase_date"]
        return turn_state(  # the TEXT columns in Python types, as PostgreSQL returns them
            user_id,
            row,
            created_at=parse_iso(row["created_at"]),
            updated_at=parse_iso(row["updated_at"]),
            weeks=sorted((row["weeks"] or "").split(), reverse=True),
            start_date=date.fromisoformat(row["p_start_date"]) if row["p_start_date"] else None,
            rebase_date=date.fromisoformat(rebase) if rebase else None,
        )

    async def set_plan_files(self: _Connection, user_id: int, message_ids: tuple[int, ...]) -> None:
        """The messages now carrying the plan's roadmap and calendar."""
        await self._write(
            "UPDATE plans SET file_messages = ? WHERE user_id = ?",
            (json.dumps(list(message_ids)), user_id),
        )
