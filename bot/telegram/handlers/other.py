"""Messages the interview cannot use: stickers, photos, voice notes, unknown commands."""

from __future__ import annotations

from html import escape

from telegram import Update
from telegram.ext import ContextTypes

from bot.telegram.delivery import deliver, with_retries
from bot.telegram.runtime import runtime
from flows.engine import Conversation


async def _hint_then_current(update: Update, context: ContextTypes.DEFAULT_TYPE, key: str) -> None:
    rt = runtime(context)
    user, chat = update.effective_user, update.effective_chat
    assert user is not None and chat is not None
    await with_retries(
        lambda: context.bot.send_message(chat.id, escape(rt.text.messages[key], quote=False))
    )
    record = await rt.storage.load(user.id)
    reply = rt.engine.show(record.conversation if record else Conversation())
    await deliver(
        context.bot, rt.storage, user_id=user.id, chat_id=chat.id, reply=reply, record=record
    )


async def on_non_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A sticker, photo, voice note, document, location, contact…: a hint and the question."""
    await _hint_then_current(update, context, "non_text")


async def on_unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _hint_then_current(update, context, "unknown_command")
