"""The Telegram-only words (content/telegram.yaml), validated at start-up.

Words both front ends say (privacy, delete, the command menu) are in content/chat.yaml.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from flows.content import CONTENT_DIR, ContentError

NonEmpty = Annotated[str, Field(min_length=1)]

REQUIRED_MESSAGES = frozenset(
    {"hint_choice", "hint_number", "description", "short_description", "error", "group"}
)
REQUIRED_BUTTONS = frozenset({"open_private"})


class TelegramText(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    messages: dict[str, NonEmpty]
    buttons: dict[str, Annotated[str, Field(min_length=1, max_length=48)]]

    @model_validator(mode="after")
    def _complete(self) -> TelegramText:
        missing = (REQUIRED_MESSAGES - set(self.messages)) | (REQUIRED_BUTTONS - set(self.buttons))
        if missing:
            raise ValueError(f"missing keys: {sorted(missing)}")
        return self


def load_telegram_text(directory: Path = CONTENT_DIR) -> TelegramText:
    path = directory / "telegram.yaml"
    try:
        return TelegramText.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise ContentError(f"{path}: {exc}") from exc
