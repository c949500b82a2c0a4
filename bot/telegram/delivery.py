"""Sends what the dispatcher decided to a chat. Knows Telegram; decides nothing, stores nothing."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import TypeVar

from telegram import Bot, CallbackQuery, InputFile, Message
from telegram.error import BadRequest, NetworkError, TelegramError

from bot.outputs import Output
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


async def answer_query(query: CallbackQuery, text: str | None = None) -> None:
    """Answer a button press (Telegram shows a spinner until then). Best-effort only.

    The press has been applied and committed before this runs: a refusal (too old) or a network
    failure here changes nothing the person sees except the toast, so it is logged and dropped.
    """
    try:
        await query.answer(text=text[:200] if text else None)
    except TelegramError as exc:
        log.info("event=callback_answer_skipped error=%s", type(exc).__name__)


async def send_output(
    bot: Bot, chat_id: int, output: Output, words: Mapping[str, str] | None = None
) -> tuple[int, Reply] | None:
    """Show the screens (editing the pressed message when the dispatcher says so), then files.

    Returns (message id, screen) for the message that now shows the last screen, for the
    dispatcher to remember; None when nothing was shown.
    """
    if output.unchanged:
        return None
    shown: tuple[int, Reply] | None = None
    for reply in output.screens:
        chunks = render(reply, words)
        if output.edit is not None and len(output.screens) == 1 and len(chunks) == 1:
            try:
                await edit_in_place(bot, chat_id, output.edit, chunks[0])
                shown = (output.edit, reply)
                continue
            except BadRequest as exc:  # too old to edit, or already showing this
                if "not modified" in exc.message:
                    return (output.edit, reply)
                log.info("event=edit_refused error=%s", type(exc).__name__)
        shown = ((await send_chunks(bot, chat_id, chunks)).message_id, reply)
    for file in output.files:
        data = InputFile(file.data, filename=file.name)
        if file.picture:
            await with_retries(lambda d=data, f=file: bot.send_photo(chat_id, d, caption=f.caption))  # type: ignore[misc]
        else:
            await with_retries(
                lambda d=data, f=file: bot.send_document(chat_id, d, caption=f.caption)  # type: ignore[misc]
            )
    return shown


async def edit_in_place(bot: Bot, chat_id: int, message_id: int, chunk: Chunk) -> None:
    await with_retries(
        lambda: bot.edit_message_text(
            chat_id=chat_id, message_id=message_id, text=chunk.html, reply_markup=chunk.markup
        )
    )


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
