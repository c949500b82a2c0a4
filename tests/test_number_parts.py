"""Messages with several numbers, and choices that hang on a condition
(flows/reading/number_parts.py,
flows/reading/understand_choice.py): every number is read with what it is for before one is kept."""

from __future__ import annotations

from datetime import date

import pytest

from flows.reading.understanding import Understander
from tests.reading import understand

TODAY = date(2026, 12, 6)


@pytest.mark.parametrize(
    ("field", "text", "value", "shown"),
    [
        # spans of years, stints that add up, time away
        ("years_experience", "from 2018 to 2022 at Accenture, then I switched to sales", 4, ""),
        ("years_experience", "jan 2024 - now", 2, ""),
        ("years_experience", "graduated 2021 and I've been a backend dev ever since", 5, ""),
        ("years_experience", "started in 2008, took a break 2015-2017 for the kids", 16, ""),
        ("years_experience", "2 years, and 1 year internship", 2, ""),
        # a week's schedule, a job's hours left out, clock times, commutes, caps
        ("hours_per_week", "3 on saturday and 3 on sunday", 6, "3 + 3"),
        ("hours_per_week", "1.5h on weeknights, plus 4h on sunday", 11, "7.5 + 4"),
        ("hours_per_week", "I work 50 hours a week so maybe 5 on top", 5, ""),
        ("hours_per_week", "I have a full time job so maybe 5 hours", 5, ""),
        ("hours_per_week", "monday to friday from 7 to 9 pm", 10, "5 weekdays"),
        ("hours_per_week", "1 hour each way on the train, 5 days", 10, "5 days"),
        ("hours_per_week", "not more than 10", 10, ""),
        ("hours_per_week", "three evenings a week, 2 hours each", 6, "3 days"),
        # dollars someone worked out themselves
        ("budget_usd", "€3000 (about $3,300)", 3300, ""),
        ("can_pause_income", "a quarter", 3, ""),
        ("learning_style", "i hate classes, just let me hack on stuff", "self_directed", ""),
    ],
)
def test_each_number_is_read_for_what_it_is(
    understander: Understander, field: str, text: str, value: int | str, shown: str
) -> None:
    got = understand(understander, field, text)
    assert (got.status, got.value) == ("stored", value), got
    assert got.echo and shown in got.echo


@pytest.mark.parametrize(
    ("field", "text", "offered"),
    [
        ("years_experience", "coding as a hobby for 6 years", {0, 6}),
        ("years_experience", "worked in IT support for 6 years, no coding involved", {0, 6}),
        ("years_experience", "10 years but only 3 in backend", {10, 3}),
        # stints that add up are read back with their parts: not every job may count (round 5:
        # "2 years of backend, then 4 as a product manager" was stored as 6)
        ("years_experience", "2 years at Infosys then 3 at a startup", {5, 2, 3}),
        ("years_experience", "3 yrs freelance + 4 yrs full time at google", {7, 3, 4}),
        ("hours_per_week", "depends, 5 in busy weeks and 15 in quiet ones", {5, 15}),
        ("hours_per_week", "100", {40}),
        ("budget_usd", "£4000", {5000}),
        ("budget_usd", "CAD 8000", {5000}),
        ("budget_usd", "I have 12000 dollars saved but can only spend half of it", {6000}),
        ("can_pause_income", "retired, no longer need to work", {12}),
        ("coding_experience", "Kaggle competitions on weekends just for fun", {"some", "ml"}),
        ("needs_visa", "if I move to the US then yes", {"yes", "unsure"}),
        ("needs_visa", "I'm on my husband's H-4 EAD, but if he loses his job...", {"no", "unsure"}),
        ("target_employer", "staying with my current employer, JPMorgan", {"regulated"}),
        ("goal_role", "anything except research", {"applied_ml", "mlops"}),
        ("degree", "Electrical engineering BSc", {"bachelor_cs", "bachelor_other"}),
    ],
)
def test_what_could_be_either_is_asked(
    understander: Understander, field: str, text: str, offered: set[str | int]
) -> None:
    got = understand(understander, field, text)
    assert got.status == "clarify" and got.value is None, got
    assert offered <= {o.value for o in got.options}, got.options


def test_a_currency_is_asked_in_dollars_never_stored_as_dollars(
    understander: Understander,
) -> None:
    for text in ("£4000", "€5000", "50,000 rupees", "¥500,000"):
        got = understand(understander, "budget_usd", text)
        assert got.status == "clarify" and got.echo and "US dollars" in got.echo, got


def test_a_past_job_is_no_wish_and_a_visa_code_no_number(understander: Understander) -> None:
    got = understand(understander, "years_experience", "2 years at Infosys then 3 at a startup")
    assert "target_employer" not in got.also
    got = understand(understander, "years_experience", "6 years as a backend dev, on an H-1B now")
    assert got.value == 6
    assert dict(got.also) == {"needs_visa": "yes", "coding_experience": "production"}
    got = understand(understander, "target_employer", "I work at a bank and want to stay there")
    assert got.value == "regulated"


def test_im_a_is_not_a_master_of_arts(understander: Understander) -> None:
    got = understand(understander, "degree", "I'm a high school teacher with a history BA")
    assert (got.status, got.value) == ("stored", "bachelor_other"), got
    assert understand(understander, "degree", "no").value == "none"
    assert understand(understander, "degree", "B.Tech").status == "clarify"
