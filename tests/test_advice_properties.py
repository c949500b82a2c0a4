"""The four promises of issue 9, over a large sample of every possible answer combination.

1. When `fits` is true, the path's declared demands are within every hard limit given.
2. When `fits` is false, `changes` is non-empty (and each change names a path it would fit).
3. No plan milestone spans more than 13 weeks.
4. No alternative offered is one the person is ineligible for.

Hypothesis draws answers from the buttons' values and from the whole typed ranges; the exhaustive
sweep over every button combination is `bench/path_distribution.py`, which checks the same promises
on all 746,496 and reports the distribution of paths.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flows.content import Content, Demands, default_content
from flows.fit import demands, ruled_out
from flows.plan import self_study_months
from flows.present import HEADLINE_MAX, present_recommendation, reply_length
from flows.profile import FIELD_VALUES, PROFESSIONAL_CODING, Profile
from flows.rules import recommend

CONTENT = default_content()


@st.composite
def profiles(draw: st.DrawFn) -> Profile:
    coding = draw(st.sampled_from(FIELD_VALUES["coding_experience"]))
    years = draw(st.integers(0, 60)) if coding in PROFESSIONAL_CODING else 0
    budget = draw(
        st.one_of(st.sampled_from([0, 5000, 15000, 30000, 60000, 120000]), st.integers(0, 200_000))
    )
    hours = draw(st.one_of(st.sampled_from([5, 10, 15, 20, 30, 40]), st.integers(1, 80)))
    answers: dict[str, Any] = {
        field: draw(st.sampled_from(FIELD_VALUES[field]))
        for field in (
            "degree",
            "goal_role",
            "target_employer",
            "needs_visa",
            "learning_style",
        )
    }
    answers["can_pause_income"] = draw(
        st.one_of(st.sampled_from([0, 1, 4, 7, 12]), st.integers(0, 120))
    )
    return Profile(
        coding_experience=coding,
        years_experience=years,
        budget_usd=budget,
        hours_per_week=hours,
        **answers,
    )


def within_limits(need: Demands, profile: Profile, content: Content) -> bool:
    pause = profile.can_pause_income
    prereqs = (
        (need.coding is None or profile.coding_experience in need.coding)
        and profile.years_experience >= need.min_years
        and (need.degree is None or profile.degree in need.degree)
    )
    months_ok = need.max_months is None or (
        self_study_months(profile, profile.hours_per_week, content.advice) <= need.max_months
    )
    return (
        prereqs
        and need.weekly_hours <= profile.hours_per_week
        and (need.tuition_usd_min is None or need.tuition_usd_min <= profile.budget_usd)
        and need.unpaid_months <= pause
        and months_ok
    )


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles())
def test_the_four_promises(profile: Profile) -> None:
    rec = recommend(profile, CONTENT)
    need = demands(rec.path, profile, CONTENT)
    if rec.fits:
        assert within_limits(need, profile, CONTENT)
        assert not rec.limits and not rec.changes
    else:
        assert not within_limits(need, profile, CONTENT)
        assert rec.changes and rec.limits
        for change in rec.changes:  # each change, applied, makes its path fit
            changed = profile.model_copy(update={change.answer: change.to})
            others = [c for c in rec.changes if c.path == change.path and c is not change]
            for other in others:
                changed = changed.model_copy(update={other.answer: other.to})
            assert within_limits(demands(change.path, changed, CONTENT), changed, CONTENT)
    assert all(m.end_week - m.start_week + 1 <= 13 for m in rec.plan)
    for alt in rec.alternatives:
        assert ruled_out(alt.path, profile, CONTENT) is None
        assert alt.fits == within_limits(demands(alt.path, profile, CONTENT), profile, CONTENT)
        assert alt.why_not
    assert {r.path for r in rec.ruled_out}.isdisjoint({a.path for a in rec.alternatives})
    reply = present_recommendation(CONTENT, rec, "recommendation")
    assert reply_length(reply) <= HEADLINE_MAX
    assert reply.blocks[0].text == CONTENT.dialogue.sections["nothing_fits"] or rec.fits
