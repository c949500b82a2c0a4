"""Screens too long for a phone become pages of one message, turned with Next and Previous.

Every message must fit a phone: at most `MAX_CHARS` characters as either front end shows it.
A screen that would be longer, and that says how it is shown again (`Reply.again`), is cut
between its blocks (a list between its items, a paragraph between its lines or sentences)
into pages, each with the screen's own buttons and a row to turn the page (`Page` actions,
flows/actions/pages.py). Turning a page is a press like any other: the owner of `again` builds
the screen from the stored state and the turn shows the page asked for, by editing the pressed
message, so the pages never pile up in the chat and Continue leaves nothing behind.

Why the length is estimated here and not measured in the transports: the cut must be the same
for both, and decided in flows. The estimate counts what the longer of the two shows (the
console also lists the buttons, one numbered line each, and underlines titles);
tests/test_screen_walk.py measures what each front end really shows.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from flows.actions import Page
from flows.content import Dialogue
from flows.reply import Block, Button, Reply

MAX_CHARS: Final = 1500
"""No message longer than this (Telegram counts characters of the text as shown)."""
FRAME: Final = 200
"""Room kept on every page for what the transports add: the page line, a how-to-answer hint,
the console's navigation hint and its wrapping."""
MAX_PAGES: Final = 20

_SENTENCE = re.compile(r"(?<=[.!?:;])\s+")


def shown_length(block: Block) -> int:
    """About how many characters a block takes on screen, in the longer front end."""
    if block.kind == "bullets":  # "• item" (console: indented, continuation lines too)
        return sum(len(item) * 21 // 20 + 6 for item in block.items)
    if block.kind in ("title", "heading"):  # the console underlines them
        return 2 * len(block.text) + 4
    return len(block.text) * 21 // 20 + 2


def buttons_length(buttons: tuple[tuple[Button, ...], ...]) -> int:
    """The console lists every button as a numbered line."""
    return sum(len(b.label) + 7 for row in buttons for b in row)


def length(reply: Reply) -> int:
    return sum(shown_length(b) for b in reply.blocks) + buttons_length(reply.buttons)


def fits(reply: Reply) -> bool:
    return length(reply) + FRAME <= MAX_CHARS


def page_of(reply: Reply, page: int, words: Dialogue) -> Reply:
    """Page `page` (clamped to the pages there are) of `reply`, or `reply` itself when it fits
    or cannot be shown again (no `again`: nothing to page by)."""
    if reply.again is None or fits(reply):
        return reply
    pages = _cut(reply, words)
    if len(pages) == 1:
        return reply
    n = min(max(page, 1), len(pages))
    nav = []
    if n > 1:
        nav.append(Button(words.buttons["page_back"], Page(n - 1, reply.again)))
    if n < len(pages):
        nav.append(Button(words.buttons["page_next"], Page(n + 1, reply.again)))
    marker = Block("progress", words.messages["page_of"].format(page=n, pages=len(pages)))
    blocks = pages[n - 1]
    head: tuple[Block, ...] = ()
    if blocks and blocks[0].kind == "title":  # the title stays on top of every page
        head, blocks = blocks[:1], blocks[1:]
    return replace(
        reply,
        blocks=(*head, marker, *blocks),
        buttons=(*reply.buttons, tuple(nav)),  # the screen's own buttons keep their places
        notice=reply.notice if n == 1 else None,
        hint=reply.hint if n == len(pages) else None,
    )


def _cut(reply: Reply, words: Dialogue) -> list[tuple[Block, ...]]:
    """The blocks of each page: as many as fit, in order; a block that alone does not fit is
    cut into pieces first. A title goes on every page (counted once per page here)."""
    room = MAX_CHARS - FRAME - buttons_length(reply.buttons) - 40  # 40: the page row
    title = reply.blocks[0] if reply.blocks and reply.blocks[0].kind == "title" else None
    if title is not None:
        room -= shown_length(title)
    room = max(room, 300)
    pages: list[list[Block]] = [[]]
    used = 0
    heading: list[Block] = []  # a heading goes on the page of what it heads
    for block in reply.blocks[1:] if title is not None else reply.blocks:
        if block.kind == "heading":
            heading.append(block)
            continue
        for piece in _pieces(block, room - sum(shown_length(h) for h in heading)):
            group = [*heading, piece]
            heading = []
            size = sum(shown_length(b) for b in group)
            if pages[-1] and used + size > room and len(pages) < MAX_PAGES:
                pages.append([])
                used = 0
            pages[-1] += group
            used += size
    pages[-1] += heading
    if title is not None:
        return [(title, *page) for page in pages]
    return [tuple(page) for page in pages]


def _pieces(block: Block, room: int) -> list[Block]:
    """`block`, or pieces of it that each fit `room`: a list by items, text by lines, then by
    sentences (a sentence longer than a page is left whole: none comes near)."""
    if shown_length(block) <= room:
        return [block]
    if block.kind == "bullets":
        out: list[list[str]] = [[]]
        for item in block.items:
            if out[-1] and shown_length(Block("bullets", items=(*out[-1], item))) > room:
                out.append([])
            out[-1].append(item)
        return [Block("bullets", items=tuple(items)) for items in out]
    parts = block.text.split("\n") if "\n" in block.text else _SENTENCE.split(block.text)
    if len(parts) == 1:
        return [block]
    glue = "\n" if "\n" in block.text else " "
    texts: list[str] = [""]
    for part in parts:
        candidate = f"{texts[-1]}{glue}{part}" if texts[-1] else part
        if texts[-1] and shown_length(Block(block.kind, candidate)) > room:
            texts.append(part)
        else:
            texts[-1] = candidate
    return [Block(block.kind, text) for text in texts]
