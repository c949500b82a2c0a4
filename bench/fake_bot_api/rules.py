"""Telegram Bot API rules the fake server enforces, vendored as plain Python data.

Why vendored: tests must not depend on reading the (large, moving) ``api.json`` at run time, and
a reviewer should be able to see in one file exactly which rules the bot is held to.

The parameter tables below were generated once from ``/work/shared/telegram-bot-api/api.json``
(Bot API 10.1, June 11, 2026) for the methods the bot uses; the limits come from the field
descriptions there and from Telegram's formatting documentation
(https://core.telegram.org/bots/api#formatting-options).

Entry point: :func:`check_request` returns human-readable violation strings, one per broken rule.
"""

from __future__ import annotations

import json
import re
import struct
from dataclasses import dataclass, field
from typing import Any, Final

__all__ = [
    "METHODS",
    "OBJECT_TYPES",
    "Param",
    "ParsedText",
    "UploadedFile",
    "canonical_method",
    "check_request",
    "normalize_params",
    "parse_html",
    "parse_text",
]


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


@dataclass(frozen=True)
class UploadedFile:
    """A file the bot uploaded with multipart/form-data (the API's ``InputFile``)."""

    field_name: str
    filename: str
    content_type: str
    data: bytes = field(repr=False)

    @property
    def size(self) -> int:
        return len(self.data)


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

# ---------------------------------------------------------------------------------------------
# Documented hard limits and enumerations.
# ---------------------------------------------------------------------------------------------

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
_EDIT_METHODS: Final = frozenset({"editMessageText", "editMessageReplyMarkup"})
# Which parameter carries formatted text, its entities parameter and its length bounds.
_FORMATTED_PARAMS: Final[dict[str, tuple[str, str, int, int]]] = {
    "sendMessage": ("text", "entities", 1, MAX_TEXT_LENGTH),
    "editMessageText": ("text", "entities", 1, MAX_TEXT_LENGTH),
    "sendPhoto": ("caption", "caption_entities", 0, MAX_CAPTION_LENGTH),
    "sendDocument": ("caption", "caption_entities", 0, MAX_CAPTION_LENGTH),
}

_METHODS_BY_LOWER: Final = {name.lower(): name for name in METHODS}


def canonical_method(name: str) -> str | None:
    """Telegram method names are case-insensitive; map any spelling to the documented one."""
    return _METHODS_BY_LOWER.get(name.lower())


# ---------------------------------------------------------------------------------------------
# Decoding form values: PTB sends application/x-www-form-urlencoded or multipart bodies where
# every non-string value is JSON-encoded, so "42", "true" and '{"inline_keyboard": ...}' must be
# turned back into typed values before the type checks below can mean anything.
# ---------------------------------------------------------------------------------------------

_INT_RE: Final = re.compile(r"-?\d+")
_STRINGISH: Final = frozenset({"String", "InputFile"})


def _decode_form_value(value: str, param: Param) -> Any:
    """Best-effort decode of a string according to the declared type; leave it if it fails."""
    alternatives = param.alternatives
    if "Integer" in alternatives and _INT_RE.fullmatch(value):
        return int(value)
    if _STRINGISH.intersection(alternatives):
        return value
    if alternatives == ("Boolean",) and value.lower() in {"true", "false", "1", "0"}:
        return value.lower() in {"true", "1"}
    try:
        return json.loads(value)
    except ValueError:
        return value


def normalize_params(method: str, params: dict[str, Any]) -> dict[str, Any]:
    """Turn form-encoded string values into typed values using the vendored parameter table.

    Idempotent: already typed values (from a JSON body) pass through unchanged. Unknown methods
    and parameters are left alone so that :func:`check_request` can report them.
    """
    spec = METHODS.get(method, {})
    normalized: dict[str, Any] = {}
    for name, value in params.items():
        param = spec.get(name)
        if param is not None and isinstance(value, str):
            value = _decode_form_value(value, param)
        normalized[name] = value
    return normalized


# ---------------------------------------------------------------------------------------------
# Structural type checks against the vendored tables.
# ---------------------------------------------------------------------------------------------


