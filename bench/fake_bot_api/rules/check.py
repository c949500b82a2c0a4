"""The entry point: every rule a request breaks, as "<method>: <what is wrong>" strings.

Why its own module: it is the one place that says in which order the rules run (method name,
unknown and missing parameters, types, then the hand-written rules of the other modules).
"""

from __future__ import annotations

from typing import Any

from .api_tables import METHODS
from .form_values import canonical_method, normalize_params
from .keyboards import check_inline_keyboard
from .method_rules import check_method_specifics
from .text import check_formatted, check_parse_mode
from .type_checks import check_value


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
            errors += check_value(spec[name].types, value, name)
    errors += _check_chat_id(params)
    errors += check_parse_mode(params)
    errors += check_formatted(canonical, params)
    errors += check_inline_keyboard(params.get("reply_markup"), "reply_markup")
    errors += check_method_specifics(canonical, params)
    return [f"{canonical}: {error}" for error in errors]
