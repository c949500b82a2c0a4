"""The turn's decision: (loaded state, update, now) → Decision. Pure and deterministic.

1. A redelivered update (after a crash between commit and confirmation) is not applied again.
2. The routing table (flows/turn/routes.py) names the owner of the update; a dialogue on screen
   that the owner does not own is closed (an abandoned setup, a dismissed question).
3. The owner's handler decides the person's rows afterwards and the screens; a press on the
   keyboard still on the phone is taken where that keyboard was (flows/turn/repair.py).
4. Here that becomes the changes to commit (only what differs from what was loaded) and the
   effects: the screen sent anew, or shown by editing the pressed message, then files.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from flows.dialogues import account
from flows.events import Command, Incoming, Press, Text, Unusable
from flows.reply import Reply
from flows.turn.context import Dialogues, Outcome, Turn, not_ready
from flows.turn.effects import Changes, Decision, Edit, Effect, Send, SendPlanFiles, UserWrite
from flows.turn.records import TurnState
from flows.turn.repair import on_phone_press
from flows.turn.routes import ACTIONS, COMMANDS, OWNERS, TYPED, Route


def decide(
    app: Dialogues,
    state: TurnState,
    event: Incoming,
    now: datetime,
    *,
    chat_id: int | None,
    fresh_key: str,
    update_id: int | None = None,
    pressed_message_id: int | None = None,
) -> Decision:
    """`pressed_message_id`: the message whose button was tapped, or None when it cannot be
    edited (an inaccessible or deleted message, a typed update). `fresh_key`: a new random
    key for a plan this turn may create."""
    user = state.user
    if user is not None and update_id is not None and user.already_applied(update_id, now):
        screen = app.engine.show(user.conversation)
        return Decision(Changes(state.user_id, now), (Send((screen,)),), duplicate=True)
    turn = Turn(app, state, state.conversation, now, chat_id, fresh_key)
    outcome = _outcome(turn, event, pressed_message_id)
    effects, unchanged = _effects(state, outcome, pressed_message_id)
    changes = _changes(app, state, outcome, now, chat_id, update_id)
    return Decision(changes, effects, outcome.toast, unchanged)


def _outcome(t: Turn, event: Incoming, pressed: int | None) -> Outcome:
    if isinstance(event, Unusable):  # a sticker: a hint, and the screen that stays
        return Outcome(t.conv, (account.text(t, event.kind), screen_now(t)), placement="new")
    route, payload = _route(t, event)
    owner = OWNERS[route.owner]
    if route.closes and t.conv.dialogue not in owner.keeps:
        t = replace(t, conv=t.conv.showing("interview"))
    if owner.after_recommendation and not t.conv.is_finished:
        outcome = not_ready(t)
    elif (on_phone := on_phone_press(t, payload, pressed)) is not None:
        outcome = on_phone
    else:
        outcome = route.handle(t, payload)
    if not (owner.creates_user or t.state.exists):  # only the interview stores someone new
        outcome = replace(outcome, save=False)
    return outcome


def _route(t: Turn, event: Command | Press | Text) -> tuple[Route, object]:
    if isinstance(event, Command):
        command = COMMANDS[event.name]
        return Route(command.owner, command.handle), event
    if isinstance(event, Press) and event.action is not None:
        return ACTIONS[type(event.action)], event.action
    # Typed text, or button data that is not ours: the dialogue on screen's.
    return TYPED[t.conv.dialogue], event


def screen_now(t: Turn) -> Reply:
    """What is on screen: the setup's step, the erase question, or the interview's place."""
    if t.conv.setup is not None:
        return t.app.setup.show(t.conv.setup)
    if t.conv.dialogue == "confirm_delete":
        return account.ask_delete(t)
    return t.app.engine.show(t.conv)


def _effects(
    state: TurnState, outcome: Outcome, pressed: int | None
) -> tuple[tuple[Effect, ...], bool]:
    """(effects, unchanged): show one screen by editing the pressed message where the
    placement allows, or skip it when that message already shows exactly this."""
    screens = outcome.screens
    files = tuple(f for f in outcome.files if not isinstance(f, SendPlanFiles))
    rendered = tuple(f for f in outcome.files if isinstance(f, SendPlanFiles))
    user = state.user
    shown: tuple[Effect, ...] = (Send(screens),) if screens else ()
    if pressed is not None and len(screens) == 1 and not files:
        current = user is not None and pressed == user.question_message_id
        if current and outcome.placement != "new" and not rendered:
            assert user is not None
            confirmed = user.unconfirmed_digest is None  # else the phone may show another
            if confirmed and screens[0].fingerprint() == user.question_digest:
                return (), True
            shown = (Edit(pressed, screens[0]),)
        elif outcome.placement == "own":
            shown = (Edit(pressed, screens[0]),)
    return (*shown, *files, *rendered), False


def _changes(
    app: Dialogues,
    state: TurnState,
    outcome: Outcome,
    now: datetime,
    chat_id: int | None,
    update_id: int | None,
) -> Changes:
    """Only what differs from what was loaded (the person's row is written on every stored
    turn: it carries the window of applied updates and when they were last here)."""
    if outcome.erase:
        return Changes(state.user_id, now, erase=True)
    write = None
    if outcome.save:
        conv = outcome.conversation
        rec = app.engine.recommendation(conv) if conv.is_finished else None
        window = state.user.recent_updates if state.user else ()
        write = UserWrite(
            conv, chat_id, update_id, window, rec.record() if rec else None, outcome.source
        )
    plan = outcome.plan if outcome.plan != state.plan else None
    reminder = outcome.reminder if outcome.reminder != state.reminder else None
    checkin = outcome.checkin if outcome.checkin not in state.checkin_weeks else None
    return Changes(state.user_id, now, write, plan, reminder, checkin)
