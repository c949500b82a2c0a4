"""Groups: the interview is private, so a mention or a command gets one pointer to a DM."""

from __future__ import annotations

from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, MessageEntity, Update
from telegram.ext import ContextTypes

from bot.telegram.delivery import with_retries
from bot.telegram.runtime import runtime


def addressed_to_bot(update: Update, username: str) -> bool:
    """A command (for any bot or for us by name) or an @mention of this bot."""
    message = update.message
    if message is None or message.text is None:
        return False
    handle = f"@{username}".lower()
    for entity in message.entities:
        fragment = message.parse_entity(entity).lower()
        if entity.type == MessageEntity.MENTION and fragment == handle:
            return True
        if entity.type == MessageEntity.BOT_COMMAND and entity.offset == 0:
            return "@" not in fragment or fragment.endswith(handle)
    return False


async def on_group_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    username = context.bot.username
    if update.effective_chat is None or not addressed_to_bot(update, username):
        return
    words = runtime(context).text
    markup = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    words.buttons["open_private"], url=f"https://t.me/{username}?start=group"
                )
            ]
        ]
    )
    chat_id = update.effective_chat.id
    await with_retries(
        lambda: context.bot.send_message(
            chat_id, escape(words.messages["group"], quote=False), reply_markup=markup
        )
    )
