"""The global error handler: log with context, reassure the user, keep the bot running."""

from __future__ import annotations

import logging
import traceback
from html import escape

from telegram import Update
from telegram.error import Forbidden
from telegram.ext import ContextTypes

from bot.telegram.extbot import AdvisorBot
from bot.telegram.runtime import runtime

log = logging.getLogger("aipath.errors")


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Never logs the token or what the user wrote: only ids, the update kind and the error.

    A callback query the handler already answered is not answered again (Telegram refuses a
    second answer); a failed answer never prevents the apology.
    """
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
        "event=update_failed update=%s user=%s error=%s\n%s",
        update.update_id if isinstance(update, Update) else None,
        user_id,
        type(error).__name__,
        _frames(error),
    )
    if not isinstance(update, Update) or chat_id is None:
        return
    query = update.callback_query
    if query is not None and not _answered(context, query.id):
        try:  # stop the button's spinner; best effort, the apology below matters more
            await query.answer()
        except Exception as follow_up:
            log.warning(
                "event=error_answer_failed user=%s error=%s", user_id, type(follow_up).__name__
            )
    if update.effective_chat is None or update.effective_chat.type != "private":
        return
    try:
        text = runtime(context).text.messages["error"]
        await context.bot.send_message(chat_id, escape(text, quote=False))
    except Exception as follow_up:  # the apology itself failed: log and give up quietly
        log.warning("event=error_reply_failed user=%s error=%s", user_id, type(follow_up).__name__)


def _frames(error: BaseException | None) -> str:
    """Where it failed (file, line, code) without the exception's message: messages can carry
    what the person wrote (e.g. an OSError naming a path made of their text)."""
    if error is None:
        return ""
    return "".join(traceback.format_tb(error.__traceback__)).rstrip()


def _answered(context: ContextTypes.DEFAULT_TYPE, query_id: str) -> bool:
    """The handler already answered (or tried to answer) this query: never answer it twice."""
    bot = context.bot
    return isinstance(bot, AdvisorBot) and bot.was_answered(query_id)
