"""Structural type checks: every parameter value against its type in the vendored tables.

Why its own module: this is the generic half of the rules (a String is a string, an
InlineKeyboardMarkup has the fields api.json lists, a BotCommandScope has the fields its type
needs); the hand-written limits on top of it live in the other rule modules.
"""

from __future__ import annotations

from typing import Any

from .api_tables import COMMAND_SCOPE_FIELDS, OBJECT_TYPES
from .files import UploadedFile


def _type_name(value: Any) -> str:
    return {bool: "Boolean", int: "Integer", float: "Float", str: "String"}.get(
        type(value), type(value).__name__
    )


def check_value(types: str, value: Any, path: str) -> list[str]:
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
            errors += check_value(spec.types, value[name], f"{path}.{name}")
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
