"""The conversation engine: saved state + event → new state + reply. Deterministic, no I/O.

The Telegram bot and the console chat both call `Engine.handle`. They store the returned
conversation when `Step.changed` is true, then render the reply.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from flows.actions import (
    Action,
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
from flows.answer_model import to_profile
from flows.answering import AnsweringViews
from flows.confirmations import answer
from flows.conversation import Conversation
from flows.details import detail_topic, present_detail
from flows.events import Command, Event, Press, Text
from flows.graph import QUESTION_STATES, Walk, fire
from flows.present import (
    present_faq,
    present_faq_menu,
    present_plan,
)
from flows.questions import (
    BY_FIELD,
    Answer,
    Question,
    drop_irrelevant,
    is_needed,
    match_button,
)
from flows.reply import Button, HintKind, Reply, ReplyBuilder
from flows.understanding import Understanding

__all__ = ["Conversation", "Engine", "Step"]


@dataclass(frozen=True, slots=True)
class Step:
    conversation: Conversation
    reply: Reply
    changed: bool


ASKABLE = frozenset({"invalid_choice", "invalid_integer", "invalid_money"})
"""Typed text that is no answer at all: tried as a question (a near-miss answer gets the hint)."""


class Engine(AnsweringViews):
    """Runs the interview. Holds only immutable content; safe to share across all users."""

    # ------------------------------------------------------------------------------ entry point

    def handle(
        self,
        conv: Conversation,
        event: Event,
        *,
        returning: bool = False,
        today: date | None = None,
    ) -> Step:
        """Apply one event. `returning` marks a person back after a long pause (shows resume);
        `today` lets a typed "since 2015" count years."""
        if isinstance(event, Command):
            return self._command(conv, event.name, returning=returning)
        if isinstance(event, Press):
            return self._press(conv, event)
        if returning and conv.state not in ("welcome", "recommendation"):
            return self._welcome_back(conv)
        return self._typed(conv, event, today)

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
        if isinstance(action, Resume | FaqMenu | Faq | AskTopic | Topic):
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
        if isinstance(action, Edit) and conv.state in BY_FIELD:
            return self._change(conv, action.field)
        if isinstance(action, Edit):
            trigger = f"edit_{action.field}"
        walk = self._walk(conv)
        if trigger and fire(walk, trigger):
            return self._moved(self._from_walk(walk))
        if isinstance(action, Back) and conv.state == "welcome":
            return self._same(conv, self.text.messages["at_start"])
        return self._same(conv, self.text.messages["stale"])

    def _change(self, conv: Conversation, field: str) -> Step:
        """Change under a typed answer's echo: that question now, then straight back to the
        first question still unanswered (edit mode skips the answered ones)."""
        if field not in BY_FIELD or not is_needed(field, conv.answers):
            return self._same(conv, self.text.messages["stale"])
        moved = conv.model_copy(update={"state": field, "editing": True, "pending": None})
        return self._moved(moved)

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
        if isinstance(action, AskTopic):
            return Step(conv, self.topic(conv, action.key), False)
        if isinstance(action, Resume):
            return self._same(conv)
        if isinstance(action, Topic):
            return self._detail(conv, action.name)
        return self._same(conv, self.text.messages["stale"])

    def _detail(self, conv: Conversation, name: str) -> Step:
        """A recommendation detail screen (costs, plan, other paths…), once there is one."""
        topic = detail_topic(self.content, name)
        profile = conv.profile() if conv.is_finished else None
        if profile is None:
            return self._same(conv, self.text.messages["recommendation_not_ready"])
        if topic is None:
            return self._same(conv, self.text.messages["stale"])
        rec = self._recommend(profile)
        return Step(conv, present_detail(self.content, profile, rec, topic, conv.state), False)

    def _typed(self, conv: Conversation, event: Text, today: date | None = None) -> Step:
        """An answer in the person's words, a button's label, or a question: what the words
        mean comes from `flows/understanding.py`; here it is stored and read back."""
        button = match_button(event.text, self.show(conv).flat_buttons)
        if button is not None:
            return self._press(conv, Press(button.action))
        if conv.state not in QUESTION_STATES:
            return Step(conv, self.answered(conv, event.text), False)
        question = BY_FIELD[conv.state]
        picked = _numbered(question, event.text, self.show(conv).flat_buttons)
        if picked is not None:  # "2" at a choice question: the second option
            return self._press(conv, Press(picked))
        got = self.understander.understand(conv.state, event.text, conv.answers, today)
        if got.question:
            return Step(conv, self.answered(conv, event.text), False)
        got = _as_profile(got)
        also = {f: v for f, v in got.also.items() if BY_FIELD[f].is_valid(v)}
        if got.status == "stored" and question.is_valid(got.value):
            assert got.value is not None
            return self._answer(
                conv.model_copy(update={"pending": None}), got.value, also, echo=got.echo
            )
        if got.status == "clarify" and any(question.is_valid(o.value) for o in got.options):
            noted = conv.model_copy(update={"answers": {**conv.answers, **also}})
            return Step(noted, self.did_you_mean(noted, got), bool(also))
        if got.status == "other_field" and also and got.echo:
            noted = conv.model_copy(update={"answers": drop_irrelevant({**conv.answers, **also})})
            return Step(noted, self.echoed(noted, got.echo, list(also)), True)
        if got.hint in ASKABLE:
            reply = self.answered_if_known(conv, event.text)
            if reply is not None:
                return Step(conv, reply, False)
        key = got.hint or "invalid_choice"
        hint = self.text.messages.get(key) or self.content.understanding.hints[key]
        step = self._same(conv, hint.format(hint=self.text.questions[conv.state].hint))
        kind: HintKind = "choice" if BY_FIELD[conv.state].kind == "choice" else "number"
        return Step(conv, replace(step.reply, hint=kind), False)

    def _answer_button(self, conv: Conversation, raw: str) -> Step:
        question = BY_FIELD[conv.state]
        value: Answer = raw
        if question.kind != "choice":
            value = int(raw) if raw.isdigit() else -1
        if not question.is_valid(value):
            return self._same(conv, self.text.messages["stale"])
        return self._answer(conv, value)

    def _answer(
        self,
        conv: Conversation,
        value: Answer,
        also: Mapping[str, Answer] | None = None,
        *,
        echo: str | None = None,
    ) -> Step:
        """Record an answer (and any other answers given with it), drop any it made irrelevant,
        and move to the next question still unanswered (or the summary)."""
        answered = {conv.state: value, **(also or {})}
        answers = drop_irrelevant({**conv.answers, **answered})
        walk = Walk(conv.state, answers, conv.editing)
        fire(walk, "advance")
        while walk.state in BY_FIELD and walk.state in walk.answers and fire(walk, "advance"):
            pass  # answered already (in this message, an earlier one, or before a Change)
        moved = self._from_walk(walk)
        if echo is None:
            return self._moved(moved)
        fields = [f for f in answered if f in moved.answers]
        return Step(moved, self.echoed(moved, echo, fields), True)

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

    # ------------------------------------------------------------------------------ views

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


def _numbered(question: Question, text: str, buttons: list[Button]) -> Action | None:
    """The option a number typed at a choice question picks ("2": the second button)."""
    typed = text.strip()
    if question.kind != "choice" or not (typed.isascii() and typed.isdigit()) or len(typed) > 3:
        return None  # "¹" is a digit to str.isdigit, not to int()
    picks = [b.action for b in buttons if isinstance(b.action, Pick)]
    index = int(typed)
    return picks[index - 1] if 1 <= index <= len(picks) else None


def _as_profile(got: Understanding) -> Understanding:
    """The understanding's values as the Profile of the day stores them (flows/answer_model)."""
    field = got.field
    options = tuple(replace(o, value=to_profile(field, o.value)) for o in got.options)
    unique = tuple({o.value: o for o in options}.values())
    value = None if got.value is None else to_profile(field, got.value)
    also = {f: to_profile(f, v) for f, v in got.also.items()}
    return replace(got, value=value, options=unique, also=also)
