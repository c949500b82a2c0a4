"""Free text anywhere in the dialogue: answers in people's words, and questions answered.

A typed message is first tried as an answer to the question on screen (`flows/questions.py`). If it
reads two ways, the person is asked which, once. If it is not an answer, it is treated as a question
and answered from the advice (`flows/asking/ask.py`), and the person's place is shown again,
compactly: the same question, the summary, a short menu after the recommendation (never the whole
recommendation again). The engine holds these views; every word is in content.
"""

from __future__ import annotations

from dataclasses import replace

from flows.actions import (
    AskTopic,
    Back,
    Begin,
    Edit,
    FaqMenu,
    Pick,
    RemindMe,
    Restart,
    Resume,
    ShowPlan,
    ShowProgress,
)
from flows.asking.ask import AskIndex, AskResult
from flows.asking.ask_reply import answer_blocks, offered
from flows.asking.passages import Passage
from flows.content import Content
from flows.conversation import Conversation
from flows.graph import QUESTION_STATES
from flows.questions import BY_FIELD, Answer
from flows.reading.understanding import Understander, Understanding
from flows.reply import Block, Button, Reply, ReplyBuilder
from flows.views import InterviewViews

LABEL_MAX = 48


class AnsweringViews(InterviewViews):
    """The interview's views plus free text: typed answers, questions, the compact menu."""

    def __init__(self, content: Content) -> None:
        super().__init__(content)
        self.understander = Understander(content)
        self.index = AskIndex(content)

    # ------------------------------------------------------------------------------ views

    def did_you_mean(self, conv: Conversation, got: Understanding) -> Reply:
        """ "Did you mean …?" with one button per reading, then the way back. Two readings of a
        number keep their own wording ("Did you mean $2,000 or $2?")."""
        field = conv.state
        values = [o.value for o in got.options]
        out = ReplyBuilder()
        words = self.text.messages.get(f"did_you_mean_{field}", self.text.messages["did_you_mean"])
        if len(values) == 2 and not got.also and field in ("budget_usd", "hours_per_week"):
            first, second = (self.label_for(field, v) for v in values)
            out.add("text", words.format(first=first, second=second, raw=values[0]))
        else:
            out.add("text", got.echo or "")
        buttons = [Button(o.label, Pick(field, str(o.value))) for o in got.options]
        for i in range(0, len(buttons), 2 if max(len(b.label) for b in buttons) <= 22 else 1):
            out.row(*buttons[i : i + (2 if max(len(b.label) for b in buttons) <= 22 else 1)])
        out.row(*self._nav_row(field))
        return out.build("question", field)

    def echoed(self, conv: Conversation, echo: str, fields: list[str]) -> Reply:
        """The next screen with the line that reads a typed answer back, and one Change button
        per answer it stored (a summary screen has its own edit buttons)."""
        reply = self.show(conv)
        rows = list(reply.buttons)
        if conv.state in BY_FIELD and fields:
            word = self.content.understanding.echo
            changes = tuple(
                Button(
                    word["change_one"]
                    if len(fields) == 1
                    else word["change"].format(question=self.text.questions[f].summary_label),
                    Edit(conv.state, f),
                )
                for f in fields
            )
            rows.insert(max(len(rows) - 1, 0), changes)
        blocks = (Block("note", echo), *reply.blocks)
        return Reply(reply.kind, reply.state, blocks, tuple(rows), reply.notice, reply.hint)

    def label_for(self, field: str, value: Answer) -> str:
        """How an answer reads back: its button's label, or the understanding's own words."""
        if field in ("budget_usd", "hours_per_week", "years_experience"):
            return super().label_for(field, value)
        return self.understander.label(field, value)

    def answered(self, conv: Conversation, text: str) -> Reply:
        """The answer to a typed question (or the fallback), then the person's place again."""
        return self._answer_reply(conv, self.index.ask(text))

    def answered_if_known(self, conv: Conversation, text: str) -> Reply | None:
        """For text that is no answer but does not look like a question either: answered only
        when it is small talk, or matches the advice with enough words ("degree requirements
        for visas"); otherwise None, as it was more likely a failed answer ("lots of years") and
        the question's hint serves better."""
        result = self.index.ask(text)
        enough = result.matched and result.words >= self.content.ask.matching.min_words_unasked
        if (
            not enough
            and not result.uncovered
            and result.fallback in (None, "no_match", "off_topic")
        ):
            return None
        return self._answer_reply(conv, result)

    def _answer_reply(self, conv: Conversation, result: AskResult) -> Reply:
        return self._own_answer(answer_blocks(self.index, result), self._topics(result), conv)

    def _own_answer(
        self, blocks: tuple[Block, ...], topics: tuple[Passage, ...], conv: Conversation
    ) -> Reply:
        """The answer, then the person's place: where messages are apart (Telegram), the answer
        is one of its own, with its topics, and stays when the place moves on (`Reply.lead`)."""
        reply = self._with_place(conv, blocks, topics)
        return replace(reply, lead=(len(blocks), len(topics)))

    def topic(self, conv: Conversation, key: str) -> Reply:
        """A topic button under an answer: that passage, then the person's place again."""
        passage = self.index.by_key(key)
        if passage is None:  # the content changed since the button was sent
            return self.show(conv, self.text.messages["stale"])
        result = AskResult(True, passage, (), None, 1.0)
        return self._own_answer(answer_blocks(self.index, result), (), conv)

    def menu(self, conv: Conversation, notice: str | None = None) -> Reply:
        """What someone with a recommendation can do next: short, never the recommendation."""
        b = self.text.buttons
        r = self.content.reminders.buttons
        out = ReplyBuilder()
        if notice:
            out.add("text", notice)
        out.add("text", self.text.messages["menu_after_recommendation"])
        out.row(Button(b["show_recommendation"], Resume()), Button(b["plan"], ShowPlan()))
        out.row(Button(r["turn_on"], RemindMe()), Button(r["progress"], ShowProgress()))
        out.row(Button(b["faq"], FaqMenu()), Button(b["edit_answers"], Back(conv.state)))
        out.row(Button(b["start_over"], Restart(conv.state)))
        return out.build("info", conv.state)

    def help_screen(self, conv: Conversation) -> Reply:
        """Help for the screen it is asked on (the question's own help inside the interview)."""
        m = self.text.messages
        if conv.state == "recommendation" and conv.dialogue == "interview":
            return self.menu(conv, m["help_recommendation"])
        lines = {"welcome": m["help_welcome"], "summary": m["help_summary"]}
        if conv.state in QUESTION_STATES:
            blocks = [self.text.questions[conv.state].help, m["help_general"]]
        else:
            blocks = [lines.get(conv.state, m["help_general"])]
        return self._with_place(conv, tuple(Block("text", t) for t in blocks), (), back=False)

    # ------------------------------------------------------------------------------ helpers

    def _topics(self, result: AskResult) -> tuple[Passage, ...]:
        return offered(self.index, result)

    def _place(self, conv: Conversation) -> Reply:
        """Where the person is, compactly."""
        if conv.state == "recommendation" and conv.dialogue == "interview":
            return self.menu(conv)
        if conv.state == "welcome" and conv.dialogue == "interview":
            out = ReplyBuilder()
            out.add("text", self.text.messages["use_buttons_welcome"])
            out.row(Button(self.text.buttons["begin"], Begin(conv.state)))
            out.row(Button(self.text.buttons["faq"], FaqMenu()))
            return out.build("welcome", conv.state)
        return self.show(conv)

    def _with_place(
        self,
        conv: Conversation,
        blocks: tuple[Block, ...],
        topics: tuple[Passage, ...],
        *,
        back: bool = True,
    ) -> Reply:
        place = self._place(conv)
        out = ReplyBuilder(list(blocks))
        if back and place.kind != "info":
            out.add("note", self.text.messages["question_again"])
        out.blocks.extend(place.blocks)
        out.rows.extend(place.buttons)  # the question's own options keep their places (1, 2…)
        for passage in topics:
            out.row(Button(short_label(passage.title), AskTopic(passage.key)))
        return out.build(place.kind, place.state)


def short_label(title: str) -> str:
    """A title that fits on a button, cut at a word with an ellipsis when too long."""
    if len(title) <= LABEL_MAX:
        return title
    head, _, tail = title.rpartition(": ")
    if head and len(tail) < LABEL_MAX // 2:  # "Accelerated AI Engineering Imm…: the catches"
        return f"{head[: LABEL_MAX - len(tail) - 3].rstrip()}…: {tail}"
    return title[: LABEL_MAX - 1].rsplit(" ", 1)[0].rstrip(":,;") + "…"
