"""A clear-looking reading that the message itself casts doubt on is asked, never stored
(flows/reading/doubt.py): hedges, the past, a later half that says otherwise, a negated
subject, a number that counts something else, two countries at the visa question."""

from __future__ import annotations

import pytest

from flows.content import default_content
from flows.reading.understanding import Understander


@pytest.fixture(scope="module")
def understander() -> Understander:
    return Understander(default_content())


@pytest.mark.parametrize(
    ("field", "typed", "offered"),
    [
        ("coding_experience", "I'm a BI analyst, not sure if SQL counts as coding", "data"),
        (
            "coding_experience",
            "used to be a java developer 10 years ago, now a florist",
            "production",
        ),
        ("coding_experience", "data analyst on paper, but really I ship django apps", "data"),
        ("years_experience", "teacher for 9 years, never had a coding job", 0),
        ("years_experience", "QA analyst for 4 years, but coding was never part of it", 0),
        ("years_experience", "several years", 3),
        ("years_experience", "10 yrs in IT but only the last 3 as a developer", 3),
        ("apprenticeship_pay", "yes for a while, but not for a year and a half", "no"),
        ("apprenticeship_pay", "kinda? depends on rent", "yes"),
        ("needs_visa", "I'm Mexican but I work for a Canadian company, no visa so far", "yes"),
        ("hours_per_week", "honestly little, I do 10h shifts at the ER", 10),
        ("years_experience", "not even one year, sorry", 0),
        ("coding_experience", "I'm a data analyst, though I'd like to move to ML", "data"),
        ("coding_experience", "backend dev but I want to get into ML", "production"),
        ("years_experience", "programming since I was 15, never for money", 0),
        ("years_experience", "I'm 29", 29),
        ("hours_per_week", "barely any, I work 55h weeks", 55),
        ("apprenticeship_pay", "for a year yes, for the full 18 months no", "no"),
        ("can_pause_income", "a few months", 3),
    ],
)
def test_a_doubtful_reading_is_asked(
    understander: Understander, field: str, typed: str, offered: str | int
) -> None:
    got = understander.understand(field, typed)
    assert got.status == "clarify", got
    assert offered in [o.value for o in got.options], got


@pytest.mark.parametrize(
    ("field", "typed", "stored"),
    [
        ("goal_role", "my manager suggests MLOps, but I want research", "research"),
        ("coding_experience", "frontend developer at an agency", "production"),
        ("years_experience", "5 years as a backend dev", 5),
        ("hours_per_week", "half time", 20),
        ("hours_per_week", "I work 45 hours a week so maybe 6 on top", 6),
        ("hours_per_week", "30 min at lunch", 2),
        # round 11: "a year" counts as one stint, and the internship is no professional year
        ("years_experience", "a 4 month internship, then about a year of contract work", 1),
    ],
)
def test_a_clear_reading_is_still_stored(
    understander: Understander, field: str, typed: str, stored: str | int
) -> None:
    got = understander.understand(field, typed)
    assert (got.status, got.value) == ("stored", stored), got


def test_a_hedge_carried_by_another_answer_is_not_this_one(understander: Understander) -> None:
    got = understander.understand("needs_visa", "probably 5k")  # a budget, at the visa question
    assert (got.status, dict(got.also)) == ("other_field", {"budget_usd": 5000}), got


@pytest.mark.parametrize(
    ("field", "typed", "offered"),
    [
        ("hours_per_week", "I work 8-4 at a bank, then free 2 hours most evenings", 10),
        ("budget_usd", "25k saved but I need most of it to live on", 25000),
        ("can_pause_income", "savings for about 5 months, I'd rather not drain them", 5),
        ("hours_per_week", "10 a week for now, less once the baby comes", 10),
    ],
)
def test_what_the_rest_of_the_message_says_leaves_the_number_open(
    understander: Understander, field: str, typed: str, offered: int
) -> None:
    got = understander.understand(field, typed)
    assert got.status == "clarify" and offered in [o.value for o in got.options], got


def test_not_sure_beside_what_is_ruled_out_asks_for_the_rest(understander: Understander) -> None:
    got = understander.understand("target_employer", "not defense, not a bank. anything else")
    assert got.status == "clarify" and "industry" in [o.value for o in got.options], got
    plain = understander.understand("target_employer", "no preference")
    assert (plain.status, plain.value) == ("stored", "unsure"), plain
