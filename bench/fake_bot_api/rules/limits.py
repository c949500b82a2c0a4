"""Documented hard limits and enumerations of the Bot API, as one table.

Why its own module: the limits are stated in prose in Telegram's documentation; listing them in
one place shows at a glance what the bot is held to (text 4096 characters, captions 1024,
callback data 64 bytes, …), and the rule modules that check them import them from here.
"""

from __future__ import annotations

import re
from typing import Final

from .api_tables import OBJECT_TYPES

MAX_TEXT_LENGTH: Final = 4096
MAX_CAPTION_LENGTH: Final = 1024
MAX_CALLBACK_DATA_BYTES: Final = 64
MAX_CALLBACK_ANSWER_LENGTH: Final = 200
MAX_COMMANDS: Final = 100
MAX_COMMAND_DESCRIPTION: Final = 256
COMMAND_RE: Final = re.compile(r"[a-z0-9_]{1,32}")
MAX_PHOTO_BYTES: Final = 10 * 1024 * 1024
MAX_PHOTO_DIMENSIONS_SUM: Final = 10000
MAX_PHOTO_RATIO: Final = 20
MAX_UPLOAD_BYTES: Final = 50 * 1024 * 1024
WEBHOOK_PORTS: Final = frozenset({80, 88, 443, 8443})
PARSE_MODES: Final = frozenset({"html", "markdownv2", "markdown"})
CHAT_ACTIONS: Final = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
# An inline button needs exactly one of these besides ``text`` (icon/style are decoration).
BUTTON_ACTION_FIELDS: Final = tuple(
    name
    for name in OBJECT_TYPES["InlineKeyboardButton"]
    if name not in {"text", "icon_custom_emoji_id", "style"}
)
BUTTON_URL_SCHEMES: Final = ("http://", "https://", "tg://")

# Methods whose target message lives in ``chat_id`` + ``message_id`` or ``inline_message_id``.
EDIT_METHODS: Final = frozenset({"editMessageText", "editMessageReplyMarkup"})
# Which parameter carries formatted text, its entities parameter and its length bounds.
FORMATTED_PARAMS: Final[dict[str, tuple[str, str, int, int]]] = {
    "sendMessage": ("text", "entities", 1, MAX_TEXT_LENGTH),
    "editMessageText": ("text", "entities", 1, MAX_TEXT_LENGTH),
    "sendPhoto": ("caption", "caption_entities", 0, MAX_CAPTION_LENGTH),
    "sendDocument": ("caption", "caption_entities", 0, MAX_CAPTION_LENGTH),
}
