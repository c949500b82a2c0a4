"""The answer model: finer answers, and old saved or sent answers that keep their meaning."""

from __future__ import annotations

import pytest

from flows.actions import Confirm, Pick
from flows.conversation import Conversation
from flows.engine import Engine
from flows.events import Command, Press
from flows.profile import PROFESSIONAL_CODING, Profile
from flows.questions import BY_FIELD, is_needed
from tests.conftest import BASE_PROFILE, make_profile


@pytest.mark.parametrize(("old", "months"), [("no", 0), ("months", 3), ("years", 12)])
def test_old_income_answers_keep_a_meaning_in_a_profile(old: str, months: int) -> None:
    assert make_profile(can_pause_income=old).can_pause_income == months


@pytest.mark.parametrize(("old", "months"), [("no", 0), ("months", 3), ("years", 12)])
def test_people_mid_interview_keep_their_old_income_answer(old: str, months: int) -> None:
    stored = {
        "state": "hours_per_week",
        "answers": {"coding_experience": "ml", "can_pause_income": old},
    }
    conv = Conversation.model_validate(stored)
    assert conv.answers == {"coding_experience": "ml", "can_pause_income": months}


def test_old_coding_and_degree_values_keep_their_meaning() -> None:
    profile = Profile.model_validate(
        {**BASE_PROFILE, "coding_experience": "ml", "degree": "graduate"}
    )
    assert profile.coding_experience == "ml" and profile.coding_experience in PROFESSIONAL_CODING
    assert profile.degree == "graduate"


def test_months_without_pay_is_a_number_with_bounds() -> None:
    question = BY_FIELD["can_pause_income"]
    assert question.kind == "integer"
    assert question.is_valid(0) and question.is_valid(7) and question.is_valid(120)
    assert not question.is_valid(-1) and not question.is_valid(121) and not question.is_valid("no")


def test_button_values_are_the_lower_end_of_each_range(content: object) -> None:
    from flows.content import default_content

    options = default_content().dialogue.questions["can_pause_income"].options
    assert [o.value for o in options] == ["0", "1", "4", "7", "12"]


@pytest.mark.parametrize("coding", ["none", "some", "data"])
def test_years_are_asked_only_of_people_who_code_professionally(coding: str) -> None:
    assert not is_needed("years_experience", {"coding_experience": coding})


@pytest.mark.parametrize("coding", ["production", "ml"])
def test_years_are_asked_of_engineers_and_ml_builders(coding: str) -> None:
    assert is_needed("years_experience", {"coding_experience": coding})


def test_a_summary_saved_before_the_pay_question_asks_just_that_one(engine: Engine) -> None:
    answers = {**BASE_PROFILE, "can_pause_income": "no"}
    del answers["apprenticeship_pay"]
    conv = Conversation.model_validate({"state": "summary", "answers": answers})
    step = engine.handle(conv, Press(Confirm("summary")))
    assert step.conversation.state == "apprenticeship_pay"
    step = engine.handle(step.conversation, Press(Pick("apprenticeship_pay", "yes")))
    assert step.conversation.state == "summary"
    step = engine.handle(step.conversation, Press(Confirm("summary")))
    assert step.conversation.state == "recommendation" and step.reply.kind == "recommendation"


def test_a_recommendation_saved_before_the_pay_question_still_shows(engine: Engine) -> None:
    answers = {k: v for k, v in BASE_PROFILE.items() if k != "apprenticeship_pay"}
    conv = Conversation.model_validate({"state": "recommendation", "answers": answers})
    profile = conv.profile()
    assert profile is not None and profile.apprenticeship_pay is None
    reply = engine.handle(conv, Command("recommendation")).reply
    assert reply.kind == "recommendation"
    assert any("live on about $1,857" in i for b in reply.blocks for i in b.items)
