"""Typed answers, round 10 (issue 18): the classes of silent mistakes held-out sets 104-114
found (what is planned or offered read as held, another person's condition read as the
person's own, a list after "anything but", a day's hours with no days, dollars with a country's
letters). Each test names a class with wordings of our own, not the sets' sentences."""

from __future__ import annotations

import pytest

from flows.reading.understanding import Understander
from tests.reading import options, understand


@pytest.mark.parametrize(
    ("field", "typed", "now"),
    [
        (
            "degree",
            "admitted to an MSc in AI for next year, my BA is in economics",
            "bachelor_other",
        ),
        ("degree", "my computing degree will be done in june", "none"),
        ("degree", "i'd like to do a phd in nlp someday", "none"),
        (
            "coding_experience",
            "signed an offer for a backend role, until then just tutorials",
            "some",
        ),
    ],
)
def test_a_plan_or_an_offer_is_asked_never_stored_as_held(
    understander: Understander, field: str, typed: str, now: str
) -> None:
    got = understand(understander, field, typed)
    assert got.status == "clarify" and now in options(got), got


@pytest.mark.parametrize(
    ("field", "typed", "said"),
    [
        ("budget_usd", "my employer would cover 8k once i finish probation", 8000),
        ("can_pause_income", "half a year if my husband gets the new job, otherwise nothing", 6),
        ("hours_per_week", "15 a week once the twins start nursery", 15),
    ],
)
def test_an_amount_that_rests_on_a_condition_is_asked(
    understander: Understander, field: str, typed: str, said: int
) -> None:
    got = understand(understander, field, typed)
    assert got.status == "clarify" and said in options(got), got


def test_money_from_someone_else_beside_none_of_ones_own_is_asked(
    understander: Understander,
) -> None:
    got = understand(understander, "budget_usd", "my dad offered 12k towards it, i have zero saved")
    assert got.status == "clarify" and {0, 12000} <= set(options(got)), got


def test_every_item_listed_after_anything_but_is_ruled_out(understander: Understander) -> None:
    got = understand(understander, "goal_role", "anything except research and mlops")
    assert got.status == "clarify" and "research" not in options(got), got
    assert "mlops" not in options(got) and "applied_ml" in options(got), got


def test_a_day_with_no_days_named_is_asked_and_counted_days_are_added(
    understander: Understander,
) -> None:
    got = understand(understander, "hours_per_week", "the whole day, i'm between jobs")
    assert got.status == "clarify" and 40 in options(got), got
    counted = understand(understander, "hours_per_week", "3 full days a week")
    assert (counted.status, counted.value) == ("stored", 24), counted
    evening = understand(understander, "hours_per_week", "evenings after dinner, 8 to 10 mon-wed")
    assert (evening.status, evening.value) == ("stored", 6), evening


@pytest.mark.parametrize("typed", ["NT$150,000", "250k NTD", "4000 soles", "2500 JD"])
def test_dollars_with_a_country_s_letters_and_more_currencies_are_asked(
    understander: Understander, typed: str
) -> None:
    got = understand(understander, "budget_usd", typed)
    assert got.status == "clarify", got
    plain = understand(understander, "budget_usd", "US$ 4,000")
    assert (plain.status, plain.value) == ("stored", 4000), plain


@pytest.mark.parametrize(
    ("field", "typed"),
    [
        ("years_experience", "six years of data entry at a warehouse"),
        ("years_experience", "coding for 9 years, but paid for only some of them"),
        ("can_pause_income", "already 4 months out of work, i can hold on 2 more"),
        ("needs_visa", "i have a visa"),
    ],
)
def test_counts_and_statuses_that_may_not_be_the_answer_are_asked(
    understander: Understander, field: str, typed: str
) -> None:
    got = understand(understander, field, typed)
    assert got.status == "clarify", got


@pytest.mark.parametrize(
    ("field", "typed", "offered"),
    [
        ("degree", "graduate", "bachelor_other"),  # a value's plain name, said of any degree
        (
            "degree",
            "admitted to a data masters from next autumn, for now a BSc in nursing",
            "bachelor_other",
        ),
        ("years_experience", "i was a developer at 3 startups", 0),  # startups, not years
        ("years_experience", "only the one year as a dev, back in 2021", 1),
        ("hours_per_week", "a couple hrs", 2),
        ("needs_visa", "depends on where i land a job", "unsure"),
        ("apprenticeship_pay", "could be yes, could be no", "unsure"),
        ("apprenticeship_pay", "i'd need about 3000 a month to get by", "no"),
    ],
)
def test_plain_words_that_can_mean_two_things_are_asked(
    understander: Understander, field: str, typed: str, offered: object
) -> None:
    got = understand(understander, field, typed)
    assert got.status == "clarify" and offered in options(got), got


def test_hours_each_evening_said_in_passing_count_the_evenings(
    understander: Understander,
) -> None:
    got = understand(understander, "learning_style", "weekday evenings only, about 2.5 hrs each")
    assert got.status == "other_field" and got.also["hours_per_week"] == 12, got


@pytest.mark.parametrize("typed", ["RM8k", "15 triệu đồng", "40000 baht", "3 lakh taka"])
def test_more_asian_currencies_are_asked_in_dollars(understander: Understander, typed: str) -> None:
    got = understand(understander, "budget_usd", typed)
    assert got.status == "clarify", got


