"""Messages the dialogues cannot use (stickers, photos, unknown commands): see conversation."""

from __future__ import annotations

from bot.telegram.handlers.conversation import on_non_text, on_unknown_command

__all__ = ["on_non_text", "on_unknown_command"]
