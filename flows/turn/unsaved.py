"""What a person sees when their update could not be saved (the database stayed away past the
storage's retries): plainly that it was NOT saved, and what IS saved.

Never "something went wrong, try again" on a screen that then refuses the repeat: the screen
shown is the one of the last stored state (the pressed message is edited to show it, so the
keyboard under the person's thumb is the stored one), with the notice on top. When not even the
stored state could be read, or nothing is stored yet, one line says so.
"""

from __future__ import annotations

from datetime import datetime

from flows.reply import Reply
from flows.turn.context import Dialogues, Turn, plain
from flows.turn.decide import screen_now
from flows.turn.effects import Changes, Decision, Edit, Send
from flows.turn.records import TurnState


def not_saved(
    app: Dialogues,
    user_id: int,
    stored: TurnState | None,
    now: datetime,
    *,
    pressed_message_id: int | None = None,
) -> Decision:
    """The decision for an update that was not saved; `stored`: the last stored state, if it
    could be read. Nothing to commit."""
    words = app.content.chat.messages
    screens: tuple[Reply, ...]
    if stored is None or stored.user is None:  # nothing to show, or nothing stored yet
        screens = (plain(words["not_saved_nothing_loaded"]),)
    else:
        conv = stored.conversation
        if conv.state == "welcome" or conv.setup is not None or conv.dialogue == "confirm_delete":
            t = Turn(app, stored, conv, now, None, "")  # a screen with no place for a notice
            screens = (plain(words["not_saved"]), screen_now(t))
        else:
            screens = (app.engine.show(conv, words["not_saved"]),)
    if pressed_message_id is not None and len(screens) == 1:
        return Decision(Changes(user_id, now), (Edit(pressed_message_id, screens[0]),))
    return Decision(Changes(user_id, now), (Send(screens),))
