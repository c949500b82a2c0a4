"""One person's saved place in the dialogues: the only state the dialogues need about talking.

Where the interview is (`state`, `answers`, `editing`), and which dialogue is on screen over it
(`dialogue`: a yes/no question or the reminder setup, see flows/dialogues/on_screen.py), with the
setup's choices so far while it is open, and the last progress ticks for "Undo". Plan, progress
and reminder settings are rows of their own (flows/turn/records.py).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from flows.dialogues.on_screen import OnScreen
from flows.graph import InterviewState
from flows.profile import Profile, upgrade_answers
from flows.progress import UNDO_DEPTH, Tick
from flows.questions import BY_FIELD, Answer, missing_fields
from flows.reminder_setup_state import SetupState

_LEGACY_PENDING = {"restart": "confirm_restart", "delete": "confirm_delete"}
"""Rows saved before `dialogue`: their open question was `pending`."""


class Conversation(BaseModel):
    """One person's saved place in the dialogue: the only state the engine needs."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    state: InterviewState = "welcome"
    answers: dict[str, Answer] = Field(default_factory=dict)
    editing: bool = False
    dialogue: OnScreen = "interview"
    """The dialogue on screen: typed text belongs to it, and anything else closes it."""
    setup: SetupState | None = None
    """The reminder setup's choices so far; set exactly while `dialogue` is "setup"."""
    ticks: tuple[Tick, ...] = ()
    """The last progress ticks, newest last, each with what it changed: "Undo last" takes
    back the newest exactly (flows/dialogues/progress_board.py)."""

    @model_validator(mode="before")
    @classmethod
    def _legacy(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("pending") in _LEGACY_PENDING:
            data = {**data, "dialogue": _LEGACY_PENDING[data["pending"]]}
        return data

    @model_validator(mode="after")
    def _setup_only_while_open(self) -> Conversation:
        if (self.dialogue == "setup") != (self.setup is not None):
            raise ValueError("the setup's choices are stored exactly while it is on screen")
        return self

    @field_validator("answers")
    @classmethod
    def _valid_answers(cls, value: dict[str, Answer]) -> dict[str, Answer]:
        """Answers saved under an older answer model keep their meaning (months without pay
        were once "no" / "months" / "years"); anything no question accepts is dropped."""
        upgraded = upgrade_answers(value)
        return {k: v for k, v in upgraded.items() if k in BY_FIELD and BY_FIELD[k].is_valid(v)}

    @property
    def is_finished(self) -> bool:
        return self.state == "recommendation"

    def showing(self, dialogue: OnScreen, setup: SetupState | None = None) -> Conversation:
        """The same place with `dialogue` on screen (and the setup's choices, for the setup)."""
        if (dialogue == "setup") != (setup is not None):
            raise ValueError("the setup's choices go with the setup, and only with it")
        if dialogue == self.dialogue and setup == self.setup:
            return self
        return self.model_copy(update={"dialogue": dialogue, "setup": setup})

    def ticked(self, tick: Tick) -> Conversation:
        return self.model_copy(update={"ticks": (*self.ticks, tick)[-UNDO_DEPTH:]})

    def untick(self) -> Conversation:
        return self.model_copy(update={"ticks": self.ticks[:-1]})

    def profile(self) -> Profile | None:
        """The completed profile, or None while answers are missing. A finished interview saved
        before the apprenticeship-pay question existed still has one (that answer unknown, so
        the advice says what to check)."""
        missing = missing_fields(self.answers)
        if missing and (not self.is_finished or missing != ["apprenticeship_pay"]):
            return None
        try:
            return Profile.model_validate(self.answers)
        except ValidationError:
            return None
