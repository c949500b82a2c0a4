"""The conversation engine: saved state + event → new state + reply. Deterministic, no I/O.

The Telegram bot and the console chat both call `Engine.handle`. They store the returned
conversation when `Step.changed` is true, then render the reply.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from flows.actions import (
    Action,
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
)
from flows.confirmations import Question, answer
from flows.content import Content, QuestionText
from flows.events import Command, Event, Press, Text
from flows.graph import FINAL_STATES, QUESTION_STATES, STATES, Walk, fire
from flows.present import (
    present_faq,
    present_faq_menu,
    present_plan,
    present_recommendation,
)
from flows.profile import Profile
from flows.questions import (
    BY_FIELD,
    Answer,
    drop_irrelevant,
    missing_fields,
    needed_fields,
    parse_typed,
)
from flows.reply import Button, Reply, ReplyBuilder
from flows.rules import Recommendation, money, recommend


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
        return {k: v for k, v in value.items() if k in BY_FIELD and BY_FIELD[k].is_valid(v)}

    @property
    def is_finished(self) -> bool:
        return self.state == "recommendation"

    def profile(self) -> Profile | None:
        """The completed profile, or None while answers are missing."""
        if missing_fields(self.answers):
            return None
        try:
            return Profile.model_validate(self.answers)
        except ValidationError:
            return None


@dataclass(frozen=True, slots=True)
class Step:
    conversation: Conversation
    reply: Reply
    changed: bool


class Engine:
    """Runs the interview. Holds only immutable content; safe to share across all users."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.text = content.dialogue
        # Pure function of an immutable profile: a bounded cache spares the recompute when a
        # finished user browses (FAQ, plan, profile) or a sweep nudges many similar profiles.
        self._recommend = lru_cache(maxsize=4096)(lambda p: recommend(p, content))

    # ------------------------------------------------------------------------------ entry point

    def handle(self, conv: Conversation, event: Event, *, returning: bool = False) -> Step:
        """Apply one event. `returning` marks a person back after a long pause (shows resume)."""
        if isinstance(event, Command):
            return self._command(conv, event.name, returning=returning)
        if isinstance(event, Press):
            return self._press(conv, event)
        if returning and conv.state not in ("welcome", "recommendation"):
            return self._welcome_back(conv)
        return self._typed(conv, event)

    def show(self, conv: Conversation, notice: str | None = None) -> Reply:
        """The reply that shows where the conversation is now, with `notice` on top."""
        reply = self._view(conv, notice)
        return replace(reply, notice=notice) if notice else reply

    def _view(self, conv: Conversation, notice: str | None) -> Reply:
        if conv.pending == "restart":
            return self._confirm_restart(conv)
        if conv.state == "welcome":
            return self._welcome(conv)
        if conv.state == "summary":
            return self._summary(conv, notice)
        if conv.state == "recommendation":
            return self._recommendation(conv, notice)
        return self._question(conv, notice)

    def recommendation(self, conv: Conversation) -> Recommendation | None:
        profile = conv.profile()
        return self._recommend(profile) if profile else None

    def progress(self, conv: Conversation) -> tuple[int, int]:
        """(question number, questions in total) for the current state."""
        fields = needed_fields(conv.answers)
        index = fields.index(conv.state) + 1 if conv.state in fields else len(fields)
        return index, len(fields)

    # ------------------------------------------------------------------------------ events

    def _command(self, conv: Conversation, name: str, *, returning: bool) -> Step:
        if name == "start":
            if conv.state == "welcome" or (conv.is_finished and not returning):
                return self._same(conv)
            if conv.is_finished:
                return self._same(conv, self.text.messages["welcome_back_finished"])
            return self._welcome_back(conv)
        if name in ("back", "restart", "help"):
            action = {"back": Back, "restart": Restart, "help": Help}[name](conv.state)
            return self._press(conv, Press(action))
        if name == "faq":
            return Step(conv, present_faq_menu(self.content, conv.state), False)
        if name == "profile":
            return Step(conv, self._summary(conv, None, as_profile=True), False)
        if name == "plan":
            return self._plan(conv)
        # "recommendation": the saved recommendation once there is one.
        if conv.is_finished:
            return self._same(conv)
        return self._same(conv, self.text.messages["recommendation_not_ready"])

    def _press(self, conv: Conversation, press: Press) -> Step:
        action = press.action
        if isinstance(action, Resume | FaqMenu | Faq):
            return self._anywhere(conv, action)
        if action is None or getattr(action, "at", None) != conv.state:
            return self._same(conv, self.text.messages["stale"])
        if isinstance(action, RestartAnswer):
            trigger = "restart_yes" if action.yes else "restart_no"
            pending, effect, _ = answer(conv.pending, trigger)
            if effect == "kept":
                return self._moved(conv.model_copy(update={"pending": pending}), "kept_answers")
            if effect == "restart":
                walk = self._walk(conv)
                fire(walk, "restart")
                fire(walk, "begin")
                return self._moved(self._from_walk(walk), "restarted")
        if conv.pending:  # any other press dismisses the question
            pending, _, _ = answer(conv.pending, "dismiss")
            step = self._action(conv.model_copy(update={"pending": pending}), action)
            return Step(step.conversation, step.reply, True)
        return self._action(conv, action)

    def _action(self, conv: Conversation, action: Action) -> Step:
        """A press on the current state's own buttons (or the same as a command)."""
        if isinstance(action, Restart):
            pending, _, _ = answer(conv.pending, "ask_restart")
            return Step(
                conv.model_copy(update={"pending": pending}), self._confirm_restart(conv), True
            )
        if isinstance(action, Help):
            return Step(conv, self._help(conv), False)
        if isinstance(action, Pick) and conv.state in BY_FIELD:
            return self._answer_button(conv, action.value)
        trigger = {Back: "back", Begin: "begin", Confirm: "confirm"}.get(type(action))
        if isinstance(action, Edit):
            trigger = f"edit_{action.field}"
        walk = self._walk(conv)
        if trigger and fire(walk, trigger):
            return self._moved(self._from_walk(walk))
        if isinstance(action, Back) and conv.state == "welcome":
            return self._same(conv, self.text.messages["at_start"])
        return self._same(conv, self.text.messages["stale"])

    def _plan(self, conv: Conversation) -> Step:
        rec = self.recommendation(conv) if conv.is_finished else None
        if rec is None:
            return self._same(conv, self.text.messages["plan_not_ready"])
        return Step(conv, present_plan(self.content, rec, conv.state), False)

    def _anywhere(self, conv: Conversation, action: Action) -> Step:
        """Buttons that work in any state: FAQ answers and 'continue where I was'."""
        if isinstance(action, Faq):
            item = self.content.advice.faq_item(action.id)
            if item is not None:
                return Step(conv, present_faq(self.content, item, conv.state), False)
        if isinstance(action, FaqMenu):
            return Step(conv, present_faq_menu(self.content, conv.state), False)
        if isinstance(action, Resume):
            return self._same(conv)
        return self._same(conv, self.text.messages["stale"])

    def _typed(self, conv: Conversation, event: Text) -> Step:
        if conv.state not in QUESTION_STATES:
            key = "use_buttons_welcome" if conv.state == "welcome" else "use_buttons"
            return self._same(conv, self.text.messages[key])
        question = BY_FIELD[conv.state]
        parsed = parse_typed(question, event.text, self.text.questions[question.field].options)
        if parsed.value is None:
            hint = self.text.messages[parsed.error or "invalid_choice"]
            return self._same(conv, hint.format(hint=self.text.questions[conv.state].hint))
        return self._answer(conv.model_copy(update={"pending": None}), parsed.value)

    def _answer_button(self, conv: Conversation, raw: str) -> Step:
        question = BY_FIELD[conv.state]
        value: Answer = raw
        if question.kind != "choice":
            value = int(raw) if raw.isdigit() else -1
        if not question.is_valid(value):
            return self._same(conv, self.text.messages["stale"])
        return self._answer(conv, value)

    def _answer(self, conv: Conversation, value: Answer) -> Step:
        """Record an answer, drop any it made irrelevant, and move to what needs asking next."""
        answers = drop_irrelevant({**conv.answers, conv.state: value})
        walk = Walk(conv.state, answers, conv.editing)
        fire(walk, "advance")
        return self._moved(self._from_walk(walk))

    # ------------------------------------------------------------------------------ helpers

    def _walk(self, conv: Conversation) -> Walk:
        return Walk(conv.state, conv.answers, conv.editing)

    def _from_walk(self, walk: Walk) -> Conversation:
        return Conversation(state=walk.state, answers=walk.answers, editing=walk.editing)

    def _moved(self, conv: Conversation, notice_key: str | None = None) -> Step:
        notice = self.text.messages[notice_key] if notice_key else None
        return Step(conv, self.show(conv, notice), True)

    def _same(self, conv: Conversation, notice: str | None = None) -> Step:
        return Step(conv, self.show(conv, notice), False)

    def _nav_row(self, state: str, *, back: bool = True) -> tuple[Button, ...]:
        b = self.text.buttons
        row = [Button(b["back"], Back(state))] if back else []
        return (*row, Button(b["restart"], Restart(state)), Button(b["help"], Help(state)))

    # ------------------------------------------------------------------------------ views

    def answer_label(self, field: str, value: Answer) -> str:
        """How a stored answer reads back to the person."""
        for option in self.text.questions[field].options:
            if option.value == str(value):
                return option.label
        if field == "budget_usd" and isinstance(value, int):
            return money(value)
        if field == "hours_per_week":
            return self.text.messages["hours_value"].format(hours=value)
        if field == "years_experience":
            return self.text.messages["years_value"].format(years=value)
        return str(value)

    def _welcome(self, conv: Conversation) -> Reply:
        out = ReplyBuilder()
        out.add("title", self.text.messages["welcome_title"])
        out.add("text", self.text.messages["welcome"])
        out.row(Button(self.text.buttons["begin"], Begin(conv.state)))
        out.row(Button(self.text.buttons["faq"], FaqMenu()))
        return out.build("welcome", conv.state)

    def _welcome_back(self, conv: Conversation) -> Step:
        out = ReplyBuilder()
        if conv.state in QUESTION_STATES:
            number, total = self.progress(conv)
            out.add("text", self.text.messages["welcome_back"].format(number=number, total=total))
        else:
            out.add("text", self.text.messages["welcome_back_summary"])
        out.row(
            Button(self.text.buttons["continue"], Resume()),
            Button(self.text.buttons["start_over"], Restart(conv.state)),
        )
        return Step(conv, out.build("welcome", conv.state), False)

    def _question(self, conv: Conversation, notice: str | None) -> Reply:
        field = conv.state
        spec: QuestionText = self.text.questions[field]
        number, total = self.progress(conv)
        current = conv.answers.get(field)
        out = ReplyBuilder()
        if notice:
            out.add("note", notice)
        out.add("progress", self.text.messages["progress"].format(number=number, total=total))
        out.add("text", spec.prompt)
        if current is not None:
            out.add(
                "note",
                self.text.messages["current_answer"].format(
                    answer=self.answer_label(field, current)
                ),
            )
        mark = self.text.buttons["current_mark"]
        buttons = [
            Button(
                f"{mark} {o.label}" if o.value == str(current) else o.label, Pick(field, o.value)
            )
            for o in spec.options
        ]
        per_row = 1 if max(len(o.label) for o in spec.options) > 22 else 2
        for i in range(0, len(buttons), per_row):
            out.row(*buttons[i : i + per_row])
        out.row(*self._nav_row(field))
        return out.build("question", field)

    def _help(self, conv: Conversation) -> Reply:
        out = ReplyBuilder()
        if conv.state in QUESTION_STATES:
            out.add("text", self.text.questions[conv.state].help)
        out.add("text", self.text.messages["help_general"])
        base = self.show(conv)
        return ReplyBuilder(out.blocks + list(base.blocks), list(base.buttons)).build(
            base.kind, conv.state
        )

    def _confirm_restart(self, conv: Conversation) -> Reply:
        out = ReplyBuilder()
        out.add("text", self.text.messages["confirm_restart"])
        out.row(
            Button(self.text.buttons["restart_yes"], RestartAnswer(conv.state, yes=True)),
            Button(self.text.buttons["restart_no"], RestartAnswer(conv.state, yes=False)),
        )
        return out.build("confirm", conv.state)

    def _summary(
        self, conv: Conversation, notice: str | None, *, as_profile: bool = False
    ) -> Reply:
        out = ReplyBuilder()
        if notice:
            out.add("note", notice)
        out.add("title", self.text.sections["summary_title"])
        lines = [
            f"{self.text.questions[f].summary_label}: {self.answer_label(f, conv.answers[f])}"
            for f in needed_fields(conv.answers)
            if f in conv.answers
        ]
        out.add("bullets", items=tuple(lines) or (self.text.messages["no_answers_yet"],))
        editable = conv.state in FINAL_STATES
        if editable and conv.state == "summary":
            out.add("text", self.text.messages["summary_prompt"])
            out.row(Button(self.text.buttons["confirm"], Confirm(conv.state)))
        if editable:
            edits = [
                Button(
                    f"{self.text.buttons['edit_mark']} {self.text.questions[f].summary_label}",
                    Edit(conv.state, f),
                )
                for f in needed_fields(conv.answers)
            ]
            for i in range(0, len(edits), 2):
                out.row(*edits[i : i + 2])
        if conv.state == "summary":
            out.row(*self._nav_row(conv.state))
        elif not editable or as_profile:
            out.row(Button(self.text.buttons["continue"], Resume()))
        return out.build("summary", conv.state)

    def _recommendation(self, conv: Conversation, notice: str | None) -> Reply:
        rec = self.recommendation(conv)
        if rec is None:  # cannot happen through the graph; show the summary rather than fail
            return self._summary(conv, notice)
        return present_recommendation(self.content, rec, conv.state, notice)
