"""Rules on inline keyboards: one action per button, non-empty labels, callback data, URLs.

Why its own module: keyboards carry the bot's button presses, and their limits (callback data
1–64 bytes in UTF-8, exactly one action per button) are the ones a growing menu breaks first.
"""

from __future__ import annotations

from typing import Any

from .limits import BUTTON_ACTION_FIELDS, BUTTON_URL_SCHEMES, MAX_CALLBACK_DATA_BYTES


def check_inline_keyboard(markup: Any, path: str) -> list[str]:
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
