"""Questions in new wordings (issue 18, round 4): the side of a program asked about, comparisons
named in the plural or as a set, uncovered entries that yield to what the articles do cover,
other walks of life, stories, markup, and the fourth tuning set (held-out set 2, retired)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.understanding_eval import run_questions
from flows.asking.ask import AskIndex
from flows.asking.ask_reply import answer_text, respond

TUNING = Path(__file__).parent / "tuning"


@pytest.mark.parametrize(
    ("question", "want", "not_want"),
    [
        # who it suits, not "what it gives you": the cue words are everyday words
        ("who's the 18 month program designed for?", "career switchers", None),
        ("who is a degree actually the right choice for?", "research", None),
        # "not for" turns the cue round: the catches, never who it suits
        ("who is the accelerated immersive not for", "beginner", "who it suits"),
        # money at stake for a master's: the opportunity cost, with its figures
        ("total money at stake if I leave work for a master's", "$50,000", None),
        (
            "what's the real upside of a degree compared to learning by myself?",
            "theoretical depth",
            None,
        ),
    ],
)
def test_a_side_of_a_named_program_is_answered_from_that_side(
    index: AskIndex, question: str, want: str, not_want: str | None
) -> None:
    got = respond(index, question)
    assert got.status == "answered" and want.lower() in got.text.lower(), got
    assert not_want is None or not_want not in (got.topic or ""), got


@pytest.mark.parametrize(
    ("question", "facts"),
    [
        ("which is faster, a master's or one of those certificates?", ("1.5 to 2", "8 to 16")),
        ("compare the scholarships of both immersive programs", ("$3,000", "$10,400")),
        ("AWS ML vs Google ML engineer cert - cost and which is better?", ("$300", "$200")),
        ("engineer track vs career switcher track: pay after scholarships", ("$11,900", "$19,500")),
    ],
)
def test_comparisons_in_the_plural_as_a_set_or_with_a_name_inside_another(
    index: AskIndex, question: str, facts: tuple[str, ...]
) -> None:
    result = index.ask(question)
    text = answer_text(index, result)
    assert len(result.sides) >= 2 and all(f in text for f in facts), text


def test_names_with_a_slip_are_compared(index: AskIndex) -> None:
    assert len(index.ask("self studdy vs bootcamp").sides) == 2


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("cheapest certification", "The certifications compared"),
        ("what's the weakest cert", "The certifications compared"),
        ("wich certifcation is cheapest", "The certifications compared"),
        ("what's the shortest program", "The five paths at a glance"),
    ],
)
def test_a_superlative_over_a_section_gets_the_whole_list(
    index: AskIndex, question: str, topic: str
) -> None:
    assert respond(index, question).topic == topic


def test_both_alone_is_no_comparison(index: AskIndex) -> None:
    """ "learn both AWS and GCP" asks how many clouds to learn, not for two certifications."""
    assert not index.ask("should I learn both aws and gcp deeply").sides


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # where a master's is taught is covered ("campus-based or hybrid"); the Immersives' is not
        ("can i do the masters fully from home or do i have to be on campus??", "hybrid"),
        # "pay later" is the payment entry, unless it asks whether it is an ISA
        ("is the 14 month program some kind of ISA where I pay later from my salary?", "deferred"),
        ("what's the sticker price of the AI Engineering Immersive before discounts", "$29,900"),
    ],
)
def test_an_uncovered_entry_yields_to_what_the_articles_cover(
    index: AskIndex, question: str, fact: str
) -> None:
    got = respond(index, question)
    assert got.status == "answered" and fact in got.text, got


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("is the immersive taught remotely or in person?", "format"),
        ("is there a payment plan for the immersive", "payment"),
        ("who is eligible for the $10,400 scholarship, is it need-based?", "scholarship_terms"),
        ("how long does a phd take", "degree_figures"),
        ("how much does a bachelor's degree cost", "degree_figures"),
        ("should I do an internship first", "internships"),
        ("will AI agents replace AI engineers in the next 5 years?", "job_market"),
        ("which countries have the most AI engineer job openings?", "job_market"),
        ("does the apprenticeship include health insurance?", "apprenticeship_terms"),
        ("can I freelance with AI skills", "own_business"),
        ("do I need a cover letter", "job_search_details"),
        ("is flatiron legit", "provider_reputation"),
        ("is the google career certificate worth it", "other_certificates"),
        ("can I take a break during the program", "refunds"),
        ("is there a spring start for the immersive", "cohort_dates"),
    ],
)
def test_questions_the_articles_skip_say_so(index: AskIndex, question: str, key: str) -> None:
    assert index.ask(question).uncovered == key


@pytest.mark.parametrize(
    "message",
    [
        "<script>alert('hi')</script>",
        "'; DROP TABLE answers; --",
        "<img src=x onerror=alert(1)>",
        "{{7*7}}",
    ],
)
def test_markup_and_code_are_declined(index: AskIndex, message: str) -> None:
    assert index.ask(message).fallback == "refused"


def test_a_word_in_angle_brackets_is_no_markup(index: AskIndex) -> None:
    assert index.ask("lots of <years>").fallback != "refused"


@pytest.mark.parametrize(
    "message",
    [
        "i want to learn to play guitar, how long will it take",
        "how much does a tesla model 3 cost",
        "how is my stock portfolio doing",
        "what degree do I need to be a lawyer",
        "help me plan a trip to japan",
    ],
)
def test_other_walks_of_life_are_not_answered(index: AskIndex, message: str) -> None:
    assert respond(index, message).status != "answered"


@pytest.mark.parametrize(
    ("message", "fact"),
    [
        ("I'm a nurse, can I switch to AI", "AI Engineering Immersive"),
        ("I work at Tesla as a mechanic, how do I move into ML", "AI Engineering Immersive"),
        ("im a marketer, what should i do?", "career switcher"),
        ("i did a philosophy BA, is there a path that pays while I learn", "apprenticeship"),
    ],
)
def test_a_background_is_the_persons_story(index: AskIndex, message: str, fact: str) -> None:
    """Words the articles never use that say who the person is neither sink the question nor
    count as a name the articles skip."""
    got = respond(index, message)
    assert got.status == "answered" and fact.lower() in got.text.lower(), got


def test_a_message_meaning_what_a_passage_says_is_on_topic(index: AskIndex) -> None:
    """No AI-careers word at all, but nearly a passage's own question."""
    got = respond(index, "which events are worth going to")
    assert got.status == "answered" and "meetups" in got.text.lower(), got


