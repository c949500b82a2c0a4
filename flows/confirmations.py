"""The yes/no questions (start over? erase everything?) as data, on ONE shared Machine.

Like the interview graph (flows/graph.py): the machine holds no conversations; each answer wraps
the stored `pending` value in a throwaway `Asking` model and fires the trigger on it. The result
says which effect the caller carries out: the engine forgets the answers, the dispatcher erases
the person's rows. A question is dismissed by anything else the person does.
"""

from __future__ import annotations

from typing import Any, Final, Literal

from transitions import Machine

Question = Literal["restart", "delete"]
Effect = Literal["restart", "delete", "kept"] | None

CONFIRM_STATES: Final = ["none", "restart", "delete"]
CONFIRM_TRANSITIONS: Final[list[dict[str, Any]]] = [
    {"trigger": "ask_restart", "source": "*", "dest": "restart"},
    {"trigger": "ask_delete", "source": "*", "dest": "delete"},
    {"trigger": "restart_yes", "source": "restart", "dest": "none", "after": "effect_restart"},
    {"trigger": "restart_no", "source": "restart", "dest": "none", "after": "effect_kept"},
    {"trigger": "delete_yes", "source": "delete", "dest": "none", "after": "effect_delete"},
    {"trigger": "delete_no", "source": "delete", "dest": "none", "after": "effect_kept"},
    {"trigger": "dismiss", "source": "*", "dest": "none"},
]
"""Every confirmation: asked from anywhere, answered once, dismissed by anything else. A yes or
no to a question that is not open matches no row: a double tap or an old message changes nothing."""


class Asking:
    """The model the machine moves: which question is open, and what answering it does."""

    __slots__ = ("effect", "state")

    def __init__(self, pending: Question | None) -> None:
        self.state: str = pending or "none"
        self.effect: Effect = None

    def effect_restart(self) -> None:
        self.effect = "restart"

    def effect_delete(self) -> None:
        self.effect = "delete"

    def effect_kept(self) -> None:
        self.effect = "kept"

    @property
    def pending(self) -> Question | None:
        return None if self.state == "none" else self.state  # type: ignore[return-value]


CONFIRMATIONS: Final = Machine(
    model=None,
    states=CONFIRM_STATES,
    transitions=CONFIRM_TRANSITIONS,
    initial="none",
    auto_transitions=False,
    ignore_invalid_triggers=True,
)


def answer(pending: Question | None, trigger: str) -> tuple[Question | None, Effect, bool]:
    """(question open afterwards, effect to carry out, whether any transition applied)."""
    model = Asking(pending)
    event = CONFIRMATIONS.events.get(trigger)
    moved = bool(event.trigger(model)) if event is not None else False
    return model.pending, model.effect, moved
