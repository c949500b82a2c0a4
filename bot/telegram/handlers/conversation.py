"""Every private update a dialogue answers: Update → event → dispatcher → effects. Nothing else.

Which dialogue owns the update, what is stored and what is shown are decided in flows; the
dispatcher commits it before anything here is sent. When showing it fails, the answer is saved:
the screen is recorded as unconfirmed and the failure raised as `NotShown` (the error handler
then logs it without an apology); when saving failed, `not_saved` tells the person so.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from functools import partial

from telegram import Message, Update
from telegram.ext import ContextTypes

from bot.dispatcher import NotSaved, NotShown
from bot.telegram.delivery import answer_query, carry_out
from bot.telegram.runtime import runtime
from flows.actions import decode
from flows.events import Command, Incoming, Press, Text, Unusable
from flows.turn.effects import Decision

log = logging.getLogger(__name__)


async def respond(update: Update, context: ContextTypes.DEFAULT_TYPE, event: Incoming) -> Decision:
    """update → dispatcher (commits) → effects; then tell the dispatcher what is on screen."""
    rt = runtime(context)
    user, chat = update.effective_user, update.effective_chat
    assert user is not None and chat is not None
    query = update.callback_query
    decision = await rt.dispatcher.handle(
        user.id, chat.id, event, update_id=update.update_id, pressed_message_id=editable(update)
    )
    export = partial(rt.dispatcher.export, user.id)
    shown = carry_out(context.bot, chat.id, decision, rt.text.messages, export)
    try:
        if query is None:
            on_screen = await shown
        else:  # the toast is best-effort and independent of the screen: send both at once
            _, on_screen = await asyncio.gather(answer_query(query, decision.toast), shown)
    except Exception as error:  # saved, and maybe not on the phone: the next turn repairs it
        await _record(rt.dispatcher.unconfirmed(user.id, decision), user.id)
        raise NotShown() from error
    if on_screen is not None:
        await _record(rt.dispatcher.shown(user.id, on_screen), user.id)
    return decision


def editable(update: Update) -> int | None:
    """The pressed message, if it can be edited (None: typed, inaccessible or deleted)."""
    query = update.callback_query
    pressed = query.message if query and isinstance(query.message, Message) else None
    return pressed.message_id if pressed is not None and pressed.is_accessible else None


async def _record(trip: Awaitable[None], user_id: int) -> None:
    """Record what is (or may not be) on screen. The answer is saved and shown whatever happens
    here: a database that fails now costs only the record (the next press on the new message
    is answered with a new message instead of an edit), never an apology."""
    try:
        await trip
    except Exception as error:
        log.warning("event=shown_not_recorded user=%s error=%s", user_id, type(error).__name__)


async def not_saved(update: Update, context: ContextTypes.DEFAULT_TYPE, failure: NotSaved) -> None:
    """Tell the person their update was NOT saved, and show what is (the pressed message
    edited to the stored screen). Not recorded as shown: the database is away."""
    rt = runtime(context)
    user, chat = update.effective_user, update.effective_chat
    assert user is not None and chat is not None
    decision = rt.dispatcher.not_saved(user.id, failure, pressed_message_id=editable(update))
    export = partial(rt.dispatcher.export, user.id)
    await carry_out(context.bot, chat.id, decision, rt.text.messages, export)


async def on_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every dialogue command: /start, /help, /plan, /reminders, /delete… (the handler is
    registered for exactly the commands of flows/turn/routes.py)."""
    assert update.message is not None and update.message.text is not None
    head, _, rest = update.message.text.partition(" ")
    name = head.lstrip("/").split("@")[0].lower()
    await respond(update, context, Command(name, rest.strip() or None))


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None and update.message.text is not None
    await respond(update, context, Text(update.message.text))


async def on_press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every button: decoded once here; a forged or old payload decodes to None (stale)."""
    assert update.callback_query is not None
    await respond(update, context, Press(decode(update.callback_query.data)))


async def on_non_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A sticker, photo, voice note, document, location, contact…: a hint and the screen."""
    await respond(update, context, Unusable("non_text"))


async def on_unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await respond(update, context, Unusable("unknown_command"))
