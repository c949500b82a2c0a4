"""Groups: the interview is private, so a mention or a command gets one pointer to a DM.

A group is answered at most once per GROUP_COOLDOWN; everything else addressed to the bot there
is dropped at once. The one answer is a single attempt (no network retries), so a flood in
one group never queues behind Telegram's group limit (20 messages a minute) and never delays
private chats or shutdown (the update processor also gives a slot only to an update that holds
its user's lock, so a member's backlog waits without occupying slots).
"""

from __future__ import annotations

import logging
import time
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, MessageEntity, Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.telegram.runtime import runtime

log = logging.getLogger("aipath.group")

GROUP_COOLDOWN = 60.0
"""Seconds between two pointers to the private chat in one group."""
ANSWERED_AT = "group_pointer_at"
"""chat_data key: when (time.monotonic) the group last got a pointer."""


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


def _due(context: ContextTypes.DEFAULT_TYPE) -> bool:
    """True (and the cooldown starts) if this group may get a pointer now."""
    chat_data = context.chat_data
    if chat_data is None:
        return True
    now = time.monotonic()
    last = chat_data.get(ANSWERED_AT)
    if isinstance(last, float) and now - last < GROUP_COOLDOWN:
        return False
    chat_data[ANSWERED_AT] = now
    return True


async def on_group_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    username = context.bot.username
    if update.effective_chat is None or not addressed_to_bot(update, username):
        return
    if not _due(context):
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
    try:
        await context.bot.send_message(
            chat_id,
            escape(words.messages["group"], quote=False),
            reply_markup=markup,
        )
    except TelegramError as exc:  # best effort: the next mention after the cooldown tries again
        log.info("event=group_pointer_failed chat=%s error=%s", chat_id, type(exc).__name__)
