"""What a transport can tell the engine: a button press, typed text, or a command."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from flows.actions import Action

CommandName = Literal[
    "start",
    "back",
    "restart",
    "help",
    "profile",
    "recommendation",
    "faq",
    "plan",
    "progress",
    "reminders",
    "privacy",
    "delete",
    "export",
]
COMMANDS: tuple[CommandName, ...] = get_args(CommandName)
"""Every command, in the order declared above (one list: the Literal)."""
ENGINE_COMMANDS: tuple[CommandName, ...] = COMMANDS[:8]
"""The interview's own commands; the rest belong to the plan, reminder and account dialogues."""


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
    name: CommandName
    payload: str | None = None
    """What followed the command (a /start link's code), if anything."""


@dataclass(frozen=True, slots=True)
class Unusable:
    """Something the dialogues cannot read: a sticker or photo, or a command we do not know."""

    kind: Literal["non_text", "unknown_command"]


Event = Press | Text | Command
"""What the interview engine handles."""
Incoming = Event | Unusable
"""What the dispatcher accepts from a transport."""
