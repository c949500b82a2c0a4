"""The engine: saved state + event → new state + reply, as both transports use it."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.sample_answers import BUTTON_ANSWERS
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
from flows.engine import Conversation, Engine, Step
from flows.events import Command, Event, Press, Text
from flows.graph import STATES
from flows.profile import FIELD_VALUES
from flows.questions import BY_FIELD, is_needed, needed_fields
from flows.reply import Reply
from flows.turn.routes import COMMAND_ROUTES

INTERVIEW_COMMANDS = [r.name for r in COMMAND_ROUTES if r.owner == "interview"]


def act(at: str, name: str) -> Action:
    """A short name for each interview button ("=value", "edit:field", "faq:id", "begin"…)."""
    if name.startswith("="):
        return Pick(at, name[1:])
    if name.startswith("edit:"):
        return Edit(at, name[5:])
    if name.startswith("faq:"):
        return Faq(name[4:])
    simple = {"begin": Begin, "back": Back, "restart": Restart, "help": Help, "confirm": Confirm}
    if name in simple:
        return simple[name](at)
    if name.startswith("restart:"):
        return RestartAnswer(at, yes=name == "restart:yes")
    return {"resume": Resume(), "faq": FaqMenu()}[name]


def name_of(action: Action) -> str:
    if isinstance(action, Pick):
        return f"={action.value}"
    if isinstance(action, Edit):
        return f"edit:{action.field}"
    if isinstance(action, Faq):
        return f"faq:{action.id}"
    if isinstance(action, RestartAnswer):
        return "restart:yes" if action.yes else "restart:no"
    names = {Begin: "begin", Back: "back", Restart: "restart", Help: "help", Confirm: "confirm"}
    return names.get(type(action)) or {Resume: "resume", FaqMenu: "faq"}.get(type(action), "?")


def press(engine: Engine, conv: Conversation, action: str) -> Step:
    return engine.handle(conv, Press(act(conv.state, action)))


def text_of(reply: Reply) -> str:
    return "\n".join([b.text for b in reply.blocks] + [i for b in reply.blocks for i in b.items])


def actions(reply: Reply) -> list[str]:
    return [name_of(b.action) for b in reply.flat_buttons]


def to_summary(engine: Engine, answers: dict[str, str] = BUTTON_ANSWERS) -> Conversation:
    conv = press(engine, Conversation(), "begin").conversation
    while conv.state in BY_FIELD:
        conv = press(engine, conv, f"={answers[conv.state]}").conversation
    return conv


def test_whole_interview_by_buttons_reaches_a_recommendation(engine: Engine) -> None:
    conv = Conversation()
    step = engine.handle(conv, Command("start"))
    assert step.reply.kind == "welcome" and "begin" in actions(step.reply)
    step = press(engine, conv, "begin")
    seen = []
    while step.conversation.state in BY_FIELD:
        conv = step.conversation
        seen.append(next(b.text for b in step.reply.blocks if b.kind == "progress"))
        assert {"back", "restart", "help"} <= set(actions(step.reply))
        step = press(engine, conv, f"={BUTTON_ANSWERS[conv.state]}")
        assert step.changed
    assert seen[0] == "Question 1 of 10" and seen[-1] == "Question 10 of 10"
    assert step.conversation.state == "summary" and "confirm" in actions(step.reply)
    step = press(engine, step.conversation, "confirm")
    assert step.conversation.state == "recommendation"
    assert step.reply.kind == "recommendation"
    assert "Accelerated" in text_of(step.reply)


def test_progress_counts_nine_questions_without_professional_code(engine: Engine) -> None:
    conv = press(engine, Conversation(), "begin").conversation
    step = press(engine, conv, "=none")
    assert step.conversation.state == "degree"
    assert "Question 2 of 9" in text_of(step.reply)


def test_typed_answers_are_parsed(engine: Engine) -> None:
    conv = Conversation(state="years_experience", answers={"coding_experience": "production"})
    assert engine.handle(conv, Text("3")).conversation.answers["years_experience"] == 3
    conv = Conversation(state="hours_per_week", answers={})
    assert engine.handle(conv, Text("15")).conversation.answers["hours_per_week"] == 15
    for typed, value in (
        ("15k", 15000),
        ("$15,000", 15000),
        ("0", 0),
        ("1.5k", 1500),
        ("20 000 USD", 20000),
        ("nothing", 0),
    ):
        conv = Conversation(state="budget_usd")
        assert engine.handle(conv, Text(typed)).conversation.answers["budget_usd"] == value
    conv = Conversation(state="degree")
    assert engine.handle(conv, Text("Master's or PhD")).conversation.answers["degree"] == (
        "graduate"
    )
    assert engine.handle(conv, Text("2")).conversation.answers["degree"] == "bachelor_other"


def test_invalid_typed_answer_re_asks_with_a_hint_and_never_advances(engine: Engine) -> None:
    for state, typed in (
        ("hours_per_week", "lots"),
        ("hours_per_week", "0"),
        ("hours_per_week", "81"),
        ("budget_usd", "-5"),
        ("budget_usd", "a fortune"),
        ("years_experience", "61"),
        ("degree", "astronaut"),
        ("degree", "   "),
    ):
        answers = {"coding_experience": "ml"}
        conv = Conversation(state=state, answers=answers)
        step = engine.handle(conv, Text(typed))
        assert step.conversation == conv and not step.changed, typed
        hint = engine.text.questions[state].hint
        assert hint in text_of(step.reply), typed
        assert step.reply.kind == "question"


def test_back_shows_the_old_answer_as_current(engine: Engine) -> None:
    conv = to_summary(engine)
    step = engine.handle(conv, Command("back"))
    assert step.conversation.state == "learning_style"
    body = text_of(step.reply)
    assert "Current answer: With structure and mentors" in body
    assert any(b.label.startswith("✓") for b in step.reply.flat_buttons)


def test_restart_asks_first_and_no_keeps_answers(engine: Engine) -> None:
    conv = to_summary(engine)
    step = engine.handle(conv, Command("restart"))
    assert step.reply.kind == "confirm"
    kept = press(engine, step.conversation, "restart:no")
    assert kept.conversation.answers == conv.answers and kept.conversation.dialogue == "interview"
    step = press(engine, step.conversation, "restart:yes")
    assert step.conversation.answers == {} and step.conversation.state == "coding_experience"


def test_edit_from_summary_returns_to_summary(engine: Engine) -> None:
    conv = to_summary(engine)
    step = press(engine, conv, "edit:budget_usd")
    assert step.conversation.state == "budget_usd" and step.conversation.editing
    step = engine.handle(step.conversation, Text("30k"))
    assert step.conversation.state == "summary"
    assert step.conversation.answers["budget_usd"] == 30000


def test_edit_that_drops_or_needs_years_asks_only_what_is_needed(engine: Engine) -> None:
    conv = to_summary(engine)
    step = press(engine, press(engine, conv, "edit:coding_experience").conversation, "=none")
    assert step.conversation.state == "summary"
    assert "years_experience" not in step.conversation.answers
    step = press(
        engine, press(engine, step.conversation, "edit:coding_experience").conversation, "=ml"
    )
    assert step.conversation.state == "years_experience"
    step = press(engine, step.conversation, "=6")
    assert step.conversation.state == "summary"
    assert step.conversation.answers["years_experience"] == 6


def test_stale_button_is_answered_with_where_the_user_is(engine: Engine) -> None:
    conv = to_summary(engine)
    step = engine.handle(conv, Press(act("degree", "=none")))
    assert not step.changed and step.conversation == conv
    assert "moved on" in text_of(step.reply)
    assert step.reply.state == "summary"


def test_double_tap_records_once_and_skips_nothing(engine: Engine) -> None:
    conv = press(engine, Conversation(), "begin").conversation
    first = engine.handle(conv, Press(act("coding_experience", "=production")))
    second = engine.handle(first.conversation, Press(act("coding_experience", "=production")))
    assert first.conversation.state == "years_experience"
    assert second.conversation == first.conversation and not second.changed


def test_returning_user_is_welcomed_back_mid_interview(engine: Engine) -> None:
    conv = Conversation(state="goal_role", answers={"coding_experience": "none", "degree": "none"})
    step = engine.handle(conv, Command("start"), returning=True)
    assert "question 3 of 9" in text_of(step.reply)
    assert set(actions(step.reply)) == {"resume", "restart"}
    resumed = engine.handle(conv, Press(act("*", "resume")))
    assert resumed.reply.kind == "question" and resumed.reply.state == "goal_role"


def test_finished_user_sees_the_saved_recommendation(engine: Engine) -> None:
    conv = press(engine, to_summary(engine), "confirm").conversation
    step = engine.handle(conv, Command("start"), returning=True)
    assert step.reply.kind == "recommendation"


def test_faq_is_available_anywhere(engine: Engine) -> None:
    conv = Conversation(state="degree", answers={"coding_experience": "none"})
    menu = engine.handle(conv, Command("faq"))
    faq_actions = [a for a in actions(menu.reply) if a.startswith("faq:")]
    assert len(faq_actions) >= 4
    answer = engine.handle(conv, Press(act("*", faq_actions[0])))
    assert answer.reply.kind == "info" and not answer.changed


def test_every_message_key_the_engine_formats_exists(engine: Engine) -> None:
    for field in BY_FIELD:
        q = engine.text.questions[field]
        assert q.options, field
        if BY_FIELD[field].kind != "choice":
            for option in q.options:
                assert BY_FIELD[field].is_valid(int(option.value)), option
        else:
            assert {o.value for o in q.options} == set(FIELD_VALUES[field]), field


# ------------------------------------------------------------------------------ random walks

ACTIONS = [
    "begin",
    "back",
    "restart",
    "restart:yes",
    "restart:no",
    "help",
    "confirm",
    "resume",
    "faq",
    *(f"edit:{f}" for f in BY_FIELD),
]
VALUES = [
    "none",
    "some",
    "production",
    "ml",
    "graduate",
    "research",
    "yes",
    "no",
    "unsure",
    "months",
    "self_directed",
    "fast_intro",
    "structured",
    "3",
    "0",
    "15000",
    "40",
    "99",
]

events = st.one_of(
    st.builds(Command, st.sampled_from(INTERVIEW_COMMANDS)),
    st.builds(Text, st.one_of(st.text(max_size=12), st.sampled_from(["3", "15k", "0", "yes"]))),
    st.builds(
        lambda at, name: Press(act(at, name)),
        st.sampled_from([*STATES, "*"]),
        st.one_of(st.sampled_from(ACTIONS), st.sampled_from(VALUES).map("={}".format)),
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(events, max_size=40), st.booleans())
def test_random_event_sequences_keep_the_invariants(
    engine: Engine, seq: list[Event], returning: bool
) -> None:
    conv = Conversation()
    for event in seq:
        step = engine.handle(conv, event, returning=returning)
        new = step.conversation
        assert new.state in STATES
        assert step.reply.blocks
        # answers are valid for their questions, and only for questions the flow would ask
        for field, value in new.answers.items():
            assert BY_FIELD[field].is_valid(value)
            assert is_needed(field, new.answers)
        # a recommendation is only ever reached with every needed answer
        if new.state == "recommendation":
            assert set(needed_fields(new.answers)) <= set(new.answers)
        if not step.changed:
            assert new == conv
        # what is stored survives a round trip through JSON
        assert Conversation.model_validate_json(new.model_dump_json()) == new
        conv = new
