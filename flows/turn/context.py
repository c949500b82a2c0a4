"""What every handler gets (`Turn`) and returns (`Outcome`), and what is built once (`Dialogues`).

A handler is a pure function `(Turn, action or command) → Outcome`: it reads the loaded state
and says what the person's rows become, which screens to show and how. `flows/turn/decide.py`
turns an Outcome into the `Decision` the runtime carries out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from flows.content import Content, ReminderText
from flows.conversation import Conversation
from flows.engine import Engine
from flows.reading.setup_words import SetupWords
from flows.reminder_setup import ReminderSetup
from flows.reply import Reply, ReplyBuilder
from flows.turn.effects import SendExport, SendPlanFiles
from flows.turn.records import PlanRecord, ReminderRecord, TurnState

Placement = Literal["current", "new", "own"]
"""How a single screen is shown after a button press: "current" edits the pressed message when
it shows the current step; "own" edits the pressed message whichever it is (a nudge or progress
screen becomes the new screen); "new" always sends a new message."""


@dataclass(frozen=True, slots=True)
class Dialogues:
    """Everything a decision needs that is the same for everyone: content, the interview engine,
    the reminder setup, two settings. Built ONCE per process; immutable, shared by all turns."""

    content: Content
    engine: Engine
    setup: ReminderSetup
    default_timezone: str = "UTC"
    resume_after: timedelta | None = timedelta(hours=1)
    """After this long away, the interview says "welcome back" first (None: never)."""

    @classmethod
    def build(
        cls,
        content: Content,
        *,
        engine: Engine | None = None,
        default_timezone: str = "UTC",
        resume_after: timedelta | None = timedelta(hours=1),
    ) -> Dialogues:
        return cls(
            content,
            engine or Engine(content),
            ReminderSetup(content.reminders, SetupWords(content.vocabulary)),
            default_timezone,
            resume_after,
        )


@dataclass(frozen=True, slots=True)
class Turn:
    """One update being decided: the loaded state, and the conversation as routing left it."""

    app: Dialogues
    state: TurnState
    conv: Conversation
    """The conversation with any dialogue this update's owner does not own closed."""
    now: datetime
    chat_id: int | None
    fresh_key: str
    """A new random key, used only if this turn creates a plan (calendar UIDs derive from it)."""

    @property
    def words(self) -> ReminderText:
        """The plan, progress and reminder words (content/reminders.yaml)."""
        return self.app.content.reminders


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a handler decided: the person's rows afterwards and what to show."""

    conversation: Conversation
    screens: tuple[Reply, ...] = ()
    toast: str | None = None
    placement: Placement = "current"
    save: bool = True
    """Write the person's row (and so create it for someone new)."""
    plan: PlanRecord | None = None
    """The plan as it is to be stored (None: unchanged)."""
    reminder: ReminderRecord | None = None
    """The reminder settings as they are to be stored (None: unchanged)."""
    checkin: str | None = None
    uncheck: str | None = None
    """An ISO week to take out of the weekly streak (an undone tick had put it there)."""
    files: tuple[SendPlanFiles | SendExport, ...] = ()
    erase: bool = False
    source: str | None = None


def plain(text: str, state: str = "info") -> Reply:
    """A one-paragraph screen without buttons."""
    out = ReplyBuilder()
    out.add("text", text)
    return out.build("info", state)


def not_ready(t: Turn) -> Outcome:
    """The plan and reminders come after the recommendation: say so, show where we are."""
    notice = t.words.messages["plan_not_ready"]
    engine = t.app.engine
    screens: tuple[Reply, ...]
    if t.conv.state == "welcome":  # the welcome screen has no place for a notice
        screens = (plain(notice), engine.show(t.conv))
    else:
        screens = (engine.show(t.conv, notice),)
    return Outcome(t.conv, screens, toast=notice, placement="new")
