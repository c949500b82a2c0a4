"""What the engine answers: transport-neutral text blocks and buttons.

Blocks carry plain text (never markup); each transport escapes and styles them its own way.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from flows.actions import Action

BlockKind = Literal["title", "heading", "text", "bullets", "progress", "note"]
HintKind = Literal["choice", "number"]
ReplyKind = Literal["question", "summary", "recommendation", "info", "confirm", "welcome"]


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Button:
    label: str
    action: Action


@dataclass(frozen=True)
class Reply:
    """One screen. Not slotted: it remembers its fingerprint, which a turn needs twice (is the
    pressed message showing it already? then, what does the message now show?)."""

    kind: ReplyKind
    state: str
    blocks: tuple[Block, ...]
    buttons: tuple[tuple[Button, ...], ...] = ()
    notice: str | None = None
    """A short line for transports that can show a toast (Telegram's callback answer)."""
    hint: HintKind | None = None
    """Set after an answer that did not fit: each transport adds, in its own words, how to
    answer there (Telegram: tap or type; the console: a number or words)."""

    @property
    def flat_buttons(self) -> list[Button]:
        return [b for row in self.buttons for b in row]

    def fingerprint(self) -> str:
        """What this screen shows (text and buttons), stable across processes: an edit that
        would show the same fingerprint again is skipped (Telegram rejects edits that change
        nothing)."""
        return self._fingerprint

    @cached_property
    def _fingerprint(self) -> str:
        text = "\x1e".join("\x1d".join((b.kind, b.text, *b.items)) for b in self.blocks)
        keys = "\x1e".join(
            "\x1f".join(f"{b.label}\x1d{b.action.encode()}" for b in row) for row in self.buttons
        )
        return hashlib.blake2b(f"{text}\0{keys}".encode(), digest_size=8).hexdigest()


@dataclass(frozen=True, slots=True)
class ReplyBuilder:
    """Collects blocks and button rows; keeps the engine's code about *what* to say."""

    blocks: list[Block] = field(default_factory=list)
    rows: list[tuple[Button, ...]] = field(default_factory=list)

    def add(self, kind: BlockKind, text: str = "", items: tuple[str, ...] = ()) -> None:
        if text or items:  # an empty block would only show as blank lines
            self.blocks.append(Block(kind, text, items))

    def row(self, *buttons: Button) -> None:
        if buttons:
            self.rows.append(tuple(buttons))

    def build(self, kind: ReplyKind, state: str, notice: str | None = None) -> Reply:
        return Reply(kind, state, tuple(self.blocks), tuple(self.rows), notice)
