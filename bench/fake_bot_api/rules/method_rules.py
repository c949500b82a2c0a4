"""Rules tied to one method rather than to a parameter type.

Which target an edit names, editMessageText's text, answerCallbackQuery's text length,
setMyCommands' names and descriptions, sendChatAction's action, getUpdates' limit and timeout,
setWebhook's URL and port, sendPhoto's and sendDocument's uploads. Why its own module: these
are the prose rules of single methods; :func:`check_method_specifics` says which runs for which.
"""

from __future__ import annotations

import re
from typing import Any

from .files import check_photo, check_upload_size
from .limits import (
    CHAT_ACTIONS,
    COMMAND_RE,
    EDIT_METHODS,
    MAX_CALLBACK_ANSWER_LENGTH,
    MAX_COMMAND_DESCRIPTION,
    MAX_COMMANDS,
    WEBHOOK_PORTS,
)


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


def check_method_specifics(method: str, params: dict[str, Any]) -> list[str]:
    """Rules tied to one method rather than to a parameter type."""
    errors: list[str] = []
    if method in EDIT_METHODS:
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
        errors += check_photo(params.get("photo"))
    if method == "sendDocument":
        errors += check_upload_size(params.get("document"), "document")
    return errors


def _check_get_updates(params: dict[str, Any]) -> list[str]:
    errors = []
    limit, timeout = params.get("limit"), params.get("timeout")
    if isinstance(limit, int) and not 1 <= limit <= 100:
        errors.append(f"limit {limit} must be between 1 and 100")
    if isinstance(timeout, int) and timeout < 0:
        errors.append(f"timeout {timeout} must not be negative")
    return errors
