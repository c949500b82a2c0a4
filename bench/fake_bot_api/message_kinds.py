"""What users send: minimal valid payloads for non-text messages, and command entities.

Why its own module: :data:`KINDS` is public (the fuzz tests push every kind), and the payloads
are Telegram data, not behaviour; the file objects are shared with the files the bot sends.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

_COMMAND_RE: Final = re.compile(r"/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?")


def file_object(kind: str, n: int, **extra: Any) -> dict[str, Any]:
    return {"file_id": f"{kind}-{n}", "file_unique_id": f"u{kind}{n}", **extra}


# Minimal but valid payloads for non-text user messages, keyed by the Message field they set.
KINDS: Final[dict[str, Callable[[int], dict[str, Any]]]] = {
    "sticker": lambda n: {
        "sticker": file_object(
            "sticker", n, type="regular", width=512, height=512, is_animated=False, is_video=False
        )
    },
    "photo": lambda n: {"photo": [file_object("photo", n, width=90, height=90)]},
    "voice": lambda n: {"voice": file_object("voice", n, duration=3, mime_type="audio/ogg")},
    "document": lambda n: {
        "document": file_object("document", n, file_name="cv.pdf", mime_type="application/pdf")
    },
    "location": lambda n: {"location": {"latitude": 52.52, "longitude": 13.405}},
    "contact": lambda n: {
        "contact": {"phone_number": "+10000000000", "first_name": "Bob", "user_id": 777}
    },
    "video": lambda n: {"video": file_object("video", n, width=640, height=360, duration=5)},
    # Telegram also sets ``document`` on animations, for clients that predate animations.
    "animation": lambda n: {
        "animation": file_object("animation", n, width=320, height=240, duration=2),
        "document": file_object("animation", n, file_name="a.mp4", mime_type="video/mp4"),
    },
    "audio": lambda n: {"audio": file_object("audio", n, duration=180)},
    "video_note": lambda n: {"video_note": file_object("video_note", n, length=240, duration=4)},
    "poll": lambda n: {
        "poll": {
            "id": f"poll-{n}",
            "question": "Python or Rust?",
            "options": [
                {"persistent_id": "0", "text": "Python", "voter_count": 0},
                {"persistent_id": "1", "text": "Rust", "voter_count": 0},
            ],
            "total_voter_count": 0,
            "is_closed": False,
            "is_anonymous": True,
            "type": "regular",
            "allows_multiple_answers": False,
            "allows_revoting": False,
            "members_only": False,
        }
    },
    "dice": lambda n: {"dice": {"emoji": "🎲", "value": 4}},
}


def command_entities(text: str) -> list[dict[str, Any]]:
    """The bot_command entity Telegram attaches to a message starting with a command."""
    match = _COMMAND_RE.match(text)
    if match is None:
        return []
    length = len(match.group(0).encode("utf-16-le")) // 2
    return [{"type": "bot_command", "offset": 0, "length": length}]
