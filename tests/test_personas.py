"""Table-driven personas from the articles' best-for lists and decision framework."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from flows.content import Content
from flows.rules import recommend
from tests.conftest import make_profile

SWITCHER = {"coding_experience": "none", "years_experience": 0, "degree": "bachelor_other"}

# (persona, profile changes, expected path, expected rule, an answer the key reason must name)
PERSONAS: list[tuple[str, dict[str, Any], str, str, str]] = [
    (
        "full-stack engineer, 3 years, wants ML-integrated systems",
        {},
        "accelerated_immersive",
        "working_engineer",
        "coding_experience",
    ),
    (
        "engineer whose specialisation is plateauing, 8 years",
        {"years_experience": 8, "goal_role": "mlops"},
        "accelerated_immersive",
        "working_engineer",
        "coding_experience",
    ),
    (
        "data practitioner moving into MLOps",
        {"coding_experience": "ml", "degree": "graduate", "goal_role": "mlops"},
        "accelerated_immersive",
        "working_engineer",
        "coding_experience",
    ),
    (
        "non-CS grad with no coding who cannot stop earning",
        {**SWITCHER, "budget_usd": 0, "hours_per_week": 40},
        "immersive",
        "career_switcher",
        "",
    ),
    (
        "early technical learner wanting mentorship",
        {"coding_experience": "some", "years_experience": 0, "degree": "none", "budget_usd": 5000},
        "immersive",
        "career_switcher",
        "",
    ),
    (
        "non-CS professional unsure of role and employer",
        {**SWITCHER, "goal_role": "unsure", "target_employer": "unsure", "hours_per_week": 30},
        "immersive",
        "career_switcher",
        "",
    ),
    (
        "engineer targeting research roles",
        {"goal_role": "research"},
        "degree",
        "research_role_needs_degree",
        "goal_role",
    ),
    (
        "career switcher aiming at a university lab",
        {**SWITCHER, "target_employer": "research_lab"},
        "degree",
        "research_lab_needs_degree",
        "target_employer",
    ),
    (
        "needs an H-1B and holds no degree",
        {"degree": "none", "needs_visa": "yes"},
        "degree",
        "visa_needs_degree",
        "needs_visa",
    ),
    (
        "wants a defense contractor job without a degree",
        {"degree": "none", "target_employer": "regulated"},
        "degree",
        "regulated_employer_needs_degree",
        "target_employer",
    ),
    (
        "credential need outranks a fast orientation",
        {"degree": "none", "needs_visa": "yes", "learning_style": "fast_intro"},
        "degree",
        "visa_needs_degree",
        "degree",
    ),
    (
        "engineer wanting a fast orientation before a deeper plan",
        {"learning_style": "fast_intro"},
        "certificate",
        "fast_orientation",
        "learning_style",
    ),
    (
        "switcher exploring before committing to a long program",
        {**SWITCHER, "learning_style": "fast_intro", "budget_usd": 20000},
        "certificate",
        "fast_orientation",
        "learning_style",
    ),
    (
        "disciplined self-learner with no budget",
        {**SWITCHER, "learning_style": "self_directed", "budget_usd": 0},
        "self_study",
        "self_directed_small_budget",
        "budget_usd",
    ),
    (
        "self-directed engineer with only evenings free",
        {"learning_style": "self_directed", "budget_usd": 50000, "hours_per_week": 8},
        "self_study",
        "self_directed_little_time",
        "hours_per_week",
    ),
    (
        "structured learner with five hours a week",
        {**SWITCHER, "hours_per_week": 5},
        "self_study",
        "very_little_time",
        "hours_per_week",
    ),
    (
        "visa needed but already has a bachelor's",
        {"needs_visa": "yes", "degree": "bachelor_other"},
        "accelerated_immersive",
        "working_engineer",
        "coding_experience",
    ),
    (
        "graduate-degree holder aiming at research",
        {"goal_role": "research", "degree": "graduate"},
        "accelerated_immersive",
        "working_engineer",
        "coding_experience",
    ),
]


@pytest.mark.parametrize(
    ("persona", "changes", "path", "rule", "answer"), PERSONAS, ids=[p[0] for p in PERSONAS]
)
def test_persona(
    content: Content, persona: str, changes: dict[str, Any], path: str, rule: str, answer: str
) -> None:
    rec = recommend(make_profile(**changes), content)
    assert (rec.path, rec.rule) == (path, rule), persona
    key = rec.reasons[0]
    assert key.text
    if answer:
        assert answer in key.answers
    assert rec.alternatives and path not in [a.path for a in rec.alternatives]
    assert rec.next_steps and rec.plan and rec.figures


def test_recommendations_are_deterministic(content: Content) -> None:
    profile = make_profile()
    assert recommend(profile, content) == recommend(profile, content)


def test_caveat_names_the_budget(content: Content) -> None:
    rec = recommend(make_profile(goal_role="research", budget_usd=5000), content)
    assert any("$5,000" in c for c in rec.caveats)


def test_plan_length_depends_on_weekly_hours(content: Content) -> None:
    def weeks(hours: int) -> int:
        rec = recommend(
            make_profile(
                **SWITCHER, learning_style="self_directed", budget_usd=0, hours_per_week=hours
            ),
            content,
        )
        assert rec.path == "self_study"
        return rec.plan[-1].end_week

    assert weeks(8) > weeks(15) > weeks(40)
    assert weeks(15) == weeks(20)  # the 15-20 h/week reference pace: about 12 months
    assert 50 <= weeks(15) <= 54
    assert 34 <= weeks(40) <= 36  # full-time: 8 months at the fastest
    assert weeks(1) <= 105  # part-time: 24 months at the slowest


def test_plan_milestones_are_contiguous(content: Content) -> None:
    for changes in (p[1] for p in PERSONAS):
        plan = recommend(make_profile(**changes), content).plan
        for before, after in itertools.pairwise(plan):
            assert after.start_week == before.end_week + 1
