"""Turning what arrives over HTTP into the typed values the rules check.

Why: PTB sends application/x-www-form-urlencoded or multipart bodies where every non-string
value is JSON-encoded, so "42", "true" and '{"inline_keyboard": ...}' must be turned back into
typed values before the type checks can mean anything; and Telegram method names are
case-insensitive, so any spelling is mapped to the documented one first.
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

from .api_tables import METHODS, Param

_METHODS_BY_LOWER: Final = {name.lower(): name for name in METHODS}


def canonical_method(name: str) -> str | None:
    """Telegram method names are case-insensitive; map any spelling to the documented one."""
    return _METHODS_BY_LOWER.get(name.lower())


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
