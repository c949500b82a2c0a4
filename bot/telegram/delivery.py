"""Sends a reply to a chat: edits the step's message in place when that reads better."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from html import unescape
from typing import TypeVar

from telegram import Bot, CallbackQuery, Message
from telegram.error import BadRequest, NetworkError

from bot.storage import Storage, UserRecord
from bot.telegram.render import Chunk, render
from flows.reply import Reply

log = logging.getLogger(__name__)
T = TypeVar("T")

NETWORK_ATTEMPTS = 3


async def with_retries(
    call: Callable[[], Awaitable[T]], *, attempts: int = NETWORK_ATTEMPTS, pause: float = 0.5
) -> T:
    """Retry a Bot API call on network errors, a bounded number of times.

    Rate limits (429) are handled by PTB's AIORateLimiter; Telegram's own refusals (BadRequest,
    Forbidden) are not network errors and are never retried.
    """
    for attempt in range(1, attempts + 1):
        try:
            return await call()
        except BadRequest:
            raise
        except NetworkError:
            if attempt == attempts:
                raise
            log.warning("network error, retrying (attempt %d of %d)", attempt, attempts)
            await asyncio.sleep(pause * attempt)
    raise AssertionError("unreachable")


async def edit_in_place(bot: Bot, chat_id: int, message_id: int, chunk: Chunk) -> None:
    await with_retries(
        lambda: bot.edit_message_text(
            chat_id=chat_id, message_id=message_id, text=chunk.html, reply_markup=chunk.markup
        )
    )


async def deliver(
    bot: Bot,
    storage: Storage,
    *,
    user_id: int,
    chat_id: int,
    reply: Reply,
    record: UserRecord | None,
    pressed: Message | None = None,
) -> None:
    """Show `reply`, then remember which message holds the current step.

    A button press on the message that shows the current step edits it in place, unless it
    already shows exactly this (Telegram rejects edits that change nothing). Anything else is
    sent as new messages, split at paragraphs to fit Telegram's 4096-character limit.
    """
    chunks = render(reply)
    current_id = record.question_message_id if record else None
    if pressed is not None and len(chunks) == 1 and pressed.message_id == current_id:
        chunk = chunks[0]
        if record is not None and chunk.digest == record.question_digest:
            return
        await edit_in_place(bot, chat_id, pressed.message_id, chunk)
        await storage.set_question_message(user_id, pressed.message_id, chunk.digest)
        return
    last = await send_chunks(bot, chat_id, chunks)
    await storage.set_question_message(user_id, last.message_id, chunks[-1].digest)


async def answer_query(query: CallbackQuery, text: str | None = None) -> None:
    """Answer a button press (Telegram shows a spinner until then).

    A press redelivered after a restart can be too old to answer; that is not worth an error
    message to the user, who is shown the current step anyway.
    """
    try:
        await query.answer(text=text[:200] if text else None)
    except BadRequest as exc:
        log.info("event=callback_answer_skipped reason=%s", exc.message)


def _plain(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


async def edit_or_send(bot: Bot, chat_id: int, reply: Reply, pressed: Message | None) -> None:
    """For side screens (plan, reminders): edit the pressed message, or send new messages.

    An edit that would change nothing is skipped: Telegram answers it with an error.
    """
    chunks = render(reply)
    if pressed is not None and len(chunks) == 1:
        chunk = chunks[0]
        if pressed.text == _plain(chunk.html) and pressed.reply_markup == chunk.markup:
            return
        await edit_in_place(bot, chat_id, pressed.message_id, chunk)
        return
    await send_chunks(bot, chat_id, chunks)


async def send_chunks(bot: Bot, chat_id: int, chunks: list[Chunk]) -> Message:
    sent: Message | None = None
    for chunk in chunks:
        sent = await with_retries(
            lambda c=chunk: bot.send_message(  # type: ignore[misc]
                chat_id=chat_id, text=c.html, reply_markup=c.markup
            )
        )
    assert sent is not None
    return sent
