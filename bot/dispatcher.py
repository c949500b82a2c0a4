"""The one place that decides which dialogue owns an update, runs it, and commits the result.

Every transport (the Telegram handlers, the console) turns what arrived into an event and calls
`Dispatcher.handle`. From the stored state it picks the dialogue: the interview engine, the dated
plan, the reminder setup, reminder management and nudges, or the account (privacy, delete).
Typed text belongs to the dialogue on screen: a reminder setup only while it is open; any other
dialogue abandons a half-finished setup. The new state is committed here, before the transport
sends the reply that acknowledges it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from bot.account import AccountScreens, plain
from bot.clock import Clock, utc_now
from bot.outputs import File, Output
from bot.plans import Plans
from bot.reminders import Reminders
from bot.storage import Storage, UserRecord
from bot.telegram.texts import TelegramText
from flows.actions import (
    PLAN_ACTIONS,
    REMINDER_ACTIONS,
    SETUP_ACTIONS,
    DeleteAnswer,
    ManageReminders,
    NudgeDone,
    NudgePause,
    PlanStart,
    ProgressSkip,
    ProgressUndo,
    RemindMe,
    ShowProgress,
    Snooze,
    StepDone,
)
from flows.confirmations import answer
from flows.engine import Conversation, Engine
from flows.events import Command, Incoming, Press, Text, Unusable
from flows.reply import Reply

OWN_COMMANDS = frozenset({"plan", "progress", "reminders", "privacy", "delete", "export"})
"""Commands of the plan, reminder and account dialogues; the rest are the interview's."""


@dataclass(slots=True)
class _Turn:
    """One update being handled: what the chosen dialogue produced."""

    conv: Conversation
    screens: list[Reply]
    toast: str | None = None
    may_edit: bool = True
    """The reply may replace the pressed message when that message shows the current step."""
    own_message: bool = False
    """The reply replaces the pressed message whichever it is (a nudge's own buttons)."""
    files: list[File] = field(default_factory=list)
    save: bool = True
    render: Callable[[], Awaitable[list[File]]] | None = None
    replaces: tuple[int, ...] = ()
    files_shown: Callable[[tuple[int, ...]], Awaitable[None]] | None = None


