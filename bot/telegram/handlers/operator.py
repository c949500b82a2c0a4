"""/stats for admins (others get the ordinary unknown-command reply)."""

from __future__ import annotations

from html import escape

from telegram import Update
from telegram.ext import ContextTypes

from bot.insight import stats_text
from bot.telegram.handlers.conversation import on_unknown_command
from bot.telegram.runtime import runtime
from bot.telegram.send_policy import with_retries


async def on_stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    rt = runtime(context)
    user, chat = update.effective_user, update.effective_chat
    assert user is not None and chat is not None
    if user.id not in rt.settings.admin_ids:
        await on_unknown_command(update, context)
        return
    text = stats_text(await rt.storage.stats(now=rt.clock()))
    await with_retries(
        lambda: context.bot.send_message(chat.id, f"<pre>{escape(text, quote=False)}</pre>")
    )
