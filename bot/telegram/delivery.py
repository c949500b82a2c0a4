"""Sends what the dispatcher decided to a chat. Knows Telegram; decides nothing, stores nothing."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from telegram import Bot, CallbackQuery, InputFile, Message
from telegram.constants import ChatAction
from telegram.error import BadRequest, TelegramError

from bot.outputs import File, Output
from bot.telegram.render import Chunk, render
from bot.telegram.send_policy import with_retries
from flows.reply import Reply

log = logging.getLogger(__name__)


async def answer_query(query: CallbackQuery, text: str | None = None) -> None:
    """Answer a button press (Telegram shows a spinner until then) with the turn's toast.

    The press has been applied and committed before this runs. The answer goes through
    `CallbackAnswers` (bot/telegram/callback_answers.py): repeated within Telegram's window if
    lost, dropped if the press was already answered (a slow turn's press is answered early).
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
    dispatcher to remember; None when nothing was shown. A send Telegram may or may not have
    carried out raises `OutcomeUnknown` (bot/telegram/send_policy.py): the screen may be on the
    phone, so it must not be sent again; the caller records it as unconfirmed.
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
                    shown = (output.edit, reply)
                    continue
                log.info("event=edit_refused error=%s", type(exc).__name__)
        shown = ((await send_chunks(bot, chat_id, chunks)).message_id, reply)
    await send_files(bot, chat_id, output.files)
    if output.render is not None:
        await send_rendered(bot, chat_id, output)
    return shown


async def send_files(bot: Bot, chat_id: int, files: list[File]) -> list[int]:
    sent = []
    for file in files:
        data = InputFile(file.data, filename=file.name)
        if file.picture:
            message = await with_retries(
                lambda d=data, f=file: bot.send_photo(chat_id, d, caption=f.caption)  # type: ignore[misc]
            )
        else:
            message = await with_retries(
                lambda d=data, f=file: bot.send_document(chat_id, d, caption=f.caption)  # type: ignore[misc]
            )
        sent.append(message.message_id)
    return sent


async def send_rendered(bot: Bot, chat_id: int, output: Output) -> None:
    """'sending a photo…' while the files are made; then the files; then the old set goes, so
    the chat holds one current set instead of a new one per change."""
    assert output.render is not None
    try:
        await bot.send_chat_action(chat_id, ChatAction.UPLOAD_PHOTO)
    except TelegramError as exc:  # only a courtesy: never worth failing the reply for
        log.info("event=chat_action_skipped error=%s", type(exc).__name__)
    sent = await send_files(bot, chat_id, await output.render())
    if output.files_shown is not None:
        await output.files_shown(tuple(sent))
    for message_id in output.replaces:
        try:
            await bot.delete_message(chat_id, message_id)
        except TelegramError as exc:  # older than 48 hours, or already deleted by the person
            log.info("event=old_file_kept error=%s", type(exc).__name__)


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
