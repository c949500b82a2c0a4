"""Free text anywhere in the dialogue (flows/asking/answering.py through the engine)."""

from __future__ import annotations

from flows.actions import AskTopic, Pick
from flows.engine import Conversation, Engine
from flows.events import Command, Press, Text
from flows.reply import Reply
from tests.conftest import BASE_PROFILE

MID = {"coding_experience": "none", "degree": "none", "goal_role": "unsure"}


def text_of(reply: Reply) -> str:
    return "\n".join([b.text for b in reply.blocks] + [i for b in reply.blocks for i in b.items])


def size(reply: Reply) -> int:
    return len(text_of(reply)) + sum(len(b.label) for b in reply.flat_buttons)


def test_a_question_mid_interview_gets_an_answer_and_the_same_question(engine: Engine) -> None:
    conv = Conversation(state="budget_usd", answers=dict(MID))
    step = engine.handle(conv, Text("how much does the accelerated program pay?"))
    assert step.conversation == conv and not step.changed
    reply = step.reply
    assert reply.kind == "question" and reply.state == "budget_usd"
    assert "$26,000" in text_of(reply)  # the answer, from the advice
    assert engine.text.questions["budget_usd"].prompt in text_of(reply)  # the question again
    assert any(isinstance(b.action, Pick) for b in reply.flat_buttons)
    assert engine.text.messages["question_again"] in text_of(reply)
    # the interview carries on from the same place
    step = engine.handle(step.conversation, Text("15k"))
    assert step.conversation.answers == {**MID, "budget_usd": 15000}


def test_greetings_get_a_friendly_line_and_the_question(engine: Engine) -> None:
    conv = Conversation(state="needs_visa", answers=dict(MID))
    step = engine.handle(conv, Text("hello"))
    assert not step.changed
    assert engine.content.ask.smalltalk["greeting"].reply in text_of(step.reply)
    assert engine.text.questions["needs_visa"].prompt in text_of(step.reply)


def test_a_near_miss_answer_still_gets_the_hint(engine: Engine) -> None:
    conv = Conversation(state="hours_per_week", answers=dict(MID))
    step = engine.handle(conv, Text("lots"))
    assert engine.text.questions["hours_per_week"].hint in text_of(step.reply)
    step = engine.handle(conv, Text("81"))
    assert "between 1 and 80" in text_of(step.reply) and not step.changed


def test_did_you_mean_asks_once_with_both_readings(engine: Engine) -> None:
    conv = Conversation(state="budget_usd", answers=dict(MID))
    step = engine.handle(conv, Text("2"))
    assert not step.changed and "Did you mean $2,000 or $2?" in text_of(step.reply)
    picks = [b for b in step.reply.flat_buttons if isinstance(b.action, Pick)]
    assert [b.action for b in picks] == [Pick("budget_usd", "2000"), Pick("budget_usd", "2")]
    step = engine.handle(conv, Press(picks[0].action))
    assert step.conversation.answers["budget_usd"] == 2000
    hours = Conversation(state="hours_per_week", answers=dict(MID))
    step = engine.handle(hours, Text("1"))
    assert "a day" in text_of(step.reply)
    assert {b.action for b in step.reply.flat_buttons if isinstance(b.action, Pick)} == {
        Pick("hours_per_week", "1"),
        Pick("hours_per_week", "7"),
    }


def test_a_typed_button_label_works_like_the_button(engine: Engine) -> None:
    step = engine.handle(Conversation(), Text("Let's begin"))
    assert step.conversation.state == "coding_experience" and step.changed
    conv = Conversation(state="degree", answers={"coding_experience": "none"})
    step = engine.handle(conv, Text("Back"))
    assert step.conversation.state == "coding_experience"


def test_after_the_recommendation_stray_text_gets_the_compact_menu(engine: Engine) -> None:
    done = Conversation(state="recommendation", answers=dict(BASE_PROFILE))
    full = engine.show(done)
    for typed in ("thanks!", "asdf", "ok", "cool cool", "lol"):
        step = engine.handle(done, Text(typed))
        assert step.conversation == done and not step.changed
        assert step.reply.kind == "info", typed
        assert size(step.reply) < 800, typed
        assert engine.text.messages["menu_after_recommendation"] in text_of(step.reply)
        assert full.blocks[0].text not in text_of(step.reply)  # not the recommendation again
    step = engine.handle(done, Text("what does an mlops engineer do"))
    assert "MLOps" in text_of(step.reply) and step.reply.kind == "info"
    assert engine.text.messages["menu_after_recommendation"] in text_of(step.reply)


