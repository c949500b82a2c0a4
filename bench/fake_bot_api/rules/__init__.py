"""Telegram Bot API rules the fake server enforces, vendored as plain Python data.

Why vendored: tests must not depend on reading the (large, moving) ``api.json`` at run time, and
a reviewer should be able to see exactly which rules the bot is held to.

The parameter tables were generated once from ``/work/shared/telegram-bot-api/api.json``
(Bot API 10.1, June 11, 2026) for the methods the bot uses; the limits come from the field
descriptions there and from Telegram's formatting documentation
(https://core.telegram.org/bots/api#formatting-options).

Why a package: each module holds one kind of rule, so a rule is found by its file name.

- ``api_tables.py``: the vendored parameter and object tables (``METHODS``, ``OBJECT_TYPES``);
- ``limits.py``: the documented limits and enumerations (text 4096, callback data 64 bytes, …);
- ``form_values.py``: method-name spelling and decoding form-encoded values into typed ones;
- ``type_checks.py``: every value against its declared API type;
- ``html.py``: the HTML parse mode (plain text + entities, "can't parse entities");
- ``text.py``: formatted text and captions (length after parsing, entities, parse_mode);
- ``keyboards.py``: inline keyboards and callback data;
- ``files.py``: uploads (photo format, size and proportions, upload size);
- ``method_rules.py``: rules tied to one method (edit target, commands, chat actions, polling
  limits, webhook URL and port, callback answers);
- ``check.py``: :func:`check_request`, the entry point that runs them all.

Entry point: :func:`check_request` returns human-readable violation strings, one per broken rule.
"""

from .api_tables import METHODS, OBJECT_TYPES, Param
from .check import check_request
from .files import UploadedFile
from .form_values import canonical_method, normalize_params
from .html import ParsedText, parse_html, parse_text

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
