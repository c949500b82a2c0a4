"""What a transport can tell the engine: a button press, typed text, or a command."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

CommandName = Literal[
    "start", "back", "restart", "help", "profile", "recommendation", "faq", "plan"
]
COMMANDS: tuple[CommandName, ...] = (
    "start",
    "back",
    "restart",
    "help",
    "profile",
    "recommendation",
    "faq",
    "plan",
)


@dataclass(frozen=True, slots=True)
class Press:
    """A button press. `at` is the state the button was shown in, so stale presses are caught."""

    at: str
    action: str


@dataclass(frozen=True, slots=True)
class Text:
    text: str


@dataclass(frozen=True, slots=True)
class Command:
    name: CommandName


Event = Press | Text | Command