class Dispatcher:
    def __init__(
        self,
        engine: Engine,
        storage: Storage,
        plans: Plans,
        reminders: Reminders,
        account_text: TelegramText,
        *,
        clock: Clock = utc_now,
        resume_after: timedelta | None = timedelta(hours=1),
    ) -> None:
        self.engine = engine
        self.storage = storage
        self.plans = plans
        self.reminders = reminders
        self.account = AccountScreens(storage, account_text)
        self.clock = clock
        self.resume_after = resume_after

    # ------------------------------------------------------------------------------ public

    async def handle(
        self,
        user_id: int,
        chat_id: int,
        event: Incoming,
        *,
        update_id: int | None = None,
        pressed_message_id: int | None = None,
    ) -> Output:
        """Route, run, commit. `pressed_message_id`: the message whose button was tapped, or
        None when it cannot be edited (an inaccessible or deleted message, a typed update)."""
        record = await self.storage.load(user_id)
        conv = record.conversation if record else Conversation()
        if already_applied(record, update_id, self.clock()):
            return Output([self.engine.show(conv)], duplicate=True)
        turn = await self._route(user_id, chat_id, conv, record, event)
        if turn.save:
            rec = self.engine.recommendation(turn.conv)
            await self.storage.save_conversation(
                user_id,
                turn.conv,
                now=self.clock(),
                chat_id=chat_id,
                update_id=update_id,
                recommendation=rec.record() if rec and turn.conv.is_finished else None,
                # this person's updates run one at a time: the window loaded above is current
                recent_updates=record.recent_updates if record else (),
            )
        if isinstance(event, Command) and event.name == "start" and event.payload:
            await self.storage.set_source(user_id, event.payload[:64])
        return self._output(turn, record, pressed_message_id)

    async def shown(self, user_id: int, message_id: int, screen: Reply) -> None:
        """The transport reports the message now showing `screen` (the current step)."""
        await self.storage.set_question_message(user_id, message_id, screen.fingerprint())

    # ------------------------------------------------------------------------------ routing

    async def _route(
        self,
        user_id: int,
        chat_id: int,
        conv: Conversation,
        record: UserRecord | None,
        event: Incoming,
    ) -> _Turn:
        action = event.action if isinstance(event, Press) else None
        if conv.setup_open and isinstance(event, Unusable):  # a sticker: hint, setup stays
            turn = await self._setup(user_id, chat_id, conv, Press(None))
            turn.screens.insert(0, self.account.text(event.kind))
            turn.may_edit = False
            return turn
        if conv.setup_open and (isinstance(event, Text) or event == Press(None)):
            # Typed text belongs to the setup on screen; junk button data re-shows its step.
            assert isinstance(event, Text | Press)
            return await self._setup(user_id, chat_id, conv, event)
        if isinstance(event, Press) and isinstance(action, SETUP_ACTIONS):
            if conv.setup_open:
                return await self._setup(user_id, chat_id, conv, event)
            stale = self.engine.text.messages["stale"]
            return _Turn(conv, [], toast=stale, may_edit=False, save=record is not None)
        if isinstance(action, DeleteAnswer):
            return await self._delete_answer(user_id, conv, record, action)
        # Anything else takes the screen: a half-finished setup or question is abandoned.
        if conv.setup_open:
            await self.reminders.abandon_setup(user_id)
        conv = conv.model_copy(update={"setup_open": False})
        if conv.pending == "delete":  # the erase question is dismissed by anything else
            conv = conv.model_copy(update={"pending": answer(conv.pending, "dismiss")[0]})
        if isinstance(event, Unusable):
            hint = self.account.text(event.kind)
            return _Turn(conv, [hint, self.engine.show(conv)], may_edit=False)
        if isinstance(event, Command) and event.name == "start":
            await self.reminders.on_return(user_id)
        if isinstance(event, Command) and event.name in OWN_COMMANDS:
            turn = await self._command(user_id, chat_id, conv, event.name)
            turn.save = turn.save and (record is not None or turn.conv.setup_open)
            return turn
        if isinstance(action, PLAN_ACTIONS + REMINDER_ACTIONS):
            if not conv.is_finished:
                return self._not_ready(conv, save=record is not None)
            return await self._plan_or_reminders(user_id, chat_id, conv, action)
        return self._interview(conv, record, event)

    def _interview(self, conv: Conversation, record: UserRecord | None, event: Incoming) -> _Turn:
        assert not isinstance(event, Unusable)
        returning = (
            record is not None
            and self.resume_after is not None
            and self.clock() - record.updated_at >= self.resume_after
        )
        today = self.clock().date()  # a typed "since 2015" counts years to today
        step = self.engine.handle(conv, event, returning=returning, today=today)
        return _Turn(step.conversation, [step.reply], toast=step.reply.notice)

    async def _command(self, user_id: int, chat_id: int, conv: Conversation, name: str) -> _Turn:
        if name == "privacy":
            return _Turn(conv, [self.account.text("privacy")], may_edit=False)
        if name == "export":
            files = [await self.account.export(user_id)]
            return _Turn(conv, [], may_edit=False, files=files, save=False)
        if name == "delete":
            pending = answer(conv.pending, "ask_delete")[0]
            return _Turn(conv.model_copy(update={"pending": pending}), [self.account.ask_delete()])
        if not conv.is_finished:
            return self._not_ready(conv)
        action = {"plan": None, "progress": ShowProgress(), "reminders": ManageReminders("show")}
        return await self._plan_or_reminders(user_id, chat_id, conv, action[name])

    async def _plan_or_reminders(
        self, user_id: int, chat_id: int, conv: Conversation, action: object
    ) -> _Turn:
        """The plan, progress, reminder settings and nudges: only after a recommendation, so
        the person's row (which these rows hang on) always exists."""
        r = self.reminders
        if action is None or isinstance(action, PLAN_ACTIONS):
            choice = action.choice if isinstance(action, PlanStart) else None
            return await self._plan(user_id, conv, choice)
        if isinstance(action, ShowProgress):
            return _Turn(conv, [await r.board.screen(user_id)], may_edit=False)
        if isinstance(action, NudgeDone | StepDone | ProgressUndo | ProgressSkip):
            # a tick on a nudge or on the progress screen: that message becomes the new screen
            return _Turn(conv, [await r.board.press(user_id, action)], own_message=True)
        if isinstance(action, RemindMe):
            return await self._setup_start(user_id, chat_id, conv)
        if isinstance(action, ManageReminders):
            if action.op == "change":
                return await self._setup_start(user_id, chat_id, conv)
            if action.op == "show":
                record = await self.storage.load_reminder(user_id)
                if record is None or record.status == "stopped":
                    return await self._setup_start(user_id, chat_id, conv)
                return _Turn(conv, [await r.overview(user_id, chat_id)], may_edit=False)
            return _Turn(conv, [await r.manage(user_id, chat_id, action.op)])
        assert isinstance(action, Snooze | NudgePause)
        return _Turn(conv, [await r.nudge_action(user_id, chat_id, action)], own_message=True)

    async def _plan(self, user_id: int, conv: Conversation, choice: str | None) -> _Turn:
        """The plan's text, then its roadmap and calendar (made while the text is on screen).

        The chat keeps one current set of files: a new set replaces the old one. Re-dated by a
        button (a new start date), the pressed plan message is edited rather than sent again."""
        before = await self.plans.view(user_id)
        if before is None:
            return self._not_ready(conv)
        view = await self.plans.move_start(user_id, choice) if choice else before
        if view is None:
            return self._not_ready(conv)
        redated = before.redated or view.record.revision != before.record.revision
        plans, dated = self.plans, view
        return _Turn(
            conv,
            [self.plans.reply(view)],
            may_edit=False,
            own_message=redated,
            render=lambda: plans.files(dated),
            replaces=view.record.file_messages,  # one current set of files in the chat
            files_shown=lambda ids: plans.remember_files(user_id, ids),
        )

    # ------------------------------------------------------------------------------ setup

    async def _setup_start(self, user_id: int, chat_id: int, conv: Conversation) -> _Turn:
        # The person's row must exist before the reminder row that hangs on it.
        conv = conv.model_copy(update={"setup_open": True})
        await self.storage.save_conversation(user_id, conv, now=self.clock(), chat_id=chat_id)
        return _Turn(conv, [await self.reminders.start_setup(user_id, chat_id)], may_edit=False)

    async def _setup(
        self, user_id: int, chat_id: int, conv: Conversation, event: Press | Text
    ) -> _Turn:
        reply = await self.reminders.setup_event(user_id, chat_id, event)
        if reply is None:  # the stored setup is gone (stopped elsewhere): close it
            conv = conv.model_copy(update={"setup_open": False})
            return _Turn(conv, [self.engine.show(conv)])
        still_open = reply.state.startswith("setup:")
        return _Turn(conv.model_copy(update={"setup_open": still_open}), [reply])

    # ------------------------------------------------------------------------------ account

    async def _delete_answer(
        self, user_id: int, conv: Conversation, record: UserRecord | None, action: DeleteAnswer
    ) -> _Turn:
        pending, effect, _ = answer(conv.pending, "delete_yes" if action.yes else "delete_no")
        if record is None or effect is None:
            # Already answered (a double tap), or an old message: its text says what happened.
            toast = (
                self.account.words.messages["deleted"] if record is None and action.yes else None
            )
            return _Turn(conv, [], toast=toast, may_edit=False, save=False)
        if effect == "delete":
            await self.storage.delete_user(user_id)
            return _Turn(Conversation(), [self.account.text("deleted")], save=False)
        conv = conv.model_copy(update={"pending": pending})
        return _Turn(conv, [self.account.text("delete_cancelled")])

    # ------------------------------------------------------------------------------ helpers

    def _output(
        self, turn: _Turn, record: UserRecord | None, pressed_message_id: int | None
    ) -> Output:
        current = record.question_message_id if record else None
        single = len(turn.screens) == 1 and not turn.files
        if pressed_message_id is not None and single:
            if pressed_message_id == current and turn.may_edit and turn.render is None:
                assert record is not None
                if turn.screens[0].fingerprint() == record.question_digest:
                    return Output(turn.screens, turn.toast, unchanged=True)
                return Output(turn.screens, turn.toast, edit=pressed_message_id)
            if turn.own_message:
                return _with_late_files(
                    Output(turn.screens, turn.toast, edit=pressed_message_id), turn
                )
        return _with_late_files(Output(turn.screens, turn.toast, files=turn.files), turn)

    def _not_ready(self, conv: Conversation, *, save: bool = True) -> _Turn:
        """The plan and reminders come after the recommendation: say so, show where we are."""
        notice = self.engine.content.reminders.messages["plan_not_ready"]
        if conv.state == "welcome":  # the welcome screen has no place for a notice
            screens = [plain(notice), self.engine.show(conv)]
        else:
            screens = [self.engine.show(conv, notice)]
        return _Turn(conv, screens, toast=notice, may_edit=False, save=save)


def already_applied(record: UserRecord | None, update_id: int | None, now: datetime) -> bool:
    """A redelivered update (after a crash between commit and confirmation) is not re-applied.

    The one place redelivery is detected: storage keeps a bounded window of recent ids with a
    time limit, so ids that restart lower (Telegram does after a quiet week) never lock anyone out.
    """
    return record is not None and update_id is not None and record.already_applied(update_id, now)


def _with_late_files(output: Output, turn: _Turn) -> Output:
    return replace(output, render=turn.render, replaces=turn.replaces, files_shown=turn.files_shown)