def test_help_is_specific_to_the_screen(engine: Engine) -> None:
    m = engine.text.messages
    done = Conversation(state="recommendation", answers=dict(BASE_PROFILE))
    screens = {
        "welcome": (Conversation(), m["help_welcome"]),
        "summary": (Conversation(state="summary", answers=dict(BASE_PROFILE)), m["help_summary"]),
        "recommendation": (done, m["help_recommendation"]),
        "degree": (
            Conversation(state="degree", answers={"coding_experience": "none"}),
            engine.text.questions["degree"].help,
        ),
    }
    for name, (conv, wanted) in screens.items():
        reply = engine.handle(conv, Command("help")).reply
        assert wanted in text_of(reply), name
    assert size(engine.handle(done, Command("help")).reply) < 800


def test_a_topic_button_shows_that_topic_and_keeps_the_place(engine: Engine) -> None:
    conv = Conversation(state="degree", answers={"coding_experience": "none"})
    step = engine.handle(conv, Text("which certifications matter most?"))
    topics = [b for b in step.reply.flat_buttons if isinstance(b.action, AskTopic)]
    assert topics and all(len(b.label) <= 48 for b in topics)
    step = engine.handle(conv, Press(topics[0].action))
    assert not step.changed and step.reply.state == "degree"
    assert engine.text.questions["degree"].prompt in text_of(step.reply)
    step = engine.handle(conv, Press(AskTopic("0000000000")))
    assert engine.text.messages["stale"] in text_of(step.reply)


def test_a_question_on_the_welcome_screen_keeps_the_begin_button(engine: Engine) -> None:
    step = engine.handle(Conversation(), Text("do I need a degree?"))
    assert "Do I need a degree" in text_of(step.reply)
    assert engine.text.buttons["begin"] in [b.label for b in step.reply.flat_buttons]
    assert not step.changed


def test_a_failed_answer_on_the_questions_own_topic_gets_the_hint(engine: Engine) -> None:
    conv = Conversation(state="years_experience", answers={"coding_experience": "production"})
    step = engine.handle(conv, Text("lots of years"))
    assert "whole number" in text_of(step.reply)
    step = engine.handle(conv, Text("degree requirements for visa sponsorship"))
    assert "H-1B" in text_of(step.reply)  # a statement-like question is still answered


def test_topic_labels_fit_a_button_and_keep_what_they_are_about() -> None:
    from flows.asking.answering import short_label

    long = "Accelerated AI Engineering Immersive: the catches"
    assert short_label(long).endswith("…: the catches") and len(short_label(long)) <= 48
    assert short_label("Short title") == "Short title"
    assert len(short_label("word " * 20)) <= 48


def test_a_failed_answer_asks_the_transport_for_its_own_how_to_answer_line(
    engine: Engine,
) -> None:
    from bot.console import ConsoleView

    conv = Conversation(state="degree", answers={"coding_experience": "none"})
    reply = engine.handle(conv, Text("astronaut")).reply
    assert reply.hint == "choice"
    console = ConsoleView(engine).render(reply)
    assert engine.text.console["hint_choice"] in console and "Tap" not in console
    hours = Conversation(state="hours_per_week", answers={"coding_experience": "none"})
    assert engine.handle(hours, Text("lots")).reply.hint == "number"
    assert engine.handle(conv, Text("No degree")).reply.hint is None


def test_an_unclear_answer_to_another_question_gets_the_hint_not_a_passage(
    engine: Engine,
) -> None:
    conv = Conversation(state="coding_experience")
    step = engine.handle(conv, Text("a bachelor's in maths and a master's in urban planning"))
    assert engine.text.questions["coding_experience"].hint in text_of(step.reply)
    assert "Tuition" not in text_of(step.reply)  # not the master's passage
