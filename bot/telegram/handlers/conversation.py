"""The interview: commands, typed answers and button presses, all passed to the engine."""

from __future__ import annotations

import asyncio

from telegram import Message, Update
from telegram.ext import ContextTypes

from bot.telegram.delivery import answer_query, deliver, send_chunks
from bot.telegram.render import decode_callback, render
from bot.telegram.runtime import runtime
from flows.events import COMMANDS, Command, Event, Press, Text

MAX_SOURCE = 64


async def respond(update: Update, context: ContextTypes.DEFAULT_TYPE, event: Event) -> None:
    """update → engine → storage (committed) → reply. The one path every answer takes."""
    rt = runtime(context)
    user, chat = update.effective_user, update.effective_chat
    assert user is not None and chat is not None
    outcome = await rt.advisor.step(user.id, event, chat_id=chat.id, update_id=update.update_id)
    query = update.callback_query
    pressed = query.message if query and isinstance(query.message, Message) else None
    shown = deliver(
        context.bot,
        rt.storage,
        user_id=user.id,
        chat_id=chat.id,
        reply=outcome.step.reply,
        record=outcome.record,
        pressed=pressed,
    )
    if query is None:
        await shown
    else:  # the toast and the new screen are independent: send both at once
        await asyncio.gather(answer_query(query, outcome.step.reply.notice), shown)


async def on_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_user:
        await runtime(context).reminders.on_return(update.effective_user.id)
    await respond(update, context, Command("start"))
    if context.args and update.effective_user:
        source = context.args[0][:MAX_SOURCE]
        await runtime(context).storage.set_source(update.effective_user.id, source)


async def on_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/back, /restart, /help, /profile, /recommendation, /faq, /plan."""
    assert update.message is not None and update.message.text is not None
    name = update.message.text.split()[0].lstrip("/").split("@")[0].lower()
    command = next(c for c in COMMANDS if c == name)
    await respond(update, context, Command(command))


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Typed text: an answer to the interview, or a timezone/time while setting up reminders."""
    assert update.message is not None and update.message.text is not None
    assert update.effective_user is not None and update.effective_chat is not None
    text, chat_id = update.message.text, update.effective_chat.id
    setup = await runtime(context).reminders.setup_event(
        update.effective_user.id, chat_id, Text(text)
    )
    if setup is not None:
        await send_chunks(context.bot, chat_id, render(setup))
        return
    await respond(update, context, Text(text))


async def on_press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    decoded = decode_callback(query.data)
    at, action = decoded if decoded else ("", "")
    await respond(update, context, Press(at, action))
