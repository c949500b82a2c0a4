"""Tests for the fake Telegram Bot API server itself, driven by the real python-telegram-bot."""

from __future__ import annotations

import asyncio
import html
import struct
import time
import zlib
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, RetryAfter
from telegram.ext import Application, ContextTypes, MessageHandler, filters

from bench.fake_bot_api import (
    BOT_USERNAME,
    KINDS,
    FakeTelegram,
    Request,
    UploadedFile,
    check_request,
    parse_html,
)

USER = 4242


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as fake:
        yield fake


@pytest.fixture
async def bot(tg: FakeTelegram) -> AsyncIterator[Bot]:
    async with Bot(tg.token, base_url=tg.base_url, base_file_url=tg.base_file_url) as real_bot:
        yield real_bot


def keyboard(*rows: list[tuple[str, str]]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(text, callback_data=data) for text, data in row] for row in rows]
    )


def tiny_png(width: int = 2, height: int = 1) -> bytes:
    """A valid PNG, so sendPhoto's image checks pass without an imaging library."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height)))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


# ----------------------------------------------------------------------------- basic methods


async def test_get_me_answers_like_telegram(tg: FakeTelegram, bot: Bot) -> None:
    me = await bot.get_me()
    assert me.id == 123456
    assert me.is_bot
    assert me.username == BOT_USERNAME
    assert bot.username == BOT_USERNAME  # Bot.initialize() already called getMe
    assert tg.requests[0].method == "getMe"
    tg.assert_no_violations()


async def test_send_then_edit_updates_stored_message(tg: FakeTelegram, bot: Bot) -> None:
    sent = await bot.send_message(
        USER,
        "<b>Hi</b> &amp; welcome",
        parse_mode=ParseMode.HTML,
        reply_markup=keyboard([("Go", "go")]),
    )
    assert sent.text == "Hi & welcome"  # Telegram returns the parsed text ...
    assert sent.entities[0].type == "bold"  # ... and the entities separately
    assert sent.reply_markup == keyboard([("Go", "go")])
    second = await bot.send_message(USER, "next")
    assert second.message_id == sent.message_id + 1

    edited = await bot.edit_message_text("Done", chat_id=USER, message_id=sent.message_id)
    assert edited.text == "Done"
    stored = tg.messages[USER][sent.message_id]
    assert stored["text"] == "Done"
    assert "reply_markup" not in stored  # editing without reply_markup drops the keyboard
    assert [r.method for r in tg.sent_to(USER)] == ["sendMessage", "sendMessage", "editMessageText"]
    tg.assert_no_violations()


async def test_edit_unknown_and_not_modified_are_bad_requests(tg: FakeTelegram, bot: Bot) -> None:
    sent = await bot.send_message(USER, "same", reply_markup=keyboard([("A", "a")]))
    with pytest.raises(BadRequest, match=r"(?i)not found"):
        await bot.edit_message_text("x", chat_id=USER, message_id=999)
    with pytest.raises(BadRequest, match=r"(?i)not modified"):
        await bot.edit_message_text(
            "same", chat_id=USER, message_id=sent.message_id, reply_markup=keyboard([("A", "a")])
        )
    with pytest.raises(BadRequest, match=r"(?i)not modified"):
        await bot.edit_message_reply_markup(
            chat_id=USER, message_id=sent.message_id, reply_markup=keyboard([("A", "a")])
        )
    # Changing only the keyboard is a real modification.
    await bot.edit_message_text("same", chat_id=USER, message_id=sent.message_id)
    assert len(tg.violations) == 3
    assert any("not modified" in v for v in tg.violations)


async def test_a_double_tap_may_repeat_an_edit_but_a_later_tap_may_not(
    tg: FakeTelegram, bot: Bot
) -> None:
    sent = await bot.send_message(USER, "page 1", reply_markup=keyboard([("Next", "n")]))
    tg.push_callback(USER, "n", sent.message_id)  # two taps before the first edit shows
    tg.push_callback(USER, "n", sent.message_id)
    await bot.edit_message_text("page 2", chat_id=USER, message_id=sent.message_id)
    with pytest.raises(BadRequest, match=r"(?i)not modified"):  # the second tap's edit
        await bot.edit_message_text("page 2", chat_id=USER, message_id=sent.message_id)
    assert tg.violations == []  # the person tapped twice before page 2 showed
    tg.push_callback(USER, "n", sent.message_id)  # a tap after page 2 showed
    with pytest.raises(BadRequest, match=r"(?i)not modified"):
        await bot.edit_message_text("page 2", chat_id=USER, message_id=sent.message_id)
    assert any("not modified" in v for v in tg.violations)  # that one is the bot's mistake
    tg.violations.clear()


async def test_text_length_counts_after_html_parsing(tg: FakeTelegram, bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)too long"):
        await bot.send_message(USER, "x" * 4097)
    # 4096 characters once "&lt;" is decoded, although the raw string is four times longer.
    await bot.send_message(USER, "&lt;" * 4096, parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match=r"(?i)caption is too long"):
        await bot.send_photo(USER, tiny_png(), caption="c" * 1025)
    assert len(tg.violations) == 2
    assert tg.violations[0].startswith("sendMessage: message is too long")


async def test_callback_data_is_limited_to_64_utf8_bytes(tg: FakeTelegram, bot: Bot) -> None:
    await bot.send_message(USER, "ok", reply_markup=keyboard([("A", "é" * 32)]))  # 64 bytes
    assert not tg.violations
    with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
        await bot.send_message(USER, "bad", reply_markup=keyboard([("A", "x" * 65)]))
    assert tg.violations == [
        "sendMessage: BUTTON_DATA_INVALID: reply_markup.inline_keyboard[0][0].callback_data "
        "is 65 bytes in UTF-8 (must be 1..64)"
    ]


@pytest.mark.parametrize("bad", ["<b>x", "a < b", "a > b", "R&D", "<i>x</b>", "<foo>x</foo>"])
async def test_bad_html_is_a_violation(tg: FakeTelegram, bot: Bot, bad: str) -> None:
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.send_message(USER, bad, parse_mode=ParseMode.HTML)
    assert tg.violations


async def test_escaped_html_is_fine(tg: FakeTelegram, bot: Bot) -> None:
    text = html.escape("a < b & c > d \"quoted\" 'single'")
    sent = await bot.send_message(USER, f"<i>{text}</i>", parse_mode=ParseMode.HTML)
    assert sent.text == "a < b & c > d \"quoted\" 'single'"
    tg.assert_no_violations()


async def test_set_my_commands_checks_command_names(tg: FakeTelegram, bot: Bot) -> None:
    await bot.set_my_commands([BotCommand("start", "Begin"), BotCommand("plan_2", "Your plan")])
    assert [c.command for c in tg.commands] == ["start", "plan_2"]
    with pytest.raises(BadRequest, match=r"(?i)bot_command_invalid"):
        await bot.set_my_commands([BotCommand("Start", "Begin")])
    assert len(tg.violations) == 1
    await bot.delete_my_commands()
    assert tg.commands == []


# ----------------------------------------------------------------------------- faults


async def test_injected_429_surfaces_as_retry_after(
    tg: FakeTelegram, bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PTB 22 warns about int retry_after unless opted into timedelta (warnings are errors here).
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    tg.fail_next("sendMessage", retry_after=3)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(USER, "hi")
    assert caught.value.retry_after.total_seconds() == 3  # type: ignore[union-attr]
    await bot.send_message(USER, "hi")  # only the next call fails
    assert [r.error_code for r in tg.sent_to(USER)] == [429, None]
    tg.assert_no_violations()


async def test_other_injected_codes_and_blocked_users(tg: FakeTelegram, bot: Bot) -> None:
    tg.fail_next("sendMessage", error_code=400, description="Bad Request: chat not found")
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(USER, "hi")
    tg.block_user(USER)
    with pytest.raises(Forbidden, match=r"(?i)blocked by the user"):
        await bot.send_message(USER, "hi")
    with pytest.raises(Forbidden):
        await bot.send_chat_action(USER, "typing")
    await bot.send_message(USER + 1, "others still work")
    tg.unblock_user(USER)
    await bot.send_message(USER, "back")
    tg.assert_no_violations()


# ----------------------------------------------------------------------------- updates


async def test_get_updates_offset_semantics(tg: FakeTelegram, bot: Bot) -> None:
    first = tg.push_text(USER, "/start")
    second = tg.push_text(USER, "hello")
    updates = await bot.get_updates()
    assert [u.update_id for u in updates] == [first, second]
    assert updates[0].message is not None
    assert updates[0].message.text == "/start"
    assert updates[0].message.entities[0].type == "bot_command"
    assert [u.update_id for u in await bot.get_updates(limit=1)] == [first]  # not confirmed yet
    assert [u.update_id for u in await bot.get_updates(offset=second)] == [second]
    assert await bot.get_updates(offset=second + 1) == ()
    assert await bot.get_updates() == ()  # confirmed updates are gone for good

    third, fourth = tg.push_text(USER, "a"), tg.push_text(USER, "b")
    assert [u.update_id for u in await bot.get_updates(offset=-1)] == [fourth]
    assert third not in [u.update_id for u in await bot.get_updates()]


async def test_get_updates_long_poll_wakes_on_push(tg: FakeTelegram, bot: Bot) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=30, read_timeout=35))
    await tg.wait_polling()
    update_id = tg.push_callback(USER, "pick:1", message_id=7)
    updates = await asyncio.wait_for(poll, 5)
    assert [u.update_id for u in updates] == [update_id]
    query = updates[0].callback_query
    assert query is not None
    assert query.data == "pick:1"
    assert tg.unanswered_callbacks() == [query.id]
    await bot.answer_callback_query(query.id, text="Noted")
    assert tg.answered_callbacks == {query.id}
    assert tg.unanswered_callbacks() == []
    with pytest.raises(BadRequest, match=r"(?i)query ID is invalid"):
        await bot.answer_callback_query(query.id)  # twice is an error on Telegram too
    with pytest.raises(BadRequest, match=r"(?i)201 characters"):
        await bot.answer_callback_query("nope", text="x" * 201)


async def test_observers_see_each_request_on_arrival_and_once_answered(
    tg: FakeTelegram, bot: Bot
) -> None:
    seen: list[tuple[str, bool | None, int | None]] = []
    tg.observers.append(
        lambda r: seen.append((r.method, r.ok, tg.callback_user(r.params.get("callback_query_id"))))
    )
    tg.push_callback(USER, "pick:1", message_id=7)
    (update,) = await bot.get_updates()
    assert update.callback_query is not None
    assert tg.last_callback_id == update.callback_query.id
    await bot.answer_callback_query(update.callback_query.id)
    assert seen == [
        ("getUpdates", None, None),
        ("getUpdates", True, None),
        ("answerCallbackQuery", None, USER),
        ("answerCallbackQuery", True, USER),
    ]
    assert tg.callback_user("cbq-unknown") is None


async def test_push_helpers_build_valid_updates(tg: FakeTelegram, bot: Bot) -> None:
    sent = await bot.send_message(USER, "Pick", reply_markup=keyboard([("Yes", "y"), ("No", "n")]))
    tg.push_button(USER, sent.message_id, "No")
    tg.push_text(USER, "/help@aipath_test_bot", chat_type="group")
    tg.push_edited_text(USER, 1, "changed")
    for kind in KINDS:
        tg.push_kind(USER, kind)
    updates = await bot.get_updates()

    query = updates[0].callback_query
    assert query is not None and query.data == "n"
    assert query.message is not None and query.message.message_id == sent.message_id
    group = updates[1].effective_chat
    assert group is not None and group.type == "group" and group.id < 0
    assert updates[1].effective_message is not None
    assert updates[1].effective_message.entities[0].length == len("/help@aipath_test_bot")
    assert updates[2].edited_message is not None
    assert updates[2].edited_message.text == "changed"
    for kind, update in zip(KINDS, updates[3:], strict=True):
        assert update.message is not None
        assert getattr(update.message, kind), kind
    with pytest.raises(LookupError, match=r"(?i)Yes"):
        tg.push_button(USER, sent.message_id, "Maybe")


# ----------------------------------------------------------------------------- uploads


async def test_send_document_multipart_upload(tg: FakeTelegram, bot: Bot) -> None:
    message = await bot.send_document(
        USER,
        b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
        filename="plan.ics",
        caption="<b>Your plan</b>",
        parse_mode=ParseMode.HTML,
        reply_markup=keyboard([("Done", "done")]),
    )
    assert message.document is not None
    assert message.document.file_name == "plan.ics"
    assert message.caption == "Your plan"
    request = tg.sent_to(USER)[0]
    upload = request.params["document"]
    assert isinstance(upload, UploadedFile)
    assert upload.data.startswith(b"BEGIN:VCALENDAR")
    assert request.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "done"
    tg.assert_no_violations()


async def test_send_photo_checks_the_image(tg: FakeTelegram, bot: Bot) -> None:
    photo = await bot.send_photo(USER, tiny_png(40, 20), caption="roadmap")
    assert (photo.photo[0].width, photo.photo[0].height) == (40, 20)
    with pytest.raises(BadRequest, match=r"(?i)image_process_failed"):
        await bot.send_photo(USER, b"not an image")
    with pytest.raises(BadRequest, match=r"(?i)photo_invalid_dimensions"):
        await bot.send_photo(USER, tiny_png(2100, 100))


async def test_delete_message_removes_the_bots_own_message_once(tg: FakeTelegram, bot: Bot) -> None:
    sent = await bot.send_photo(USER, tiny_png(40, 20), caption="roadmap")
    assert await bot.delete_message(USER, sent.message_id)
    assert tg.deleted == [(USER, sent.message_id)]
    assert sent.message_id not in tg.messages[USER]
    with pytest.raises(BadRequest, match=r"(?i)message to delete not found"):
        await bot.delete_message(USER, sent.message_id)
    tg.violations.clear()


async def test_unknown_parameters_and_methods_are_violations(tg: FakeTelegram, bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)unknown parameter 'colour'"):
        await bot.send_message(USER, "x", api_kwargs={"colour": "red"})
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{tg.base_url}{tg.token}/sendSticker", data={"chat_id": "1"}) as reply,
    ):
        assert reply.status == 404
        assert await reply.json() == {"ok": False, "error_code": 404, "description": "Not Found"}
    assert tg.violations == [
        "sendMessage: unknown parameter 'colour'",
        "sendSticker: Not Found",
    ]


async def test_delay_ms_adds_latency_to_every_answer() -> None:
    async with (
        FakeTelegram(delay_ms=30) as slow,
        Bot(slow.token, base_url=slow.base_url) as slow_bot,
    ):
        started = time.monotonic()
        await slow_bot.send_message(USER, "hi")
        assert time.monotonic() - started >= 0.03
        assert slow.sent_to(USER)[0].ok


# ----------------------------------------------------------------------------- rules


def test_check_request_reports_unknown_and_missing_parameters() -> None:
    problems = check_request("sendMessage", {"text": "hi", "colour": "red"})
    assert problems == [
        "sendMessage: unknown parameter 'colour'",
        "sendMessage: missing required parameter 'chat_id'",
    ]
    assert check_request("sendmessage", {"chat_id": "42", "text": "hi"}) == []
    assert check_request("sendMessage", {"chat_id": "x", "text": "hi"}) != []
    assert check_request("sendChatAction", {"chat_id": 1, "action": "thinking"}) != []
    assert check_request("frobnicate", {}) == [
        "frobnicate: unknown Bot API method (not in the vendored rule set)"
    ]


def test_inline_buttons_need_exactly_one_action() -> None:
    markup = {"inline_keyboard": [[{"text": "a"}, {"text": "b", "url": "https://x", "pay": True}]]}
    problems = check_request("sendMessage", {"chat_id": 1, "text": "t", "reply_markup": markup})
    assert len(problems) == 2
    assert all("exactly one of" in p for p in problems)
    blank = {"inline_keyboard": [[{"text": " ", "callback_data": "x"}]]}
    assert check_request("sendMessage", {"chat_id": 1, "text": "t", "reply_markup": blank})


def test_parse_html_produces_telegram_entities() -> None:
    parsed = parse_html(
        '😀<b>bold <i>both</i></b> <a href="https://x.org/?a=1&amp;b=2">link</a> '
        '<pre><code class="language-python">x = 1</code></pre>'
        '<blockquote expandable>q</blockquote><span class="tg-spoiler">s</span>'
    )
    assert parsed.errors == []
    assert parsed.text == "😀bold both link x = 1qs"
    by_type = {e["type"]: e for e in parsed.entities}
    assert by_type["bold"] == {"type": "bold", "offset": 2, "length": 9}  # 😀 is 2 UTF-16 units
    assert by_type["text_link"]["url"] == "https://x.org/?a=1&b=2"
    assert by_type["pre"]["language"] == "python"
    assert "expandable_blockquote" in by_type
    assert "spoiler" in by_type


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ("<span>x</span>", "tg-spoiler"),
        ("<a>x</a>", "href"),
        ("&nbsp;", "unsupported HTML entity"),
        ("<br>", "unsupported start tag"),
        ("x</b>", "unmatched end tag"),
        ("<b><i>x</b></i>", "does not match"),
    ],
)
def test_parse_html_errors(source: str, fragment: str) -> None:
    assert any(fragment in error for error in parse_html(source).errors)


# ----------------------------------------------------------------------------- waiting & load


async def test_wait_for_checks_existing_requests_and_times_out(tg: FakeTelegram, bot: Bot) -> None:
    await bot.send_message(USER, "one")
    found = await tg.wait_for(lambda r: r.method == "sendMessage", timeout=1)
    assert found.text == "one"
    mark = tg.mark()
    later = asyncio.create_task(bot.send_message(USER, "two"))
    found = await tg.wait_for(lambda r: r.method == "sendMessage", since=mark)
    assert found.text == "two"
    await later
    with pytest.raises(TimeoutError, match=r"(?i)no matching request"):
        await tg.wait_for(lambda r: r.method == "sendPhoto", timeout=0.05)


async def test_many_concurrent_connections(tg: FakeTelegram) -> None:
    url = f"{tg.base_url}{tg.token}/sendMessage"

    async def send(session: aiohttp.ClientSession, i: int) -> dict[str, Any]:
        async with session.post(url, json={"chat_id": 1000 + i % 10, "text": f"m{i}"}) as reply:
            result: dict[str, Any] = await reply.json()
            return result

    connector = aiohttp.TCPConnector(limit=200)
    async with aiohttp.ClientSession(connector=connector) as session:
        replies = await asyncio.gather(*(send(session, i) for i in range(400)))
    assert all(reply["ok"] for reply in replies)
    ids = sorted(
        reply["result"]["message_id"] for reply in replies if reply["result"]["chat"]["id"] == 1000
    )
    assert ids == list(range(1, 41))
    tg.assert_no_violations()


# ----------------------------------------------------------------------------- real Application


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_html(
        f"You said: <b>{html.escape(update.effective_message.text or '')}</b>"
    )


async def test_real_application_polls_and_replies(tg: FakeTelegram) -> None:
    app = (
        Application.builder()
        .token(tg.token)
        .base_url(tg.base_url)
        .base_file_url(tg.base_file_url)
        .build()
    )
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0)
        try:
            tg.push_text(USER, "1 < 2")
            reply: Request = await tg.wait_for(lambda r: r.method == "sendMessage", timeout=10)
            await tg.wait_idle(timeout=10)
        finally:
            await app.updater.stop()
            await app.stop()
    assert reply.ok
    assert reply.params["text"] == "You said: <b>1 &lt; 2</b>"
    assert tg.messages[USER][2]["text"] == "You said: 1 < 2"  # message 1 was the user's
    tg.assert_no_violations()
