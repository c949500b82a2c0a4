"""The account dialogue: what is stored (/privacy), a copy of it (/export), erasing it (/delete).

Erasing asks first, on a yes/no screen of its own (flows/dialogues/on_screen.py): typed text
answers it, and anything else the person does dismisses it. The erase itself is the turn's
commit (`Changes.erase`), so it is done before the reply saying so is sent.
"""

from __future__ import annotations

from dataclasses import replace

from flows.actions import DeleteAnswer
from flows.dialogues.on_screen import move
from flows.events import Command, Press, Text
from flows.reply import Button, Reply, ReplyBuilder
from flows.turn.context import Outcome, Turn, plain
from flows.turn.effects import SendExport

ACCOUNT_SCREEN = "account"


def on_privacy(t: Turn, event: Command) -> Outcome:
    return Outcome(t.conv, (text(t, "privacy"),), placement="new")


def on_export(t: Turn, event: Command) -> Outcome:
    """Everything stored about the person, as a file the runtime reads and sends."""
    caption = t.app.content.chat.messages["export_caption"]
    return Outcome(t.conv, (), placement="new", save=False, files=(SendExport(caption),))


def on_delete(t: Turn, event: Command) -> Outcome:
    on_screen, _, _ = move(t.conv.dialogue, "ask_delete")
    return Outcome(t.conv.showing(on_screen), (ask_delete(t),))


def on_delete_answer(t: Turn, action: DeleteAnswer) -> Outcome:
    """Yes erases every row about the person; no keeps them. An answer to a question that is
    not open (a double tap, an old message) changes nothing: its text says what happened."""
    on_screen, effect, _ = move(t.conv.dialogue, "delete_yes" if action.yes else "delete_no")
    if not t.state.exists or effect is None:
        deleted = not t.state.exists and action.yes
        toast = t.app.content.chat.messages["deleted"] if deleted else None
        return Outcome(t.conv, (), toast=toast, placement="new", save=False)
    if effect == "delete":
        return Outcome(t.conv.showing(on_screen), (text(t, "deleted"),), save=False, erase=True)
    return Outcome(t.conv.showing(on_screen), (text(t, "delete_cancelled"),))


def on_typed_at_delete(t: Turn, event: Press | Text) -> Outcome:
    """Typed text while "delete everything?" is open answers it, or it is asked again."""
    screen = ask_delete(t)
    picked = (
        t.app.engine.confirmations.pick(screen, event.text) if isinstance(event, Text) else None
    )
    if isinstance(picked, DeleteAnswer):
        return on_delete_answer(t, picked)
    notice = t.app.content.chat.messages["answer_first"] if isinstance(event, Text) else None
    return Outcome(t.conv, (ask_delete(t, notice),))


def ask_delete(t: Turn, notice: str | None = None) -> Reply:
    words = t.app.content.chat
    out = ReplyBuilder()
    if notice:
        out.add("note", notice)
    out.add("text", words.messages["delete_confirm"])
    out.row(
        Button(words.buttons["delete_yes"], DeleteAnswer(yes=True)),
        Button(words.buttons["delete_no"], DeleteAnswer(yes=False)),
    )
    reply = out.build("confirm", "confirm_delete")
    return reply if notice is None else replace(reply, hint="choice")


def text(t: Turn, key: str) -> Reply:
    """A one-paragraph screen from content/chat.yaml (privacy, deleted, hints…)."""
    return plain(t.app.content.chat.messages[key], ACCOUNT_SCREEN)
