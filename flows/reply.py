"""What the engine answers: transport-neutral text blocks and buttons.

Blocks carry plain text (never markup); each transport escapes and styles them its own way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["title", "heading", "text", "bullets", "progress", "note"]
ReplyKind = Literal["question", "summary", "recommendation", "info", "confirm", "welcome"]

ANY_STATE = "*"
"""`Button.at` for buttons valid whatever the conversation's state (FAQ, continue)."""


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Button:
    label: str
    action: str
    at: str = ANY_STATE


@dataclass(frozen=True, slots=True)
class Reply:
    kind: ReplyKind
    state: str
    blocks: tuple[Block, ...]
    buttons: tuple[tuple[Button, ...], ...] = ()
    notice: str | None = None
    """A short line for transports that can show a toast (Telegram's callback answer)."""

    @property
    def flat_buttons(self) -> list[Button]:
        return [b for row in self.buttons for b in row]


@dataclass(frozen=True, slots=True)
class ReplyBuilder:
    """Collects blocks and button rows; keeps the engine's code about *what* to say."""

    blocks: list[Block] = field(default_factory=list)
    rows: list[tuple[Button, ...]] = field(default_factory=list)

    def add(self, kind: BlockKind, text: str = "", items: tuple[str, ...] = ()) -> None:
        self.blocks.append(Block(kind, text, items))

    def row(self, *buttons: Button) -> None:
        if buttons:
            self.rows.append(tuple(buttons))

    def build(self, kind: ReplyKind, state: str, notice: str | None = None) -> Reply:
        return Reply(kind, state, tuple(self.blocks), tuple(self.rows), notice)
