"""Typed answers in people's own words, for every question (flows/questions.py + vocabulary)."""

from __future__ import annotations

import pytest

from flows.actions import Back, Begin
from flows.content import Content
from flows.questions import BY_FIELD, Parsed, TypedAnswers, match_button
from flows.reply import Button


@pytest.fixture(scope="module")
def parser(content: Content) -> TypedAnswers:
    return TypedAnswers(content.vocabulary)


def parse(parser: TypedAnswers, content: Content, field: str, text: str) -> Parsed:
    return parser.parse(BY_FIELD[field], text, content.dialogue.questions[field].options)


# (question, typed, stored answer)
ANSWERS: list[tuple[str, str, str | int]] = [
    # coding_experience: short descriptions, "nope", labels
    ("coding_experience", "some scripts", "some"),
    ("coding_experience", "a bit of python", "some"),
    ("coding_experience", "just online courses", "some"),
    ("coding_experience", "nope", "none"),
    ("coding_experience", "no", "none"),
    ("coding_experience", "never", "none"),
    ("coding_experience", "I ship production code", "production"),
    ("coding_experience", "backend developer", "production"),
    ("coding_experience", "I'm a data scientist", "ml"),
    ("coding_experience", "I'm a data analyst", "data"),
    ("coding_experience", "SQL and spreadsheets", "data"),
    # years_experience: digits, number words, units, comparators, ranges, labels
    ("years_experience", "3", 3),
    ("years_experience", "3 yrs", 3),
    ("years_experience", "ten", 10),
    ("years_experience", "five years", 5),
    ("years_experience", "twenty five", 25),
    ("years_experience", "about 5", 5),
    ("years_experience", "more than 10", 11),
    ("years_experience", "More than 10 years", 11),
    ("years_experience", "less than a year", 0),
    ("years_experience", "18 months", 1),
    ("years_experience", "a year and a half", 1),
    ("years_experience", "half a year", 0),
    ("years_experience", "about a decade", 10),
    ("years_experience", "2.5", 2),
    ("years_experience", "3-5 years", 3),
    ("years_experience", "between 6 and 10", 6),
    ("years_experience", "a couple of years", 2),
    ("years_experience", "none", 0),
    ("years_experience", "nope", 0),
    # degree
    ("degree", "high school only", "none"),
    ("degree", "nope", "none"),
    ("degree", "No degree", "none"),
    ("degree", "bachelors in physics", "bachelor_other"),
    ("degree", "a CS degree", "bachelor_cs"),
    ("degree", "master's", "graduate"),
    ("degree", "PhD", "graduate"),
    ("degree", "2", "bachelor_other"),
    # goal_role: "not sure" / "no idea" where unsure is an option
    ("goal_role", "not sure", "unsure"),
    ("goal_role", "no idea", "unsure"),
    ("goal_role", "idk", "unsure"),
    ("goal_role", "mlops", "mlops"),
    ("goal_role", "Research engineer", "research"),
    ("goal_role", "applied ML I think", "applied_ml"),
    # target_employer
    ("target_employer", "not sure", "unsure"),
    ("target_employer", "no idea", "unsure"),
    ("target_employer", "a startup", "industry"),
    ("target_employer", "government", "regulated"),
    ("target_employer", "a big bank", "regulated"),
    ("target_employer", "university lab", "research_lab"),
    ("target_employer", "FAANG", "industry"),
    # needs_visa: yes/no synonyms, replies that open an answer
    ("needs_visa", "yes, H-1B", "yes"),
    ("needs_visa", "yep", "yes"),
    ("needs_visa", "yeah I'll need an H1B", "yes"),
    ("needs_visa", "nope", "no"),
    ("needs_visa", "nah", "no"),
    ("needs_visa", "no, I'm a citizen", "no"),
    ("needs_visa", "I don't need sponsorship", "no"),
    ("needs_visa", "not sure", "unsure"),
    ("needs_visa", "no idea", "unsure"),
    ("needs_visa", "maybe", "unsure"),
    ("needs_visa", "Yes, I'll need sponsorship", "yes"),
    # budget_usd: k, number words, currency, zero words
    ("budget_usd", "15k", 15000),
    ("budget_usd", "three thousand", 3000),
    ("budget_usd", "$15,000", 15000),
    ("budget_usd", "20 000 USD", 20000),
    ("budget_usd", "1.5k", 1500),
    ("budget_usd", "about 20k", 20000),
    ("budget_usd", "10-15k", 10000),
    ("budget_usd", "two thousand five hundred", 2500),
    ("budget_usd", "15 grand", 15000),
    ("budget_usd", "$2", 2),
    ("budget_usd", "500", 500),
    ("budget_usd", "nothing", 0),
    ("budget_usd", "nope", 0),
    ("budget_usd", "I can't afford anything", 0),
    ("budget_usd", "Up to $5,000", 5000),
    # can_pause_income
    ("can_pause_income", "nope", 0),
    ("can_pause_income", "no, I need my income", 0),
    ("can_pause_income", "a few months", 3),
    ("can_pause_income", "yes, for a few months", 3),
    ("can_pause_income", "for a year", 12),
    ("can_pause_income", "3 months", 3),
    ("can_pause_income", "half a year", 6),
    ("can_pause_income", "two years", 24),
    # hours_per_week: number words, per day, ranges, comparators
    ("hours_per_week", "ten hours", 10),
    ("hours_per_week", "15", 15),
    ("hours_per_week", "about 20", 20),
    ("hours_per_week", "2 hours a day", 14),
    ("hours_per_week", "an hour a day", 7),
    ("hours_per_week", "10-15 hours", 10),
    ("hours_per_week", "more than 10", 11),
    ("hours_per_week", "full time", 40),
    ("hours_per_week", "Full-time (40)", 40),
    ("hours_per_week", "1 hour a week", 1),
    ("hours_per_week", "half an hour a day", 4),
    ("hours_per_week", "a couple of hours a day", 14),
    ("hours_per_week", "7.5", 8),
    # learning_style
    ("learning_style", "on my own", "self_directed"),
    ("learning_style", "I want structure", "structured"),
    ("learning_style", "with mentors", "structured"),
    ("learning_style", "a quick intro", "fast_intro"),
    ("learning_style", "On my own, with my own plan", "self_directed"),
]


