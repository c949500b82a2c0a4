"""Every private update a dialogue answers: Update → event → dispatcher → send. Nothing else.

Which dialogue owns the update, what is stored and what is shown are the dispatcher's decisions.
"""

from __future__ import annotations

import asyncio

from telegram import Message, Update
from telegram.ext import ContextTypes

from bot.outputs import Output
from bot.telegram.delivery import answer_query, send_output
from bot.telegram.runtime import runtime
from flows.actions import decode
from flows.events import COMMANDS, Command, Incoming, Press, Text, Unusable


async def respond(update: Update, context: ContextTypes.DEFAULT_TYPE, event: Incoming) -> Output:
    """update → dispatcher (commits) → reply; then tell the dispatcher what is on screen."""
    rt = runtime(context)
    user, chat = update.effective_user, update.effective_chat
    assert user is not None and chat is not None
    query = update.callback_query
    pressed = query.message if query and isinstance(query.message, Message) else None
    editable = pressed.message_id if pressed is not None and pressed.is_accessible else None
    output = await rt.dispatcher.handle(
        user.id, chat.id, event, update_id=update.update_id, pressed_message_id=editable
    )
    shown = send_output(context.bot, chat.id, output, rt.text.messages)
    if query is None:
        on_screen = await shown
    else:  # the toast is best-effort and independent of the screen: send both at once
        _, on_screen = await asyncio.gather(answer_query(query, output.toast), shown)
    if on_screen is not None:
        await rt.dispatcher.shown(user.id, *on_screen)
    return output


async def on_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every dialogue command: /start, /help, /plan, /reminders, /delete…"""
    assert update.message is not None and update.message.text is not None
    head, _, rest = update.message.text.partition(" ")
    name = head.lstrip("/").split("@")[0].lower()
    command = next(c for c in COMMANDS if c == name)
    payload = rest.strip() or None
    await respond(update, context, Command(command, payload))


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None and update.message.text is not None
    await respond(update, context, Text(update.message.text))


async def on_press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every button: decoded once here; a forged or old payload decodes to None (stale)."""
    assert update.callback_query is not None
    await respond(update, context, Press(decode(update.callback_query.data)))


async def on_non_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A sticker, photo, voice note, document, location, contact…: a hint and the question."""
    await respond(update, context, Unusable("non_text"))


async def on_unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await respond(update, context, Unusable("unknown_command"))
