"""The console chat: the same dialogues and database as the Telegram bot, in a terminal.

It carries out a turn's effects as text; the files a turn sends (roadmap, calendar, export) are
saved beside the database and printed as their paths (bot/console_files.py). It needs no
Telegram library: nothing it imports reaches `telegram` (tests/test_layers.py runs it with PTB
blocked).
"""

from __future__ import annotations

import asyncio
import textwrap
from collections.abc import Callable
from pathlib import Path

from bot.clock import Clock, utc_now
from bot.console_files import files_folder, save
from bot.dispatcher import Dispatcher, NotSaved
from bot.outputs import File, plan_files
from bot.storage import Storage, StorageOptions, open_storage
from flows.actions import Back, Edit, Help, Pick, Restart, Topic
from flows.advice.details import detail_topic
from flows.engine import Engine
from flows.events import Command, Event, Incoming, Press, Text
from flows.questions import BY_FIELD
from flows.reply import Button, Reply
from flows.turn.context import Dialogues
from flows.turn.effects import Decision, SendExport, SendPlanFiles
from flows.turn.routes import COMMANDS

CONSOLE_USER_ID = 0
"""The console stores its conversation under this user id (Telegram ids are positive)."""

NAV_ACTIONS = (Back, Restart, Help)
WIDTH = 88


def _wrap(text: str, indent: str = "") -> str:
    """Each line of `text` wrapped on its own: line breaks in the content are kept.

    A bullet's continuation lines line up under its text, without a bullet of their own."""
    follow = " " * len(indent) if indent else "  "
    return "\n".join(
        textwrap.fill(line, WIDTH, initial_indent=indent, subsequent_indent=follow)
        for line in text.split("\n")
    )


class ConsoleView:
    """Renders replies as plain text and maps what the person types back to engine events."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.words = engine.content.dialogue.console
        self.choices: list[Button] = []
        self.changes: list[Button] = []
        """Change buttons under a typed answer's echo: typed as /change (or /change N)."""
        self.state = ""

    def render(self, reply: Reply) -> str:
        lines: list[str] = []
        for block in reply.blocks:
            if block.kind == "title":
                lines += ["", block.text.upper(), "=" * min(len(block.text), WIDTH)]
            elif block.kind == "heading":
                lines += ["", block.text, "-" * min(len(block.text), WIDTH)]
            elif block.kind == "progress":
                lines += ["", f"[{block.text}]"]
            elif block.kind == "note":
                lines.append(_wrap(f"({block.text})"))
            elif block.kind == "bullets":
                lines += [_wrap(item, "  • ") for item in block.items]
            else:
                lines.append(_wrap(block.text))
        numeric = reply.state in BY_FIELD and BY_FIELD[reply.state].kind != "choice"
        picks = [b for b in reply.flat_buttons if numeric and isinstance(b.action, Pick)]
        on_question = reply.state in BY_FIELD
        self.changes = [b for b in reply.flat_buttons if on_question and isinstance(b.action, Edit)]
        self.choices = [
            b
            for b in reply.flat_buttons
            if not isinstance(b.action, NAV_ACTIONS) and b not in picks and b not in self.changes
        ]
        self.state = reply.state
        if picks:
            lines += [self.words["quick_picks"], "  " + " · ".join(b.label for b in picks)]
        if numeric:  # a typed number answers the question: topics are typed by name instead
            lines += [f"  • {b.label}" for b in self.choices]
            self.choices = []
        lines += [f"  {i}) {b.label}" for i, b in enumerate(self.choices, start=1)]
        if self.changes:
            echo = self.engine.content.understanding.echo
            if len(self.changes) == 1:
                lines.append(echo["console_change"])
            else:
                items = ", ".join(f"{i}) {b.label}" for i, b in enumerate(self.changes, start=1))
                lines.append(_wrap(echo["console_changes"].format(items=items)))
        if reply.hint:  # how to answer here: a number or words (Telegram says tap or type)
            lines.append(_wrap(self.words[f"hint_{reply.hint}"]))
        if any(isinstance(b.action, NAV_ACTIONS) for b in reply.flat_buttons):
            lines.append(self.words["nav_hint"])
        return "\n".join(lines)

    def show(self, decision: Decision, files: list[str] | None = None) -> str:
        """Every screen of a decision, then one line per file (its path once saved)."""
        parts = [self.render(reply) for reply in decision.screens]
        if decision.toast and not decision.screens:
            parts.append(_wrap(f"({decision.toast})"))
        parts += files or []
        return "\n".join(parts)

    def file_line(self, file: File, saved: Path | None, reason: str = "") -> str:
        size = len(file.data) // 1024 + 1
        if saved is None:
            return "  " + self.words["file_not_saved"].format(
                name=file.name, caption=file.caption, reason=reason
            )
        return "  " + self.words["file_saved"].format(
            name=file.name, size=size, caption=file.caption, path=saved
        )

    def event_for(self, typed: str) -> Event | str | None:
        """The engine event for a typed line; a string is a message to print instead; None quits."""
        line = typed.strip()
        if line.startswith("/"):
            name = line[1:].split()[0].lower() if len(line) > 1 else ""
            if name in ("quit", "exit"):
                return None
            if name == "change" and self.changes:
                arg = line.split()[1] if len(line.split()) > 1 else "1"
                index = int(arg) if arg.isdigit() else 0
                if 1 <= index <= len(self.changes):
                    return Press(self.changes[index - 1].action)
            if name in COMMANDS:
                return Command(name)
            if detail_topic(self.engine.content, name) is not None:  # /costs, /roles, …
                return Press(Topic(name))
            return self.words["unknown_command"]
        if line.isdigit() and self.choices and not self._numeric_question():
            index = int(line)
            if 1 <= index <= len(self.choices):
                button = self.choices[index - 1]
                return Press(button.action)
            key = "pick_only" if len(self.choices) == 1 else "pick_range"
            return self.words[key].format(count=len(self.choices))
        return Text(line)

    def _numeric_question(self) -> bool:
        return self.state in BY_FIELD and BY_FIELD[self.state].kind != "choice"


