"""The aiohttp request backend speaks the Bot API like PTB's own: JSON calls, uploads, errors."""

from __future__ import annotations

import socket

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile
from telegram.error import BadRequest, NetworkError

from bench.fake_bot_api import FakeTelegram
from bot.telegram.request import AiohttpRequest
from bot.telegram.send_policy import NotSent, OutcomeUnknown

USER = 4242


def bot_for(tg: FakeTelegram, request: AiohttpRequest) -> Bot:
    return Bot(
        tg.token,
        base_url=tg.base_url,
        base_file_url=tg.base_file_url,
        request=request,
        get_updates_request=AiohttpRequest(1),
    )


async def test_calls_keyboards_and_uploads_arrive_as_telegram_expects(tg: FakeTelegram) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Go", callback_data="x|go")]])
    async with bot_for(tg, AiohttpRequest(4)) as bot:
        sent = await bot.send_message(
            USER, "<b>Hello</b> &amp; bye", parse_mode="HTML", reply_markup=markup
        )
        assert sent.text == "Hello & bye"
        assert sent.reply_markup == markup
        doc = await bot.send_document(USER, InputFile(b"BEGIN:VCALENDAR", filename="plan.ics"))
        assert doc.document is not None and doc.document.file_name == "plan.ics"
        assert b"BEGIN:VCALENDAR" in tg.files.values()
        with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
            await bot.edit_message_text("x", chat_id=USER, message_id=999)
    tg.violations.clear()  # the failed edit above was deliberate


async def test_a_slow_answer_is_an_unknown_outcome() -> None:
    """The request was written and no answer came in time: Telegram may have acted."""
    async with FakeTelegram(delay_ms=2000) as tg:
        request = AiohttpRequest(2, read_timeout=0.05)
        await request.initialize()
        try:
            with pytest.raises(OutcomeUnknown) as caught:
                await request.post(f"{tg.base_url}{tg.token}/getMe")
            assert caught.value.method == "getMe"
        finally:
            await request.shutdown()


async def test_no_server_is_a_network_error() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    request = AiohttpRequest(1)
    with pytest.raises(NetworkError, match="not initialized"):  # PTB wraps the RuntimeError
        await request.post(f"http://127.0.0.1:{port}/botX/getMe")
    async with request:
        with pytest.raises(NotSent) as caught:  # no connection: certainly never reached Telegram
            await request.post(f"http://127.0.0.1:{port}/botX/getMe")
        assert caught.value.method == "getMe"


async def test_a_bad_url_never_echoes_the_token() -> None:
    async with AiohttpRequest(1) as request:
        with pytest.raises(NetworkError) as caught:
            await request.post("http://127.0.0.1:notaport/bot123:SECRET/getMe")
    assert "SECRET" not in str(caught.value)
    assert caught.value.__cause__ is None
