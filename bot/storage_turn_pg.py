"""A turn's one read on PostgreSQL: the person's row with their plan, reminder settings and
weekly check-ins, in ONE statement (one round trip). Mixed into `bot.storage_pg.PgStorage`;
`bot.storage_turn_sqlite` is the same read on SQLite, and `bot.storage_turn` the writes.

Several workers never handle one person at once: the update processor holds the person's
advisory lock (`PgStorage.user_turn`) from before this read until the reply is recorded.
"""

from __future__ import annotations

import json
from typing import Protocol

import asyncpg

from bot.storage_turn import LOAD_COLUMNS, LOAD_FROM, turn_state
from flows.turn.records import TurnState

LOAD_TURN = f"""{LOAD_COLUMNS}
       ARRAY(SELECT week FROM checkins c WHERE c.user_id = u.user_id ORDER BY week DESC) AS weeks
{LOAD_FROM}
WHERE u.user_id = $1"""


class _Connection(Protocol):
    @property
    def _conn(self) -> asyncpg.Pool | asyncpg.Connection: ...


class PgTurnReads:
    """Needs the current task's connection of `PgStorage` (defined there)."""

    async def load_turn(self: _Connection, user_id: int) -> TurnState:
        """Everything a turn may need about the person, in one round trip."""
        row = await self._conn.fetchrow(LOAD_TURN, user_id)
        if row is None:
            return TurnState(user_id)
        return turn_state(
            user_id,
            row,
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            weeks=row["weeks"],
            start_date=row["p_start_date"],
            rebase_date=row["p_rebase_date"],
        )

    async def set_plan_files(self: _Connection, user_id: int, message_ids: tuple[int, ...]) -> None:
        """The messages now carrying the plan's roadmap and calendar."""
        await self._conn.execute(
            "UPDATE plans SET file_messages = $1 WHERE user_id = $2",
            json.dumps(list(message_ids)),
            user_id,
        )