@pytest.mark.parametrize(("field", "typed", "expected"), ANSWERS)
def test_typed_answer_in_peoples_words(
    parser: TypedAnswers, content: Content, field: str, typed: str, expected: str | int
) -> None:
    assert parse(parser, content, field, typed) == Parsed(value=expected)


def test_every_button_label_typed_in_full_is_its_answer(
    parser: TypedAnswers, content: Content
) -> None:
    for field, question in BY_FIELD.items():
        for option in content.dialogue.questions[field].options:
            value = option.value if question.kind == "choice" else int(option.value)
            assert parse(parser, content, field, option.label) == Parsed(value=value), option


def test_every_yes_no_question_takes_yes_and_no_synonyms(
    parser: TypedAnswers, content: Content
) -> None:
    for field in ("needs_visa", "can_pause_income", "coding_experience", "degree"):
        for typed in ("no", "nope", "nah", "No.", "not really"):
            assert parse(parser, content, field, typed).value is not None, (field, typed)
    for field in ("needs_visa", "can_pause_income"):
        for typed in ("yes", "yep", "yeah", "Yes!", "sure"):
            parsed = parse(parser, content, field, typed)
            assert parsed.value is not None or parsed.ambiguous, (field, typed)


@pytest.mark.parametrize(
    ("field", "typed", "readings"),
    [
        ("budget_usd", "2", (2000, 2)),
        ("budget_usd", "about 20", (20000, 20)),
        ("hours_per_week", "1", (1, 7)),
        ("hours_per_week", "three", (3, 21)),
        ("can_pause_income", "yes", (1, 12)),
    ],
)
def test_ambiguous_input_asks_instead_of_guessing(
    parser: TypedAnswers, content: Content, field: str, typed: str, readings: tuple[object, ...]
) -> None:
    assert parse(parser, content, field, typed) == Parsed(error="ambiguous", ambiguous=readings)


@pytest.mark.parametrize(
    ("field", "typed", "error"),
    [
        ("hours_per_week", "0", "out_of_range_hours_per_week"),
        ("hours_per_week", "81", "out_of_range_hours_per_week"),
        ("hours_per_week", "12 hours a day", "out_of_range_hours_per_week"),
        ("years_experience", "61", "out_of_range_years_experience"),
        ("budget_usd", "-5", "out_of_range_budget_usd"),
        ("hours_per_week", "lots", "invalid_integer"),
        ("years_experience", "15k", "invalid_integer"),
        ("budget_usd", "a fortune", "invalid_money"),
        ("degree", "astronaut", "invalid_choice"),
        ("degree", "   ", "invalid_empty"),
        ("learning_style", "not sure", "unsure_no_option"),
        ("hours_per_week", "no idea", "unsure_no_option"),
        ("years_experience", "3 or 4 years, 2 of them paid", "several_numbers"),
        ("degree", "Is a master's realistic without a bachelor's?", "not_an_answer"),
        ("budget_usd", "how much does the accelerated program pay?", "not_an_answer"),
        ("needs_visa", "what is an H-1B", "not_an_answer"),
    ],
)
def test_what_is_not_an_answer_is_named(
    parser: TypedAnswers, content: Content, field: str, typed: str, error: str
) -> None:
    parsed = parse(parser, content, field, typed)
    assert parsed == Parsed(error=error)
    assert error in content.dialogue.messages
    content.dialogue.messages[error].format(hint="")  # every error message takes only {hint}


def test_cant_is_not_a_question_but_can_is(parser: TypedAnswers) -> None:
    assert not parser.looks_like_question("can't afford anything")
    assert parser.looks_like_question("can I pay later")
    assert parser.looks_like_question("10 hours enough?")


def test_a_typed_button_label_finds_its_button() -> None:
    buttons = [Button("Let's begin", Begin("welcome")), Button("« Back", Back("degree"))]
    assert match_button("let's begin", buttons) == buttons[0]
    assert match_button("Back", buttons) == buttons[1]
    assert match_button("begin please", buttons) is None
