"""The dated plan (text, roadmap picture, calendar file), reminders and progress."""

from __future__ import annotations

import asyncio

from telegram import InputFile, Message, Update
from telegram.ext import ContextTypes

from bot.telegram.delivery import answer_query, edit_or_send, send_chunks, with_retries
from bot.telegram.handlers.conversation import respond
from bot.telegram.render import decode_callback, render
from bot.telegram.runtime import Runtime, runtime
from flows.events import Command, Press
from flows.reply import Reply


def _ids(update: Update) -> tuple[int, int]:
    assert update.effective_user is not None and update.effective_chat is not None
    return update.effective_user.id, update.effective_chat.id


def _pressed(update: Update) -> Message | None:
    query = update.callback_query
    return query.message if query and isinstance(query.message, Message) else None


async def _show(update: Update, context: ContextTypes.DEFAULT_TYPE, reply: Reply) -> None:
    if update.callback_query is not None:
        await answer_query(update.callback_query)
    _, chat_id = _ids(update)
    await edit_or_send(context.bot, chat_id, reply, _pressed(update))


async def send_plan(
    update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime, *, choice: str | None = None
) -> None:
    """The plan as text, then as a roadmap picture and a calendar file."""
    from bot.plan_files import plan_ics, roadmap_pages  # matplotlib: loaded on first use only

    user_id, chat_id = _ids(update)
    view = await rt.plans.move_start(user_id, choice) if choice else await rt.plans.view(user_id)
    if view is None:
        await respond(update, context, Command("plan"))
        return
    if update.callback_query is not None:
        await answer_query(update.callback_query)
    await send_chunks(context.bot, chat_id, render(rt.plans.reply(view)))
    title = rt.engine.text.sections["plan_title"].format(path=view.recommendation.path_name)
    words = rt.engine.content.reminders.messages
    now = rt.advisor.clock()
    pages = await asyncio.to_thread(
        roadmap_pages, view.milestones, title, done=view.record.done, today=now.date(), words=words
    )
    for number, png in enumerate(pages, start=1):
        caption = words["roadmap_caption_pages"].format(page=number, pages=len(pages))
        await with_retries(
            lambda png=png, caption=caption: context.bot.send_photo(  # type: ignore[misc]
                chat_id,
                InputFile(png, filename="roadmap.png"),
                caption=caption if len(pages) > 1 else words["roadmap_caption"],
            )
        )
    # Interim plan key until the plan row stores an opaque one: hashed, so no id is in the file.
    ics = plan_ics(
        view.milestones, title, plan_key=f"plan-{user_id}", revision=0, stamp=now, words=words
    )
    await with_retries(
        lambda: context.bot.send_document(
            chat_id, InputFile(ics, filename="ai-path-plan.ics"), caption=words["calendar_caption"]
        )
    )


async def on_plan(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/plan, the recommendation's 'My plan' button, and the plan's start-date buttons."""
    rt = runtime(context)
    decoded = decode_callback(update.callback_query.data) if update.callback_query else None
    action = decoded[1] if decoded else ""
    if action == "remind":
        user_id, chat_id = _ids(update)
        await answer_query(update.callback_query)  # type: ignore[arg-type]
        await send_chunks(
            context.bot, chat_id, render(await rt.reminders.start_setup(user_id, chat_id))
        )
        return
    if action == "progress":
        await on_progress(update, context)
        return
    choice = action.removeprefix("start:") if action.startswith("start:") else None
    await send_plan(update, context, rt, choice=choice)


async def on_reminders(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/reminders: settings with change / pause / stop, or the setup when there are none."""
    user_id, chat_id = _ids(update)
    await _show(update, context, await runtime(context).reminders.overview(user_id, chat_id))


async def on_progress(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user_id, _ = _ids(update)
    reply = await runtime(context).reminders.progress(user_id)
    if update.callback_query is not None:
        await answer_query(update.callback_query)
    _, chat_id = _ids(update)
    await send_chunks(context.bot, chat_id, render(reply))


async def on_reminder_press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Presses in the setup ('setup:*'), on the settings ('rem') and on nudges ('nudge')."""
    rt = runtime(context)
    user_id, chat_id = _ids(update)
    assert update.callback_query is not None
    at, action = decode_callback(update.callback_query.data) or ("", "")
    if at.startswith("setup:"):
        reply = await rt.reminders.setup_event(user_id, chat_id, Press(at, action))
        reply = reply or await rt.reminders.overview(user_id, chat_id)
    elif at == "nudge":
        reply = await rt.reminders.nudge_action(user_id, chat_id, action)
    else:
        reply = await rt.reminders.manage(user_id, chat_id, action)
    await _show(update, context, reply)
