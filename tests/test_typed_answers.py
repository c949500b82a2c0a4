"""Typed answers in people's own words, for every question (flows/reading/understanding.py +
vocabulary).

Values are the round-3 answer model (flows/reading/answer_model.py): `data` and `graduate_other`
exist, and months without pay are a number.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from bench.understanding_eval import run_typed, score_typed
from bot.cli import main
from flows.actions import Back, Begin
from flows.content import Content
from flows.questions import match_button
from flows.reading.answer_model import CHOICES, FIELDS, KINDS
from flows.reading.understanding import Understander
from flows.reply import Button
from tests.reading import understand

TODAY = date(2026, 12, 6)
TUNING = Path(__file__).parent / "tuning" / "typed_answers.yaml"


# (question, typed, stored answer): the silent failures first, then everyday forms.
STORED: list[tuple[str, str, str | int]] = [
    ("degree", "MS in statistics", "graduate"),
    ("degree", "PhD in biology", "graduate_other"),
    ("degree", "not a CS degree, it's in history", "bachelor_other"),
    ("degree", "associate degree", "none"),
    ("coding_experience", "I'm a data analyst", "data"),
    ("coding_experience", "SQL and spreadsheets", "data"),
    ("degree", "high school only", "none"),
    ("degree", "a CS degree", "bachelor_cs"),
    ("degree", "MBA", "graduate_other"),
    ("coding_experience", "no professional experience, just hobby scripts", "some"),
    ("coding_experience", "some scripts", "some"),
    ("coding_experience", "nope", "none"),
    ("coding_experience", "backend developer", "production"),
    ("coding_experience", "I analyse data in SQL and Tableau", "data"),
    ("coding_experience", "I build ML models", "ml"),
    ("goal_role", "something with AI, not sure", "unsure"),
    ("goal_role", "mlops", "mlops"),
    ("goal_role", "applied ML I think", "applied_ml"),
    ("target_employer", "no preference", "unsure"),
    ("target_employer", "a big bank", "regulated"),
    ("target_employer", "university lab", "research_lab"),
    ("needs_visa", "EU citizen but I want to work in the US", "yes"),
    ("needs_visa", "yes, H-1B", "yes"),
    ("needs_visa", "no, I'm a citizen", "no"),
    ("needs_visa", "I don't need sponsorship", "no"),
    ("needs_visa", "no idea", "unsure"),
    ("years_experience", "since 2015", 11),
    ("years_experience", "3 yrs", 3),
    ("years_experience", "more than 10", 11),  # past 10: the "More than 10 years" button
    ("years_experience", "just over two years", 2),  # whole years done
    ("years_experience", "18 months", 1),
    ("years_experience", "a year and a half", 1),
    ("years_experience", "twenty five", 25),
    ("years_experience", "nope", 0),
    ("budget_usd", "15k", 15000),
    ("budget_usd", "$15,000", 15000),
    ("budget_usd", "three thousand", 3000),
    ("budget_usd", "10-15k", 10000),
    ("budget_usd", "nothing", 0),
    ("budget_usd", "I can't afford anything", 0),
    ("can_pause_income", "3 months", 3),
    ("can_pause_income", "a year", 12),
    ("can_pause_income", "half a year", 6),
    ("can_pause_income", "no", 0),
    ("can_pause_income", "no, I need my income", 0),
    ("can_pause_income", "nope", 0),
    ("can_pause_income", "for a year", 12),
    ("can_pause_income", "two years", 24),
    ("hours_per_week", "evenings, maybe 1-2h", 5),
    ("hours_per_week", "30 min a day", 3),
    ("hours_per_week", "2 hours a day", 14),
    ("hours_per_week", "ten hours", 10),
    ("hours_per_week", "full time", 40),
    ("hours_per_week", "3 hours a day on weekends", 6),
    ("learning_style", "on my own", "self_directed"),
    ("learning_style", "with mentors", "structured"),
    ("learning_style", "a quick intro", "fast_intro"),
]


@pytest.mark.parametrize(("field", "typed", "expected"), STORED)
def test_typed_answer_is_stored(
    understander: Understander, field: str, typed: str, expected: str | int
) -> None:
    got = understand(understander, field, typed)
    assert (got.status, got.value) == ("stored", expected), got
    assert got.echo and got.echo.startswith("Got it: ")


# (question, typed, values the person is asked to choose from, in part)
ASKED: list[tuple[str, str, set[str | int]]] = [
    # a field of AI is applied or research work: asked (round 4, competing signals)
    ("goal_role", "computer vision", {"applied_ml", "research"}),
    ("coding_experience", "I'm not a developer", {"none", "some"}),
    ("goal_role", "definitely not research", {"applied_ml", "mlops", "unsure"}),
    ("target_employer", "anything but government", {"industry", "unsure"}),
    ("coding_experience", "data scientist", {"ml", "data"}),
    ("degree", "bachelors", {"bachelor_cs", "bachelor_other"}),
    ("degree", "PhD", {"graduate", "graduate_other"}),
    ("degree", "MSc in physics", {"graduate", "graduate_other"}),
    ("learning_style", "udemy course", {"self_directed", "structured"}),
    ("hours_per_week", "weekends only", {4, 8}),
    ("budget_usd", "2", {2000, 2}),
    ("hours_per_week", "1", {1, 7}),
    ("can_pause_income", "yes", {1, 12}),
    # a rough amount is offered with the answers around it (round 5: "few months" was stored as
    # 3, and a blind set asked for a question)
    ("can_pause_income", "a few months", {3}),
    ("can_pause_income", "yes, for a few months", {3}),
]


@pytest.mark.parametrize(("field", "typed", "offered"), ASKED)
def test_a_weak_or_split_answer_is_asked_about(
    understander: Understander, field: str, typed: str, offered: set[str | int]
) -> None:
    got = understand(understander, field, typed)
    assert got.status == "clarify" and got.value is None, got
    assert offered <= {o.value for o in got.options}, got.options
    assert all(o.label for o in got.options) and got.echo


def test_negation_never_stores_the_option_it_rules_out(understander: Understander) -> None:
    for field, typed, never in [
        ("coding_experience", "I'm not a developer", "production"),
        ("goal_role", "definitely not research", "research"),
        ("target_employer", "anything but government", "regulated"),
        ("degree", "not a CS degree, it's in history", "bachelor_cs"),
    ]:
        got = understand(understander, field, typed)
        assert got.value != never and never not in {o.value for o in got.options}, got


def test_text_answering_another_question_is_noted_there(understander: Understander) -> None:
    got = understand(understander, "needs_visa", "I can't afford to stop working")
    assert (got.status, dict(got.also)) == ("other_field", {"can_pause_income": 0})
    assert got.echo and "Noted" in got.echo
    got = understand(understander, "target_employer", "maybe 3k")
    assert (got.status, dict(got.also)) == ("other_field", {"budget_usd": 3000})
    # a topic is not an answer: "degree requirements for visa sponsorship" is a question
    got = understand(understander, "years_experience", "degree requirements for visa sponsorship")
    assert got.status == "hint" and not got.also


def test_one_message_answers_several_questions(understander: Understander) -> None:
    text = "nurse, associate degree, about 6 hours on weekends, $2k"
    got = understand(understander, "coding_experience", text)
    assert got.status == "clarify" and "none" in {o.value for o in got.options}
    assert dict(got.also) == {"degree": "none", "hours_per_week": 6, "budget_usd": 2000}
    got = understand(understander, "coding_experience", "backend developer for 4 years")
    assert (got.value, dict(got.also)) == ("production", {"years_experience": 4})
    assert got.echo and "4 years" in got.echo


def test_the_echo_shows_the_assumption(understander: Understander) -> None:
    cases = {
        ("hours_per_week", "30 min a day"): "30 min a day × 7 days = 3.5 h/week",
        ("degree", "MSc in statistics"): "statistics counts as related",
        ("degree", "associate degree"): "no option for an associate degree",
        ("years_experience", "since 2015"): "since 2015",
    }
    for (field, typed), words in cases.items():
        echo = understand(understander, field, typed).echo
        assert echo and words in echo, echo


@pytest.mark.parametrize(
    ("field", "typed", "hint"),
    [
        ("hours_per_week", "0", "out_of_range_hours_per_week"),
        ("years_experience", "61", "out_of_range_years_experience"),
        ("budget_usd", "-5", "out_of_range_budget_usd"),
        ("hours_per_week", "lots", "invalid_integer"),
        ("budget_usd", "a fortune", "invalid_money"),
        ("degree", "astronaut", "invalid_choice"),
        ("degree", "   ", "invalid_empty"),
        ("hours_per_week", "no idea", "unsure_no_option"),
        ("degree", "Is a master's realistic without a bachelor's?", "not_an_answer"),
        ("needs_visa", "what is an H-1B", "not_an_answer"),
    ],
)
def test_what_is_not_an_answer_is_named(
    understander: Understander, content: Content, field: str, typed: str, hint: str
) -> None:
    got = understand(understander, field, typed)
    assert (got.status, got.hint, got.value) == ("hint", hint, None)
    assert hint in content.dialogue.messages
    content.dialogue.messages[hint].format(hint="")  # every hint message takes only {hint}


def test_every_button_label_and_number_typed_is_its_answer(
    understander: Understander, content: Content
) -> None:
    for field in FIELDS:
        options = content.dialogue.questions[field].options
        for index, option in enumerate(options, start=1):
            if KINDS[field] == "choice":
                if option.value not in CHOICES[field]:
                    continue
                expected: str | int = option.value
                # a bare number: Telegram shows no numbers on buttons (the console maps them
                # itself), so it is offered first and asked, never stored
                picked = understand(understander, field, str(index))
                assert picked.status == "clarify" and picked.options[0].value == expected
            elif option.value.isdigit():
                expected = int(option.value)
            else:
                continue
            assert understand(understander, field, option.label).value == expected, option


def test_every_hint_has_words(understander: Understander, content: Content) -> None:
    known = set(content.dialogue.messages) | set(content.understanding.hints)
    for field in FIELDS:
        for typed in ("-5", "999999999999", "lots", "", "what?", "not sure", "7 or 8, 3 of them"):
            got = understand(understander, field, typed)
            assert got.hint is None or got.hint in known, (field, typed, got.hint)


def test_cant_is_not_a_question_but_can_is(understander: Understander) -> None:
    assert not understander.looks_like_question("can't afford anything")
    assert understander.looks_like_question("can I pay later")
    assert understander.looks_like_question("10 hours enough?")


def test_json_contract(understander: Understander) -> None:
    data = understand(understander, "degree", "PhD in biology").as_json()
    assert set(data) == {"status", "field", "value", "options", "also", "echo"}
    assert data["status"] == "stored" and data["value"] == "graduate_other"
    data = understand(understander, "degree", "bachelors").as_json()
    assert data["status"] == "clarify" and data["options"][0].keys() == {"value", "label"}


def test_cli_understand_json(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["understand", "hours_per_week", "30 min a day", "--json", "--today", "2026-12-06"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["status"], data["value"]) == ("stored", 3)
    assert main(["understand", "nonsense", "x"]) == 2


def test_the_tuning_set_stores_nothing_wrong(capsys: pytest.CaptureFixture[str]) -> None:
    table = run_typed(TUNING, TODAY, verbose=False)
    total = sum(sum(row.values()) for row in table.values())
    right = sum(row["stored"] + row["asked"] for row in table.values())
    asked = [f for f in FIELDS if f != "apprenticeship_pay"]  # a yes/no the tuning sets predate
    assert total >= 150 and all(sum(table[f].values()) >= 15 for f in asked)
    assert sum(row["WRONG"] for row in table.values()) == 0, capsys.readouterr().out
    assert right / total >= 0.9


def test_the_second_tuning_set(capsys: pytest.CaptureFixture[str]) -> None:
    """The independently written set. Its two WRONG cases are a convention it does not share
    with the answer model: it stores "18 months" and "2 years" without pay as 12 ("a year or
    more"), where the model keeps the months typed (0-60, flows/reading/answer_model.py)."""
    table = run_typed(TUNING.with_name("typed_answers_2.yaml"), TODAY, verbose=False)
    total = sum(sum(row.values()) for row in table.values())
    right = sum(row["stored"] + row["asked"] for row in table.values())
    wrong = {f: row["WRONG"] for f, row in table.items() if row["WRONG"]}
    assert wrong in ({}, {"can_pause_income": 2}), capsys.readouterr().out
    assert right / total >= 0.95


def test_scoring_counts_a_wrong_value_as_wrong(understander: Understander) -> None:
    case = {"field": "degree", "text": "MS in statistics", "expect": {"value": "bachelor_cs"}}
    assert score_typed(case, understand(understander, "degree", "MS in statistics"))[0] == "WRONG"
    case = {"field": "needs_visa", "text": "x", "expect": {"other_field": {"budget_usd": 1}}}
    assert score_typed(case, understand(understander, "needs_visa", "yes"))[0] == "WRONG"


def test_a_typed_button_label_finds_its_button() -> None:
    buttons = [Button("Let's begin", Begin("welcome")), Button("« Back", Back("degree"))]
    assert match_button("let's begin", buttons) == buttons[0]
    assert match_button("Back", buttons) == buttons[1]
    assert match_button("begin please", buttons) is None


def test_a_number_with_another_questions_unit_is_noted_there_not_stored_here(
    understander: Understander,
) -> None:
    for field, typed, other, value in [
        ("years_experience", "I could manage roughly 6 hours weekly", "hours_per_week", 6),
        ("can_pause_income", "zero budget, honestly", "budget_usd", 0),
    ]:
        got = understand(understander, field, typed)
        assert (got.status, got.value, dict(got.also)) == ("other_field", None, {other: value})
    got = understand(understander, "years_experience", "4 years, and I can do 4 hours a week")
    assert (got.status, got.value) == ("stored", 4)  # its own unit keeps it here


def test_a_break_after_a_span_of_work_is_not_that_span(understander: Understander) -> None:
    got = understand(understander, "years_experience", "developer 2016 to 2021, then a break")
    assert (got.status, got.value) == ("stored", 5)
    got = understand(understander, "years_experience", "coded 2012-2020; took a break 2014-2016")
    assert (got.status, got.value) == ("stored", 6)


def test_an_answer_with_slips_is_read_with_them_fixed_and_asked(
    understander: Understander,
) -> None:
    """QA round 3: "i did a few pyhton corses" was taken for a question and answered from the
    FAQ; read again with its slips fixed it is an answer, and the echo shows the reading."""
    got = understand(understander, "coding_experience", "a couple of pyhton scirpts")
    assert (got.status, [o.value for o in got.options]) == ("clarify", ["some"])
    assert got.echo and "python scripts" in got.echo  # what it was read as, to confirm
    got = understand(understander, "learning_style", "with a mentorr and structre")
    assert (got.status, [o.value for o in got.options]) == ("clarify", ["structured"])


def test_a_unit_per_period_with_a_slash_is_read_as_spaced(understander: Understander) -> None:
    """QA round 3: "3 h/week", the bot's own wording, was asked about again and again."""
    for typed in ("3 h/week", "3 hrs/wk", "3h/wk"):
        got = understand(understander, "hours_per_week", typed)
        assert (got.status, got.value) == ("stored", 3), typed


def test_everyday_spellings_of_no_and_the_degree_named_in_the_echo(
    understander: Understander,
) -> None:
    """QA round 3: "cant" at months without pay got "not a whole number"; "JD" was echoed as
    "an MBA counts as another field"."""
    for typed in ("cant", "i couldnt"):
        got = understand(understander, "can_pause_income", typed)
        assert (got.status, got.value) == ("stored", 0), typed
    got = understand(understander, "degree", "JD")
    assert (
        got.value == "graduate_other" and got.echo and "JD" in got.echo and "MBA is" not in got.echo
    )


def test_another_question_is_noted_only_when_the_whole_message_reads_one_way(
    understander: Understander,
) -> None:
    """A clause alone ("Canadian citizen": no visa) may read otherwise in its message ("…,
    hoping to work in Japan": asked). Noted for later only when the whole message agrees."""
    got = understand(understander, "goal_role", "canadian citizen, hoping to work in japan")
    assert "needs_visa" not in got.also
    got = understand(understander, "goal_role", "mlops, and I'm a US citizen working in the US")
    assert got.value == "mlops" and got.also.get("needs_visa") == "no"
