"""Personas for issue 17 (a tuning set written from the issue's examples and the articles): honest
fit verdicts, one story on every screen, the person's own numbers, finer answers, and visa and
credential caveats given evenly. Keys are explained in `tests/personas.py`."""

from __future__ import annotations

import pytest

from flows.advice.present import HEADLINE_MAX
from flows.advice.rules import recommend
from flows.content import Content
from tests.conftest import make_profile
from tests.personas import FULL_TIME_SWITCH, SWITCHER, Persona, check, screens

NO_DEGREE_NO_CODE = {"coding_experience": "none", "years_experience": 0, "degree": "none"}
ANALYST = {"coding_experience": "data", "years_experience": 0, "degree": "bachelor_other"}
SENIOR = {"coding_experience": "production", "years_experience": 6}

ISSUE_17: list[Persona] = [
    Persona(
        "the bachelor's at $0 (research goal, no degree, needs income, 10 h/week) cannot be told",
        {**NO_DEGREE_NO_CODE, "goal_role": "research", "budget_usd": 0, "hours_per_week": 10},
        "degree",
        "bachelor",
        "cannot_tell",
        "research_role",
        (
            "unknown:hours_per_week",
            "unknown:budget_usd",
            "unknown:can_pause_income",
            "within:self_study",
            "serves:no",  # a bachelor's is a first step: research asks an advanced degree (001)
            "screen:headline:Check its cost against your $0 budget.",
            "screen:why_not:Structured self-study (fits): It earns no research credential",
        ),
    ),
    Persona(
        "marketing manager, $3,000, 8 h/week, needs income: the bachelor's is never '(fits)'",
        {**NO_DEGREE_NO_CODE, "budget_usd": 3000, "hours_per_week": 8, "goal_role": "unsure"},
        "self_study",
        None,
        "fits",
        "structured_self_study",
        (
            "alt_verdict:degree:not_published",
            "screen:why_not:Bachelor's degree in a related field (can't tell yet)",
            "no_screen:why_not:Bachelor's degree in a related field (fits)",
        ),
    ),
    Persona(
        "a PhD at $0 and 30 h/week is not '(fits)' next to a master's held to its demands",
        {"goal_role": "research", "degree": "graduate", "budget_usd": 0, "hours_per_week": 30},
        "degree",
        "phd",
        "cannot_tell",
        "research_role",
        ("unknown:budget_usd", "unknown:hours_per_week", "screen:headline:Recommended path: PhD"),
    ),
    Persona(
        "3 months of runway does not cover the immersive's 4 unpaid full-time months",
        {**SWITCHER, **FULL_TIME_SWITCH, "can_pause_income": 3},
        "self_study",
        None,
        "fits",
        "structured_self_study",
        ("alt_limit:immersive:can_pause_income", "screen:why_not:you said “3 months”"),
    ),
    Persona(
        "'a few months' saved before this round (3 months) gets the same honest answer",
        {**SWITCHER, **FULL_TIME_SWITCH, "can_pause_income": "months"},
        "self_study",
        None,
        "fits",
        "structured_self_study",
        ("alt_limit:immersive:can_pause_income",),
    ),
    Persona(
        "a SQL-only data analyst is not treated as an ML practitioner",
        {**ANALYST, **FULL_TIME_SWITCH},
        "immersive",
        None,
        "fits",
        "data_analyst",
        ("ruled_out:accelerated_immersive:coding_experience", "reason:coding_experience"),
    ),
    Persona(
        "a data analyst studying alone keeps every layer, Python first",
        {**ANALYST, "budget_usd": 0, "hours_per_week": 15, "learning_style": "self_directed"},
        "self_study",
        None,
        "fits",
        "self_directed",
        ("first_step:Layer 1", "screen:headline:head start", "plan_order:Layer 1|Layers 2-3"),
    ),
    Persona(
        "an MBA holder who needs a visa gets the degree caveat and the master's option",
        {**SENIOR, "degree": "graduate_other", "needs_visa": "yes"},
        "accelerated_immersive",
        None,
        "fits",
        "working_engineer",
        (
            "caveat:related field",
            "serves:no",
            "alt_why:degree:settles it",
            "screen:why_not:Master's degree in CS or ML",
        ),
    ),
    Persona(
        "a non-CS bachelor's with a visa need gets the same caveat and option as the MBA",
        {**SENIOR, "degree": "bachelor_other", "needs_visa": "yes"},
        "accelerated_immersive",
        None,
        "fits",
        "working_engineer",
        ("caveat:related field", "serves:no", "alt_why:degree:settles it"),
    ),
    Persona(
        "an engineer who cannot live on apprenticeship pay is not told '20 hours would fit'",
        {"apprenticeship_pay": "no", "hours_per_week": 10},
        "self_study",
        None,
        "fits",
        "structured_self_study",
        ("no_change_for:accelerated_immersive", "no_screen:headline:With 20 hours a week"),
    ),
    Persona(
        "an engineer who cannot live on $1,857 a month: the pay is the limit named",
        {"apprenticeship_pay": "no"},
        "self_study",
        None,
        "fits",
        "structured_self_study",
        ("alt_limit:accelerated_immersive:apprenticeship_pay", "screen:why_not:$1,857 a month"),
    ),
    Persona(
        "an engineer unsure about the pay: the program may fit, the pay is what to check",
        {"apprenticeship_pay": "unsure"},
        "accelerated_immersive",
        None,
        "cannot_tell",
        "working_engineer",
        ("unknown:apprenticeship_pay", "screen:headline:our arithmetic from the provider's"),
    ),
    Persona(
        "an engineer with two years of runway needs no pay question: the runway covers it",
        {"can_pause_income": 24, "apprenticeship_pay": None},
        "accelerated_immersive",
        None,
        "fits",
        "working_engineer",
        (
            "screen:costs:Money: tuition $11,900; paid about $1,857 a month",
            "no_screen:costs:Money: tuition $11,900; no months without pay",
        ),
    ),
    Persona(
        "the 1 h/week certificate seeker: nothing fits, and the certificate is never '(fits)'",
        {**SWITCHER, "budget_usd": 10000, "hours_per_week": 1, "learning_style": "fast_intro"},
        "self_study",
        None,
        "nothing_fits",
        "structured_self_study",
        (
            "alt_verdict:certificate:does_not_fit",
            "no_change_for:certificate",
            "screen:headline:At 1 hour a week",
            "no_screen:headline:1 hours",
        ),
    ),
    Persona(
        "a budget at the floor of the certificate range is flagged, and its hours are not known",
        {"learning_style": "fast_intro", "budget_usd": 10000},
        "certificate",
        None,
        "cannot_tell",
        "fast_orientation",
        ("note:budget_usd", "unknown:hours_per_week", "no_change_for:certificate"),
    ),
    Persona(
        "$30,000 reaches only the cheaper master's, and the range keeps 'well over'",
        {
            "goal_role": "research",
            "budget_usd": 30000,
            "can_pause_income": 24,
            "hours_per_week": 40,
        },
        "degree",
        "master",
        "fits",
        "research_role",
        ("note:budget_usd", "screen:headline:well over $120,000", "screen:costs:well over"),
    ),
    Persona(
        "the 8 h/week costs screen shows the person's pace beside the labelled reference",
        {**SWITCHER, "budget_usd": 0, "hours_per_week": 8},
        "self_study",
        None,
        "fits",
        "structured_self_study",
        (
            "screen:costs:Your plan: about 23 months at your 8 hours a week",
            "no_screen:costs:which fits around a full-time job",
        ),
    ),
    Persona(
        "a 6-year engineer's next step starts at their own first milestone, at their hours",
        {**SENIOR, "learning_style": "self_directed", "budget_usd": 0, "hours_per_week": 12},
        "self_study",
        None,
        "fits",
        "self_directed",
        (
            "next:This week (Layers 2-3",
            "no_screen:plan:Start Layer 1",
            "screen:plan:Block 12 hours a week",
        ),
    ),
    Persona(
        "an MLOps goal starts with engineering, not maths worked by hand",
        {**SENIOR, "goal_role": "mlops", "learning_style": "self_directed", "budget_usd": 0},
        "self_study",
        None,
        "fits",
        "self_directed",
        ("first_step:Layer 4 first", "no_screen:plan:worked by hand", "reason:goal_role"),
    ),
    Persona(
        "an MLOps career switcher: Python first, then the platform, then the maths",
        {**SWITCHER, "goal_role": "mlops", "learning_style": "self_directed", "budget_usd": 0},
        "self_study",
        None,
        "fits",
        "self_directed",
        ("first_step:Layer 1", "plan_order:Layer 4 first|Layers 2-3"),
    ),
    Persona(
        "80 hours a week gets the article's warning about burning out",
        {**SWITCHER, "budget_usd": 0, "hours_per_week": 80, "learning_style": "self_directed"},
        "self_study",
        None,
        "fits",
        "self_directed",
        ("caveat:burning out", "screen:headline:You said 80 hours a week"),
    ),
    Persona(
        "three 'not sure' answers get the article's advice and a way to answer later",
        {"goal_role": "unsure", "target_employer": "unsure", "needs_visa": "unsure"},
        "accelerated_immersive",
        None,
        "fits",
        "working_engineer",
        (
            "unsure:goal_role,target_employer,needs_visa",
            "screen:headline:Change answers",
            "screen:plan:too vague to choose a path by",
        ),
    ),
    Persona(
        "paid exams are never listed as free resources",
        {**SWITCHER, "budget_usd": 0, "hours_per_week": 15},
        "self_study",
        None,
        "fits",
        "structured_self_study",
        ("screen:plan:Costs: AWS Machine Learning Specialty exam: $300", "caveat:$300 for AWS"),
    ),
    Persona(
        "a graduate degree in another field aiming at research is pointed to a master's",
        {
            "degree": "graduate_other",
            "goal_role": "research",
            **FULL_TIME_SWITCH,
            "budget_usd": 60000,
            "can_pause_income": 24,
        },
        "degree",
        "master",
        "fits",
        "research_role",
        ("screen:headline:without a CS or math background",),
    ),
    Persona(
        "'a year or more' against the master's 18 months cannot be told, and says what to check",
        {
            "goal_role": "research",
            "budget_usd": 60000,
            "can_pause_income": 12,
            "hours_per_week": 40,
        },
        "degree",
        "master",
        "cannot_tell",
        "research_role",
        ("unknown:can_pause_income", "screen:headline:check you could go that long"),
    ),
    Persona(
        "a switcher unsure about living on $1,393 a month: the immersive may fit",
        {**SWITCHER, **FULL_TIME_SWITCH, "apprenticeship_pay": "unsure"},
        "immersive",
        None,
        "cannot_tell",
        "career_switcher",
        ("unknown:apprenticeship_pay", "screen:headline:$1,393 a month"),
    ),
    Persona(
        "a regulated employer with a degree: it cannot be told that the path serves the goal",
        {"target_employer": "regulated", "degree": "bachelor_cs"},
        "accelerated_immersive",
        None,
        "fits",
        "working_engineer",
        ("serves:no", "caveat:GS-level"),
    ),
    Persona(
        "the research master's does not fit: the headline names it and what fits instead",
        {"goal_role": "research", "budget_usd": 5000, "hours_per_week": 20},
        "degree",
        "master",
        "goal_path_does_not_fit",
        "research_role",
        (
            "within:self_study",
            "screen:headline:Your goal calls for",
            "no_screen:headline:Nothing fits every answer",
            "screen:headline:but it earns no research credential",
        ),
    ),
]


@pytest.mark.parametrize("persona", ISSUE_17, ids=[p.name for p in ISSUE_17])
def test_issue17_persona(content: Content, persona: Persona) -> None:
    profile = make_profile(**persona.answers)
    rec = recommend(profile, content)
    got = (rec.path, rec.degree_level, rec.situation, rec.rule)
    assert got == (persona.path, persona.level, persona.situation, persona.rule), persona.name
    for key in persona.keys:
        check(content, profile, rec, key)
    assert len(screens(content, profile, rec)["headline"]) <= HEADLINE_MAX
