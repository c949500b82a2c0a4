"""Round 12, first batch (held-out sets 182-187, tuned on as questions_181-186): one test per
class of miss, in wordings unlike the sets. A figure asked about a name the articles mention
only in passing, gatherings or a conference asked for one place or date, and the Immersives'
waiting lists, pay schedule or a sector's hiring say the articles don't cover them; a coding
task is declined even after a polite word; phone-typed shorthand, a question marked after a
story, a reason asked with "why", comparisons (two things done at once, a winner asked for,
a side against "a structured program", one aspect of each side) and the Immersive's own
"unless" words are answered."""

from __future__ import annotations

import pytest

from flows.asking.ask import AskIndex
from flows.asking.ask_reply import respond


@pytest.mark.parametrize(
    "question",
    [
        # a figure asked about a name the articles use in passing: the layer's length is no
        # length of the series the layer recommends
        "how many hours is the 3blue1brown linear algebra series",
        # gatherings asked for in one place: the articles list no place's events
        "are there any ml hackathons in nairobi",
        # a conference's date: the articles give none
        "when is icml happening next",
        # an Immersive's waiting list, the apprentices' pay schedule, one sector's hiring
        "can i get on a waiting list for the accelerated program",
        "do apprentices get paid every week or every month",
        "do hospitals hire ex-nurses for ai roles",
    ],
)
def test_round12_skipped_classes_say_so(index: AskIndex, question: str) -> None:
    got = respond(index, question)
    assert got.status == "not_covered", got


@pytest.mark.parametrize(
    "question",
    [
        "plz write me a python function that reverses a string",
        "hey, debug my javascript loop: it never ends",
    ],
)
def test_round12_coding_tasks_are_declined(index: AskIndex, question: str) -> None:
    got = respond(index, question)
    assert got.status == "declined", got


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # a calendar word glued to its number, texting shorthand ("py", "b4", "lin alg", "4")
        ("whats the month3-4 goal", "classical ML"),
        ("good yt vids 4 beginners on lin alg", "3Blue1Brown"),
        ("how many months of py b4 i start ml", "3-6 months"),
        # a word about the answer's form ("takeaway", "name") is no topic
        ("main takeaway re the interview rounds", "system design"),
        ("whats the name of the karpathy course", "Zero to Hero"),
        # "the most": the list of them all answers, not one of them
        ("which cert needs the shortest prep", "IBM"),
        # the person's own place is their story; a gathering anywhere is covered
        ("i'm in nairobi, are hackathons worth going to", "meetups"),
        # the Immersive named with the entry's "unless" words, however the entry was found
        ("is the immersive one of those income share deals? my friend got burned by one", "not"),
        # who runs the Immersives is no ranking of schools
        ("who runs the immersive programs, which school", "Flatiron"),
        # a marked question after a long story
        (
            "long story: i was a chef for 10 years. my question is: how long is the math layer",
            "1-3 months",
        ),
        # "why" asks a reason, not which path fits
        ("why is now a decent time for people without cs degrees to move into ai", "shortage"),
        # when someone works says nothing of where: a hotel job is their story
        ("is phase 1 full time? i work evenings at a hotel", "40 hours"),
        # an apology for one's English is no question about languages
        ("excuse my english, how much does the accelerated one cost after scholarship", "$11,900"),
        # "make" as earn
        ("how much do apprentices make in total on the 14 month one", "$26,000"),
        # a program named beside its apprenticeship: that program's, not a comparison
        ("in the 18 month program's apprenticeship, do i work alone or with other devs", "shared"),
        # "how do I get past it" wants the way round, not why it is there
        ("how can i get around resume screening without a degree", "managers"),
        # already an engineer: a master's set against its opportunity cost
        ("as a working engineer, is going back for a degree smart", "opportunity cost"),
    ],
)
def test_round12_covered_questions_are_answered(index: AskIndex, question: str, fact: str) -> None:
    got = respond(index, question)
    assert got.status == "answered" and fact.lower() in got.text.lower(), got


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # two things done at once are no comparison of the two
        (
            "why combine classes with the apprenticeship at the same time, not study first",
            "feedback loop",
        ),
        # a winner asked for among paths: the sides, then that none wins for everyone
        ("bootcamp vs masters vs self study, just tell me which one wins", "no single path"),
        # one side set against "a structured program": its catches
        ("teaching myself vs a structured course, which is better", "slower"),
        # one aspect of each side: each Immersive's money note after the sides
        ("the net position of each immersive, side by side", "covered by earnings"),
    ],
)
def test_round12_comparisons_answer_what_is_asked(
    index: AskIndex, question: str, fact: str
) -> None:
    got = respond(index, question)
    assert got.status == "answered" and fact.lower() in got.text.lower(), got


@pytest.mark.parametrize(
    "question",
    [
        "what score do i need to pass the google ml exam",  # a pass mark
        "could my company pay the school the tuition directly",  # who pays whom
        "what would it cost my employer to sponsor an h1b for me",
        "are mentors available on sundays too",
        "what's the exact percentage of people who finish self-study",
    ],
)
def test_round12_later_batches_skipped_details_say_so(index: AskIndex, question: str) -> None:
    assert respond(index, question).status == "not_covered", question


@pytest.mark.parametrize(
    "question", ["vai se ferrar seu bot", "should i remortgage the house this year"]
)
def test_round12_insults_and_house_finance_are_declined(index: AskIndex, question: str) -> None:
    assert respond(index, question).status == "declined", question


@pytest.mark.parametrize(
    "question",
    [
        "can i take the accelerated one as an evenings only course",
        "any scholarships set aside for single mothers",
        "how many minutes do you get to sit the aws exam itself",
    ],
)
def test_round12_fifth_batch_skipped_details_say_so(index: AskIndex, question: str) -> None:
    assert respond(index, question).status == "not_covered", question


def test_a_tourist_visa_is_no_ai_career_question(index: AskIndex) -> None:
    assert respond(index, "what do i need for a tourist visa to thailand").status != "answered"


def test_whether_the_apprenticeship_employer_keeps_you_on_is_not_covered(
    index: AskIndex,
) -> None:
    question = "will the apprenticeship company keep you on as a full-time hire"
    assert respond(index, question).status == "not_covered"