@pytest.mark.parametrize("typed", ["100 000 guaranies", "kr5000", "8000 lempiras"])
def test_an_amount_beside_a_word_nobody_knows_is_asked_in_dollars(
    understander: Understander, typed: str
) -> None:
    got = understand(understander, "budget_usd", typed)
    assert got.status == "clarify", got
    for plain in ("5000 upfront", "3000 dólares", "usd5000"):
        kept = understand(understander, "budget_usd", plain)
        assert kept.status == "stored", kept


def test_stints_in_months_add_up_before_they_are_rounded(understander: Understander) -> None:
    got = understand(
        understander,
        "years_experience",
        "seven months at one agency, then nine months at another one",
    )
    assert got.status == "clarify" and options(got)[0] == 1, got  # 16 months: a year, not 0 + 0


def test_a_second_case_joined_by_and_is_no_correction(understander: Understander) -> None:
    got = understand(
        understander, "hours_per_week", "8 in a normal week and more like 25 in summer"
    )
    assert got.status == "clarify" and {8, 25} <= set(options(got)), got
    fixed = understand(understander, "hours_per_week", "8 hours, sorry, more like 6")
    assert (fixed.status, fixed.value) == ("stored", 6), fixed


def test_every_single_night_is_every_night(understander: Understander) -> None:
    got = understand(understander, "hours_per_week", "every single evening 8 to 9pm")
    assert (got.status, got.value) == ("stored", 7), got


def test_money_said_as_savings_or_a_salary_is_no_budget_in_passing(
    understander: Understander,
) -> None:
    salary = understand(understander, "years_experience", "4 years as a dev, on a $90k salary")
    assert "budget_usd" not in salary.also, salary
    saved = understand(understander, "needs_visa", "no visa needed, i have 6k saved for courses")
    assert saved.also.get("budget_usd") == 6000, saved


def test_liking_to_read_is_not_a_way_of_learning(understander: Understander) -> None:
    got = understand(understander, "learning_style", "I'd like applied ML work. I enjoy reading.")
    assert got.status == "other_field" and got.also == {"goal_role": "applied_ml"}, got


def test_filler_words_are_dropped_the_same_way_in_every_process(
    understander: Understander,
) -> None:
    got = understand(understander, "goal_role", "keine Ahnung ehrlich gesagt")
    assert (got.status, got.value) == ("stored", "unsure"), got


def test_months_of_several_contracts_that_add_to_a_year_are_asked(
    understander: Understander,
) -> None:
    got = understand(
        understander, "years_experience", "my last gig was 5 months, the one before 8 months"
    )
    assert got.status == "clarify" and options(got)[0] == 1, got


def test_a_degree_finished_in_a_year_is_no_start_of_work(understander: Understander) -> None:
    got = understand(understander, "years_experience", "did a master's in finance, completed 2020")
    assert got.status != "stored", got
    kept = understand(
        understander, "years_experience", "since i completed my degree in 2020 i code"
    )
    assert (kept.status, kept.value) == ("stored", 6), kept


@pytest.mark.parametrize(
    ("field", "typed"),
    [
        ("needs_visa", "i've got a passport"),
        ("budget_usd", "my parents could lend me 20k but i have nothing saved myself"),
        ("goal_role", "research or applied, no clue which one to pick"),
    ],
)
def test_what_leaves_the_answer_open_is_asked(
    understander: Understander, field: str, typed: str
) -> None:
    assert understand(understander, field, typed).status == "clarify"


@pytest.mark.parametrize(
    ("field", "typed", "offered"),
    [
        ("goal_role", "whichever one pays best without a phd", "applied_ml"),
        ("hours_per_week", "free all day since i left my job last month", 40),
        ("learning_style", "self-paced mostly, with a mentor sometimes, half half", "structured"),
    ],
)
def test_a_condition_a_lone_day_or_a_half_and_half_is_asked(
    understander: Understander, field: str, typed: str, offered: object
) -> None:
    got = understand(understander, field, typed)
    assert got.status == "clarify" and offered in options(got), got


@pytest.mark.parametrize(
    ("field", "typed"),
    [
        ("can_pause_income", "EU passport, so no visa needed"),
        ("budget_usd", "no degree needed for that, right?"),
    ],
)
def test_a_no_said_of_another_question_is_no_zero_here(
    understander: Understander, field: str, typed: str
) -> None:
    got = understand(understander, field, typed)
    assert got.status != "stored", got
    kept = understand(
        understander, "years_experience", "a bootcamp certificate, but no dev job yet"
    )
    assert (kept.status, kept.value) == ("stored", 0), kept


def test_a_degree_s_year_is_no_years_of_work(understander: Understander) -> None:
    got = understand(understander, "years_experience", "I finished my BA in economics in 2015")
    assert got.status == "clarify" and 0 in options(got), got
    noted = understand(understander, "years_experience", "got my BSc in computing in 2019")
    assert noted.status == "other_field" and "degree" in noted.also, noted


def test_zero_said_of_another_question_is_noted_there(understander: Understander) -> None:
    got = understand(understander, "needs_visa", "budget: zero, nothing at all")
    assert got.status == "other_field" and got.also.get("budget_usd") == 0, got


def test_a_degree_still_to_be_defended_is_asked(understander: Understander) -> None:
    got = understand(understander, "degree", "BSc in physics, my MSc thesis defense is in march")
    assert got.status == "clarify" and "bachelor_other" in options(got), got
