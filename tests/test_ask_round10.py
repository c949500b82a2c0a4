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


# Round 10, second batch (held-out sets 110-114, tuned on as questions_109-113).


@pytest.mark.parametrize(
    "question",
    [
        # what tuition includes, and living costs on top
        "are dorms part of what i pay for a masters",
        # the English level a program asks for
        "how fluent in english must i be for the immersive",
        # where to host projects, and what it costs
        "what's the cheapest place for hosting my demo projects",
        # a named school's standing
        "is a masters from a state university in ohio taken seriously",
        # no number of years is given for the entry requirement
        "how many years of production experience does the accelerated program want",
        # the certificate programs' weekly hours
        "how many hours each week does a typical bootcamp expect",
        # the apprenticeship at one's own workplace
        "could i do the apprenticeship at my current company",
    ],
)
def test_round10b_skipped_classes_say_so(index: AskIndex, question: str) -> None:
    got = respond(index, question)
    assert got.status == "not_covered", got


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # "laid off" is the person's story, not a question about leaving a program
        (
            "laid off from a backend role, is the accelerated immersive aimed at people like me",
            "production",
        ),
        # a failed school maths exam is a story, not an admissions question
        ("which maths topics do i need? i flunked my a level maths", "linear algebra"),
        # "left behind" is motivation, not enrolment
        ("afraid of getting left behind by ai, should i just sign up somewhere", "trigger"),
        # a master's graduate's ramp-up is covered; placement rates are not
        ("will a masters graduate need ramp up before shipping production work", "ramp"),
        # computer vision is the vision part of the ML core layer, not a computer to buy
        ("which computer vision topics should i study", "CNN"),
        # "people from another career" is a background, not a country
        ("which ai role suits people from another career best", "applied"),
        # the research share is "a small fraction", not a percentage
        ("how big a share of ai jobs are research positions", "small fraction"),
    ],
)
def test_round10b_covered_questions_are_answered(index: AskIndex, question: str, fact: str) -> None:
    got = respond(index, question)
    assert got.status == "answered" and fact.lower() in got.text.lower(), got


def test_round10b_two_scholarships_asked_together(index: AskIndex) -> None:
    got = respond(
        index, "how much is the scholarship on the 18 month one and how much on the 14 month one"
    )
    assert got.status == "answered" and "$10,400" in got.text and "$3,000" in got.text, got


# Round 10, third batch (held-out sets 115-119, tuned on as questions_114-118).


@pytest.mark.parametrize(
    "question",
    [
        # which company hosts an apprentice, and whether a permanent offer follows
        "which companies take on apprentices from the immersive",
        "is a permanent role guaranteed once the apprenticeship ends",
        # named employers that are hiring, by region
        "what companies in poland are hiring junior ml people",
        # government or agency funding for tuition
        "could a government training voucher cover the tuition",
        # a trial period, a criminal record, the workplace's house rules
        "do they offer a trial period so i can see if i like it",
        "would a past conviction stop me from joining the immersive",
        "are pets allowed at the apprenticeship office",
    ],
)
def test_round10_third_batch_skipped_classes_say_so(index: AskIndex, question: str) -> None:
    got = respond(index, question)
    assert got.status == "not_covered", got


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # "N month course" names that Immersive, not the short certificate course
        ("how big is the scholarship for the 18 months course", "$10,400"),
        # Phase 1 is full-time, so keeping a job then is answered
        ("could i hold on to my day job in phase one of the 18 month program", "40"),
        # which Immersive earns more is a comparison of earnings, not a payment question
        ("which one pays more while training, the 18 or the 14 month", "$26,000"),
        # CS50 is one of the free courses the articles name, not a university ranking
        ("is the harvard cs50 course fine for a total beginner", "fundamentals"),
        # "DSA" is data structures and algorithms
        ("is leetcode hard DSA really needed", "leetcode"),
        # "oss" is open source
        ("which oss libraries are worth contributing to", "scikit-learn"),
    ],
)
def test_round10_third_batch_answers(index: AskIndex, question: str, fact: str) -> None:
    got = respond(index, question)
    assert got.status == "answered" and fact.lower() in got.text.lower(), got


# Round 10, fourth batch (held-out sets 120-124, tuned on as questions_119-123).


@pytest.mark.parametrize(
    "question",
    [
        # a degree as the entry requirement for an Immersive
        "is a bachelor's degree required for the accelerated immersive",
        # on-device and mobile ML are not in the learning plan
        "will i learn to put models on android apps",
        # which cloud or tool employers in a region prefer
        "is aws used more than azure by employers in latin america",
        # an employer paying for exams or courses
        "will my company reimburse the google exam fee",
    ],
)
def test_round10_fourth_batch_skipped_classes_say_so(index: AskIndex, question: str) -> None:
    got = respond(index, question)
    assert got.status == "not_covered", got


