"""One step of the product for one user: load → engine → store. Shared by bot and console.

The order is the durability guarantee: the new conversation is committed here, before the caller
sends the reply that acknowledges the answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.storage import Storage, UserRecord
from flows.engine import Conversation, Engine, Step
from flows.events import Event

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Outcome:
    step: Step
    record: UserRecord | None
    """The user's row as it was before this step (None for a first contact)."""
    duplicate: bool = False
    """The update was already applied (a redelivery after a crash): nothing was changed."""


class Advisor:
    def __init__(
        self,
        engine: Engine,
        storage: Storage,
        *,
        clock: Clock = utc_now,
        resume_after: timedelta | None = timedelta(hours=1),
    ) -> None:
        self.engine = engine
        self.storage = storage
        self.clock = clock
        self.resume_after = resume_after

    async def step(
        self,
        user_id: int,
        event: Event,
        *,
        chat_id: int | None = None,
        update_id: int | None = None,
    ) -> Outcome:
        record = await self.storage.load(user_id)
        conv = record.conversation if record else Conversation()
        now = self.clock()
        if record and update_id is not None and record.already_applied(update_id, now):
            return Outcome(Step(conv, self.engine.show(conv), False), record, duplicate=True)
        returning = (
            record is not None
            and self.resume_after is not None
            and now - record.updated_at >= self.resume_after
        )
        step = self.engine.handle(conv, event, returning=returning)
        if step.changed or record is None or update_id is not None:
            rec = self.engine.recommendation(step.conversation)
            await self.storage.save_conversation(
                user_id,
                step.conversation,
                now=now,
                chat_id=chat_id,
                update_id=update_id,
                recommendation=rec.record() if rec and step.conversation.is_finished else None,
            )
        return Outcome(step, record)
