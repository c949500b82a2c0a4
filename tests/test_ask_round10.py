"""Round 10 (held-out sets 104-109, tuned on as questions_103-108): one test per class of miss,
in wordings unlike the sets. Classes the articles skip (PhD funding, how the apprenticeship pay
is paid out, which role earns more, a discount for paying at once, whether a credential counts
for a visa) say so; covered questions that a stray word sent to "not covered" ("w/ 2 kids",
"till I graduate", "bad at maths in school", "my English is weak") are answered."""

from __future__ import annotations

import pytest

from flows.asking.ask import AskIndex
from flows.asking.ask_reply import respond


@pytest.mark.parametrize(
    "question",
    [
        "do doctoral students in machine learning get their funding covered",
        "does the apprentice money arrive as a lump sum or in pieces",
        "which role is better paid, research engineer or mlops",
        "do they knock something off the price if i settle the whole tuition upfront",
        "does a bootcamp certificate count as a degree anywhere",
    ],
)
def test_round10_skipped_classes_say_so(index: AskIndex, question: str) -> None:
    got = respond(index, question)
    assert got.status == "not_covered", got


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # "w/ 2 kids" is no W-2 tax question
        ("how many months is the accelerated one, asking as a dad w/ 2 toddlers", "14 months"),
        # "till I graduate" is the program's length, not a start date
        (
            "if i begin the career switcher immersive next week, how many months till i graduate",
            "18 months",
        ),
        # a subject, not a country: master's programs in CS or ML have a cost range
        ("what do masters programs in machine learning usually cost", "$30,000"),
        # how people fail at teaching themselves is covered; placement rates are not
        ("why do so many people fail when teaching themselves AI", "structure"),
        ("is it worth writing blog posts about my projects even if my english is weak", "writing"),
    ],
)
def test_round10_stray_words_do_not_hide_an_answer(
    index: AskIndex, question: str, fact: str
) -> None:
    got = respond(index, question)
    assert got.status == "answered" and fact.lower() in got.text.lower(), got


def test_round10_a_cert_program_is_compared_with_a_degree(index: AskIndex) -> None:
    got = respond(index, "cert programs vs a masters, which costs less")
    assert got.status == "answered" and "$10,000 to $20,000" in got.text, got
    assert "$30,000" in got.text, got


def test_round10_the_language_someone_writes_is_their_background(index: AskIndex) -> None:
    got = respond(index, "i write COBOL all day, what does the accelerated program require")
    assert got.status == "answered" and "production" in got.text.lower(), got
