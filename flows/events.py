"""What a transport can tell the dialogues: a button press, typed text, a command, or something
they cannot read. The commands themselves are declared once, in flows/turn/routes.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from flows.actions import Action


@dataclass(frozen=True, slots=True)
class Press:
    """A button press, decoded (see flows.actions). Stale presses carry the screen they were on."""

    action: Action | None
    """None for callback data that is not one of ours (forged, truncated, from long ago)."""


@dataclass(frozen=True, slots=True)
class Text:
    text: str


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    """One of `flows.turn.routes.COMMANDS` (transports turn any other into `Unusable`)."""
    payload: str | None = None
    """What followed the command (a /start link's code), if anything."""


@dataclass(frozen=True, slots=True)
class Unusable:
    """Something the dialogues cannot read: a sticker or photo, or a command we do not know."""

    kind: Literal["non_text", "unknown_command"]


Event = Press | Text | Command
"""What the interview engine handles."""
Incoming = Event | Unusable
"""What a turn accepts from a transport."""
