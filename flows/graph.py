"""The dialogue graph: states and transitions declared as data on ONE shared `transitions` Machine.

The machine holds no conversations. Each step wraps the saved conversation in a throwaway `Walk`
and fires the event on it directly (`Event.trigger(model)`), so nothing is registered per user:
no `add_model`, no model list growing with the user count, no Machine built per message.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Literal, get_args

from transitions import Machine

from flows.profile import ProfileField
from flows.questions import QUESTIONS, Answer, is_needed, missing_fields

InterviewState = Literal["welcome", ProfileField, "summary", "recommendation"]
"""Where the interview is: the welcome, a question (named by its profile field), the summary of
the answers, or the recommendation. The one declaration of the state names."""
QUESTION_STATES: Final = [q.field for q in QUESTIONS]
STATES: Final = ["welcome", *QUESTION_STATES, "summary", "recommendation"]
FINAL_STATES: Final = ("summary", "recommendation")
assert set(STATES) == set(get_args(InterviewState)), "InterviewState and QUESTIONS disagree"

_A = "advance"
_B = "back"

TRANSITIONS: Final[list[dict[str, Any]]] = [
    {"trigger": "begin", "source": "welcome", "dest": "coding_experience"},
    # While editing from the summary, an answer goes straight back once nothing is missing.
    {
        "trigger": _A,
        "source": QUESTION_STATES,
        "dest": "summary",
        "conditions": "returns_to_summary",
    },
    {
        "trigger": _A,
        "source": "coding_experience",
        "dest": "years_experience",
        "conditions": "asks_years",
    },
    {"trigger": _A, "source": "coding_experience", "dest": "degree"},
    {"trigger": _A, "source": "years_experience", "dest": "degree"},
    {"trigger": _A, "source": "degree", "dest": "goal_role"},
    {"trigger": _A, "source": "goal_role", "dest": "target_employer"},
    {"trigger": _A, "source": "target_employer", "dest": "needs_visa"},
    {"trigger": _A, "source": "needs_visa", "dest": "budget_usd"},
    {"trigger": _A, "source": "budget_usd", "dest": "can_pause_income"},
    {"trigger": _A, "source": "can_pause_income", "dest": "hours_per_week"},
    {"trigger": _A, "source": "hours_per_week", "dest": "learning_style"},
    {"trigger": _A, "source": "learning_style", "dest": "summary"},
    {"trigger": _B, "source": "coding_experience", "dest": "welcome"},
    {"trigger": _B, "source": "years_experience", "dest": "coding_experience"},
    {"trigger": _B, "source": "degree", "dest": "years_experience", "conditions": "asks_years"},
    {"trigger": _B, "source": "degree", "dest": "coding_experience"},
    {"trigger": _B, "source": "goal_role", "dest": "degree"},
    {"trigger": _B, "source": "target_employer", "dest": "goal_role"},
    {"trigger": _B, "source": "needs_visa", "dest": "target_employer"},
    {"trigger": _B, "source": "budget_usd", "dest": "needs_visa"},
    {"trigger": _B, "source": "can_pause_income", "dest": "budget_usd"},
    {"trigger": _B, "source": "hours_per_week", "dest": "can_pause_income"},
    {"trigger": _B, "source": "learning_style", "dest": "hours_per_week"},
    {"trigger": _B, "source": "summary", "dest": "learning_style"},
    {"trigger": _B, "source": "recommendation", "dest": "summary"},
    {
        "trigger": "confirm",
        "source": "summary",
        "dest": "recommendation",
        "conditions": "is_complete",
    },
    *(
        {
            "trigger": f"edit_{field}",
            "source": list(FINAL_STATES),
            "dest": field,
            "conditions": "asks_years" if field == "years_experience" else None,
            "after": "start_editing",
        }
        for field in QUESTION_STATES
    ),
    {"trigger": "restart", "source": "*", "dest": "welcome", "after": "forget_answers"},
]
"""The whole dialogue. Order matters: for one trigger and source, the first passing row wins."""

STATE_CONFIG: Final[list[dict[str, Any]]] = [
    {"name": name, "on_enter": "stop_editing" if name in FINAL_STATES else None} for name in STATES
]


class Walk:
    """The model the machine moves: one conversation's state, answers and edit mode.

    Conditions and callbacks are named after what they mean in the interview.
    """

    __slots__ = ("answers", "editing", "state")

    def __init__(self, state: str, answers: Mapping[str, Answer], editing: bool) -> None:
        self.state = state
        self.answers = dict(answers)
        self.editing = editing

    def asks_years(self) -> bool:
        return is_needed("years_experience", self.answers)

    def is_complete(self) -> bool:
        return not missing_fields(self.answers)

    def returns_to_summary(self) -> bool:
        return self.editing and self.is_complete()

    def start_editing(self) -> None:
        self.editing = True

    def stop_editing(self) -> None:
        self.editing = False

    def forget_answers(self) -> None:
        self.answers = {}
        self.editing = False


MACHINE: Final = Machine(
    model=None,
    states=STATE_CONFIG,
    transitions=TRANSITIONS,
    initial="welcome",
    auto_transitions=False,
    ignore_invalid_triggers=True,
)
"""The single machine every conversation shares. It keeps no per-conversation data."""


def fire(walk: Walk, trigger: str) -> bool:
    """Fire `trigger` on `walk`; False (and `walk` unchanged) when no transition applies."""
    event = MACHINE.events.get(trigger)
    if event is None:
        return False
    return bool(event.trigger(walk))


def to_mermaid() -> str:
    """The graph as a Mermaid state diagram, generated from TRANSITIONS (the README embeds it).

    The questions are drawn inside one composite state, `interview`; a row whose sources are
    every question, and the per-question edit triggers, are drawn once against that composite.
    """
    inside: list[str] = []
    outside: list[str] = []
    seen: set[str] = set()
    questions = set(QUESTION_STATES)
    for row in TRANSITIONS:
        raw = row["source"]
        sources = STATES if raw == "*" else [raw] if isinstance(raw, str) else raw
        dest, trigger = row["dest"], row["trigger"]
        if trigger.startswith("edit_"):
            trigger, dest = "edit", "interview"
        cond = row.get("conditions")
        label = f"{trigger} [{cond}]" if cond and trigger != "edit" else trigger
        if raw == "*":
            sources = ["interview", "summary", "recommendation"]
        elif set(sources) == questions:
            sources = ["interview"]
        for source in sources:
            line = f"{source} --> {dest}: {label}"
            if line in seen:
                continue
            seen.add(line)
            both_inside = source in questions and dest in questions
            (inside if both_inside else outside).append(line)
    body = ["stateDiagram-v2", "    [*] --> welcome", "    state interview {"]
    body += [f"        {line}" for line in inside]
    body += ["    }", *(f"    {line}" for line in outside), "    recommendation --> [*]"]
    return "\n".join(body) + "\n"
