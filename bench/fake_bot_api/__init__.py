"""A fake Telegram Bot API server for driving the real python-telegram-bot Application (tests,
benchmarks, deploy/smoke.py); see README.md in this folder for which module holds what.

See :mod:`bench.fake_bot_api.server` for usage and :mod:`bench.fake_bot_api.rules` for the
Telegram rules every request is checked against.
"""

from .rules import ParsedText, UploadedFile, check_request, parse_html, parse_text
from .server import BOT_USERNAME, KINDS, SEND_METHODS, Command, FakeTelegram, Request

__all__ = [
    "BOT_USERNAME",
    "KINDS",
    "SEND_METHODS",
    "Command",
    "FakeTelegram",
    "ParsedText",
    "Request",
    "UploadedFile",
    "check_request",
    "parse_html",
    "parse_text",
]
