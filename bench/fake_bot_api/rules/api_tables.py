"""The Bot API's parameter and object tables for the methods the bot uses, vendored from api.json.

Why its own module: these tables are generated data, not hand-written rules; keeping them apart
lets ``tests/test_fake_api_rules.py`` compare exactly this file with Telegram's api.json, and
keeps the rule modules short enough to read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class Param:
    """One method parameter or object field: its API type expression and whether it is required.

    ``types`` uses the api.json spelling joined by `` | ``, e.g. ``"Integer | String"`` or
    ``"Array of Array of InlineKeyboardButton"``.
    """

    types: str
    required: bool = False

    @property
    def alternatives(self) -> tuple[str, ...]:
        return tuple(part.strip() for part in self.types.split("|"))


_ANY_REPLY_MARKUP: Final = (
    "InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply"
)

# ---------------------------------------------------------------------------------------------
# Vendored from api.json (Bot API 10.1). Do not edit by hand; regenerate if the bot starts using
# another method or object type.
# ---------------------------------------------------------------------------------------------

METHODS: Final[dict[str, dict[str, Param]]] = {
    "getMe": {},
    "getUpdates": {
        "offset": Param("Integer", required=False),
        "limit": Param("Integer", required=False),
        "timeout": Param("Integer", required=False),
        "allowed_updates": Param("Array of String", required=False),
    },
    "deleteWebhook": {
        "drop_pending_updates": Param("Boolean", required=False),
    },
    "setWebhook": {
        "url": Param("String", required=True),
        "certificate": Param("InputFile", required=False),
        "ip_address": Param("String", required=False),
        "max_connections": Param("Integer", required=False),
        "allowed_updates": Param("Array of String", required=False),
        "drop_pending_updates": Param("Boolean", required=False),
        "secret_token": Param("String", required=False),
    },
    "getWebhookInfo": {},
    "setMyCommands": {
        "commands": Param("Array of BotCommand", required=True),
        "scope": Param("BotCommandScope", required=False),
        "language_code": Param("String", required=False),
    },
    "deleteMyCommands": {
        "scope": Param("BotCommandScope", required=False),
        "language_code": Param("String", required=False),
    },
    "setMyDescription": {
        "description": Param("String", required=False),
        "language_code": Param("String", required=False),
    },
    "setMyShortDescription": {
        "short_description": Param("String", required=False),
        "language_code": Param("String", required=False),
    },
    "sendMessage": {
        "business_connection_id": Param("String", required=False),
        "chat_id": Param("Integer | String", required=True),
        "message_thread_id": Param("Integer", required=False),
        "direct_messages_topic_id": Param("Integer", required=False),
        "text": Param("String", required=True),
        "parse_mode": Param("String", required=False),
        "entities": Param("Array of MessageEntity", required=False),
        "link_preview_options": Param("LinkPreviewOptions", required=False),
        "disable_notification": Param("Boolean", required=False),
        "protect_content": Param("Boolean", required=False),
        "allow_paid_broadcast": Param("Boolean", required=False),
        "message_effect_id": Param("String", required=False),
        "suggested_post_parameters": Param("SuggestedPostParameters", required=False),
        "reply_parameters": Param("ReplyParameters", required=False),
        "reply_markup": Param(_ANY_REPLY_MARKUP, required=False),
    },
    "editMessageText": {
        "business_connection_id": Param("String", required=False),
        "chat_id": Param("Integer | String", required=False),
        "message_id": Param("Integer", required=False),
        "inline_message_id": Param("String", required=False),
        "text": Param("String", required=False),
        "parse_mode": Param("String", required=False),
        "entities": Param("Array of MessageEntity", required=False),
        "link_preview_options": Param("LinkPreviewOptions", required=False),
        "rich_message": Param("InputRichMessage", required=False),
        "reply_markup": Param("InlineKeyboardMarkup", required=False),
    },
    "editMessageReplyMarkup": {
        "business_connection_id": Param("String", required=False),
        "chat_id": Param("Integer | String", required=False),
        "message_id": Param("Integer", required=False),
        "inline_message_id": Param("String", required=False),
        "reply_markup": Param("InlineKeyboardMarkup", required=False),
    },
    "answerCallbackQuery": {
        "callback_query_id": Param("String", required=True),
        "text": Param("String", required=False),
        "show_alert": Param("Boolean", required=False),
        "url": Param("String", required=False),
        "cache_time": Param("Integer", required=False),
    },
    "sendPhoto": {
        "business_connection_id": Param("String", required=False),
        "chat_id": Param("Integer | String", required=True),
        "message_thread_id": Param("Integer", required=False),
        "direct_messages_topic_id": Param("Integer", required=False),
        "photo": Param("InputFile | String", required=True),
        "caption": Param("String", required=False),
        "parse_mode": Param("String", required=False),
        "caption_entities": Param("Array of MessageEntity", required=False),
        "show_caption_above_media": Param("Boolean", required=False),
        "has_spoiler": Param("Boolean", required=False),
        "disable_notification": Param("Boolean", required=False),
        "protect_content": Param("Boolean", required=False),
        "allow_paid_broadcast": Param("Boolean", required=False),
        "message_effect_id": Param("String", required=False),
        "suggested_post_parameters": Param("SuggestedPostParameters", required=False),
        "reply_parameters": Param("ReplyParameters", required=False),
        "reply_markup": Param(_ANY_REPLY_MARKUP, required=False),
    },
    "sendDocument": {
        "business_connection_id": Param("String", required=False),
        "chat_id": Param("Integer | String", required=True),
        "message_thread_id": Param("Integer", required=False),
        "direct_messages_topic_id": Param("Integer", required=False),
        "document": Param("InputFile | String", required=True),
        "thumbnail": Param("InputFile | String", required=False),
        "caption": Param("String", required=False),
        "parse_mode": Param("String", required=False),
        "caption_entities": Param("Array of MessageEntity", required=False),
        "disable_content_type_detection": Param("Boolean", required=False),
        "disable_notification": Param("Boolean", required=False),
        "protect_content": Param("Boolean", required=False),
        "allow_paid_broadcast": Param("Boolean", required=False),
        "message_effect_id": Param("String", required=False),
        "suggested_post_parameters": Param("SuggestedPostParameters", required=False),
        "reply_parameters": Param("ReplyParameters", required=False),
        "reply_markup": Param(_ANY_REPLY_MARKUP, required=False),
    },
    "deleteMessage": {
        "chat_id": Param("Integer | String", required=True),
        "message_id": Param("Integer", required=True),
    },
    "sendChatAction": {
        "business_connection_id": Param("String", required=False),
        "chat_id": Param("Integer | String", required=True),
        "message_thread_id": Param("Integer", required=False),
        "action": Param("String", required=True),
    },
    "close": {},
    "logOut": {},
}
OBJECT_TYPES: Final[dict[str, dict[str, Param]]] = {
    "InlineKeyboardMarkup": {
        "inline_keyboard": Param("Array of Array of InlineKeyboardButton", required=True),
    },
    "InlineKeyboardButton": {
        "text": Param("String", required=True),
        "icon_custom_emoji_id": Param("String", required=False),
        "style": Param("String", required=False),
        "url": Param("String", required=False),
        "callback_data": Param("String", required=False),
        "web_app": Param("WebAppInfo", required=False),
        "login_url": Param("LoginUrl", required=False),
        "switch_inline_query": Param("String", required=False),
        "switch_inline_query_current_chat": Param("String", required=False),
        "switch_inline_query_chosen_chat": Param("SwitchInlineQueryChosenChat", required=False),
        "copy_text": Param("CopyTextButton", required=False),
        "callback_game": Param("CallbackGame", required=False),
        "pay": Param("Boolean", required=False),
    },
    "BotCommand": {
        "command": Param("String", required=True),
        "description": Param("String", required=True),
    },
    "LinkPreviewOptions": {
        "is_disabled": Param("Boolean", required=False),
        "url": Param("String", required=False),
        "prefer_small_media": Param("Boolean", required=False),
        "prefer_large_media": Param("Boolean", required=False),
        "show_above_text": Param("Boolean", required=False),
    },
    "ReplyParameters": {
        "message_id": Param("Integer", required=True),
        "chat_id": Param("Integer | String", required=False),
        "allow_sending_without_reply": Param("Boolean", required=False),
        "quote": Param("String", required=False),
        "quote_parse_mode": Param("String", required=False),
        "quote_entities": Param("Array of MessageEntity", required=False),
        "quote_position": Param("Integer", required=False),
        "checklist_task_id": Param("Integer", required=False),
        "poll_option_id": Param("String", required=False),
    },
    "ReplyKeyboardMarkup": {
        "keyboard": Param("Array of Array of KeyboardButton", required=True),
        "is_persistent": Param("Boolean", required=False),
        "resize_keyboard": Param("Boolean", required=False),
        "one_time_keyboard": Param("Boolean", required=False),
        "input_field_placeholder": Param("String", required=False),
        "selective": Param("Boolean", required=False),
    },
    "KeyboardButton": {
        "text": Param("String", required=True),
        "icon_custom_emoji_id": Param("String", required=False),
        "style": Param("String", required=False),
        "request_users": Param("KeyboardButtonRequestUsers", required=False),
        "request_chat": Param("KeyboardButtonRequestChat", required=False),
        "request_managed_bot": Param("KeyboardButtonRequestManagedBot", required=False),
        "request_contact": Param("Boolean", required=False),
        "request_location": Param("Boolean", required=False),
        "request_poll": Param("KeyboardButtonPollType", required=False),
        "web_app": Param("WebAppInfo", required=False),
    },
    "ReplyKeyboardRemove": {
        "remove_keyboard": Param("Boolean", required=True),
        "selective": Param("Boolean", required=False),
    },
    "ForceReply": {
        "force_reply": Param("Boolean", required=True),
        "input_field_placeholder": Param("String", required=False),
        "selective": Param("Boolean", required=False),
    },
    "MessageEntity": {
        "type": Param("String", required=True),
        "offset": Param("Integer", required=True),
        "length": Param("Integer", required=True),
        "url": Param("String", required=False),
        "user": Param("User", required=False),
        "language": Param("String", required=False),
        "custom_emoji_id": Param("String", required=False),
        "unix_time": Param("Integer", required=False),
        "date_time_format": Param("String", required=False),
    },
}

# BotCommandScope is a union of small objects; only ``type`` tells them apart.
COMMAND_SCOPE_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "default": (),
    "all_private_chats": (),
    "all_group_chats": (),
    "all_chat_administrators": (),
    "chat": ("chat_id",),
    "chat_administrators": ("chat_id",),
    "chat_member": ("chat_id", "user_id"),
}
