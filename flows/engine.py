"""The interview dialogue: saved conversation + event → new conversation + reply. Pure.

The turn's decision (flows/turn/decide.py) hands the interview every event it owns; the
interview's own yes/no questions (start over? continue where you were?) are decided here too,
on the shared on-screen machine (flows/dialogues/on_screen.py). What the interview shows is
composed in: one `AnsweringViews` (flows/views.py and flows/asking/answering.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import cast

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
from flows.advice.details import detail_topic, present_detail
from flows.advice.present import present_faq, present_faq_menu
from flows.advice.rules import Recommendation
from flows.asking.answering import AnsweringViews
from flows.content import Content
from flows.conversation import Conversation
from flows.dialogues.confirm import TypedConfirmations
from flows.dialogues.on_screen import move
from flows.events import Command, Event, Press, Text
from flows.graph import QUESTION_STATES, InterviewState, Walk, fire
from flows.questions import (
    BY_FIELD,
    Answer,
    drop_irrelevant,
    is_needed,
    match_button,
    numbered_pick,
)
from flows.reply import HintKind, Reply

__all__ = ["Conversation", "Engine", "Step"]


@dataclass(frozen=True, slots=True)
class Step:
    conversation: Conversation
    reply: Reply
    changed: bool
    """The conversation differs from the one handed in."""


ASKABLE = frozenset({"invalid_choice", "invalid_integer", "invalid_money"})
"""Typed text that is no answer at all: tried as a question (a near-miss answer gets the hint)."""
RESUMABLE = ("confirm_restart", "confirm_resume")
"""The interview's own yes/no questions (the account's erase question is not the interview's)."""


