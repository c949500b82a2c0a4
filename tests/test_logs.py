"""Logging configuration: no library noise per update, no content in lines."""

from __future__ import annotations

import logging

import pytest

from bot.logs import configure_logging
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
