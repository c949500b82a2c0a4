"""One person's saved place in the dialogue: the only state the dialogues need."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from flows.confirmations import Question
from flows.graph import STATES
from flows.profile import Profile, upgrade_answers
from flows.questions import BY_FIELD, Answer, missing_fields


class Conversation(BaseModel):
    """One person's saved place in the dialogue: the only state the engine needs."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    state: str = "welcome"
    answers: dict[str, Answer] = Field(default_factory=dict)
    editing: bool = False
    pending: Question | None = None
    """A yes/no question on screen (flows.confirmations): start over, or erase everything."""
    setup_open: bool = False
    """A reminder setup is on screen (its steps are stored with the reminder): typed text is
    for the setup, and any other dialogue abandons it."""

    @field_validator("state")
    @classmethod
    def _known_state(cls, value: str) -> str:
        if value not in STATES:
            raise ValueError(f"unknown state {value!r}")
        return value

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
