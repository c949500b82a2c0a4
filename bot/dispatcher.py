"""One turn in the runtime: load → decide → commit; then, once shown, record what is shown.

Every transport (the Telegram handlers, the console) turns what arrived into an event and calls
`Dispatcher.handle`. It loads everything the turn may need in ONE storage trip (`load_turn`),
lets flows decide (flows/turn/decide.py: which dialogue owns the update, what changes, what to
show), and commits the changes in ONE transaction (`commit_turn`) before returning, so the
transport only shows what is already stored. The transport carries out the decision's effects
and reports what it showed (`Dispatcher.shown`): one more trip. At most three per update.

A turn that fails says how far it got, so the person hears the truth: `NotSaved` (the database
failed before the commit: the person is told it was not saved, and shown what is), or, raised by
the transport, `NotShown` (saved, but the screen may not be on the phone: no apology; the row
records the screen as unconfirmed, `Dispatcher.unconfirmed`, and the next turn repairs it).
"""

from __future__ import annotations

import secrets

from bot.clock import Clock, utc_now
from bot.outputs import File, export_file
from bot.storage import Storage
from flows.engine import Engine
from flows.events import Incoming
from flows.turn.context import Dialogues
from flows.turn.decide import decide
from flows.turn.effects import Decision, SendExport, Shown
from flows.turn.records import TurnState
from flows.turn.unsaved import not_saved

__all__ = ["Dispatcher", "NotSaved", "NotShown", "TurnFailed"]


class TurnFailed(Exception):
    """A turn that failed, and how far it got; the error that stopped it is `__cause__`."""


class NotSaved(TurnFailed):
    """Nothing of the turn was saved: the database failed while loading or committing it."""

    def __init__(self, stored: TurnState | None) -> None:
        super().__init__("the update was not saved")
        self.stored = stored
        """The last stored state, if it could be read (None: not even that)."""


class NotShown(TurnFailed):
    """The turn was saved, and showing it failed: the screen may or may not be on the phone."""

    def __init__(self) -> None:
        super().__init__("the update was saved; its screen may not be shown")


class Dispatcher:
    def __init__(self, dialogues: Dialogues, storage: Storage, *, clock: Clock = utc_now) -> None:
        self.dialogues = dialogues
        self.storage = storage
        self.clock = clock

    @property
    def engine(self) -> Engine:
        return self.dialogues.engine

    async def handle(
        self,
        user_id: int,
        chat_id: int,
        event: Incoming,
        *,
        update_id: int | None = None,
        pressed_message_id: int | None = None,
    ) -> Decision:
        """Load, decide, commit. `pressed_message_id`: the message whose button was tapped, or
        None when it cannot be edited (an inaccessible or deleted message, a typed update)."""
        try:
            state = await self.storage.load_turn(user_id)
        except Exception as error:  # whatever failed, nothing of this update is stored
            raise NotSaved(None) from error
        decision = decide(
            self.dialogues,
            state,
            event,
            self.clock(),
            chat_id=chat_id,
            update_id=update_id,
            pressed_message_id=pressed_message_id,
            fresh_key=secrets.token_urlsafe(12),
        )
        if not decision.changes.empty:
            try:
                await self.storage.commit_turn(decision.changes)
            except Exception as error:
                raise NotSaved(state) from error
        return decision

    def not_saved(
        self, user_id: int, failure: NotSaved, *, pressed_message_id: int | None = None
    ) -> Decision:
        """What to show for an update that was not saved: that, and what is (nothing to
        commit: the database is away)."""
        return not_saved(
            self.dialogues,
            user_id,
            failure.stored,
            self.clock(),
            pressed_message_id=pressed_message_id,
        )

    async def unconfirmed(self, user_id: int, decision: Decision) -> None:
        """Showing a committed decision failed: its last screen may not be on the phone. The
        message recorded as shown stays recorded (the phone may still show it), and the next
        turn repairs the chat (flows/turn/repair.py). Nothing to record for a decision that
        showed no screen."""
        screens = decision.screens
        if screens:
            await self.storage.record_unconfirmed(user_id, screens[-1].fingerprint())

    async def shown(self, user_id: int, shown: Shown) -> None:
        """The transport reports the message now showing the current screen, and the messages
        now carrying the plan's files when it sent new ones."""
        digest = shown.screen.fingerprint() if shown.screen is not None else None
        if shown.message_id is None and shown.file_messages is None:
            return
        await self.storage.record_shown(user_id, shown.message_id, digest, shown.file_messages)

    async def export(self, user_id: int, effect: SendExport) -> File:
        """Everything stored about the person, as the file `SendExport` asks for."""
        return export_file(await self.storage.export_user(user_id), effect.caption)
