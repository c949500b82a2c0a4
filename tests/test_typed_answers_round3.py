"""Typed answers, round 3 (issue 18): the apprenticeship-pay question in words, a mix of answers,
an exclusion inside a longer phrase, a degree nearly finished. Wordings here are not the tuning
set's: each test names a class of answers, not one sentence."""

from __future__ import annotations

from datetime import date

import pytest

from flows.reading.understanding import Understander
from tests.reading import understand

TODAY = date(2026, 12, 6)


PAY = "apprenticeship_pay"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("yep, works for me", "yes"),
        ("that is plenty, I share a flat", "yes"),
        ("I can get by on that", "yes"),
        ("not nearly enough", "no"),
        ("I couldn't cover my bills with that", "no"),
        ("can't", "no"),
        ("it's too low where I live", "no"),
        ("I'd rather not", "no"),
        ("depends where the job is", "unsure"),
        ("I need to do the maths first", "unsure"),
        ("low but fine", "yes"),
    ],
)
def test_apprenticeship_pay_in_words_is_stored(
    understander: Understander, typed: str, expected: str
) -> None:
    got = understand(understander, PAY, typed)
    assert (got.status, got.value) == ("stored", expected), got


@pytest.mark.parametrize(
    ("typed", "offered"),
    [
        ("most likely", {"yes", "unsure"}),  # a hedge
        ("i doubt it", {"no", "unsure"}),
        ("it'd be a stretch", {"yes", "no", "unsure"}),
        ("as long as my partner keeps working", {"yes", "unsure"}),  # a condition
        ("we have a mortgage and debts", {"no", "unsure"}),  # a reason, not an answer
        ("with savings on top", {"yes", "unsure"}),
    ],
)
def test_a_hedged_or_conditional_pay_answer_is_asked(
    understander: Understander, typed: str, offered: set[str]
) -> None:
    got = understand(understander, PAY, typed)
    assert got.status == "clarify", got
    assert offered <= {o.value for o in got.options}


@pytest.mark.parametrize(
    "typed",
    [
        "a combination of mentors and my own reading",
        "a bit of both, a course and youtube",
        "self study but with a mentor",
        "deadlines, though mostly on my own",
    ],
)
def test_a_mix_of_learning_styles_is_asked_about(understander: Understander, typed: str) -> None:
    got = understand(understander, "learning_style", typed)
    assert got.status == "clarify", got
    assert {"structured", "self_directed"} <= {o.value for o in got.options}


def test_a_correction_on_other_questions_still_takes_the_later_side(
    understander: Understander,
) -> None:
    got = understand(understander, "needs_visa", "I'm a citizen but I want to work in the US")
    assert (got.status, got.value) == ("stored", "yes")


@pytest.mark.parametrize(
    ("typed", "offered"),
    [
        ("last semester of a computer science bachelor", {"none", "bachelor_cs"}),
        ("graduating soon with a BA in history", {"none", "bachelor_other"}),
        ("nearly finished my MSc in statistics", {"bachelor_cs", "graduate"}),
    ],
)
def test_a_degree_nearly_finished_is_asked_about(
    understander: Understander, typed: str, offered: set[str]
) -> None:
    got = understand(understander, "degree", typed)
    assert got.status == "clarify", got
    assert {o.value for o in got.options} == offered


def test_a_degree_dropped_or_in_its_first_years_is_the_level_below(
    understander: Understander,
) -> None:
    for typed in ("second year of a CS bachelor", "dropped out of my master's in physics"):
        got = understand(understander, "degree", typed)
        assert got.status in ("stored", "clarify"), got
        values = {got.value} if got.status == "stored" else {o.value for o in got.options}
        assert not values & {"graduate", "graduate_other"} or "master" not in typed
        assert got.value != "bachelor_cs" or "bachelor" not in typed


def test_the_level_named_outranks_graduated_in_the_echo(understander: Understander) -> None:
    got = understand(understander, "degree", "graduated in 2012, BSc in biology")
    assert got.value == "bachelor_other"
    assert got.echo is not None and "biology" in got.echo