class Engine:
    """Runs the interview. Holds only immutable content; safe to share across all users."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.text = content.dialogue
        self.views = AnsweringViews(content)
        self.confirmations = TypedConfirmations(content)

    def show(self, conv: Conversation, notice: str | None = None) -> Reply:
        """The screen of where the conversation is now, with `notice` on top."""
        return self.views.show(conv, notice)

    def recommendation(self, conv: Conversation) -> Recommendation | None:
        return self.views.recommendation(conv)

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
        if conv.dialogue in RESUMABLE:
            return self._typed_at_question(conv, event.text, today)
        if returning and conv.state not in ("welcome", "recommendation"):
            return self._welcome_back(conv)
        return self._typed(conv, event, today)

    # ------------------------------------------------------------------------------ events

    def _command(self, conv: Conversation, name: str, *, returning: bool) -> Step:
        if name == "start":
            if conv.dialogue in RESUMABLE or conv.state == "welcome":
                return self._same(conv)  # an open question is asked again
            if conv.is_finished and not returning:
                return self._same(conv)
            if conv.is_finished:
                return self._same(conv, self.text.messages["welcome_back_finished"])
            return self._welcome_back(conv)
        if name in ("back", "restart", "help"):
            action = {"back": Back, "restart": Restart, "help": Help}[name](conv.state)
            return self._press(conv, Press(action))
        closed = conv.showing("interview")  # another screen: an open question is left
        if name == "faq":
            return self._step(conv, closed, present_faq_menu(self.content, conv.state))
        if name == "profile":
            reply = self.views.summary(closed, None, as_profile=True)
            return self._step(conv, closed, reply)
        # "recommendation": the saved recommendation once there is one.
        if conv.is_finished:
            return self._step(conv, closed, self.show(closed))
        notice = self.text.messages["recommendation_not_ready"]
        return self._step(conv, closed, self.show(closed, notice))

    def _press(self, conv: Conversation, press: Press) -> Step:
        action = press.action
        if isinstance(action, Resume | FaqMenu | Faq | AskTopic | Topic):
            return self._anywhere(conv, action)
        if action is None or getattr(action, "at", None) != conv.state:
            return self._same(conv, self.text.messages["stale"])
        if isinstance(action, RestartAnswer):
            trigger = "restart_yes" if action.yes else "restart_no"
            on_screen, effect, _ = move(conv.dialogue, trigger)
            if effect == "kept":
                return self._moved(conv.showing(on_screen), "kept_answers")
            if effect == "restart":
                walk = self._walk(conv)
                fire(walk, "restart")
                fire(walk, "begin")
                return self._moved(self._from_walk(walk), "restarted")
        if conv.dialogue != "interview":  # any other press closes the question
            step = self._action(conv.showing("interview"), action)
            return Step(step.conversation, step.reply, True)
        return self._action(conv, action)

    def _action(self, conv: Conversation, action: Action) -> Step:
        """A press on the current state's own buttons (or the same as a command)."""
        if isinstance(action, Restart):
            on_screen, _, _ = move(conv.dialogue, "ask_restart")
            asking = conv.showing(on_screen)
            return Step(asking, self.views.confirm_restart(asking), True)
        if isinstance(action, Help):
            return Step(conv, self.views.help_screen(conv), False)
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
        return self._moved(conv.model_copy(update={"state": field, "editing": True}))

    def _anywhere(self, conv: Conversation, action: Action) -> Step:
        """Buttons that work in any state: FAQ answers and 'continue where I was'."""
        if isinstance(action, Faq):
            item = self.content.advice.faq_item(action.id)
            if item is not None:
                reply = present_faq(self.content, item, conv.state)
                return Step(conv, replace(reply, again=action), False)
        if isinstance(action, FaqMenu):
            reply = present_faq_menu(self.content, conv.state)
            return Step(conv, replace(reply, again=action), False)
        if isinstance(action, AskTopic):
            return Step(conv, self.views.topic(conv, action.key), False)
        if isinstance(action, Resume):  # also the answer "continue" to the welcome back
            resumed = conv.showing("interview") if conv.dialogue == "confirm_resume" else conv
            return self._step(conv, resumed, self.show(resumed))
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
        rec = self.recommendation(conv)
        assert rec is not None  # a finished conversation with a profile has one
        reply = present_detail(self.content, profile, rec, topic, conv.state)
        return Step(conv, replace(reply, again=Topic(name)), False)

    def _typed_at_question(self, conv: Conversation, text: str, today: date | None) -> Step:
        """Typed text while a yes/no question is open answers it, or it is asked again. On the
        welcome back, text that is no yes/no answer goes on where the person was: an answer
        to their question is taken as one, as "Continue" and then the answer would be."""
        screen = self.show(conv)
        action = self.confirmations.pick(screen, text)
        if action is not None:
            return self._press(conv, Press(action))
        if conv.dialogue == "confirm_resume" and self.confirmations.role(text) is None:
            resumed = conv.showing("interview")
            step = self._typed(resumed, Text(text), today)
            return replace(step, changed=step.changed or step.conversation != conv)
        again = self.show(conv, self.content.chat.messages["answer_first"])
        return Step(conv, replace(again, hint="choice"), False)

    def _typed(self, conv: Conversation, event: Text, today: date | None = None) -> Step:
        """An answer in the person's words, a button's label, or a question: what the words
        mean comes from `flows/reading/understanding.py`; here it is stored and read back."""
        button = match_button(event.text, self.show(conv).flat_buttons)
        if button is not None:
            return self._press(conv, Press(button.action))
        if conv.state not in QUESTION_STATES:
            return Step(conv, self.views.answered(conv, event.text), False)
        question = BY_FIELD[conv.state]
        picked = numbered_pick(question, event.text, self.show(conv).flat_buttons)
        if picked is not None:  # "2" at a choice question: the second option
            return self._press(conv, Press(picked))
        got = self.views.understander.understand(conv.state, event.text, conv.answers, today)
        if got.question:
            return Step(conv, self.views.answered(conv, event.text), False)
        also = {f: v for f, v in got.also.items() if BY_FIELD[f].is_valid(v)}
        if got.status == "stored" and question.is_valid(got.value):
            assert got.value is not None
            return self._answer(conv, got.value, also, echo=got.echo)
        if got.status == "clarify" and any(question.is_valid(o.value) for o in got.options):
            noted = conv.model_copy(update={"answers": {**conv.answers, **also}})
            return Step(noted, self.views.did_you_mean(noted, got), bool(also))
        if got.status == "other_field" and also and got.echo:
            noted = conv.model_copy(update={"answers": drop_irrelevant({**conv.answers, **also})})
            return Step(noted, self.views.echoed(noted, got.echo, list(also)), True)
        understander = self.views.understander
        if got.hint in ASKABLE and not understander.answers_another(conv.state, event.text):
            reply = self.views.answered_if_known(conv, event.text)
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
        return Step(moved, self.views.echoed(moved, echo, fields), True)

    # ------------------------------------------------------------------------------ helpers

    def _walk(self, conv: Conversation) -> Walk:
        return Walk(conv.state, conv.answers, conv.editing)

    def _from_walk(self, walk: Walk) -> Conversation:
        state = cast(InterviewState, walk.state)  # the machine only moves between STATES
        return Conversation(state=state, answers=walk.answers, editing=walk.editing)

    def _moved(self, conv: Conversation, notice_key: str | None = None) -> Step:
        notice = self.text.messages[notice_key] if notice_key else None
        return Step(conv, self.show(conv, notice), True)

    def _same(self, conv: Conversation, notice: str | None = None) -> Step:
        return Step(conv, self.show(conv, notice), False)

    def _step(self, before: Conversation, after: Conversation, reply: Reply) -> Step:
        return Step(after, reply, after != before)

    def _welcome_back(self, conv: Conversation) -> Step:
        """Continue where you were, or start over: a yes/no question of its own."""
        on_screen, _, _ = move(conv.dialogue, "welcome_back")
        asking = conv.showing(on_screen)
        return self._step(conv, asking, self.views.welcome_back(asking))
