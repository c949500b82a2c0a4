"""The global error handler: log with context, tell the person the truth, keep the bot running.

What the person hears depends on how far the turn got (bot/dispatcher.py):

- saved, and showing it failed (`NotShown`): nothing. The answer is stored, the screen may well
  be on the phone, and the next turn repairs the chat; an apology asking to "try again" would
  ask for something already stored. A network trouble is one WARNING line; anything else (a
  refusal, a bug) an ERROR line, still without an apology.
- not saved (`NotSaved`: the database stayed away past the storage's retries): a webhook
  update that nothing was shown for is delivered again by Telegram (no message); otherwise the
  person is told plainly that it was NOT saved and shown what is (flows/turn/unsaved.py).
- anything else (a bug before anything was saved): logged with its frames, and an apology.

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

from bot.dispatcher import NotSaved, NotShown, TurnFailed
from bot.telegram.handlers.conversation import not_saved
from bot.telegram.runtime import runtime
from bot.telegram.send_policy import is_transient
from bot.telegram.update_outcome import is_transient as is_outage
from bot.telegram.update_outcome import note_failure, redelivery_due

log = logging.getLogger("aipath.errors")


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Never logs the token or what the user wrote: only ids, the update kind and the error."""
    failure = context.error
    error = _cause(failure)  # what stopped the turn (a `TurnFailed` says how far it got)
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
    if isinstance(failure, NotSaved) and not redelivery_due():
        await _not_saved(update, context, failure, error, user_id)
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
    _log_failure(update, user_id, error)
    if isinstance(failure, NotShown):  # saved: never ask for it again
        return
    if not isinstance(update, Update) or chat_id is None:
        return
    if update.effective_chat is None or update.effective_chat.type != "private":
        return
    try:
        text = runtime(context).text.messages["error"]
        await context.bot.send_message(chat_id, escape(text, quote=False))
    except Exception as follow_up:  # the apology itself failed: log and give up quietly
        log.warning("event=error_reply_failed user=%s error=%s", user_id, type(follow_up).__name__)


async def _not_saved(
    update: object,
    context: ContextTypes.DEFAULT_TYPE,
    failure: NotSaved,
    error: BaseException | None,
    user_id: int | None,
) -> None:
    """The database failed before the commit: say so, and show what is saved."""
    if error is not None and is_outage(error):
        log.warning("event=update_not_saved user=%s error=%s", user_id, _described(error))
    else:
        _log_failure(update, user_id, error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    if update.effective_chat.type != "private":
        return
    try:
        await not_saved(update, context, failure)
    except Exception as follow_up:  # Telegram is away too: nothing more to do
        log.warning("event=not_saved_reply_failed user=%s error=%s", user_id, _described(follow_up))


def _log_failure(update: object, user_id: int | None, error: BaseException | None) -> None:
    log.error(
        "event=update_failed update=%s user=%s error=%s\n%s",
        update.update_id if isinstance(update, Update) else None,
        user_id,
        type(error).__name__,
        _frames(error),
    )


def _cause(error: BaseException | None) -> BaseException | None:
    """The error that stopped a turn: a `TurnFailed` wraps it (as its cause)."""
    if isinstance(error, TurnFailed) and error.__cause__ is not None:
        return error.__cause__
    return error


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
