"""Which dialogue is on screen, as data on ONE shared `transitions` Machine.

Over the interview a person can have one other dialogue open: a yes/no question (start over?
continue where you were? erase everything?) or the reminder setup. Typed text belongs to it, and
anything else the person does closes it. `Conversation.dialogue` is the one stored field saying
which; this machine says how it changes.

Like the interview graph (flows/graph.py), the machine holds no conversations: each move wraps
the stored value in a throwaway `Screen` model and fires the trigger on it. The result says
which effect the caller carries out (the engine forgets the answers, the account erases them).
"""

from __future__ import annotations

from typing import Any, Final, Literal, cast, get_args

from transitions import Machine

OnScreen = Literal["interview", "confirm_restart", "confirm_resume", "confirm_delete", "setup"]
"""The dialogue on screen: the interview itself, one of its yes/no questions, or the setup."""
CONFIRMATIONS: Final = frozenset({"confirm_restart", "confirm_resume", "confirm_delete"})
"""The yes/no questions: each is its own screen, and typed text answers it."""
Effect = Literal["restart", "delete", "kept"] | None

TRANSITIONS: Final[list[dict[str, Any]]] = [
    {"trigger": "ask_restart", "source": "*", "dest": "confirm_restart"},
    {"trigger": "ask_delete", "source": "*", "dest": "confirm_delete"},
    {"trigger": "welcome_back", "source": "*", "dest": "confirm_resume"},
    {"trigger": "open_setup", "source": "*", "dest": "setup"},
    {
        "trigger": "restart_yes",
        "source": "confirm_restart",
        "dest": "interview",
        "after": "restart",
    },
    {"trigger": "restart_no", "source": "confirm_restart", "dest": "interview", "after": "kept"},
    {"trigger": "delete_yes", "source": "confirm_delete", "dest": "interview", "after": "delete"},
    {"trigger": "delete_no", "source": "confirm_delete", "dest": "interview", "after": "kept"},
    {"trigger": "close", "source": "*", "dest": "interview"},
]
"""Each question is asked from anywhere, answered once, and closed by anything else. A yes or no
to a question that is not open matches no row: a double tap or an old message changes nothing."""


class Screen:
    """The model the machine moves: what is on screen, and what answering it does."""

    __slots__ = ("effect", "state")

    def __init__(self, on_screen: OnScreen) -> None:
        self.state: str = on_screen
        self.effect: Effect = None

    def restart(self) -> None:
        self.effect = "restart"

    def delete(self) -> None:
        self.effect = "delete"

    def kept(self) -> None:
        self.effect = "kept"


MACHINE: Final = Machine(
    model=None,
    states=list(get_args(OnScreen)),
    transitions=TRANSITIONS,
    initial="interview",
    auto_transitions=False,
    ignore_invalid_triggers=True,
)
"""The single machine every conversation shares. It keeps no per-conversation data."""


def move(on_screen: OnScreen, trigger: str) -> tuple[OnScreen, Effect, bool]:
    """(on screen afterwards, effect to carry out, whether any transition applied)."""
    model = Screen(on_screen)
    event = MACHINE.events.get(trigger)
    moved = bool(event.trigger(model)) if event is not None else False
    return cast(OnScreen, model.state), model.effect, moved
