"""The global error handler: log with context, reassure the user, keep the bot running.

A network trouble with Telegram (after the turn was committed: the dispatcher commits before
anything is sent) is one WARNING line and no apology: the answer is saved, and a screen whose
outcome is unknown may well be on the person's phone. A webhook update that failed transiently
before anything reached the chat is delivered again by Telegram: no apology for it either.
Button presses are answered by `CallbackAnswers` when the update is done
(bot/telegram/callback_answers.py), never here.
"""

from __future__ import annotations

import logging
import traceback
from html import escape

from telegram import Update
from telegram.error import Forbidden
from telegram.ext import ContextTypes

from bot.telegram.runtime import runtime
from bot.telegram.send_policy import is_transient
from bot.telegram.update_outcome import note_failure, redelivery_due

log = logging.getLogger("aipath.errors")


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Never logs the token or what the user wrote: only ids, the update kind and the error."""
    error = context.error
    note_failure(error)  # a webhook asks Telegram to redeliver what failed transiently
    user_id = chat_id = None
    if isinstance(update, Update):
        user_id = update.effective_user.id if update.effective_user else None
        chat_id = update.effective_chat.id if update.effective_chat else None
    if isinstance(error, Forbidden):
        log.info("event=user_blocked_bot user=%s", user_id)
        if user_id is not None:
            await runtime(context).storage.set_active(user_id, False)
        return
    if redelivery_due() or is_transient(error):
        # Telegram delivers it again (webhook), or the network failed after the commit: either
        # way the answer is not lost and an apology would be wrong.
        event = "update_redelivery" if redelivery_due() else "update_not_shown"
        log.warning(
            "event=%s update=%s user=%s error=%s",
            event,
            update.update_id if isinstance(update, Update) else None,
            user_id,
            _described(error),
        )
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


def _described(error: BaseException | None) -> str:
    """The error's class, and for the Bot API's own errors the method (never a message)."""
    method = getattr(error, "method", None)
    name = type(error).__name__
    return f"{name}({method})" if isinstance(method, str) else name
