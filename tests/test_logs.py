"""Logging configuration: no library noise per update, no content in lines."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import pytest
from telegram.error import RetryAfter
from telegram.ext import AIORateLimiter

from bot.logs import configure_logging, quiet_rate_limiter
from flows.actions import Begin, Pick
from flows.dialogues.on_screen import move
from flows.engine import Conversation, Engine
from flows.events import Command, Press


def test_the_state_machine_library_logs_nothing_per_update(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    configure_logging("INFO")
    with caplog.at_level(logging.INFO):
        step = engine.handle(Conversation(), Command("start"))
        step = engine.handle(step.conversation, Press(Begin("welcome")))
        engine.handle(step.conversation, Press(Pick("coding_experience", "production")))
        move("interview", "restart_yes")  # a stale confirmation press: an invalid trigger
    assert [r for r in caplog.records if r.name.startswith("transitions")] == []
    assert logging.getLogger("transitions").getEffectiveLevel() >= logging.ERROR


async def test_a_429_outlasting_the_rate_limiter_is_one_warning_without_a_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """PTB logs it at ERROR with a traceback; it is a transient network error (the turn that
    met it logs its own WARNING), so an alert on ERROR lines must not fire for it."""
    quiet_rate_limiter()
    limiter = AIORateLimiter(overall_max_rate=0, max_retries=1)

    async def flooded(*args: Any, **kwargs: Any) -> bool:
        raise RetryAfter(timedelta(0))

    await limiter.initialize()
    with caplog.at_level(logging.INFO), pytest.raises(RetryAfter):
        await limiter.process_request(flooded, (), {}, "sendMessage", {"chat_id": 5}, None)
    await limiter.shutdown()
    given_up = [r for r in caplog.records if "maximum of 1 retries" in r.getMessage()]
    assert [(r.levelno, r.exc_info) for r in given_up] == [(logging.WARNING, None)]