def _type_name(value: Any) -> str:
    return {bool: "Boolean", int: "Integer", float: "Float", str: "String"}.get(
        type(value), type(value).__name__
    )


def _check_value(types: str, value: Any, path: str) -> list[str]:
    """Errors for ``value`` against a union type expression; empty when any alternative fits."""
    alternatives = [part.strip() for part in types.split("|")]
    attempts = [_check_single(alt, value, path) for alt in alternatives]
    if any(not errors for errors in attempts):
        return []
    if len(attempts) == 1:
        return attempts[0]
    # For unions of objects, report the alternative the caller evidently meant (fewest errors).
    best = min(attempts, key=len)
    if isinstance(value, dict) and all(a in OBJECT_TYPES for a in alternatives):
        return best
    return [f"{path} must be {' or '.join(alternatives)}, got {_type_name(value)}"]


def _check_single(type_expr: str, value: Any, path: str) -> list[str]:
    if type_expr.startswith("Array of "):
        if not isinstance(value, list):
            return [f"{path} must be a JSON array, got {_type_name(value)}"]
        inner = type_expr.removeprefix("Array of ")
        return [
            e for i, item in enumerate(value) for e in _check_single(inner, item, f"{path}[{i}]")
        ]
    if type_expr == "String":
        return [] if isinstance(value, str) else [f"{path} must be String, got {_type_name(value)}"]
    if type_expr == "Integer":
        ok = isinstance(value, int) and not isinstance(value, bool)
        return [] if ok else [f"{path} must be Integer, got {_type_name(value)}"]
    if type_expr == "Float":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return [] if ok else [f"{path} must be Float, got {_type_name(value)}"]
    if type_expr == "Boolean":
        return (
            [] if isinstance(value, bool) else [f"{path} must be Boolean, got {_type_name(value)}"]
        )
    if type_expr == "KeyboardButton" and isinstance(value, str):
        return []  # Telegram still accepts a bare string as a text-only reply keyboard button
    if type_expr == "InputFile":
        ok = isinstance(value, UploadedFile)
        return [] if ok else [f"{path} must be an uploaded file (multipart/form-data)"]
    if type_expr == "BotCommandScope":
        return _check_command_scope(value, path)
    if type_expr in OBJECT_TYPES:
        return _check_object(type_expr, value, path)
    # Object types we do not vendor (WebAppInfo, LoginUrl, ...): at least it must be an object.
    return [] if isinstance(value, dict) else [f"{path} must be a {type_expr} object"]


def _check_object(type_name: str, value: Any, path: str) -> list[str]:
    if not isinstance(value, dict):
        return [f"{path} must be a {type_name} object, got {_type_name(value)}"]
    fields = OBJECT_TYPES[type_name]
    errors = [
        f"{path} has unknown field {key!r} for {type_name}" for key in value if key not in fields
    ]
    for name, spec in fields.items():
        if name in value:
            errors += _check_value(spec.types, value[name], f"{path}.{name}")
        elif spec.required:
            errors.append(f"{path} is missing required field {name!r} of {type_name}")
    return errors


def _check_command_scope(value: Any, path: str) -> list[str]:
    if not isinstance(value, dict) or value.get("type") not in COMMAND_SCOPE_FIELDS:
        return [f"{path} must be a BotCommandScope with type in {sorted(COMMAND_SCOPE_FIELDS)}"]
    needed = COMMAND_SCOPE_FIELDS[value["type"]]
    errors = [f"{path} is missing {name!r}" for name in needed if name not in value]
    allowed = {"type", *needed}
    errors += [f"{path} has unknown field {key!r}" for key in value if key not in allowed]
    return errors


# ---------------------------------------------------------------------------------------------
# HTML parse mode. Mirrors Telegram's parser closely enough to catch what makes the real API
# answer "can't parse entities", and produces the plain text + entities Telegram would store.
# ---------------------------------------------------------------------------------------------

_TAG_RE: Final = re.compile(
    r"<(?P<close>/?)(?P<name>[a-zA-Z][a-zA-Z0-9-]*)"
    r"(?P<attrs>(?:\s+[^\s=>/\"']+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*)\s*>"
)
_ATTR_RE: Final = re.compile(r"([^\s=>/\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")
_ENTITY_RE: Final = re.compile(r"&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[a-zA-Z][a-zA-Z0-9]*);")
_NAMED_ENTITIES: Final = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_TAG_ENTITY_TYPES: Final = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}


