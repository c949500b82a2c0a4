"""The persona table kept from issue 9 (35 personas, the articles' best-for lists), on the answer
model of issue 17: each asserts the path (and degree level), how it stands against the person's
limits (`situation`), the rule that chose it, and one key fact (see `tests/personas.py`). Every
headline fits a phone screen. The issue-17 personas are in `tests/test_personas_issue17.py`.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from flows.advice.present import HEADLINE_MAX, present_recommendation
from flows.advice.rules import recommend
from flows.content import Content
from tests.conftest import make_profile
from tests.personas import (
    FULL_TIME_SWITCH,
    ML_PRACTITIONER,
    RUNWAY,
    SWITCHER,
    Persona,
    check,
    text_of,
)

PERSONAS: list[Persona] = [
    Persona(
        "full-stack engineer, 3 years, wants ML-integrated systems",
        {},
        "accelerated_immersive",
        None,
        "fits",
        "working_engineer",
        ("reason:coding_experience",),
    ),
    Persona(
        "engineer whose specialisation is plateauing, 8 years",
        {"years_experience": 8, "goal_role": "mlops"},
        "accelerated_immersive",
        None,
        "fits",
        "working_engineer",
        ("reason:years_experience",),
    ),
    Persona(
        "ML builder moving into MLOps",
        {
            "coding_experience": "ml",
            "years_experience": 5,
            "degree": "graduate",
            "goal_role": "mlops",
        },
        "accelerated_immersive",
        None,
        "fits",
        "ml_practitioner",
        ("caveat:your ML work counts",),
    ),
    Persona(
        "issue: marketing manager, no coding, $3,000, 10 h/week, cannot stop earning",
        {
            "coding_experience": "none",
            "years_experience": 0,
            "degree": "bachelor_other",
            "budget_usd": 3000,
            "hours_per_week": 10,
        },
        "self_study",
        None,
        "fits",
        "structured_self_study",
        ("alt_limit:immersive:hours_per_week",),
    ),
    Persona(
        "issue: the marketing manager is not offered the engineers' program",
        {
            "coding_experience": "none",
            "years_experience": 0,
            "degree": "bachelor_other",
            "budget_usd": 3000,
            "hours_per_week": 10,
        },
        "self_study",
        None,
        "fits",
        "structured_self_study",
        ("ruled_out:accelerated_immersive:coding_experience",),
    ),
    Persona(
        "issue: needs an H-1B and holds no degree",
        {"coding_experience": "some", "years_experience": 0, "degree": "none", "needs_visa": "yes"},
        "degree",
        "bachelor",
        "cannot_tell",
        "visa_needs_bachelor",
        ("first_step:Choose and apply",),
    ),
    Persona(
        "issue: $0 budget and a quick orientation",
        {
            "coding_experience": "none",
            "years_experience": 0,
            "degree": "bachelor_other",
            "budget_usd": 0,
            "learning_style": "fast_intro",
        },
        "self_study",
        None,
        "fits",
        "structured_self_study",
        ("alt_limit:certificate:budget_usd",),
    ),
    Persona(
        "issue: ML practitioner, master's, 5 years, $60k, runway, research lab",
        {
            "coding_experience": "ml",
            "years_experience": 5,
            "degree": "graduate",
            "budget_usd": 60000,
            "can_pause_income": 24,
            "hours_per_week": 40,
            "goal_role": "research",
            "target_employer": "research_lab",
        },
        "degree",
        "phd",
        "cannot_tell",
        "research_role",
        ("first_step:Pick a research area",),
    ),
    Persona(
        "issue: ML practitioner with an applied goal at a big lab is not forced into a degree",
        {
            "coding_experience": "ml",
            "years_experience": 5,
            "degree": "graduate",
            "budget_usd": 60000,
            "can_pause_income": 24,
            "hours_per_week": 40,
            "target_employer": "research_lab",
        },
        "accelerated_immersive",
        None,
        "fits",
        "ml_practitioner",
        ("caveat:competitive programming",),
    ),
    Persona(
        "issue: CS graduate without production code is not a switcher",
        {
            "coding_experience": "some",
            "years_experience": 0,
            "degree": "bachelor_cs",
            "budget_usd": 20000,
            "can_pause_income": 4,
            "hours_per_week": 40,
        },
        "immersive",
        None,
        "fits",
        "cs_graduate",
        ("reason:degree",),
    ),
    Persona(
        "issue: 'ships production code' with 0 years gets the entry requirement checked",
        {"years_experience": 0, "budget_usd": 20000, "can_pause_income": 4, "hours_per_week": 40},
        "immersive",
        None,
        "fits",
        "early_technical_learner",
        ("ruled_out:accelerated_immersive:years_experience",),
    ),
    Persona(
        "issue: 5 hours a week is told how long it really takes",
        {
            "coding_experience": "none",
            "years_experience": 0,
            "degree": "bachelor_other",
            "budget_usd": 0,
            "hours_per_week": 5,
        },
        "self_study",
        None,
        "nothing_fits",
        "structured_self_study",
        ("change:hours_per_week",),
    ),
    Persona(
        "issue: 1 hour a week, no program fits",
        {
            "coding_experience": "none",
            "years_experience": 0,
            "degree": "bachelor_other",
            "budget_usd": 0,
            "hours_per_week": 1,
        },
        "self_study",
        None,
        "nothing_fits",
        "structured_self_study",
        ("limit:hours_per_week",),
    ),
    Persona(
        "research engineer hopeful with a bachelor's, $5,000, cannot stop earning",
        {"goal_role": "research", "budget_usd": 5000},
        "degree",
        "master",
        "goal_path_does_not_fit",
        "research_role",
        ("change:budget_usd",),
    ),
    Persona(
        "research engineer hopeful with a bachelor's and runway",
        {
            "goal_role": "research",
            "budget_usd": 60000,
            "can_pause_income": 24,
            "hours_per_week": 40,
        },
        "degree",
        "master",
        "fits",
        "research_role",
        ("reason:goal_role",),
    ),
    Persona(
        "research engineer hopeful with no degree",
        {"goal_role": "research", "degree": "none"},
        "degree",
        "bachelor",
        "cannot_tell",
        "research_role",
        ("first_step:Choose and apply",),
    ),
    Persona(
        "career switcher unsure of role, aiming at a university lab",
        {
            "coding_experience": "none",
            "years_experience": 0,
            "degree": "bachelor_other",
            "goal_role": "unsure",
            "target_employer": "research_lab",
            "budget_usd": 0,
        },
        "degree",
        "master",
        "goal_path_does_not_fit",
        "research_lab",
        ("limit:can_pause_income",),
    ),
    Persona(
        "wants a defense contractor job without a degree",
        {"degree": "none", "target_employer": "regulated"},
        "degree",
        "bachelor",
        "cannot_tell",
        "regulated_needs_bachelor",
        ("reason:target_employer",),
    ),
    Persona(
        "regulated employer, holds a bachelor's",
        {"target_employer": "regulated"},
        "accelerated_immersive",
        None,
        "fits",
        "working_engineer",
        ("caveat:GS-level",),
    ),
    Persona(
        "credential need outranks a fast orientation",
        {"degree": "none", "needs_visa": "yes", "learning_style": "fast_intro"},
        "degree",
        "bachelor",
        "cannot_tell",
        "visa_needs_bachelor",
        ("reason:needs_visa",),
    ),
    Persona(
        "engineer wanting a fast orientation before a deeper plan",
        {"learning_style": "fast_intro"},
        "certificate",
        None,
        "cannot_tell",
        "fast_orientation",
        ("reason:learning_style",),
    ),
    Persona(
        "switcher exploring before committing to a long program",
        {
            "coding_experience": "none",
            "years_experience": 0,
            "degree": "bachelor_other",
            "learning_style": "fast_intro",
            "budget_usd": 20000,
        },
        "certificate",
        None,
        "cannot_tell",
        "fast_orientation",
        ("caveat:orientation, not the finish line",),
    ),
    Persona(
        "disciplined self-learner with no budget",
        {
            "coding_experience": "none",
            "years_experience": 0,
            "degree": "bachelor_other",
            "learning_style": "self_directed",
            "budget_usd": 0,
        },
        "self_study",
        None,
        "fits",
        "self_directed",
        ("reason:learning_style",),
    ),
    Persona(
        "self-directed engineer with only evenings free",
        {"learning_style": "self_directed", "budget_usd": 50000, "hours_per_week": 8},
        "self_study",
        None,
        "fits",
        "self_directed",
        ("first_step:Layers 2-3",),
    ),
    Persona(
        "engineer with $5,000 for tuition",
        {"budget_usd": 5000},
        "self_study",
        None,
        "fits",
        "structured_self_study",
        ("alt_limit:accelerated_immersive:budget_usd",),
    ),
    Persona(
        "engineer with 10 hours a week",
        {"hours_per_week": 10},
        "self_study",
        None,
        "fits",
        "structured_self_study",
        ("alt_limit:accelerated_immersive:hours_per_week",),
    ),
    Persona(
        "career switcher who can study full-time for a few months",
        {
            "coding_experience": "none",
            "years_experience": 0,
            "degree": "bachelor_other",
            "budget_usd": 20000,
            "can_pause_income": 4,
            "hours_per_week": 40,
        },
        "immersive",
        None,
        "fits",
        "career_switcher",
        ("reason:coding_experience",),
    ),
    Persona(
        "career switcher with full-time hours who cannot stop earning",
        {
            "coding_experience": "none",
            "years_experience": 0,
            "degree": "bachelor_other",
            "budget_usd": 20000,
            "can_pause_income": 0,
            "hours_per_week": 40,
        },
        "self_study",
        None,
        "fits",
        "structured_self_study",
        ("alt_limit:immersive:can_pause_income",),
    ),
    Persona(
        "visa needed, bachelor's in another field",
        {"needs_visa": "yes", "degree": "bachelor_other"},
        "accelerated_immersive",
        None,
        "fits",
        "working_engineer",
        ("caveat:related field",),
    ),
    Persona(
        "no visa needed: no visa caveat",
        {},
        "accelerated_immersive",
        None,
        "fits",
        "working_engineer",
        ("no_caveat:H-1B",),
    ),
    Persona(
        "unsure about the visa with no degree",
        {
            "coding_experience": "none",
            "years_experience": 0,
            "degree": "none",
            "needs_visa": "unsure",
            "budget_usd": 20000,
            "can_pause_income": 4,
            "hours_per_week": 40,
        },
        "immersive",
        None,
        "fits",
        "career_switcher",
        ("caveat:settle this first",),
    ),
    Persona(
        "graduate-degree holder aiming at research, no money",
        {"goal_role": "research", "degree": "graduate"},
        "degree",
        "phd",
        "cannot_tell",
        "research_role",
        ("reason:goal_role",),
    ),
    Persona(
        "ML practitioner short of tuition skips the layers they have",
        {
            "coding_experience": "ml",
            "years_experience": 5,
            "degree": "graduate",
            "budget_usd": 5000,
        },
        "self_study",
        None,
        "fits",
        "structured_self_study",
        ("first_step:Cloud certification",),
    ),
    Persona(
        "ML practitioner under a year: entry requirement checked",
        {
            "coding_experience": "ml",
            "years_experience": 0,
            "degree": "graduate",
            "budget_usd": 20000,
            "can_pause_income": 4,
            "hours_per_week": 40,
        },
        "immersive",
        None,
        "fits",
        "early_technical_learner",
        ("ruled_out:accelerated_immersive:years_experience",),
    ),
    Persona(
        "engineer with runway and money: the degree is explained, not pushed",
        {"budget_usd": 60000, "can_pause_income": 24, "hours_per_week": 40},
        "accelerated_immersive",
        None,
        "fits",
        "working_engineer",
        ("alt_why:degree:calls for a degree",),
    ),
]


@pytest.mark.parametrize("persona", PERSONAS, ids=[p.name for p in PERSONAS])
def test_persona(content: Content, persona: Persona) -> None:
    profile = make_profile(**persona.answers)
    rec = recommend(profile, content)
    got = (rec.path, rec.degree_level, rec.situation, rec.rule)
    assert got == (persona.path, persona.level, persona.situation, persona.rule), persona.name
    for key in persona.keys:
        check(content, profile, rec, key)
    assert rec.reasons[0].text and rec.next_steps and rec.plan
    assert persona.path not in [a.path for a in rec.alternatives]
    assert rec.fits == (rec.situation == "fits") and bool(rec.limits) == (
        rec.path_fits == "does_not_fit"
    )


@pytest.mark.parametrize("answers", [p.answers for p in PERSONAS], ids=[p.name for p in PERSONAS])
def test_headline_fits_a_phone_screen(content: Content, answers: dict[str, Any]) -> None:
    rec = recommend(make_profile(**answers), content)
    text = text_of(present_recommendation(content, rec, "recommendation"))
    assert len(text) <= HEADLINE_MAX, len(text)
    if rec.situation == "nothing_fits":  # said first, then the closest path and the changes
        assert text.startswith(content.dialogue.sections["nothing_fits"])
    assert all(c.text in text for c in rec.changes)


def test_nothing_fits_gives_honest_years_and_the_pace_that_fits(content: Content) -> None:
    rec = recommend(make_profile(**SWITCHER, budget_usd=0, hours_per_week=5), content)
    change = next(c for c in rec.changes if c.answer == "hours_per_week")
    assert change.to == 8 and change.path == "self_study"
    assert "3 years" in change.text and "about 23 months" in change.text  # as the plan says


def test_issue_marketing_manager_is_never_told_you_earn_while_training(content: Content) -> None:
    rec = recommend(make_profile(**SWITCHER, budget_usd=3000, hours_per_week=10), content)
    assert rec.path != "immersive"
    assert not any("earn" in r.text for r in rec.reasons)


def test_issue_ml_practitioner_plan_skips_python_and_refresh(content: Content) -> None:
    rec = recommend(
        make_profile(**ML_PRACTITIONER, **RUNWAY, target_employer="research_lab"), content
    )
    assert not any("Python fundamentals" in m.title for m in rec.plan)
    assert not any("Refresh" in s or "basic statistics" in s for s in rec.next_steps)


def test_issue_cs_graduate_is_not_told_they_are_moving_into_tech(content: Content) -> None:
    answers = {"coding_experience": "some", "years_experience": 0, "degree": "bachelor_cs"}
    rec = recommend(make_profile(**answers, **FULL_TIME_SWITCH), content)
    assert not any("moving into tech" in r.text for r in rec.reasons)


@pytest.mark.parametrize("years", [1, 4])
def test_working_engineer_reasons_read_well_and_do_not_repeat(content: Content, years: int) -> None:
    answers = {"coding_experience": "production", "years_experience": years}
    rec = recommend(make_profile(**answers), content)
    assert rec.path == "accelerated_immersive"
    text = " ".join(r.text for r in rec.reasons)
    assert "1 years" not in text and text.count("entry requirement") <= 1, text


def test_recommendations_are_deterministic(content: Content) -> None:
    profile = make_profile()
    assert recommend(profile, content) == recommend(profile, content)


def test_caveats_and_steps_appear_once(content: Content) -> None:
    for answers in (p.answers for p in PERSONAS):
        rec = recommend(make_profile(**answers), content)
        assert len(rec.caveats) == len(set(rec.caveats))
        assert len(rec.next_steps) == len(set(rec.next_steps))


def test_plan_length_depends_on_weekly_hours(content: Content) -> None:
    def weeks(hours: int) -> int:
        answers = {**SWITCHER, "learning_style": "self_directed", "budget_usd": 0}
        rec = recommend(make_profile(**answers, hours_per_week=hours), content)
        assert rec.path == "self_study"
        return rec.plan[-1].end_week

    assert weeks(8) > weeks(15) > weeks(40)
    assert weeks(15) == weeks(20)  # the 15-20 h/week reference pace: about 12 months
    assert 50 <= weeks(15) <= 54
    assert 34 <= weeks(40) <= 36  # full-time: 8 months at the fastest
    assert weeks(1) > 700  # 1 h/week: about 15 years, said plainly rather than capped


def test_plan_milestones_are_contiguous_and_short(content: Content) -> None:
    for answers in (p.answers for p in PERSONAS):
        plan = recommend(make_profile(**answers), content).plan
        assert plan[0].start_week == 1
        for before, after in itertools.pairwise(plan):
            assert after.start_week == before.end_week + 1
        assert all(1 <= m.end_week - m.start_week + 1 <= 13 for m in plan)


def test_program_plans_follow_the_published_coursework_order(content: Content) -> None:
    rec = recommend(make_profile(), content)
    titles = [m.title for m in rec.plan]
    # One key word per course, in the provider's published order.
    order = [
        "Data science",
        "Inferential",
        "Regression",
        "Scikit",
        "Neural",
        "language proc",
        "Large",
    ]
    assert len(titles) >= len(order)
    assert all(word in title for word, title in zip(order, titles, strict=False)), titles
    assert [m.kind for m in rec.plan[-2:]] == ["job_search", "job_search"]
    immersive = recommend(make_profile(**SWITCHER, **FULL_TIME_SWITCH), content)
    assert immersive.plan[0].title.startswith("Phase 1") and immersive.plan[2].end_week == 30


def test_slow_plans_do_not_repeat_an_outcome(content: Content) -> None:
    rec = recommend(make_profile(**SWITCHER, budget_usd=0, hours_per_week=5), content)
    assert len(rec.plan) > 10
    for before, after in itertools.pairwise(rec.plan):
        assert before.milestone != after.milestone, before.title


@pytest.mark.parametrize(
    ("answers", "words"),
    [
        ({**SWITCHER, "budget_usd": 0, "learning_style": "fast_intro"}, "quick orientation"),
        ({"degree": "none", "needs_visa": "yes", "learning_style": "self_directed"}, "own plan"),
    ],
)
def test_a_preference_the_path_cannot_meet_is_said(
    content: Content, answers: dict[str, Any], words: str
) -> None:
    rec = recommend(make_profile(**answers), content)
    assert words in rec.caveats[0]
    reply = present_recommendation(content, rec, "recommendation")
    assert any(words in item for b in reply.blocks for item in b.items)


def test_several_changes_for_the_closest_path_are_said_to_go_together(content: Content) -> None:
    answers = {"goal_role": "research", "budget_usd": 5000, "hours_per_week": 20}
    rec = recommend(make_profile(**answers), content)
    assert not rec.fits and sum(c.path == rec.path for c in rec.changes) > 1
    reply = present_recommendation(content, rec, "recommendation")
    notes = [b.text for b in reply.blocks if b.kind == "note"]
    assert any("all of its changes" in n and rec.path_name in n for n in notes), notes


def test_a_single_change_needs_no_together_note(content: Content) -> None:
    rec = recommend(make_profile(**SWITCHER, budget_usd=0, hours_per_week=5), content)
    assert not rec.fits
    notes = [
        b.text
        for b in present_recommendation(content, rec, "recommendation").blocks
        if b.kind == "note"
    ]
    assert not any("all of its changes" in n for n in notes), notes
