"""Loader for everything in `content/`, and the one place callers import content models from.

All user-facing words and all advice data live in YAML under `content/`. Pydantic models are the
contract: the loader validates every file at start-up, so a typo in the content fails fast with the
file and field named, instead of surfacing as a broken reply to a user. The models live by file:
`content_advice` (advice.yaml), `content_rules` (rules.yaml), `content_dialogue` (dialogue.yaml,
reminders.yaml, chat.yaml), `flows.reading.vocabulary` (vocabulary.yaml, ask.yaml), with shared
building blocks in `content_common`; the names callers use are re-exported here.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError, model_validator

from flows.content.advice import (
    Advice,
    Demands,
    FaqItem,
    FigureKind,
    Pacing,
    PlanId,
    PlanStep,
    Titled,
)
from flows.content.common import Frozen, SourceId
from flows.content.dialogue import (
    ChatText,
    DetailTopicId,
    Dialogue,
    OptionText,
    QuestionText,
    ReminderText,
)
from flows.content.notes import Notes
from flows.content.rules import Condition, Note, Rule, Rules, When
from flows.reading.vocabulary import EchoWords, Vocabulary
from flows.reading.vocabulary_search import AskText

__all__ = [
    "CONTENT_DIR",
    "Advice",
    "ChatText",
    "Condition",
    "Content",
    "ContentError",
    "Demands",
    "DetailTopicId",
    "Dialogue",
    "FaqItem",
    "FigureKind",
    "Note",
    "OptionText",
    "Pacing",
    "PlanId",
    "PlanStep",
    "QuestionText",
    "ReminderText",
    "Rule",
    "SourceId",
    "Titled",
    "When",
    "default_content",
    "load_content",
]

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"


class Content(Frozen):
    advice: Advice
    rules: Rules
    dialogue: Dialogue
    reminders: ReminderText
    chat: ChatText
    vocabulary: Vocabulary
    ask: AskText
    understanding: EchoWords
    notes: Notes

    @model_validator(mode="after")
    def _cross_file(self) -> Content:
        titles = {signal.title for signal in self.advice.hiring_signals}
        named = {t for focus in self.rules.self_check_focus.values() for t in focus}
        if named - titles:
            raise ValueError(
                f"rules.yaml self_check_focus: no such signal {sorted(named - titles)}"
            )
        return self

    def message(self, key: str, **values: Any) -> str:
        return self.dialogue.messages[key].format(**values)


# --------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------


class ContentError(Exception):
    """The content directory is missing a file or a file does not match its schema."""


def _read(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except FileNotFoundError as exc:
        raise ContentError(f"missing content file {path}") from exc
    except yaml.YAMLError as exc:
        raise ContentError(f"{path} is not valid YAML: {exc}") from exc


def load_content(directory: Path = CONTENT_DIR) -> Content:
    """Read and validate all content files. Raises ContentError naming the file and field."""
    parts: dict[str, Any] = {}
    files: tuple[tuple[str, type[BaseModel]], ...] = (
        ("advice", Advice),
        ("rules", Rules),
        ("dialogue", Dialogue),
        ("reminders", ReminderText),
        ("chat", ChatText),
        ("vocabulary", Vocabulary),
        ("ask", AskText),
        ("understanding", EchoWords),
        ("notes", Notes),
    )
    for name, model in files:
        path = directory / f"{name}.yaml"
        try:
            parts[name] = model.model_validate(_read(path))
        except ValidationError as exc:
            raise ContentError(f"{path}: {exc}") from exc
    return Content(**parts)


@cache
def default_content() -> Content:
    """The packaged content, loaded and validated once per process."""
    return load_content()
