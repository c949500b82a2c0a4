"""The global error handler: log with context, reassure the user, keep the bot running."""

from __future__ import annotations

import logging
from html import escape

from telegram import Update
from telegram.error import Forbidden
from telegram.ext import ContextTypes

from bot.telegram.runtime import runtime

log = logging.getLogger("aipath.errors")


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Never logs the token or what the user wrote: only ids, the update kind and the error."""
    error = context.error
    user_id = chat_id = None
    if isinstance(update, Update):
        user_id = update.effective_user.id if update.effective_user else None
        chat_id = update.effective_chat.id if update.effective_chat else None
    if isinstance(error, Forbidden):
        log.info("event=user_blocked_bot user=%s", user_id)
        if user_id is not None:
            await runtime(context).storage.set_active(user_id, False)
        return
    log.error(
        "event=update_failed update=%s user=%s error=%s",
        update.update_id if isinstance(update, Update) else None,
        user_id,
        type(error).__name__,
        exc_info=error,
    )
    if not isinstance(update, Update) or chat_id is None:
        return
    try:
        if update.callback_query is not None:
            await update.callback_query.answer()
        if update.effective_chat is not None and update.effective_chat.type == "private":
            text = runtime(context).text.messages["error"]
            await context.bot.send_message(chat_id, escape(text, quote=False))
    except Exception as follow_up:  # the apology itself failed: log and give up quietly
        log.warning("event=error_reply_failed user=%s error=%s", user_id, type(follow_up).__name__)
