"""Privacy: what is stored (/privacy) and erasing it (/delete, after confirmation)."""

from __future__ import annotations

from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot.telegram.delivery import answer_query, with_retries
from bot.telegram.runtime import runtime

DELETE_YES = "bot|del:yes"
DELETE_NO = "bot|del:no"
DELETE_PATTERN = r"^bot\|del:(yes|no)$"


async def on_privacy(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_chat is not None
    text = runtime(context).text.messages["privacy"]
    await with_retries(
        lambda: context.bot.send_message(
            update.effective_chat.id,  # type: ignore[union-attr]
            escape(text, quote=False),
        )
    )


async def on_delete(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_chat is not None
    words = runtime(context).text
    markup = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(words.buttons["delete_yes"], callback_data=DELETE_YES),
                InlineKeyboardButton(words.buttons["delete_no"], callback_data=DELETE_NO),
            ]
        ]
    )
    await with_retries(
        lambda: context.bot.send_message(
            update.effective_chat.id,  # type: ignore[union-attr]
            escape(words.messages["delete_confirm"], quote=False),
            reply_markup=markup,
        )
    )


async def on_delete_answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    rt = runtime(context)
    confirmed = query.data == DELETE_YES
    if confirmed:
        await rt.storage.delete_user(update.effective_user.id)
    await answer_query(query)
    key = "deleted" if confirmed else "delete_cancelled"
    await query.edit_message_text(escape(rt.text.messages[key], quote=False))
