"""A figure asked for one place: the articles name no country, region or city, so their
figures are no place's in particular (flows/asking/ask_places.py). Their figures are American,
so the United States asks for them; a place that is the person's own, or sits in another
sentence, leaves the question as it was. Wordings are ours, not the tuning sets'."""

from __future__ import annotations

import pytest

from flows.asking.ask import AskIndex
from flows.asking.ask_reply import answer_text, respond
from flows.asking.ask_types import PLACE, WHERE


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("roughly what would a short ai certificate run me in kenya", "kenya"),
        ("how many years does a masters take over in the netherlands", "the netherlands"),
        ("is an ai bootcamp cheaper across southeast asia", "southeast asia"),
        ("tuition for a masters in lisbon, ballpark?", "lisbon"),
        ("what would a german bootcamp set me back", "german"),
        ("bootcamp vs masters, which costs less in brazil", "brazil"),
    ],
)
def test_a_figure_for_one_place_is_not_given(index: AskIndex, question: str, place: str) -> None:
    result = index.ask(question)
    assert (result.uncovered, result.name) == (PLACE, place)
    text = answer_text(index, result)
    assert "don't give figures for any particular country" in text


@pytest.mark.parametrize(
    "question",
    [
        "how much does a masters cost in the states",  # the articles' own figures
        "whats the usual price of a masters in america",
        "i'm based in ghana - how much are the short certificate programs",  # their own place
        "how long is a master's degree? in my country it's two years",  # another sentence
        "how much is a short certificate program in total",  # no place at all
        "how much does a bootcamp cost if i do the reading at night",
    ],
)
def test_the_articles_figures_still_answer(index: AskIndex, question: str) -> None:
    assert respond(index, question).status == "answered", question


def test_a_place_without_a_figure_is_left_to_the_rest(index: AskIndex) -> None:
    result = index.ask("what do applied ml engineers in berlin do all day")
    assert result.uncovered != PLACE


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("would a cs masters be worth more in germany or in the us", "germany"),
        (
            "can people join the accelerated program from within nigeria, is it offered there",
            "nigeria",
        ),
    ],
)
def test_where_a_program_runs_or_which_place_is_better_is_not_given(
    index: AskIndex, question: str, place: str
) -> None:
    result = index.ask(question)
    assert result.uncovered == WHERE and result.name == place, result
    assert "name no countries" in answer_text(index, result)


def test_a_visa_question_naming_two_countries_is_left_to_the_visa_passages(
    index: AskIndex,
) -> None:
    assert index.ask("i'm from india, do i need sponsorship to work in the us").uncovered != WHERE