@pytest.mark.parametrize("message", ["ok", "got it", "k"])
def test_a_word_or_two_close_to_a_passage_is_no_question(index: AskIndex, message: str) -> None:
    """ "ok" is close in meaning to "is it ok to go slowly", but says nothing about AI careers."""
    assert respond(index, message).status != "answered"


@pytest.mark.parametrize(
    "message", ["my python code has a bug, can you fix it", "can you call me later"]
)
def test_tasks_for_the_bot_are_declined(index: AskIndex, message: str) -> None:
    assert index.ask(message).fallback == "refused"


def test_which_path_after_a_situation_one_passage_answers(index: AskIndex) -> None:
    got = respond(index, "my employer's process requires a graduate credential. which path then?")
    assert got.topic == "My employer requires a graduate credential: which path?", got


def test_the_figure_asked_for_comes_from_the_close_passage_holding_it(index: AskIndex) -> None:
    got = respond(index, "how many projects do i need before i apply anywhere")
    assert got.status == "answered" and "3+" in got.text, got


def test_calendar_words_find_the_plans_months(index: AskIndex) -> None:
    got = respond(index, "what should I do in the first two months?")
    assert got.topic is not None and got.topic.startswith("Months 1-2"), got


def test_a_phase_passage_carries_no_source_id(index: AskIndex) -> None:
    """A nested item's `source` is an id, not text a person should read."""
    phase = next(p for p in index.passages if p.title.startswith("Phase 2"))
    assert "choosing_path" not in phase.text


def test_list_entries_folded_into_one_bullet_are_kept_apart(index: AskIndex) -> None:
    math = index.passage("skill_layers/math")
    assert math is not None and any(p.startswith("Optimization") for p in math.parts), math


def test_the_fourth_tuning_set(capsys: pytest.CaptureFixture[str]) -> None:
    """Held-out set 2, tuned on since: most answered with the right fact, every off-topic and
    uncovered question declined or said to be uncovered."""
    table = run_questions(TUNING / "questions_4.yaml", verbose=True)
    shown = capsys.readouterr().out
    answerable = table["answerable"]
    assert answerable["right"] / (answerable["right"] + answerable["miss"]) >= 0.93, shown
    assert table["uncovered"]["miss"] == 0 and table["off_topic"]["miss"] == 0, shown
