"""A typed answer that names a button: its label, its value or its place ("the 2nd one").

WHY apart: these are read before any phrase or number, and a value's own name may mean
something else to people ("graduate"), so the button match is checked against the reading.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from flows.content import Content
from flows.numbers import words_of
from flows.reading.answer_model import BOUNDS, KINDS, is_valid
from flows.reading.understand_reading import Reading
from flows.reading.understanding_echo import Answer


class ButtonAnswers:
    """Built once per Understander; both reads are pure."""

    def __init__(
        self,
        content: Content,
        other_currency: Callable[[str], bool],
        read: Callable[[str, str, date | None], Reading],
    ) -> None:
        self.content = content
        self.v = content.vocabulary
        self.other_currency = other_currency
        self._read = read
        self.ordinal_fillers = frozenset(words_of(w) for w in self.v.numbers.ordinal_fillers)

    def exact(self, name: str, text: str) -> Answer | None:
        """A button's label, its value or its number, typed in full ("€5000" is not one)."""
        if KINDS[name] == "money" and self.other_currency(text):
            return None
        wanted = words_of(text)
        options = self.content.dialogue.questions[name].options
        for option in options:
            names = {words_of(option.label), words_of(option.value)}
            if wanted in names:
                if KINDS[name] == "choice":
                    if wanted != words_of(option.label) and "_" not in option.value:
                        # a value's plain name people may mean otherwise ("graduate")
                        read = self._read(name, text, None).values
                        if read and option.value not in read:
                            return None
                    return option.value if is_valid(name, option.value) else None
                if option.value.isdigit() and is_valid(name, int(option.value)):
                    return int(option.value)
                return None
        return None

    def by_number(self, name: str, text: str) -> Answer | None:
        """The option a bare number ("2" at a choice question) or a place ("the 2nd one", at
        any question) points at, if any: Telegram shows no numbers on its buttons (the console
        maps digits to buttons itself)."""
        said = [w for w in words_of(text).split() if w not in self.ordinal_fillers]
        if len(said) != 1:
            return None
        place = self.v.numbers.ordinals.get(said[0])
        if place is None and KINDS[name] == "choice" and said[0].isdigit():
            place = int(said[0])
        options = self.content.dialogue.questions[name].options
        if place is None or not 1 <= place <= len(options):
            return None
        value = options[place - 1].value
        answer: Answer = value if KINDS[name] == "choice" or not value.isdigit() else int(value)
        return answer if is_valid(name, answer) else None


def button_numbers(content: Content) -> dict[str, tuple[int, ...]]:
    """The number questions' button values (offered when a typed number can't be used)."""
    questions = content.dialogue.questions
    return {
        name: tuple(int(o.value) for o in questions[name].options if o.value.isdigit())
        for name in BOUNDS
        if name in questions
    }
