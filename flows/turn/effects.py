"""What a turn decides, as data: the changes to commit and the effects to carry out.

`decide` returns a `Decision`; the runtime commits `Decision.changes` in one transaction, and
only then carries out `Decision.effects` in order (send, edit, send files, send the export),
so whatever a person sees is already stored. Nothing here calls back into the dialogues: the
runtime reports what is on screen afterwards as a `Shown`, recorded in one storage trip.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from flows.conversation import Conversation
from flows.reply import Reply
from flows.schedule import DatedMilestone
from flows.turn.records import RECENT_FOR, RECENT_UPDATES, PlanRecord, ReminderRecord, Window

# ---------------------------------------------------------------------------------- effects


@dataclass(frozen=True, slots=True)
class Send:
    """Send these screens as new messages, in order."""

    screens: tuple[Reply, ...]


@dataclass(frozen=True, slots=True)
class Edit:
    """Show `screen` by editing message `message_id` (the pressed one); sent anew if refused."""

    message_id: int
    screen: Reply


@dataclass(frozen=True, slots=True)
class SendPlanFiles:
    """The plan's roadmap pictures and calendar, rendered by the runtime (it takes a while) and
    sent after the screens; then the messages carrying the older set (`replaces`) are deleted,
    so the chat holds one current set."""

    milestones: tuple[DatedMilestone, ...]
    title: str
    done: int
    today: date
    plan_key: str
    revision: int
    stamp: datetime
    words: Mapping[str, str]
    replaces: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class SendExport:
    """Everything stored about the person, read by the runtime, as a JSON file."""

    caption: str


Effect = Send | Edit | SendPlanFiles | SendExport


# ---------------------------------------------------------------------------------- changes


@dataclass(frozen=True, slots=True)
class UserWrite:
    """The person's row as the turn leaves it (created if it does not exist)."""

    conversation: Conversation
    chat_id: int | None
    update_id: int | None
    """Joins the window of recently applied updates, so a redelivery is recognised."""
    loaded_window: Window
    """The window as this turn loaded it: a person's updates run one at a time, so it is still
    current, and the storage writes it with `update_id` added in the same statement."""
    recommendation: dict[str, Any] | None
    source: str | None
    """Where the person came from (a /start link's code); kept if one is stored already."""

    def window(self, now: datetime) -> Window | None:
        """The window to store: the loaded one with this update, trimmed by count and age
        (RECENT_UPDATES, RECENT_FOR); None when no update is being applied."""
        if self.update_id is None:
            return None
        since = now.timestamp() - RECENT_FOR.total_seconds()
        kept = [(u, t) for u, t in self.loaded_window if t >= since and u != self.update_id]
        return (*kept, (self.update_id, int(now.timestamp())))[-RECENT_UPDATES:]


@dataclass(frozen=True, slots=True)
class Changes:
    """Everything a turn writes, committed by `commit_turn` in ONE transaction."""

    user_id: int
    now: datetime
    user: UserWrite | None = None
    plan: PlanRecord | None = None
    reminder: ReminderRecord | None = None
    checkin: str | None = None
    """An ISO week with real progress in it, for the weekly streak."""
    uncheck: str | None = None
    """An ISO week taken out of the streak again: the tick that put it there was undone."""
    erase: bool = False
    """Erase every row about the person instead (/delete, confirmed)."""

    @property
    def empty(self) -> bool:
        return not (
            self.user or self.plan or self.reminder or self.checkin or self.uncheck or self.erase
        )


@dataclass(frozen=True, slots=True)
class Decision:
    """The outcome of one update: commit `changes`, then carry out `effects` in order."""

    changes: Changes
    effects: tuple[Effect, ...] = ()
    toast: str | None = None
    """A short line for the pressed button (Telegram's callback answer); best-effort."""
    unchanged: bool = False
    """The pressed message already shows exactly this screen: nothing is sent."""
    duplicate: bool = False
    """A redelivered update (after a crash): not applied again; its screen is shown."""

    @property
    def screens(self) -> list[Reply]:
        """Every screen the effects show, in order."""
        out: list[Reply] = []
        for effect in self.effects:
            if isinstance(effect, Send):
                out += effect.screens
            elif isinstance(effect, Edit):
                out.append(effect.screen)
        return out

    @property
    def edit(self) -> int | None:
        """The message edited in place, if the screen is shown that way."""
        return next((e.message_id for e in self.effects if isinstance(e, Edit)), None)


@dataclass(frozen=True, slots=True)
class Shown:
    """What the runtime reports after carrying out the effects, for `record_shown`."""

    message_id: int | None
    """The message now showing the last screen (None: no screen was shown)."""
    screen: Reply | None
    file_messages: tuple[int, ...] | None = None
    """The messages now carrying the plan's files, when new ones were sent."""
