"""What the reminder setup remembers between steps, and its fixed choices.

WHY apart: the steps (`flows/reminder_setup.py`) and their screens
(`flows/reminder_setup_screens.py`) both read it, and storage keeps it in the conversation.
"""

from __future__ import annotations

from datetime import time
from typing import Literal

from pydantic import BaseModel, ConfigDict

SetupStepName = Literal["timezone", "cadence", "days", "time", "quiet", "conflict"]
SETUP_SCREEN = "setup"
"""`Reply.state` of every setup step (the step itself is in the stored `SetupState`)."""
QUIET_CHOICES: dict[str, tuple[time, time] | None] = {
    "none": None,
    "night": (time(22, 0), time(8, 0)),
    "late": (time(23, 0), time(7, 0)),
}


class SetupState(BaseModel):
    model_config = ConfigDict(frozen=True)

    step: SetupStepName = "timezone"
    timezone: str = "UTC"
    cadence: Literal["daily", "weekly"] = "weekly"
    days: tuple[int, ...] = (0,)
    at: time = time(18, 0)
    quiet: str | None = None
    """The quiet-hours choice (a QUIET_CHOICES key) once made, or the current one."""
    current: str | None = None
    """When changing existing reminders: how they are set now, shown on every step."""
