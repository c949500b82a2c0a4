"""Engine replies → Telegram messages: escaped HTML, ≤ 4096 characters each, inline keyboards."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from flows.reply import Block, Button, Reply

MAX_TEXT = 4096
CACHED_SCREENS = 1024
"""Rendered screens kept (questions and their keyboards repeat for every person; a profile's
recommendation repeats for its owner). Replies are immutable values, so a hit is always right."""


@dataclass(frozen=True, slots=True)
class Chunk:
    html: str
    markup: InlineKeyboardMarkup | None


def telegram_length(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units); HTML tags make this conservative."""
    return len(text.encode("utf-16-le")) // 2


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    return _keyboard(reply.buttons) if reply.buttons else None


@lru_cache(maxsize=CACHED_SCREENS)
def _keyboard(buttons: tuple[tuple[Button, ...], ...]) -> InlineKeyboardMarkup:
    """Built once per distinct keyboard: PTB objects are immutable, so sharing one is safe."""
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b.label, callback_data=b.action.encode()) for b in row]
            for row in buttons
        ]
    )


def block_html(block: Block) -> str:
    text = escape(block.text, quote=False)
    if block.kind in ("title", "heading"):
        return f"<b>{text}</b>"
    if block.kind in ("progress", "note"):
        return f"<i>{text}</i>"
    if block.kind == "bullets":
        return "\n".join(f"• {escape(item, quote=False)}" for item in block.items)
    return text


def _pieces(html: str) -> list[str]:
    """Split one over-long block at line boundaries (then hard) so each piece fits."""
    pieces: list[str] = []
    for line in html.split("\n"):
        while telegram_length(line) > MAX_TEXT:  # a single line this long has no markup
            pieces.append(line[: MAX_TEXT // 2])
            line = line[MAX_TEXT // 2 :]
        pieces.append(line)
    return pieces


def render(reply: Reply, words: Mapping[str, str] | None = None) -> list[Chunk]:
    """Paragraphs packed into messages of at most 4096 characters; buttons go on the last.
    `words`: content/telegram.yaml messages, for the how-to-answer line (`hint_choice`…)."""
    key = f"hint_{reply.hint}" if reply.hint else None
    hint = words[key] if key is not None and words and key in words else None
    return list(_render(reply, hint))


@lru_cache(maxsize=CACHED_SCREENS)
def _render(reply: Reply, hint: str | None) -> tuple[Chunk, ...]:
    messages: list[str] = []
    current = ""
    htmls = [block_html(block) for block in reply.blocks]
    if hint is not None:  # the transport's own how-to-answer line, styled as a note
        htmls.append(f"<i>{escape(hint, quote=False)}</i>")
    for html in htmls:
        parts = [html] if telegram_length(html) <= MAX_TEXT else _pieces(html)
        joiner = "\n\n"
        for part in parts:
            candidate = f"{current}{joiner}{part}" if current else part
            if telegram_length(candidate) <= MAX_TEXT:
                current = candidate
            else:
                messages.append(current)
                current = part
            joiner = "\n"
    if current or not messages:
        messages.append(current or "…")
    markup = keyboard(reply)
    last = len(messages) - 1
    return tuple(Chunk(m, markup if i == last else None) for i, m in enumerate(messages))
