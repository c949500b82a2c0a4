"""A person on a bad network day: answers the interview by buttons, looking only at what their
chat really shows (the fake Bot API's stored messages), for bench/fault_run.py.

A tap that changed nothing is tapped again: the same button (they think it did not register)
or, as often, another answer on the same old keyboard (they reconsider while waiting); the
bot must take the last tap. A /start that showed nothing is sent again; some change one answer
from the summary; at the end they send /profile and /help, whose answers are new messages
(sends, not edits).
"""

from __future__ import annotations

import json
import random
from typing import Any

from bench.fake_bot_api import FakeTelegram
from bench.telegram_driver import buttons_of
from flows.actions import Begin, Confirm, Edit, Pick, decode

SCREEN_WAIT = 8.0
"""How long a person waits for their screen to change before acting on what they see."""
AFTERWARDS = ("/profile", "/help")
"""Commands each person sends after the interview (their answers are sends, not edits)."""


class Person:
    """Answers the interview by buttons, looking only at what the chat really shows."""

    def __init__(self, tg: FakeTelegram, user_id: int, rng: random.Random) -> None:
        self.tg, self.user_id, self.rng = tg, user_id, rng
        self.last_tap: dict[str, str] = {}
        self.changes_mind = rng.random() < 0.4
        self.changed = False
        self.taps = 0
        self.retaps = 0
        self.switches = 0
        """Taps of another answer on a keyboard whose last tap changed nothing."""
        self.starts = 0

    def screen(self) -> tuple[int, dict[str, Any]] | None:
        """The newest message in the chat that carries buttons."""
        chat = self.tg.messages.get(self.user_id, {})
        for message_id in sorted(chat, reverse=True):
            if chat[message_id].get("reply_markup", {}).get("inline_keyboard"):
                return message_id, chat[message_id]
        return None

    def snapshot(self) -> str:
        shown = self.screen()
        return json.dumps(shown, sort_keys=True, default=str)

    async def interview(self) -> bool:
        """True once the recommendation is on screen."""
        before, last = "", None
        for _ in range(60):
            shown = self.screen()
            if shown is None:
                self.starts += 1
                self.tg.push_text(self.user_id, "/start")
            else:
                if self.snapshot() == before and last is not None:
                    choice: str | None = self.again(shown[1], last)  # nothing changed
                    self.retaps += 1
                else:
                    choice = self.choose(shown[1])
                if choice is None:
                    await self.look_around()
                    return True
                last = choice
                self.taps += 1
                self.tg.push_callback(self.user_id, choice, shown[0])
            before = self.snapshot()
            await self.tg.wait_until(lambda b=before: self.snapshot() != b, SCREEN_WAIT)
        return False

    async def look_around(self) -> None:
        """After the recommendation: commands whose answers are new messages (sends)."""
        for command in AFTERWARDS:
            count = len(self.tg.messages.get(self.user_id, {}))
            self.tg.push_text(self.user_id, command)
            await self.tg.wait_until(
                lambda c=count: len(self.tg.messages.get(self.user_id, {})) > c, SCREEN_WAIT
            )

    def again(self, message: dict[str, Any], last: str) -> str:
        """After a tap that changed nothing: the same button, or another answer to the same
        question (two times in three, where there is one)."""
        pressed = decode(last)
        if not isinstance(pressed, Pick) or self.rng.random() < 1 / 3:
            return last
        others = [
            (data, a)
            for data, a in (
                (b["callback_data"], decode(b["callback_data"])) for b in buttons_of(message)
            )
            if isinstance(a, Pick) and a.at == pressed.at and a.value != pressed.value
        ]
        if not others:
            return last
        data, pick = self.rng.choice(others)
        assert isinstance(pick, Pick)
        self.last_tap[pick.at] = pick.value
        self.switches += 1
        return data

    def choose(self, message: dict[str, Any]) -> str | None:
        """The callback data this person taps on this screen (None: the recommendation)."""
        buttons = [(b["callback_data"], decode(b["callback_data"])) for b in buttons_of(message)]
        picks = [(data, a) for data, a in buttons if isinstance(a, Pick)]
        if picks:
            data, pick = self.rng.choice(picks)
            assert isinstance(pick, Pick)
            self.last_tap[pick.at] = pick.value
            return data
        edits = [(data, a) for data, a in buttons if isinstance(a, Edit)]
        if edits and self.changes_mind and not self.changed:
            self.changed = True
            return self.rng.choice(edits)[0]
        for data, action in buttons:
            if isinstance(action, Confirm | Begin):
                return data
        return None
