"""The two front ends a simulated person walks through (bench/screen_walk.py): a Telegram chat
with the real bot through the fake Bot API, and the console's own session.

Each says what is on the person's screen (its buttons) and does what a person does there: send a
command, type, press a button (on Telegram, on the newest message carrying it; in the console,
by its number, or typed where the console asks for words). Each returns the screens it saw, as
`Seen`: the text as the person reads it, and the files it sent or saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from bench.fake_bot_api import FakeTelegram
from bench.telegram_driver import buttons_of, plain, turn_done
from bot.console import CONSOLE_USER_ID, ConsoleSession, ConsoleView, files_of
from flows.actions import Back, Help, Pick, Restart, decode
from flows.events import Event
from flows.turn.effects import Decision

SENDS = frozenset({"sendMessage", "editMessageText", "sendPhoto", "sendDocument"})


@dataclass(frozen=True, slots=True)
class Seen:
    """One screen as the person saw it."""

    front: str
    profile: int
    step: str
    """What the person did to see it (`press tp|plan`, `/plan`…)."""
    text: str
    message: int | None = None
    """Telegram: the message that shows it (sent or edited)."""
    edited: bool = False
    file: str | None = None
    """A file's name (Telegram: a photo or document; console: the path printed)."""


@dataclass
class Walked:
    """Everything one walk saw, and what it found wrong on the way."""

    seen: list[Seen] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class Front(Protocol):
    """A person's side of one front end: what is on screen, and what they can do."""

    name: str
    number: int

    def buttons(self) -> list[tuple[str, str]]:
        """(label, callback data) of the buttons under the current screen."""
        ...

    async def command(self, name: str) -> list[Seen]: ...

    async def say(self, text: str) -> list[Seen]: ...

    async def press(self, data: str) -> list[Seen]: ...


class TelegramFront:
    """A person in a Telegram chat with the real bot, through the fake Bot API."""

    name = "telegram"

    def __init__(self, tg: FakeTelegram, user_id: int, number: int) -> None:
        self.tg = tg
        self.user_id = user_id
        self.number = number
        self.current: int | None = None
        """The newest message with buttons: what the person looks at."""

    def buttons(self) -> list[tuple[str, str]]:
        return self._buttons_of(self.current or -1)

    def _where(self, data: str) -> int:
        """The newest message carrying a button with this data."""
        for message_id in sorted(self.tg.messages.get(self.user_id, {}), reverse=True):
            if any(d == data for _, d in self._buttons_of(message_id)):
                return message_id
        raise LookupError(f"no button {data!r} in chat {self.user_id}")

    def _buttons_of(self, message_id: int) -> list[tuple[str, str]]:
        message = self.tg.messages.get(self.user_id, {}).get(message_id, {})
        rows = message.get("reply_markup", {}).get("inline_keyboard", [])
        return [(b["text"], b["callback_data"]) for r in rows for b in r if "callback_data" in b]

    async def _turn(self, push: Callable[[], int], step: str) -> list[Seen]:
        mark = len(self.tg.requests)
        update_id = push()
        await turn_done(self.tg, update_id, 60)  # every message of the turn is in
        seen = []
        for r in self.tg.requests[mark:]:
            if r.method not in SENDS or r.chat_id != self.user_id or not r.ok:
                continue
            if r.method == "editMessageText":
                message_id = int(r.params["message_id"])
            else:
                message_id = int(r.result["message_id"])
            file = None
            if r.method in ("sendPhoto", "sendDocument"):
                upload = r.params.get("photo") or r.params.get("document")
                file = getattr(upload, "filename", None) or "file"
            text = plain(str(r.params.get("text") or r.params.get("caption") or ""))
            seen.append(
                Seen(
                    self.name,
                    self.number,
                    step,
                    text,
                    message_id,
                    r.method == "editMessageText",
                    file,
                )
            )
            if buttons_of(r.params):
                self.current = message_id
        return seen

    async def command(self, name: str) -> list[Seen]:
        return await self._turn(lambda: self.tg.push_text(self.user_id, f"/{name}"), f"/{name}")

    async def say(self, text: str) -> list[Seen]:
        return await self._turn(lambda: self.tg.push_text(self.user_id, text), "typed")

    async def press(self, data: str) -> list[Seen]:
        where = self._where(data)
        return await self._turn(
            lambda: self.tg.push_callback(self.user_id, data, where), f"press {data}"
        )


class RecordingSession(ConsoleSession):
    """The console's own session, remembering each turn's decision for the walk."""

    decision: Decision | None = None
    printed: tuple[str, ...] = ()
    turned = False

    async def _turn(self, event: Event) -> str:
        self.turned = True
        self.decision = await self.dispatcher.handle(CONSOLE_USER_ID, CONSOLE_USER_ID, event)
        files = await files_of(self.dispatcher, self.decision)
        self.printed = tuple(self._save(files))
        return self.view.show(self.decision, list(self.printed))


class ConsoleFront:
    """A person at the console (`aipath chat`), typing numbers, commands and questions."""

    name = "console"

    def __init__(self, session: RecordingSession, number: int) -> None:
        self.session = session
        self.number = number
        self.measure = ConsoleView(session.view.engine)
        """Renders each screen apart, to measure it (the session's view keeps the choices)."""

    def buttons(self) -> list[tuple[str, str]]:
        decision = self.session.decision
        if decision is None or not decision.screens:
            return []
        return [(b.label, b.action.encode()) for b in decision.screens[-1].flat_buttons]

    async def _turn(self, line: str, step: str) -> list[Seen]:
        self.session.turned = False
        out = await self.session.line(line)
        decision = self.session.decision
        if out is None:
            return []
        if not self.session.turned or decision is None:  # a console message, no turn
            return [Seen(self.name, self.number, step, out)]
        screens = decision.screens
        seen = [Seen(self.name, self.number, step, self.measure.render(r)) for r in screens]
        for printed in self.session.printed:
            path = printed.rpartition(" saved as ")[2] if " saved as " in printed else None
            seen.append(Seen(self.name, self.number, step, printed, file=path or "not saved"))
        return seen

    async def command(self, name: str) -> list[Seen]:
        return await self._turn(f"/{name}", f"/{name}")

    async def say(self, text: str) -> list[Seen]:
        return await self._turn(text, "typed")

    async def press(self, data: str) -> list[Seen]:
        view = self.session.view
        for number, button in enumerate(view.choices, start=1):
            if button.action.encode() == data:
                return await self._turn(str(number), f"press {data}")
        action = decode(data)
        if isinstance(action, Pick):  # a quick pick of a number question: typed
            return await self._turn(action.value, f"press {data}")
        if isinstance(action, Back | Help | Restart):
            name = {Back: "back", Help: "help", Restart: "restart"}[type(action)]
            return await self._turn(f"/{name}", f"press {data}")
        raise LookupError(f"no choice {data!r} on the console's screen")
