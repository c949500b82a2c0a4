"""Rules on formatted text and captions: length after parsing, parse errors, entities, parse_mode.

Why its own module: this is where the 4096-character text limit and the 1024-character caption
limit (``limits.FORMATTED_PARAMS``) are checked, on the text as Telegram stores it (HTML tags
parsed away), not on the raw string the bot sent.
"""

from __future__ import annotations

from typing import Any

from .html import ParsedText, parse_text, utf16_len
from .limits import FORMATTED_PARAMS, PARSE_MODES


def check_formatted(method: str, params: dict[str, Any]) -> list[str]:
    """Length after entity parsing, parse errors and explicit entity bounds."""
    spec = FORMATTED_PARAMS.get(method)
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
    total = utf16_len(parsed.text)
    errors = []
    for i, entity in enumerate(parsed.entities):
        offset, length = entity.get("offset"), entity.get("length")
        if not isinstance(offset, int) or not isinstance(length, int):
            continue
        if offset < 0 or length <= 0 or offset + length > total:
            errors.append(f"{entities_name}[{i}] lies outside the text (UTF-16 length {total})")
    return errors


def check_parse_mode(params: dict[str, Any]) -> list[str]:
    mode = params.get("parse_mode")
    if isinstance(mode, str) and mode.lower() not in PARSE_MODES:
        return [f"unsupported parse_mode {mode!r}; use HTML, MarkdownV2 or Markdown"]
    return []
