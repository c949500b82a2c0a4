"""Every button press is answered exactly once, within Telegram's window, never waiting on a turn.

Telegram shows a spinner on a pressed button until the bot answers its callback query, and
refuses answers after about 15 seconds ("query is too old"). So:

- the answer (with the turn's toast, if any) goes out as soon as the turn knows it;
- a turn that is slow (a database outage being retried for up to 30 s) does not hold the
  spinner: ANSWER_BY seconds after the press arrived it is answered without text, and the
  toast, once known, is dropped;
- an answer lost in transit is made again until the window closes: a repeated answer is refused
  by Telegram, never shown twice (bot/telegram/send_policy.py);
- whoever answers (the conversation handler, the error handler, PTB's `CallbackQuery.answer`),
  a query is answered once: later answers are dropped here;
- a press nobody answered (its turn failed) is answered without text when its update is done.

Wiring: `AdvisorBot.answer_callback_query` (bot/telegram/extbot.py) sends every answer through
`answer`; the update processor calls `arrived` when a press is admitted and `settle` when its
update is done (bot/telegram/processor.py). Handlers answer as usual (`query.answer(text)`).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Final

from telegram.error import BadRequest, TelegramError

from bot.telegram.send_policy import is_transient

log = logging.getLogger("aipath.callbacks")

ANSWER_BY: Final = 10.0
"""Seconds after a press arrives by which it is answered, with or without the toast."""
WINDOW: Final = 15.0
"""Seconds Telegram accepts an answer for; no attempt starts after WINDOW - MARGIN."""
MARGIN: Final = 1.0
PAUSES: Final = (0.25, 0.5, 1.0, 2.0)
"""Pauses between attempts (the last repeats) while the window is open."""
KEPT: Final = 4096
"""Queries remembered (a press lives for seconds; this bounds memory if nothing settles)."""

Send = Callable[[str, tuple[Any, ...], dict[str, Any]], Awaitable[bool]]
"""Makes one real answerCallbackQuery call: (query id, positional args, keyword args)."""


@dataclass
class _Press:
    arrived: float
    timer: asyncio.TimerHandle | None = None
    answer: asyncio.Task[bool] | None = None


class CallbackAnswers:
    """The one place button presses are answered; see the module docstring for the rules."""

    def __init__(
        self,
        send: Send,
        *,
        answer_by: float = ANSWER_BY,
        window: float = WINDOW,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._send = send
        self.answer_by = answer_by
        self.window = window
        self._clock = clock
        self._sleep = sleep
        self._presses: OrderedDict[str, _Press] = OrderedDict()

    def arrived(self, query_id: str) -> None:
        """A press was admitted: from now, it is answered within `answer_by` seconds."""
        press = self._press(query_id)
        if press.answer is None and press.timer is None:
            loop = asyncio.get_running_loop()
            press.timer = loop.call_later(self.answer_by, self._answer_early, query_id)

    async def answer(self, query_id: str, *args: Any, **kwargs: Any) -> bool:
        """Answer the press (args as for `Bot.answer_callback_query`), unless it already was:
        then the toast is dropped and the first answer's outcome returned."""
        press = self._press(query_id)
        if press.answer is not None:
            log.debug("event=callback_answer_dropped")
            return await asyncio.shield(press.answer)
        return await self._start(press, query_id, args, kwargs)

    def answered(self, query_id: str) -> bool:
        """An answer to this press was made or is under way."""
        press = self._presses.get(query_id)
        return press is not None and press.answer is not None

    async def settle(self, query_id: str) -> None:
        """The press's update is done: answer it now if nobody did, then forget it."""
        press = self._presses.get(query_id)
        if press is None:
            return
        if press.answer is None:
            await self._start(press, query_id, (), {})
        else:
            await asyncio.shield(press.answer)
        self._presses.pop(query_id, None)

    # ------------------------------------------------------------------------------ inside

    def _press(self, query_id: str) -> _Press:
        press = self._presses.get(query_id)
        if press is None:
            press = self._presses[query_id] = _Press(self._clock())
            while len(self._presses) > KEPT:
                _, old = self._presses.popitem(last=False)
                if old.timer is not None:
                    old.timer.cancel()
        return press

    def _answer_early(self, query_id: str) -> None:
        """The turn is slow: stop the spinner now; its toast will be dropped."""
        press = self._presses.get(query_id)
        if press is None or press.answer is not None:
            return
        log.info("event=callback_answered_early after=%.1fs", self._clock() - press.arrived)
        press.timer = None
        press.answer = asyncio.get_running_loop().create_task(self._deliver(query_id, (), {}))

    async def _start(
        self, press: _Press, query_id: str, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> bool:
        if press.timer is not None:
            press.timer.cancel()
            press.timer = None
        press.answer = asyncio.get_running_loop().create_task(self._deliver(query_id, args, kwargs))
        return await asyncio.shield(press.answer)

    async def _deliver(self, query_id: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
        """One answer, made again after transient failures while Telegram would still take it."""
        press = self._presses.get(query_id)
        last_start = (press.arrived if press else self._clock()) + self.window - MARGIN
        attempt = 0
        while True:
            try:
                return await self._send(query_id, args, kwargs)
            except BadRequest as exc:  # too old, or already answered by a lost attempt
                log.info("event=callback_answer_refused error=%s", type(exc).__name__)
                return False
            except TelegramError as exc:
                pause = PAUSES[min(attempt, len(PAUSES) - 1)]
                attempt += 1
                if not is_transient(exc) or self._clock() + pause > last_start:
                    log.warning(
                        "event=callback_unanswered attempts=%d error=%s",
                        attempt,
                        type(exc).__name__,
                    )
                    return False
            await self._sleep(pause)