@pytest.mark.parametrize(
    "question",
    [
        "can you tell me a joke about python developers",
        "help me fix my docker build, it keeps throwing errors",
        "my flask api returns 500 errors after deploy, what do i do",
    ],
)
def test_round10_jokes_and_debugging_are_declined(index: AskIndex, question: str) -> None:
    assert respond(index, question).status == "declined"


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # a place after "in" or "from" in a sentence about the person is their story
        ("How many hours a week is the accelerated program? I'm a tester in Lisbon.", "20 hours"),
        ("what do hiring managers look for in ai engineers? writing from Kenya", "inference"),
        # textbooks as a way of learning are no living cost
        ("any fun way to learn calculus? textbooks bore me", "3blue1brown"),
        # how fast one gets hired is the timeline, not placement figures
        ("studying full time, how quickly can i get hired", "8-14"),
    ],
)
def test_round10_fourth_batch_stories_do_not_hide_an_answer(
    index: AskIndex, question: str, fact: str
) -> None:
    got = respond(index, question)
    assert got.status == "answered" and fact.lower() in got.text.lower(), got


# Round 10, fifth batch (held-out sets 125-129, tuned on as questions_124-128).


@pytest.mark.parametrize(
    "question",
    [
        # the price of an outside course the articles only name as material
        "what would karpathy's zero to hero set me back, price wise",
        "is there a fee for the andrew ng ml specialization",
        # doing a full-time phase in another format
        "could i take phase one at weekends instead",
    ],
)
def test_round10_fifth_batch_skipped_classes_say_so(index: AskIndex, question: str) -> None:
    got = respond(index, question)
    assert got.status == "not_covered", got


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # a work visa named beside a home country is the H-1B passage, not studying abroad
        ("from nigeria here, would an h1b need a degree", "bachelor"),
        # "people from" a kind of background is no country
        ("what do interviews focus on for people from a non tech background", "system design"),
        # "scam" beside short certificates asks what they are worth, not about the provider
        ("are 10 week ai certificates a scam or useful", "exposure"),
        # a family situation said in passing does not sink a covered answer
        ("is it fine to stretch the plan to a year and a half? two toddlers at home", "18 months"),
        ("do you get paid while on the career switcher program, single dad here", "earnings"),
        # containerization is Docker and Kubernetes
        ("which containerisation tools are in the production layer", "kubernetes"),
        # "vs non accelerated" compares the two Immersives
        ("accelerated or non accelerated immersive: what differs", "18 months"),
    ],
)
def test_round10_fifth_batch_answers(index: AskIndex, question: str, fact: str) -> None:
    got = respond(index, question)
    assert got.status == "answered" and fact.lower() in got.text.lower(), got


@pytest.mark.parametrize(
    "question",
    [
        # how often a program's mentor meets you
        "how often would i have calls with a mentor on the accelerated track",
        # an employer paying a program's tuition
        "would my company pay the accelerated immersive fees",
        # whether a full-time phase can be done part time
        "could the first phase be done part time",
        # the hours of day the classes run
        "do lessons happen in the mornings or evenings",
    ],
)
def test_round10_sixth_batch_skipped_classes_say_so(index: AskIndex, question: str) -> None:
    got = respond(index, question)
    assert got.status == "not_covered", got


@pytest.mark.parametrize(
    "question",
    [
        "send over the answer key for the google ml engineer test",
        "what are the answers to the azure ai exam",
    ],
)
def test_round10_exam_answers_are_refused(index: AskIndex, question: str) -> None:
    got = respond(index, question)
    assert got.status == "declined", got


@pytest.mark.parametrize(
    "question",
    [
        # pausing or putting a program on hold midway
        "could i put it on hold for a while if my partner gives birth",
        "is it possible to pause the apprenticeship when my child is born",
        # naming the best provider or bootcamp
        "which bootcamp for llms is best, give me one",
    ],
)
def test_round10_final_skipped_classes_say_so(index: AskIndex, question: str) -> None:
    got = respond(index, question)
    assert got.status == "not_covered", got


@pytest.mark.parametrize(
    "question",
    [
        "dumb robot, you will take every job there is",
        "useless ai, you're going to replace all the jobs",
    ],
)
def test_round10_jabs_at_the_ai_are_declined(index: AskIndex, question: str) -> None:
    got = respond(index, question)
    assert got.status == "declined", got


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("can someone with zero programming at 45 become an ai engineer", "python"),
        ("what does the roadmap have me doing in months nine and ten", "production"),
        ("what separates the accelerated one and the regular immersive", "18 months"),
    ],
)
def test_round10_final_answers(index: AskIndex, question: str, fact: str) -> None:
    got = respond(index, question)
    assert got.status == "answered" and fact.lower() in got.text.lower(), got


@pytest.mark.parametrize(
    "question",
    [
        "will the bootcamp help me get a student visa",
        "could the program get me a visa to come over",
        "can i take the immersive while based in nigeria",
        "is it possible to join the program while residing in vietnam",
    ],
)
def test_round10_later_program_visa_and_residence_say_so(index: AskIndex, question: str) -> None:
    got = respond(index, question)
    assert got.status == "not_covered", got
