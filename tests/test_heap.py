"""The bot's own process sets its garbage collector for a long run once started (bot/heap.py);
an application built by a test or a bench leaves the collector alone."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bench.fake_bot_api import FakeTelegram
from bench.telegram_driver import bot_running
from bot.settings import Settings
from bot.telegram import app as app_module

ROOT = Path(__file__).resolve().parent.parent


def test_settling_frees_garbage_then_freezes_and_raises_the_young_threshold() -> None:
    """In a process of its own: freezing here would keep the test session's objects."""
    probe = (
        "import gc\n"
        "from bot.heap import settle_after_startup, YOUNG_THRESHOLD\n"
        "class Cycle:\n"
        "    def __init__(self): self.me = self\n"
        "Cycle()\n"  # start-up garbage: freed, not frozen
        "gc.disable()\n"  # nothing collects it before settle_after_startup does
        "settle_after_startup()\n"
        "assert not any(type(o).__name__ == 'Cycle' for o in gc.get_objects()), 'frozen garbage'\n"
        "assert gc.get_freeze_count() > 1000, gc.get_freeze_count()\n"
        "assert gc.get_threshold()[0] == YOUNG_THRESHOLD, gc.get_threshold()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr


def test_run_bot_builds_the_application_as_the_process_s_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built: dict[str, Any] = {}

    def build(settings: Settings, **options: Any) -> object:
        built.update(options)
        return object()

    async def nothing(*args: object) -> None:
        return None

    monkeypatch.setattr(app_module, "configure_logging", lambda level: None)
    monkeypatch.setattr(app_module, "wait_for_telegram", nothing)
    monkeypatch.setattr(app_module, "build_application", build)
    monkeypatch.setattr(app_module, "_serve", nothing)
    settings = Settings(TELEGRAM_BOT_TOKEN="123456:TEST-token")  # type: ignore[call-arg]
    assert app_module.run_bot(settings) == 0
    assert built["own_process"] is True


async def test_start_up_settles_the_heap_only_for_the_process_s_own_application(
    tg: FakeTelegram, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settled: list[bool] = []
    monkeypatch.setattr(app_module, "settle_after_startup", lambda: settled.append(True))
    before = gc.get_threshold()
    async with bot_running(tg, tmp_path / "shared.db"):
        assert settled == []
    async with bot_running(tg, tmp_path / "own.db", build_options={"own_process": True}):
        assert settled == [True]
    assert gc.get_threshold() == before
