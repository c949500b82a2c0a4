"""Every private update a dialogue answers: Update → event → dispatcher → effects. Nothing else.

Which dialogue owns the update, what is stored and what is shown are decided in flows; the
dispatcher commits it before anything here is sent.
"""

from __future__ import annotations

import asyncio
from functools import partial

from telegram import Message, Update
from telegram.ext import ContextTypes

from bot.telegram.delivery import answer_query, carry_out
from bot.telegram.runtime import runtime
from flows.actions import decode
from flows.events import Command, Incoming, Press, Text, Unusable
from flows.turn.effects import Decision


async def respond(update: Update, context: ContextTypes.DEFAULT_TYPE, event: Incoming) -> Decision:
    """update → dispatcher (commits) → effects; then tell the dispatcher what is on screen."""
    rt = runtime(context)
    user, chat = update.effective_user, update.effective_chat
    assert user is not None and chat is not None
    query = update.callback_query
    pressed = query.message if query and isinstance(query.message, Message) else None
    editable = pressed.message_id if pressed is not None and pressed.is_accessible else None
    decision = await rt.dispatcher.handle(
        user.id, chat.id, event, update_id=update.update_id, pressed_message_id=editable
    )
    export = partial(rt.dispatcher.export, user.id)
    shown = carry_out(context.bot, chat.id, decision, rt.text.messages, export)
    if query is None:
        on_screen = await shown
    else:  # the toast is best-effort and independent of the screen: send both at once
        _, on_screen = await asyncio.gather(answer_query(query, decision.toast), shown)
    if on_screen is not None:
        await rt.dispatcher.shown(user.id, on_screen)
    return decision


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
