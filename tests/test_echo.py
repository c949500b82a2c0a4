"""A typed answer is read back with a one-tap Change; text for another question is noted there.

Through the engine (flows/engine.py + flows/reading/understanding.py), on questions whose values the
Profile of this branch already accepts (goal, employer, visa, budget, hours).
"""

from __future__ import annotations

from datetime import date

from bot.console import ConsoleView
from flows.actions import Edit, Pick
from flows.engine import Conversation, Engine
from flows.events import Press, Text
from flows.reply import Reply

MID = {"coding_experience": "none", "degree": "none"}
TODAY = date(2026, 12, 6)


def text_of(reply: Reply) -> str:
    return "\n".join([b.text for b in reply.blocks] + [i for b in reply.blocks for i in b.items])


def changes(reply: Reply) -> list[Edit]:
    return [b.action for b in reply.flat_buttons if isinstance(b.action, Edit)]


def test_a_typed_answer_is_echoed_with_change(engine: Engine) -> None:
    conv = Conversation(state="goal_role", answers=dict(MID))
    step = engine.handle(conv, Text("building llm apps"), today=TODAY)
    assert step.changed and step.conversation.answers["goal_role"] == "applied_ml"
    assert step.conversation.state == "target_employer"
    assert step.reply.blocks[0].text == "Got it: Applied ML engineer."
    assert engine.text.questions["target_employer"].prompt in text_of(step.reply)
    assert changes(step.reply) == [Edit("target_employer", "goal_role")]


def test_a_button_answer_has_no_echo(engine: Engine) -> None:
    conv = Conversation(state="goal_role", answers=dict(MID))
    step = engine.handle(conv, Press(Pick("goal_role", "mlops")))
    assert "Got it" not in text_of(step.reply) and not changes(step.reply)


def test_change_goes_back_then_straight_on(engine: Engine) -> None:
    conv = Conversation(state="goal_role", answers=dict(MID))
    step = engine.handle(conv, Text("building llm apps"), today=TODAY)
    step = engine.handle(step.conversation, Text("a startup"), today=TODAY)
    assert step.conversation.state == "needs_visa"
    step = engine.handle(step.conversation, Press(Edit("needs_visa", "target_employer")))
    assert step.conversation.state == "target_employer" and step.conversation.editing
    step = engine.handle(step.conversation, Text("a big bank"), today=TODAY)
    assert step.conversation.answers["target_employer"] == "regulated"
    assert step.conversation.state == "needs_visa"  # where the person was


def test_text_for_another_question_is_noted_and_this_one_asked_again(engine: Engine) -> None:
    conv = Conversation(state="target_employer", answers={**MID, "goal_role": "mlops"})
    step = engine.handle(conv, Text("maybe 3k"), today=TODAY)
    assert step.changed and step.conversation.state == "target_employer"
    assert step.conversation.answers["budget_usd"] == 3000
    assert "Noted: Budget for tuition: $3,000" in text_of(step.reply)
    assert engine.text.questions["target_employer"].prompt in text_of(step.reply)
    assert changes(step.reply) == [Edit("target_employer", "budget_usd")]
    # the budget question is not asked again: it was answered
    step = engine.handle(step.conversation, Text("a startup"), today=TODAY)
    step = engine.handle(step.conversation, Text("no, I'm a citizen"), today=TODAY)
    assert step.conversation.state == "can_pause_income"


def test_one_message_answers_several_questions(engine: Engine) -> None:
    conv = Conversation(state="needs_visa", answers={**MID, "goal_role": "mlops"})
    conv = conv.model_copy(update={"answers": {**conv.answers, "target_employer": "industry"}})
    step = engine.handle(conv, Text("no visa needed, 20 hours a week, $5k budget"), today=TODAY)
    answers = step.conversation.answers
    assert (answers["needs_visa"], answers["hours_per_week"], answers["budget_usd"]) == (
        "no",
        20,
        5000,
    )
    assert step.conversation.state == "can_pause_income"  # budget was answered too
    echo = step.reply.blocks[0].text
    assert echo.startswith("Got it: No.") and "20 h/week" in echo and "$5,000" in echo
    assert len(changes(step.reply)) == 3


def test_a_split_answer_is_asked_about_with_buttons(engine: Engine) -> None:
    conv = Conversation(state="target_employer", answers={**MID, "goal_role": "mlops"})
    step = engine.handle(conv, Text("anything but government"), today=TODAY)
    assert not step.changed
    picks = [b.action for b in step.reply.flat_buttons if isinstance(b.action, Pick)]
    assert Pick("target_employer", "regulated") not in picks
    assert Pick("target_employer", "industry") in picks


def test_the_console_offers_change_as_a_command(engine: Engine) -> None:
    view = ConsoleView(engine)
    conv = Conversation(state="goal_role", answers=dict(MID))
    step = engine.handle(conv, Text("building llm apps"), today=TODAY)
    shown = view.render(step.reply)
    assert "/change" in shown and "Change" not in shown.split("(/change")[0].splitlines()[-1]
    assert view.event_for("/change") == Press(Edit("target_employer", "goal_role"))


def test_a_converted_hour_count_says_which_whole_number_is_kept(engine: Engine) -> None:
    """Stored 3 beside "= 3.5 h/week" would read as a mistake: the rounding is said."""
    conv = Conversation(state="hours_per_week", answers=dict(MID))
    step = engine.handle(conv, Text("30 min a day"), today=TODAY)
    assert step.conversation.answers["hours_per_week"] == 3
    assert step.reply.blocks[0].text == (
        "Got it: 3 h/week (30 min a day × 7 days = 3.5 h/week, rounded to 3)."
    )
