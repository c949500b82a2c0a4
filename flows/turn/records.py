"""What storage hands a turn: one frozen record per table, and all of them as one `TurnState`.

Defined here, in `flows/`, because the decisions read them; both storage backends (SQLite and
PostgreSQL, in `bot/`) build these from their rows, so nothing in `flows/` knows which database
it came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from flows.conversation import Conversation

RECENT_UPDATES = 32
"""How many applied update ids are remembered per person to recognise a redelivery."""
RECENT_FOR = timedelta(hours=24)
"""How long an applied update id counts: Telegram redelivers within hours, and restarts ids at a
random value after a week without updates, so an old id must never lock a person out."""

Window = tuple[tuple[int, int], ...]
"""(update id, epoch seconds applied) for the last RECENT_UPDATES updates, oldest first."""


@dataclass(frozen=True, slots=True)
class UserRecord:
    user_id: int
    chat_id: int | None
    conversation: Conversation
    source: str | None
    recommendation: dict[str, Any] | None
    question_message_id: int | None
    """The message confirmed to show the person's screen (the last one Telegram said it
    showed)."""
    question_digest: str | None
    """What that message shows (`Reply.fingerprint`)."""
    last_update_id: int | None
    active: bool
    created_at: datetime
    updated_at: datetime
    recent_updates: Window = ()
    unconfirmed_digest: str | None = None
    """The screen the bot last meant to show when Telegram did not confirm it (a send or edit
    that failed, or whose outcome is unknown): the phone may still show the confirmed one. None
    when the confirmed screen is the one intended."""

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
    plan_key: str | None = None
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
    """Unused since the setup in progress lives in the conversation; kept for old rows."""


@dataclass(frozen=True, slots=True)
class TurnState:
    """Everything a turn may need about one person, read in ONE storage trip (`load_turn`).

    `user` is None for someone the bot has never stored; a plan, reminder settings and
    check-ins only exist for someone with a row (they hang on it).
    """

    user_id: int
    user: UserRecord | None = None
    plan: PlanRecord | None = None
    reminder: ReminderRecord | None = None
    checkin_weeks: tuple[str, ...] = ()
    """ISO weeks ('2026-W48') with real progress, newest first."""

    @property
    def conversation(self) -> Conversation:
        return self.user.conversation if self.user is not None else Conversation()

    @property
    def exists(self) -> bool:
        return self.user is not None
