"""A turn's two writes, the same on both backends: commit what changed, record what is shown.

`commit_turn` writes a turn's `Changes` (flows/turn/effects.py) in ONE transaction, before
anything is sent; `record_shown` remembers the message now showing the current screen (and the
plan's new files) in one more. Both are built from each backend's own public statements
(`save_conversation`, `save_plan`…), so no query is written twice; a turn that only changes
the person's row (every interview tap) is a single statement, with no transaction around it.
`load_turn`, the one read, is per backend: `storage_turn_sqlite` and `storage_turn_pg`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from datetime import datetime
from typing import Any, Protocol

from flows.conversation import Conversation
from flows.turn.effects import Changes
from flows.turn.records import PlanRecord, ReminderRecord


class _Statements(Protocol):
    """The public statements of either backend that a turn's writes are made of."""

    def transaction(self) -> AbstractAsyncContextManager[None]: ...

    async def save_conversation(
        self,
        user_id: int,
        conversation: Conversation,
        *,
        now: datetime,
        chat_id: int | None = None,
        update_id: int | None = None,
        recommendation: dict[str, Any] | None = None,
        recent_updates: tuple[tuple[int, int], ...] | None = None,
    ) -> None: ...

    async def set_source(self, user_id: int, source: str) -> None: ...

    async def save_plan(self, user_id: int, plan: PlanRecord, *, now: datetime) -> None: ...

    async def save_reminder(self, record: ReminderRecord, *, now: datetime) -> None: ...

    async def check_in(self, user_id: int, week: str) -> None: ...

    async def delete_user(self, user_id: int) -> None: ...

    async def set_question_message(
        self, user_id: int, message_id: int | None, digest: str | None
    ) -> None: ...

    async def set_plan_files(self, user_id: int, message_ids: tuple[int, ...]) -> None: ...


Write = Callable[[], Awaitable[None]]


class TurnWrites:
    """Mixed into both storage classes."""

    async def commit_turn(self: _Statements, changes: Changes) -> None:
        """Write everything the turn changed, in one transaction; nothing when nothing did."""
        if changes.erase:
            await self.delete_user(changes.user_id)
            return
        uid, now = changes.user_id, changes.now
        writes: list[Write] = []
        user = changes.user
        if user is not None:  # first: the other rows hang on the person's row
            writes.append(
                lambda: self.save_conversation(
                    uid,
                    user.conversation,
                    now=now,
                    chat_id=user.chat_id,
                    update_id=user.update_id,
                    recommendation=user.recommendation,
                    recent_updates=user.loaded_window,
                )
            )
            if user.source is not None:
                source = user.source
                writes.append(lambda: self.set_source(uid, source))
        if (plan := changes.plan) is not None:
            writes.append(lambda: self.save_plan(uid, plan, now=now))
        if (reminder := changes.reminder) is not None:
            writes.append(lambda: self.save_reminder(reminder, now=now))
        if (week := changes.checkin) is not None:
            writes.append(lambda: self.check_in(uid, week))
        if len(writes) == 1:  # one statement commits on its own
            await writes[0]()
        elif writes:
            async with self.transaction():
                for write in writes:
                    await write()

    async def record_shown(
        self: _Statements,
        user_id: int,
        message_id: int | None,
        digest: str | None,
        file_messages: tuple[int, ...] | None = None,
    ) -> None:
        """Remember the message showing the current screen (an edit skips an unchanged one),
        and the messages now carrying the plan's files, if new ones were sent (the next set
        replaces them)."""
        if file_messages is None:
            await self.set_question_message(user_id, message_id, digest)
            return
        async with self.transaction():
            if message_id is not None:
                await self.set_question_message(user_id, message_id, digest)
            await self.set_plan_files(user_id, file_messages)
