"""Every button action in the product, as one small typed dataclass each, with one codec.

The one module to import actions from: importing it registers every action with the codec
(`flows/actions/codec.py`: `encode`, `decode`, the 64-byte limit), so `decode` knows them all.
The declarations live by dialogue: `actions_interview`, `actions_plan` (plan, progress, nudges,
reminder settings), `actions_reminder_setup`, `actions_account`, and `actions_pages` (the page
buttons of a long screen, in any dialogue).

To add a button: add one frozen dataclass with a unique `PREFIX` to the module of its dialogue,
and re-export it here. Actions whose meaning depends on what was on screen carry that screen
(`at`: the interview state, a setup step, the milestone index), so a press on an old message is
recognised as stale instead of misapplied.
"""

from __future__ import annotations

from flows.actions.account import (
    DeleteAnswer,
)
from flows.actions.codec import (
    MAX_BYTES,
    Action,
    ActionTooLong,
    all_action_classes,
    decode,
    register,
)
from flows.actions.interview import (
    AskTopic,
    Back,
    Begin,
    Confirm,
    Edit,
    Faq,
    FaqMenu,
    Help,
    Pick,
    Restart,
    RestartAnswer,
    Resume,
    Topic,
)
from flows.actions.pages import (
    Page,
)
from flows.actions.plan import (
    PLAN_ACTIONS,
    PROGRESS_ACTIONS,
    REMINDER_ACTIONS,
    ManageReminders,
    NudgeDone,
    NudgePause,
    PlanStart,
    ProgressSkip,
    ProgressUndo,
    RemindMe,
    ShowPlan,
    ShowProgress,
    Snooze,
    StepDone,
)
from flows.actions.reminder_setup import (
    SETUP_ACTIONS,
    QuietChange,
    QuietMove,
    SetupCadence,
    SetupDay,
    SetupDaysDone,
    SetupQuiet,
    SetupTime,
    SetupZone,
)

__all__ = [
    "MAX_BYTES",
    "PLAN_ACTIONS",
    "PROGRESS_ACTIONS",
    "REMINDER_ACTIONS",
    "SETUP_ACTIONS",
    "Action",
    "ActionTooLong",
    "AskTopic",
    "Back",
    "Begin",
    "Confirm",
    "DeleteAnswer",
    "Edit",
    "Faq",
    "FaqMenu",
    "Help",
    "ManageReminders",
    "NudgeDone",
    "NudgePause",
    "Page",
    "Pick",
    "PlanStart",
    "ProgressSkip",
    "ProgressUndo",
    "QuietChange",
    "QuietMove",
    "RemindMe",
    "Restart",
    "RestartAnswer",
    "Resume",
    "SetupCadence",
    "SetupDay",
    "SetupDaysDone",
    "SetupQuiet",
    "SetupTime",
    "SetupZone",
    "ShowPlan",
    "ShowProgress",
    "Snooze",
    "StepDone",
    "Topic",
    "all_action_classes",
    "decode",
    "register",
]
