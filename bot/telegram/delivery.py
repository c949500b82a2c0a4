"""Carries out what a turn decided, in a chat. Knows Telegram; decides nothing, stores nothing."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping

from telegram import Bot, CallbackQuery, InputFile, Message
from telegram.constants import ChatAction
from telegram.error import BadRequest, TelegramError

from bot.outputs import File, plan_files
from bot.telegram.render import Chunk, render
from bot.telegram.send_policy import with_retries
from flows.reply import Reply
from flows.turn.effects import Decision, Edit, Send, SendExport, SendPlanFiles, Shown

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


async def carry_out(
    bot: Bot,
    chat_id: int,
    decision: Decision,
    words: Mapping[str, str] | None,
    export: Callable[[SendExport], Awaitable[File]],
) -> Shown | None:
    """Carry out a decision's effects in order: screens (editing the pressed message where it
    says so), then files. `export` makes the file a `SendExport` asks for.

    Returns what now shows the last screen, and the messages carrying new plan files, for the
    dispatcher to record; None when nothing was shown. A send Telegram may or may
    not have carried out raises `OutcomeUnknown` (bot/telegram/send_policy.py): the screen may be
    on the phone, so it must not be sent again.
    """
    shown: tuple[int, Reply] | None = None
    file_messages: tuple[int, ...] | None = None
    for effect in decision.effects:
        if isinstance(effect, Edit):
            shown = await _edit_or_send(bot, chat_id, effect, words)
        elif isinstance(effect, Send):
            for reply in effect.screens:
                message = await send_chunks(bot, chat_id, render(reply, words))
                shown = (message.message_id, reply)
        elif isinstance(effect, SendExport):
            await send_files(bot, chat_id, [await export(effect)])
        else:
            file_messages = await send_plan_files(bot, chat_id, effect)
    if shown is None and file_messages is None:
        return None
    return Shown(shown[0] if shown else None, shown[1] if shown else None, file_messages)


async def _edit_or_send(
    bot: Bot, chat_id: int, effect: Edit, words: Mapping[str, str] | None
) -> tuple[int, Reply]:
    """Edit the pressed message; a screen too long for one message, or an edit Telegram
    refuses (too old), is sent as a new message instead."""
    chunks = render(effect.screen, words)
    if len(chunks) == 1:
        try:
            await edit_in_place(bot, chat_id, effect.message_id, chunks[0])
            return effect.message_id, effect.screen
        except BadRequest as exc:  # too old to edit, or already showing this
            if "not modified" in exc.message:
                return effect.message_id, effect.screen
            log.info("event=edit_refused error=%s", type(exc).__name__)
    return (await send_chunks(bot, chat_id, chunks)).message_id, effect.screen


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


async def send_plan_files(bot: Bot, chat_id: int, effect: SendPlanFiles) -> tuple[int, ...]:
    """'sending a photo…' while the files are made; then the files; then the old set goes, so
    the chat holds one current set instead of a new one per change."""
    try:
        await bot.send_chat_action(chat_id, ChatAction.UPLOAD_PHOTO)
    except TelegramError as exc:  # only a courtesy: never worth failing the reply for
        log.info("event=chat_action_skipped error=%s", type(exc).__name__)
    sent = await send_files(bot, chat_id, await plan_files(effect))
    for message_id in effect.replaces:
        try:
            await bot.delete_message(chat_id, message_id)
        except TelegramError as exc:  # older than 48 hours, or already deleted by the person
            log.info("event=old_file_kept error=%s", type(exc).__name__)
    return tuple(sent)


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
