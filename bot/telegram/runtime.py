"""What handlers need, built once at start-up and kept in `application.bot_data`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from telegram.ext import CallbackContext

from bot.clock import Clock
from bot.dispatcher import Dispatcher
from bot.settings import Settings
from bot.storage import Storage
from bot.sweep import Sweep
from bot.telegram.texts import TelegramText
from flows.engine import Engine

KEY = "runtime"


@dataclass(frozen=True, slots=True)
class Runtime:
    settings: Settings
    engine: Engine
    storage: Storage
    dispatcher: Dispatcher
    clock: Clock
    text: TelegramText
    sweep: Sweep


def runtime(context: CallbackContext[Any, Any, Any, Any]) -> Runtime:
    return cast(Runtime, context.bot_data[KEY])
