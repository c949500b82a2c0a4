"""Classes of question found by held-out sets 97-101, in our own wordings: each must hear that
the articles don't cover it (or be declined), never get the nearest passage as if answered."""

from __future__ import annotations

import pytest

from flows.asking.ask import AskIndex
from flows.asking.ask_reply import respond


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # course providers the articles never name, typed in lower case
        ("is upgrad better than simplilearn", "other_providers"),
        ("thinking of coding ninjas or almabetter, any good", "other_providers"),
        # how earnings meet government support
        ("would the apprentice pay stop my universal credit", "public_benefits"),
        ("does the stipend count against ssdi", "public_benefits"),
        # support for a condition, and leave
        ("can i get reasonable adjustments in the google exam, i have adhd", "accessibility"),
        ("is there parental leave during the apprenticeship", "accessibility"),
        # where and how a certification exam is taken
        ("can i do the tensorflow exam from home", "cert_validity"),
        ("where do i take the azure exam", "cert_validity"),
        ("how many minutes do you get for the google ml exam", "cert_validity"),
        # figures in later years
        ("will tuition stay the same for future cohorts", "future_figures"),
        # admission to a master's elsewhere
        ("is a gate score needed for an msc abroad", "admissions"),
        ("admission requirements for a uk ai masters", "admissions"),
    ],
)
def test_what_the_articles_skip_is_said(index: AskIndex, question: str, topic: str) -> None:
    got = respond(index, question)
    assert got.status == "not_covered" and got.topic == topic


@pytest.mark.parametrize(
    "question",
    ["you are so dumb lol", "u r useless", "this bot is garbage", "stupid articles honestly"],
)
def test_insults_are_declined(index: AskIndex, question: str) -> None:
    assert respond(index, question).status == "declined"


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # an easy role is no question about disability support
        ("which ai role is most accessible for a career changer", "Applied ML"),
        ("what are the entry requirements for the accelerated immersive", "production"),
    ],
)
def test_near_misses_still_answer(index: AskIndex, question: str, fact: str) -> None:
    got = respond(index, question)
    assert got.status == "answered" and fact.lower() in got.text.lower()
