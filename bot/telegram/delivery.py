"""Carries out what a turn decided, in a chat. Knows Telegram; decides nothing, stores nothing."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from html import escape

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
                shown = await send_screen(bot, chat_id, reply, words)
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
    if len(effect.screen.parts()) > 1:  # an answer with the screen after it: both sent anew
        return await send_screen(bot, chat_id, effect.screen, words)
    if len(chunks) == 1:
        try:
            await edit_in_place(bot, chat_id, effect.message_id, chunks[0])
            return effect.message_id, effect.screen
        except BadRequest as exc:  # too old to edit, or already showing this
            if "not modified" in exc.message:
                return effect.message_id, effect.screen
            log.info("event=edit_refused error=%s", type(exc).__name__)
    return (await send_chunks(bot, chat_id, chunks)).message_id, effect.screen


async def send_screen(
    bot: Bot, chat_id: int, reply: Reply, words: Mapping[str, str] | None
) -> tuple[int, Reply]:
    """A screen as new messages: an answer to a typed question as a message of its own (so a
    press on the screen after it never edits the answer away), then the screen. Returns the
    message now showing the screen, and the screen it shows."""
    shown: tuple[int, Reply] | None = None
    for part in reply.parts():
        shown = ((await send_chunks(bot, chat_id, render(part, words))).message_id, part)
    assert shown is not None
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


async def send_plan_files(bot: Bot, chat_id: int, effect: SendPlanFiles) -> tuple[int, ...]:
    """'sending a photo…' while the files are made; then the files; then the old set goes, so
    the chat holds one current set instead of a new one per change.

    The set is replaced as one unit: the old files are deleted only once every new one is in
    the chat. If one cannot be sent, the old ones stay, a message says which file is current,
    and the messages of both sets are kept on record, so the next /plan replaces them all."""
    try:
        await bot.send_chat_action(chat_id, ChatAction.UPLOAD_PHOTO)
    except TelegramError as exc:  # only a courtesy: never worth failing the reply for
        log.info("event=chat_action_skipped error=%s", type(exc).__name__)
    files = await plan_files(effect)
    sent: list[int] = []
    for file in files:
        try:
            sent += await send_files(bot, chat_id, [file])
        except TelegramError as exc:  # refused, or its outcome unknown: the set is not whole
            log.warning("event=plan_files_incomplete sent=%d error=%s", len(sent), exc)
            await _say_which_is_current(bot, chat_id, effect, files, len(sent))
            return (*effect.replaces, *sent)
    for message_id in effect.replaces:
        try:
            await bot.delete_message(chat_id, message_id)
        except TelegramError as exc:  # older than 48 hours, or already deleted by the person
            log.info("event=old_file_kept error=%s", type(exc).__name__)
    return tuple(sent)


async def _say_which_is_current(
    bot: Bot, chat_id: int, effect: SendPlanFiles, files: list[File], sent: int
) -> None:
    """After a file of a new set failed: which files in the chat show the plan as it is now."""
    m = effect.words
    names = [f.name for f in files]
    if sent:
        key = "plan_files_failed_some"
    else:
        key = "plan_files_failed_old" if effect.replaces else "plan_files_failed_first"
    text = m[key].format(missing=", ".join(names[sent:]), sent=", ".join(names[:sent]))
    try:
        await with_retries(lambda: bot.send_message(chat_id=chat_id, text=escape(text)))
    except TelegramError as exc:
        log.info("event=plan_files_note_lost error=%s", type(exc).__name__)


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
