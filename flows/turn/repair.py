"""The keyboard on the phone counts: a press on a screen whose update failed changes that answer.

A person's row records the screen confirmed on the phone, `question_message_id` and
`question_digest` (the last message Telegram said it showed, and what it shows), and, while a
later send or edit is not confirmed (it failed, or its outcome is unknown), the screen meant
instead, `unconfirmed_digest`. Until a screen is confirmed again the phone may show either, and
the person acts on what they see. So:

- a press on the confirmed message is a press on the keyboard the person has in front of them
  (`on_phone_keyboard`), whatever the conversation moved on to since: its update failed, or it
  crossed the press in flight. So is, while a screen is unconfirmed, a press on a message sent
  after the confirmed one: a send whose outcome was unknown, that did arrive. The press's own
  data says which screen of that message it came from (`at`). An answer there is applied as an
  edit of that answer, and the interview continues at the first question still unanswered
  (`on_phone_press`); it is never refused as "moved on", and no stored answer is asked again;
- the next turn repairs the chat: its reply shows the current screen by editing the confirmed
  message or sending a new one, and never skips it as "already on screen" while another screen
  was meant (flows/turn/decide.py).

Presses on other messages, and every other dialogue's buttons, keep their own rules.
"""

from __future__ import annotations

from dataclasses import replace

from flows.actions import Back, Begin, Confirm, Edit, Help, Pick, Restart
from flows.events import Press
from flows.graph import STATES
from flows.questions import BY_FIELD, missing_fields
from flows.turn.context import Outcome, Turn
from flows.turn.records import UserRecord
from flows.turn.routes import interview

AS_SEEN = (Pick, Begin, Back, Confirm, Edit)
"""Decided as if the conversation were where that keyboard was shown."""
HERE = (Help, Restart)
"""Decided where the conversation is: help and "start over?" mean the same on any screen."""


def on_phone_keyboard(user: UserRecord | None, pressed: int | None) -> bool:
    """The pressed message shows the person's screen: it is the one confirmed to, or, while a
    later screen is unconfirmed, one sent after it (message ids grow within a chat): a send
    whose outcome was unknown that did arrive."""
    if user is None or pressed is None:
        return False
    if pressed == user.question_message_id:
        return True
    confirmed = user.question_message_id
    return user.unconfirmed_digest is not None and (confirmed is None or pressed > confirmed)


def on_phone_press(t: Turn, action: object, pressed: int | None) -> Outcome | None:
    """An interview button on the keyboard still on the phone, from a screen the conversation
    has left: what it does there (None: not such a press; the usual rules apply)."""
    at = getattr(action, "at", None)
    if at is None or at == t.conv.state or at not in STATES:
        return None
    user = t.state.user
    if not on_phone_keyboard(user, pressed):
        return None
    outcome: Outcome | None
    if isinstance(action, HERE):
        outcome = interview(t, Press(replace(action, at=t.conv.state)))
    elif isinstance(action, AS_SEEN):
        outcome = _as_seen(t, action)
    else:
        return None
    if outcome is not None and user is not None and pressed != user.question_message_id:
        outcome = replace(outcome, placement="own")  # shown where the person pressed
    return outcome


def _as_seen(t: Turn, action: Pick | Begin | Back | Confirm | Edit) -> Outcome | None:
    engine = t.app.engine
    if isinstance(action, Begin) or (
        isinstance(action, Pick) and t.conv.answers.get(action.at) == _value(action)
    ):  # nothing changes: the keyboard was pressed again for what is stored
        screen = engine.show(t.conv)
        return Outcome(t.conv, (screen,))
    seen = t.conv.model_copy(update={"state": action.at})
    step = engine.handle(seen, Press(action))
    if not step.changed:  # refused on its own screen too (an answer no longer offered)
        return None
    conv, reply = step.conversation, step.reply
    if isinstance(action, Pick) and conv.state in BY_FIELD:
        # On to the first question still unanswered: never one whose answer is stored.
        missing = missing_fields(conv.answers)
        conv = conv.model_copy(
            update={
                "state": missing[0] if missing else "summary",
                "editing": conv.editing and bool(missing),
            }
        )
        reply = engine.show(conv)
    return Outcome(conv, (reply,), toast=reply.notice)


def _value(pick: Pick) -> object:
    """A button's value as answers store it (numbers as int)."""
    question = BY_FIELD.get(pick.at)
    if question is not None and question.kind != "choice" and pick.value.isdigit():
        return int(pick.value)
    return pick.value
