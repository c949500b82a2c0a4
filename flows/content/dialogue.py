"""Schema of the conversation's words: `content/dialogue.yaml`, `reminders.yaml`, `chat.yaml`.

Button labels carry Telegram's length limits here, so an over-long label fails at start-up.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import Field, model_validator

from flows.content.common import Frozen, NonEmpty
from flows.profile import ProfileField


class OptionText(Frozen):
    value: NonEmpty
    label: Annotated[str, Field(min_length=1, max_length=48)]
    synonyms: list[str] = []


class QuestionText(Frozen):
    prompt: NonEmpty
    help: NonEmpty
    hint: NonEmpty
    options: list[OptionText]
    summary_label: NonEmpty


DetailTopicId = Literal[
    "costs", "plan", "why_not", "certifications", "roles", "portfolio", "job_search", "self_check"
]


class DetailTopic(Frozen):
    """One detail screen the recommendation's buttons (and console commands) open."""

    id: DetailTopicId
    button: Annotated[str, Field(min_length=1, max_length=48)]
    title: NonEmpty


class Dialogue(Frozen):
    """Every sentence the conversation engine can say, keyed by what it is for."""

    detail_topics: list[DetailTopic] = []
    """The recommendation's detail screens, in button order (data, so the UI shows one each)."""

    questions: dict[str, QuestionText]
    messages: dict[str, NonEmpty]
    buttons: dict[str, Annotated[str, Field(min_length=1, max_length=48)]]
    sections: dict[str, NonEmpty]
    console: dict[str, NonEmpty]

    @model_validator(mode="after")
    def _every_question(self) -> Dialogue:
        fields = set(get_args(ProfileField))
        if set(self.questions) != fields:
            raise ValueError(f"questions must be exactly {sorted(fields)}")
        return self


class TimezoneChoice(Frozen):
    zone: NonEmpty
    label: Annotated[str, Field(min_length=1, max_length=32)]


class ReminderText(Frozen):
    """Words for the plan, reminder setup, nudges and progress (content/reminders.yaml)."""

    messages: dict[str, NonEmpty]
    buttons: dict[str, Annotated[str, Field(min_length=1, max_length=48)]]
    weekdays: Annotated[list[NonEmpty], Field(min_length=7, max_length=7)]
    timezones: list[TimezoneChoice]
    times: list[Annotated[str, Field(pattern=r"^\d{2}:\d{2}$")]]


ConfirmRole = Literal["continue", "start_over"]


class ChatText(Frozen):
    """Words for the screens around the interview (content/chat.yaml): the yes/no questions
    answered in words, privacy, export and delete, and the command menu."""

    messages: dict[str, NonEmpty]
    buttons: dict[str, Annotated[str, Field(min_length=1, max_length=48)]]
    typed_confirmations: dict[ConfirmRole, list[NonEmpty]]
    commands: dict[str, Annotated[str, Field(min_length=1, max_length=256)]]

    @model_validator(mode="after")
    def _complete(self) -> ChatText:
        missing = (CHAT_MESSAGES - set(self.messages)) | (CHAT_BUTTONS - set(self.buttons))
        if missing:
            raise ValueError(f"missing keys: {sorted(missing)}")
        return self


CHAT_MESSAGES = frozenset(
    {
        "non_text",
        "unknown_command",
        "privacy",
        "delete_confirm",
        "deleted",
        "delete_cancelled",
        "export_caption",
        "answer_first",
        "not_saved",
        "not_saved_nothing_loaded",
    }
)
CHAT_BUTTONS = frozenset({"delete_yes", "delete_no"})
