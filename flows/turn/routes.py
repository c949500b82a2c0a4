"""The one routing table: every command and every button class, declared once with its owner.

A command's declaration also says whether it is in Telegram's command menu (the menu lists them
in this order; their descriptions are `commands` in content/chat.yaml). A button class's owner
says which dialogue on screen it leaves open (any other is closed: typed text belongs to the
dialogue on screen, and anything else the person does takes the screen) and whether it needs a
recommendation first. Typed text goes to the dialogue on screen (`TYPED`).

Adding a button: its dataclass in flows/actions/*.py, one handler function in its dialogue's
module (flows/dialogues/), and one line in ACTIONS below. A page button (`Page`, a page of a
long screen) is not listed: it carries the press that shows its screen, and goes to its owner.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Final, Literal, TypeVar

from flows import actions as a
from flows.dialogues import account, dated_plan, progress_board, reminder_settings
from flows.dialogues.on_screen import OnScreen
from flows.events import Command, Event, Press
from flows.turn.context import Outcome, Turn

OwnerName = Literal["interview", "plan", "progress", "reminders", "setup", "account"]


@dataclass(frozen=True, slots=True)
class Owner:
    """A dialogue that owns commands and buttons."""

    keeps: frozenset[OnScreen]
    """The dialogues on screen it handles itself; any other is closed before it runs."""
    after_recommendation: bool = False
    """Only after a recommendation (the plan's rows hang on it); before, a "not yet" screen."""
    creates_user: bool = False
    """May store someone the bot has never stored (only the interview does)."""


OWNERS: Final[Mapping[OwnerName, Owner]] = {
    "interview": Owner(
        frozenset({"interview", "confirm_restart", "confirm_resume"}), creates_user=True
    ),
    "plan": Owner(frozenset({"interview"}), after_recommendation=True),
    "progress": Owner(frozenset({"interview"}), after_recommendation=True),
    "reminders": Owner(frozenset({"interview"}), after_recommendation=True),
    "setup": Owner(frozenset({"setup"})),
    "account": Owner(frozenset({"confirm_delete"})),
}


def interview(t: Turn, event: Event) -> Outcome:
    """Everything the interview owns goes to the engine (flows/engine.py)."""
    user = t.state.user
    after = t.app.resume_after
    returning = user is not None and after is not None and t.now - user.updated_at >= after
    step = t.app.engine.handle(t.conv, event, returning=returning, today=t.now.date())
    return Outcome(step.conversation, (step.reply,), toast=step.reply.notice)


def on_start(t: Turn, command: Command) -> Outcome:
    """/start: the interview's welcome (or welcome back); a returning person who had blocked
    the bot gets their reminders back; a start link's code is kept."""
    source = command.payload[:64] if command.payload else None
    return replace(interview(t, command), reminder=reminder_settings.returned(t), source=source)


def _press(t: Turn, action: a.Action) -> Outcome:
    return interview(t, Press(action))


def _command(t: Turn, command: Command) -> Outcome:
    return interview(t, command)


@dataclass(frozen=True, slots=True)
class Route:
    owner: OwnerName
    handle: Callable[[Turn, Any], Outcome]
    closes: bool = True
    """False: the handler decides itself about the dialogue on screen (a setup button or a
    delete answer from an old message changes nothing when its dialogue is not open)."""


@dataclass(frozen=True, slots=True)
class CommandRoute:
    name: str
    owner: OwnerName
    handle: Callable[[Turn, Command], Outcome]
    menu: bool = True


COMMAND_ROUTES: Final[tuple[CommandRoute, ...]] = (
    CommandRoute("start", "interview", on_start),
    CommandRoute("help", "interview", _command),
    CommandRoute("back", "interview", _command),
    CommandRoute("restart", "interview", _command),
    CommandRoute("profile", "interview", _command),
    CommandRoute("recommendation", "interview", _command),
    CommandRoute("plan", "plan", dated_plan.on_plan),
    CommandRoute("faq", "interview", _command),
    CommandRoute("reminders", "reminders", reminder_settings.on_reminders),
    CommandRoute("progress", "progress", progress_board.on_show_progress),
    CommandRoute("export", "account", account.on_export),
    CommandRoute("privacy", "account", account.on_privacy),
    CommandRoute("delete", "account", account.on_delete),
)
"""Every command, in the order of Telegram's command menu."""
COMMANDS: Final[dict[str, CommandRoute]] = {r.name: r for r in COMMAND_ROUTES}

A = TypeVar("A", bound=a.Action)


def on(
    cls: type[A],
    owner: OwnerName,
    handle: Callable[[Turn, A], Outcome],
    *,
    closes: bool = True,
) -> tuple[type[a.Action], Route]:
    """One button class's route; the type checker holds the handler to that class."""
    return cls, Route(owner, handle, closes)


INTERVIEW_BUTTONS: Final = (
    a.Begin, a.Pick, a.Back, a.Restart, a.RestartAnswer, a.Help, a.Confirm, a.Edit, a.Resume,
    a.FaqMenu, a.Faq, a.AskTopic, a.Topic,
)  # fmt: skip
"""The interview's buttons (flows/actions/interview.py): all decided by flows/engine.py."""

ACTIONS: Final[dict[type[a.Action], Route]] = dict(
    [
        *(on(cls, "interview", _press) for cls in INTERVIEW_BUTTONS),
        # the dated plan (flows/dialogues/dated_plan.py)
        on(a.ShowPlan, "plan", dated_plan.on_plan),
        on(a.PlanStart, "plan", dated_plan.on_plan),
        # progress, on its screen and under each nudge (flows/dialogues/progress_board.py)
        on(a.ShowProgress, "progress", progress_board.on_show_progress),
        on(a.NudgeDone, "progress", progress_board.on_milestone_done),
        on(a.StepDone, "progress", progress_board.on_step_done),
        on(a.ProgressUndo, "progress", progress_board.on_undo),
        on(a.ProgressSkip, "progress", progress_board.on_skip),
        # reminder settings and a nudge's other buttons (flows/dialogues/reminder_settings.py)
        on(a.RemindMe, "reminders", reminder_settings.on_remind_me),
        on(a.ManageReminders, "reminders", reminder_settings.on_manage),
        on(a.Snooze, "reminders", reminder_settings.on_snooze),
        on(a.NudgePause, "reminders", reminder_settings.on_nudge_pause),
        # the reminder setup's steps (table: flows/reminder_setup.py)
        *(
            on(cls, "setup", reminder_settings.on_setup_button, closes=False)
            for cls in a.SETUP_ACTIONS
        ),
        # the account (flows/dialogues/account.py)
        on(a.DeleteAnswer, "account", account.on_delete_answer, closes=False),
    ]
)
"""Every button class and its owner: one line each."""

TYPED: Final[Mapping[OnScreen, Route]] = {
    "interview": Route("interview", interview),
    "confirm_restart": Route("interview", interview),
    "confirm_resume": Route("interview", interview),
    "confirm_delete": Route("account", account.on_typed_at_delete),
    "setup": Route("setup", reminder_settings.on_setup),
}
"""Typed text (and button data that is not ours) goes to the dialogue on screen."""