@dataclass
class ParsedText:
    """What Telegram would store for a formatted text: plain text, entities, parse errors."""

    text: str
    entities: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass
class _OpenTag:
    name: str
    attrs: dict[str, str]
    offset: int  # UTF-16 offset in the output where the tag's content starts
    position: int  # character position of the tag in the source, for error messages
    language: str | None = None


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _parse_attrs(raw: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for name, value in _ATTR_RE.findall(raw):
        if value[:1] in {'"', "'"}:
            value = value[1:-1]
        attrs[name.lower()] = _decode_entities_simple(value)
    return attrs


def _decode_entities_simple(value: str) -> str:
    """Decode entities inside attribute values (hrefs may contain ``&amp;``)."""
    return _ENTITY_RE.sub(lambda m: _entity_char(m.group(1)) or m.group(0), value)


def _entity_char(body: str) -> str | None:
    """The character an HTML entity stands for, or None if Telegram does not support it."""
    if not body.startswith("#"):
        return _NAMED_ENTITIES.get(body)
    code = int(body[2:], 16) if body[1:2] in {"x", "X"} else int(body[1:])
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return None
    return chr(code)


def _start_tag_errors(name: str, attrs: dict[str, str]) -> list[str]:
    """Telegram-specific requirements on the attributes of a supported start tag."""
    if name == "a" and not attrs.get("href"):
        return ["<a> needs a non-empty href attribute"]
    if name == "span" and attrs.get("class") != "tg-spoiler":
        return ['<span> is only supported as <span class="tg-spoiler">']
    if name == "tg-emoji" and not attrs.get("emoji-id"):
        return ["<tg-emoji> needs an emoji-id attribute"]
    return []


class _HtmlParser:
    """Single pass over the source; small methods per token kind keep the rules readable."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.out: list[str] = []
        self.utf16 = 0
        self.stack: list[_OpenTag] = []
        self.entities: list[dict[str, Any]] = []
        self.errors: list[str] = []

    def parse(self) -> ParsedText:
        pos = 0
        while pos < len(self.source):
            char = self.source[pos]
            if char == "<":
                pos = self._tag(pos)
            elif char == "&":
                pos = self._entity(pos)
            else:
                if char == ">":
                    self.errors.append(f"bare '>' at character {pos}; escape it as &gt;")
                self._emit(char)
                pos += 1
        for tag in self.stack:
            self.errors.append(
                f"can't find end tag for <{tag.name}> opened at character {tag.position}"
            )
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return ParsedText("".join(self.out), self.entities, self.errors)

    def _emit(self, text: str) -> None:
        self.out.append(text)
        self.utf16 += _utf16_len(text)

    def _entity(self, pos: int) -> int:
        match = _ENTITY_RE.match(self.source, pos)
        if match is None:
            self.errors.append(f"bare '&' at character {pos}; escape it as &amp;")
            self._emit("&")
            return pos + 1
        char = _entity_char(match.group(1))
        if char is None:
            self.errors.append(
                f"unsupported HTML entity {match.group(0)} at character {pos}; "
                "only &lt; &gt; &amp; &quot; and numeric entities are supported"
            )
            char = match.group(0)
        self._emit(char)
        return match.end()

    def _tag(self, pos: int) -> int:
        match = _TAG_RE.match(self.source, pos)
        if match is None:
            self.errors.append(f"bare '<' at character {pos}; escape it as &lt;")
            self._emit("<")
            return pos + 1
        name = match.group("name").lower()
        if match.group("close"):
            self._end_tag(name, match.group("attrs"), pos)
        else:
            self._start_tag(name, _parse_attrs(match.group("attrs")), pos)
        return match.end()

    def _start_tag(self, name: str, attrs: dict[str, str], pos: int) -> None:
        if name not in _TAG_ENTITY_TYPES:
            self.errors.append(f"unsupported start tag <{name}> at character {pos}")
        else:
            self.errors += [f"{err} (character {pos})" for err in _start_tag_errors(name, attrs)]
        self.stack.append(_OpenTag(name, attrs, self.utf16, pos))

    def _end_tag(self, name: str, attrs: str, pos: int) -> None:
        if attrs.strip():
            self.errors.append(f"end tag </{name}> at character {pos} must not have attributes")
        if not self.stack:
            self.errors.append(f"unmatched end tag </{name}> at character {pos}")
            return
        if self.stack[-1].name != name:
            expected = self.stack[-1].name
            self.errors.append(
                f"end tag </{name}> at character {pos} does not match open tag <{expected}>"
            )
            if all(tag.name != name for tag in self.stack):
                return
            while self.stack[-1].name != name:
                self.stack.pop()
        self._close(self.stack.pop())

    def _close(self, tag: _OpenTag) -> None:
        length = self.utf16 - tag.offset
        parent = self.stack[-1] if self.stack else None
        if tag.name == "code" and parent is not None and parent.name == "pre":
            # <pre><code class="language-x"> is how Telegram spells a pre block's language.
            css = tag.attrs.get("class", "")
            if css.startswith("language-"):
                parent.language = css.removeprefix("language-")
            return
        if tag.name not in _TAG_ENTITY_TYPES or length == 0:
            return
        self.entities.append(self._entity_for(tag, length))

    def _entity_for(self, tag: _OpenTag, length: int) -> dict[str, Any]:
        entity: dict[str, Any] = {
            "type": _TAG_ENTITY_TYPES[tag.name],
            "offset": tag.offset,
            "length": length,
        }
        if tag.name == "a":
            entity["url"] = tag.attrs.get("href", "")
        elif tag.name == "pre" and tag.language:
            entity["language"] = tag.language
        elif tag.name == "blockquote" and "expandable" in tag.attrs:
            entity["type"] = "expandable_blockquote"
        elif tag.name == "tg-emoji":
            entity["custom_emoji_id"] = tag.attrs.get("emoji-id", "")
        return entity


def parse_html(source: str) -> ParsedText:
    """Parse Telegram-flavoured HTML into plain text + entities, collecting every error."""
    return _HtmlParser(source).parse()


def parse_text(
    text: str, parse_mode: str | None, entities: list[dict[str, Any]] | None = None
) -> ParsedText:
    """What Telegram stores for ``text`` sent with ``parse_mode`` or explicit ``entities``.

    Only HTML is parsed; Markdown modes are kept verbatim (their length is then an upper bound).
    """
    if entities:
        return ParsedText(text, list(entities))
    if parse_mode is not None and parse_mode.lower() == "html":
        return parse_html(text)
    return ParsedText(text)


# ---------------------------------------------------------------------------------------------
# Semantic rules per parameter / method.
# ---------------------------------------------------------------------------------------------


def _check_formatted(method: str, params: dict[str, Any]) -> list[str]:
    """Length after entity parsing, parse errors and explicit entity bounds."""
    spec = _FORMATTED_PARAMS.get(method)
    if spec is None:
        return []
    name, entities_name, minimum, maximum = spec
    raw = params.get(name)
    if not isinstance(raw, str):
        return []
    entities = params.get(entities_name)
    parse_mode = params.get("parse_mode")
    parsed = parse_text(
        raw,
        parse_mode if isinstance(parse_mode, str) else None,
        entities if isinstance(entities, list) else None,
    )
    errors = [f"can't parse entities in {name}: {error}" for error in parsed.errors]
    length = len(parsed.text)
    if minimum and not parsed.text.strip():
        errors.append(f"message {name} is empty (after entity parsing and trimming)")
    if length > maximum:
        kind = "message is too long" if name == "text" else "message caption is too long"
        errors.append(
            f"{kind}: {name} has {length} characters after entity parsing (max {maximum})"
        )
    errors += _check_entity_bounds(parsed, entities_name)
    return errors


def _check_entity_bounds(parsed: ParsedText, entities_name: str) -> list[str]:
    total = _utf16_len(parsed.text)
    errors = []
    for i, entity in enumerate(parsed.entities):
        offset, length = entity.get("offset"), entity.get("length")
        if not isinstance(offset, int) or not isinstance(length, int):
            continue
        if offset < 0 or length <= 0 or offset + length > total:
            errors.append(f"{entities_name}[{i}] lies outside the text (UTF-16 length {total})")
    return errors


def _check_parse_mode(params: dict[str, Any]) -> list[str]:
    mode = params.get("parse_mode")
    if isinstance(mode, str) and mode.lower() not in PARSE_MODES:
        return [f"unsupported parse_mode {mode!r}; use HTML, MarkdownV2 or Markdown"]
    return []


def _check_inline_keyboard(markup: Any, path: str) -> list[str]:
    if not isinstance(markup, dict) or not isinstance(markup.get("inline_keyboard"), list):
        return []
    errors = []
    for r, row in enumerate(markup["inline_keyboard"]):
        if not isinstance(row, list):
            continue
        for c, button in enumerate(row):
            if isinstance(button, dict):
                errors += _check_button(button, f"{path}.inline_keyboard[{r}][{c}]")
    return errors


def _check_button(button: dict[str, Any], path: str) -> list[str]:
    errors = []
    text = button.get("text")
    if isinstance(text, str) and not text.strip():
        errors.append(f"{path}.text must be non-empty")
    actions = [name for name in BUTTON_ACTION_FIELDS if name in button]
    if len(actions) != 1:
        errors.append(
            f"{path} must have exactly one of {', '.join(BUTTON_ACTION_FIELDS)}; "
            f"has {actions or 'none'}"
        )
    data = button.get("callback_data")
    if isinstance(data, str):
        size = len(data.encode("utf-8"))
        if not 1 <= size <= MAX_CALLBACK_DATA_BYTES:
            errors.append(
                f"BUTTON_DATA_INVALID: {path}.callback_data is {size} bytes in UTF-8 "
                f"(must be 1..{MAX_CALLBACK_DATA_BYTES})"
            )
    url = button.get("url")
    if isinstance(url, str) and not url.startswith(BUTTON_URL_SCHEMES):
        errors.append(f"BUTTON_URL_INVALID: {path}.url must be an http(s):// or tg:// URL")
    return errors


def _check_commands(params: dict[str, Any]) -> list[str]:
    commands = params.get("commands")
    if not isinstance(commands, list):
        return []
    errors = []
    if len(commands) > MAX_COMMANDS:
        errors.append(f"too many commands: {len(commands)} (max {MAX_COMMANDS})")
    for i, command in enumerate(commands):
        if not isinstance(command, dict):
            continue
        name, description = command.get("command"), command.get("description")
        if isinstance(name, str) and not COMMAND_RE.fullmatch(name):
            errors.append(
                f"BOT_COMMAND_INVALID: commands[{i}].command {name!r} must be 1-32 characters "
                "of lowercase English letters, digits and underscores"
            )
        if isinstance(description, str) and not 1 <= len(description) <= MAX_COMMAND_DESCRIPTION:
            errors.append(
                f"commands[{i}].description has {len(description)} characters "
                f"(must be 1..{MAX_COMMAND_DESCRIPTION})"
            )
    return errors


def _check_edit_target(params: dict[str, Any]) -> list[str]:
    has_chat_message = "chat_id" in params and "message_id" in params
    has_inline = "inline_message_id" in params
    if has_chat_message == has_inline:
        return ["pass either chat_id and message_id, or inline_message_id"]
    return []


def _png_size(data: bytes) -> tuple[int, int] | None:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or len(data) < 24 or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


_IMAGE_MAGIC: Final = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF8", b"BM")


def _check_photo(photo: Any) -> list[str]:
    if not isinstance(photo, UploadedFile):
        return []
    data = photo.data
    if len(data) > MAX_PHOTO_BYTES:
        return [f"photo is {len(data)} bytes (max {MAX_PHOTO_BYTES})"]
    is_webp = data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    if not (data.startswith(_IMAGE_MAGIC) or is_webp):
        return ["IMAGE_PROCESS_FAILED: uploaded photo is not a PNG/JPEG/GIF/BMP/WEBP image"]
    size = _png_size(data)
    if size is None:
        return []
    width, height = size
    if width + height > MAX_PHOTO_DIMENSIONS_SUM:
        return [f"PHOTO_INVALID_DIMENSIONS: {width}x{height} exceeds 10000 in total"]
    if min(width, height) == 0 or max(width, height) / min(width, height) > MAX_PHOTO_RATIO:
        return [f"PHOTO_INVALID_DIMENSIONS: {width}x{height} has a ratio above {MAX_PHOTO_RATIO}"]
    return []


def _check_upload_size(value: Any, name: str) -> list[str]:
    if not isinstance(value, UploadedFile):
        return []
    if value.size == 0:
        return [f"{name}: file must be non-empty"]
    if value.size > MAX_UPLOAD_BYTES:
        return [f"{name}: file is {value.size} bytes (max {MAX_UPLOAD_BYTES} for uploads)"]
    return []


def _check_webhook_url(url: Any) -> list[str]:
    if not isinstance(url, str) or url == "":
        return []
    match = re.fullmatch(r"https://[^/:]+(?::(\d+))?(?:/.*)?", url)
    if match is None:
        return ["bad webhook: an HTTPS URL must be provided for webhook"]
    port = int(match.group(1) or 443)
    if port not in WEBHOOK_PORTS:
        return [f"bad webhook: webhook can be set up only on ports 80, 88, 443 or 8443, not {port}"]
    return []


def _check_method_specifics(method: str, params: dict[str, Any]) -> list[str]:
    """Rules tied to one method rather than to a parameter type."""
    errors: list[str] = []
    if method in _EDIT_METHODS:
        errors += _check_edit_target(params)
    if method == "editMessageText" and "text" not in params and "rich_message" not in params:
        errors.append("text is required (or rich_message)")
    if method == "answerCallbackQuery":
        text = params.get("text")
        if isinstance(text, str) and len(text) > MAX_CALLBACK_ANSWER_LENGTH:
            errors.append(f"text has {len(text)} characters (max {MAX_CALLBACK_ANSWER_LENGTH})")
    if method == "setMyCommands":
        errors += _check_commands(params)
    action = params.get("action")
    if method == "sendChatAction" and isinstance(action, str) and action not in CHAT_ACTIONS:
        errors.append(f"wrong chat action {action!r}")
    if method == "getUpdates":
        errors += _check_get_updates(params)
    if method == "setWebhook":
        errors += _check_webhook_url(params.get("url"))
    if method == "sendPhoto":
        errors += _check_photo(params.get("photo"))
    if method == "sendDocument":
        errors += _check_upload_size(params.get("document"), "document")
    return errors


def _check_get_updates(params: dict[str, Any]) -> list[str]:
    errors = []
    limit, timeout = params.get("limit"), params.get("timeout")
    if isinstance(limit, int) and not 1 <= limit <= 100:
        errors.append(f"limit {limit} must be between 1 and 100")
    if isinstance(timeout, int) and timeout < 0:
        errors.append(f"timeout {timeout} must not be negative")
    return errors


def _check_chat_id(params: dict[str, Any]) -> list[str]:
    chat_id = params.get("chat_id")
    if isinstance(chat_id, str) and not chat_id.startswith("@"):
        return [f"chat_id {chat_id!r} must be an Integer or an @username"]
    return []


def check_request(method: str, params: dict[str, Any]) -> list[str]:
    """Every rule ``params`` breaks for ``method``, as ``"<method>: <what is wrong>"`` strings.

    ``params`` may be raw form values (strings) or typed JSON values; they are normalized first.
    """
    canonical = canonical_method(method)
    if canonical is None:
        return [f"{method}: unknown Bot API method (not in the vendored rule set)"]
    params = normalize_params(canonical, params)
    spec = METHODS[canonical]
    errors = [f"unknown parameter {name!r}" for name in params if name not in spec]
    errors += [
        f"missing required parameter {name!r}"
        for name, param in spec.items()
        if param.required and name not in params
    ]
    for name, value in params.items():
        if name in spec:
            errors += _check_value(spec[name].types, value, name)
    errors += _check_chat_id(params)
    errors += _check_parse_mode(params)
    errors += _check_formatted(canonical, params)
    errors += _check_inline_keyboard(params.get("reply_markup"), "reply_markup")
    errors += _check_method_specifics(canonical, params)
    return [f"{canonical}: {error}" for error in errors]