def console_dispatcher(engine: Engine, storage: Storage, clock: Clock) -> Dispatcher:
    """The same dispatcher the bot uses: interview, plan, progress and reminder screens. No
    "welcome back" after a pause: the console is always a fresh start of the program."""
    dialogues = Dialogues.build(engine.content, engine=engine, resume_after=None)
    return Dispatcher(dialogues, storage, clock=clock)


async def turn(dispatcher: Dispatcher, event: Incoming) -> Decision:
    """One turn; an update the database could not save says so and shows what is saved."""
    try:
        return await dispatcher.handle(CONSOLE_USER_ID, CONSOLE_USER_ID, event)
    except NotSaved as failure:
        return dispatcher.not_saved(CONSOLE_USER_ID, failure)


async def files_of(dispatcher: Dispatcher, decision: Decision) -> list[File]:
    """The files a decision asks for, made (there is nothing to show while they render)."""
    files: list[File] = []
    for effect in decision.effects:
        if isinstance(effect, SendPlanFiles):
            files += await plan_files(effect)
        elif isinstance(effect, SendExport):
            files.append(await dispatcher.export(CONSOLE_USER_ID, effect))
    return files


class ConsoleSession:
    """One conversation in the terminal: a typed line in, what to print out. The files a turn
    asks for are saved in `folder` (bot/console_files.py) and printed as their paths."""

    def __init__(self, engine: Engine, storage: Storage, clock: Clock, folder: Path) -> None:
        self.view = ConsoleView(engine)
        self.dispatcher = console_dispatcher(engine, storage, clock)
        self.folder = folder

    async def start(self) -> str:
        return await self._turn(Command("start"))

    async def line(self, typed: str) -> str | None:
        """What to print for a typed line; None when the person quits."""
        event = self.view.event_for(typed)
        if event is None:
            return None
        if isinstance(event, str):
            return event
        return await self._turn(event)

    async def _turn(self, event: Event) -> str:
        decision = await turn(self.dispatcher, event)
        files = await files_of(self.dispatcher, decision)
        return self.view.show(decision, self._save(files))

    def _save(self, files: list[File]) -> list[str]:
        if not files:
            return []
        try:
            paths = save(self.folder, files)
        except OSError as exc:  # a full disk, a folder others could tamper with: say so
            reason = exc.strerror or str(exc)
            return [self.view.file_line(f, None, reason) for f in files]
        return [self.view.file_line(f, p) for f, p in zip(files, paths, strict=True)]


def run_console(
    engine: Engine,
    *,
    database: str = "data/aipath.db",
    read: Callable[[str], str] = input,
    write: Callable[[str], None] = print,
    clock: Clock = utc_now,
) -> int:
    """Chat in the terminal until /quit, end of input or Ctrl-C. Returns the exit code."""
    words = engine.content.dialogue.console
    with asyncio.Runner() as runner:
        storage = runner.run(open_storage(database, StorageOptions(role="live")))
        session = ConsoleSession(engine, storage, clock, files_folder(database))
        try:
            write(words["intro"])
            write(runner.run(session.start()))
            while True:
                try:
                    typed = read(words["prompt"])
                except (EOFError, KeyboardInterrupt):
                    write("")
                    break
                out = runner.run(session.line(typed))
                if out is None:
                    break
                write(out)
        except KeyboardInterrupt:
            write("")
        finally:
            runner.run(storage.close())
    write(words["goodbye"])
    return 0
