"""What the interview shows: questions, summary, welcome, its yes/no questions, advice.

Split from the engine (which decides what happens) so each stays small: the engine holds one
`AnsweringViews` (these views plus free text, flows/asking/answering.py); content holds every word.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from flows.actions import (
    Back,
    Begin,
    Confirm,
    Edit,
    FaqMenu,
    Help,
    Pick,
    Restart,
    RestartAnswer,
    Resume,
)
from flows.advice.pay import question_prompt
from flows.advice.present import present_recommendation
from flows.advice.rules import Recommendation, money, recommend
from flows.content import Content, QuestionText
from flows.conversation import Conversation
from flows.graph import FINAL_STATES, QUESTION_STATES
from flows.questions import Answer, needed_fields
from flows.reply import Button, Reply, ReplyBuilder
from flows.words import button_label, count


class InterviewViews:
    """Builds the interview's replies from content. Immutable; shared by all users."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.text = content.dialogue
        # Pure function of an immutable profile: a bounded cache spares the recompute when a
        # finished user browses (FAQ, plan, profile) or a sweep nudges many similar profiles.
        self._recommend = lru_cache(maxsize=4096)(lambda p: recommend(p, content))

    def show(self, conv: Conversation, notice: str | None = None) -> Reply:
        """The reply that shows where the conversation is now, with `notice` on top."""
        reply = self._view(conv, notice)
        if conv.dialogue == "interview":  # "continue where I was" shows it again (its pages)
            reply = replace(reply, again=Resume())
        return replace(reply, notice=notice) if notice else reply

    def _view(self, conv: Conversation, notice: str | None) -> Reply:
        if conv.dialogue == "confirm_restart":
            return self.confirm_restart(conv, notice)
        if conv.dialogue == "confirm_resume":
            return self.welcome_back(conv, notice)
        if conv.state == "welcome":
            return self._welcome(conv)
        if conv.state == "summary":
            return self.summary(conv, notice)
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

    def _nav_row(self, state: str, *, back: bool = True) -> tuple[Button, ...]:
        b = self.text.buttons
        row = [Button(b["back"], Back(state))] if back else []
        return (*row, Button(b["restart"], Restart(state)), Button(b["help"], Help(state)))

    # ------------------------------------------------------------------------------ views

    def label_for(self, field: str, value: Answer) -> str:
        """How a stored answer reads back to the person: their own number, not a range."""
        label = button_label(self.content, field, value)
        if label is not None:
            return label
        if field == "budget_usd" and isinstance(value, int):
            return money(value)
        if field == "hours_per_week":
            return self.text.messages["hours_value"].format(hours=value)
        if field == "years_experience" and isinstance(value, int):
            return count(self.content, "year", value)
        if field == "can_pause_income":
            key = "month_value" if value == 1 else "months_value"
            return self.text.messages[key].format(months=value)
        return str(value)

    def _welcome(self, conv: Conversation) -> Reply:
        out = ReplyBuilder()
        out.add("title", self.text.messages["welcome_title"])
        out.add("text", self.text.messages["welcome"])
        out.row(Button(self.text.buttons["begin"], Begin(conv.state)))
        out.row(Button(self.text.buttons["faq"], FaqMenu()))
        return out.build("welcome", conv.state)

    def _question(self, conv: Conversation, notice: str | None) -> Reply:
        field = conv.state
        spec: QuestionText = self.text.questions[field]
        number, total = self.progress(conv)
        current = conv.answers.get(field)
        out = ReplyBuilder()
        if notice:
            out.add("note", notice)
        out.add("progress", self.text.messages["progress"].format(number=number, total=total))
        out.add("text", question_prompt(self.content, field, conv.answers))
        if current is not None:
            out.add(
                "note",
                self.text.messages["current_answer"].format(answer=self.label_for(field, current)),
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

    def confirm_restart(self, conv: Conversation, notice: str | None = None) -> Reply:
        """Start over? A screen of its own (`Reply.state`), so typed text answers it."""
        out = ReplyBuilder()
        if notice:
            out.add("note", notice)
        out.add("text", self.text.messages["confirm_restart"])
        out.row(
            Button(self.text.buttons["restart_yes"], RestartAnswer(conv.state, yes=True)),
            Button(self.text.buttons["restart_no"], RestartAnswer(conv.state, yes=False)),
        )
        return out.build("confirm", "confirm_restart")

    def welcome_back(self, conv: Conversation, notice: str | None = None) -> Reply:
        """Continue where you were, or start over? Also a yes/no screen of its own."""
        out = ReplyBuilder()
        if notice:
            out.add("note", notice)
        if conv.state in QUESTION_STATES:
            number, total = self.progress(conv)
            out.add("text", self.text.messages["welcome_back"].format(number=number, total=total))
        else:
            out.add("text", self.text.messages["welcome_back_summary"])
        out.row(
            Button(self.text.buttons["continue"], Resume()),
            Button(self.text.buttons["start_over"], Restart(conv.state)),
        )
        return out.build("welcome", "confirm_resume")

    def summary(self, conv: Conversation, notice: str | None, *, as_profile: bool = False) -> Reply:
        out = ReplyBuilder()
        if notice:
            out.add("note", notice)
        out.add("title", self.text.sections["summary_title"])
        lines = [
            f"{self.text.questions[f].summary_label}: {self.label_for(f, conv.answers[f])}"
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
            return self.summary(conv, notice)
        return present_recommendation(self.content, rec, conv.state, notice)
