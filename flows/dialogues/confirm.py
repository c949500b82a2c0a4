"""Typed answers to a yes/no question: the text picks one of that question's own buttons.

A yes/no question (start over? continue where you were? erase everything?) is a screen of its
own: while it is open, typed text answers it, and never the question behind it, where a typed
"1" would otherwise be stored as an answer and the restart silently skipped. The text is read
as one of the screen's buttons: its number (1, 2), its label, a yes/no word
(content/vocabulary.yaml), or a word for "continue" / "start over" (content/chat.yaml). Anything
else picks nothing, and the caller asks again.
"""

from __future__ import annotations

from typing import Literal

from flows.actions import Action, DeleteAnswer, Restart, RestartAnswer, Resume
from flows.content import Content
from flows.numbers import words_of
from flows.questions import match_button
from flows.reply import Reply

Role = Literal["yes", "no", "continue", "start_over"]


def plays(action: Action, role: Role) -> bool:
    """Whether a yes/no screen's button stands for `role`."""
    if isinstance(action, RestartAnswer):
        return role == ("yes" if action.yes else "no") or (action.yes and role == "start_over")
    if isinstance(action, DeleteAnswer):
        return role == ("yes" if action.yes else "no")
    if isinstance(action, Resume):
        return role in ("yes", "continue")
    return isinstance(action, Restart) and role == "start_over"


class TypedConfirmations:
    """Reads typed text on a yes/no screen. Built once from content; shared by everyone."""

    def __init__(self, content: Content) -> None:
        phrases: list[tuple[str, Role]] = []
        for kind in ("yes", "no"):
            phrases += [(words_of(p), kind) for p in content.vocabulary.replies.get(kind, [])]
        for role, words in content.chat.typed_confirmations.items():
            phrases += [(words_of(p), role) for p in words]
        self._phrases = sorted((p for p in phrases if p[0]), key=lambda p: -len(p[0]))

    def role(self, text: str) -> Role | None:
        """The role of the longest known phrase the text is or opens with ("yes please")."""
        wanted = words_of(text)
        for phrase, role in self._phrases:
            if wanted == phrase or wanted.startswith(phrase + " "):
                return role
        return None

    def pick(self, screen: Reply, text: str) -> Action | None:
        """The button of `screen` the typed text picks, or None."""
        buttons = screen.flat_buttons
        wanted = words_of(text)
        if wanted.isdigit():
            number = int(wanted)
            return buttons[number - 1].action if 1 <= number <= len(buttons) else None
        button = match_button(text, buttons)
        if button is not None:
            return button.action
        role = self.role(text)
        return next((b.action for b in buttons if role and plays(b.action, role)), None)
