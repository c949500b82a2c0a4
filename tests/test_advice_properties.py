"""The promises of issues 9 and 17 over 20,000 random answer sets, checked on the screens.

`tests/advice_checks.py` says what is checked: never "nothing fits" next to a plain "(fits)";
every verdict shown (fits / doesn't fit / can't tell yet) true by an independent check of the
path's published demands; every suggested change re-checked; every hours, weeks and money figure
the person's own, published, or labelled. Here too: no milestone over 13 weeks, no headline
over a phone screen, and `fits` true only when every limit of the path fits. Answer sets mix
button values with typed values over each question's whole range; the pay question is answered
only where the interview asks it. The sweep over every combination of buttons is
`bench/path_distribution.py` (part of `make bench`).
"""

from __future__ import annotations

from flows.advice.present import HEADLINE_MAX, present_recommendation, reply_length
from flows.advice.rules import recommend
from flows.content import Content
from tests.advice_checks import Checker, random_profiles

ANSWER_SETS = 20_000


def test_the_promises_hold_on_every_screen_of_random_answer_sets(content: Content) -> None:
    checker = Checker(content)
    found: dict[str, object] = {}
    for profile in random_profiles(ANSWER_SETS):
        for problem in checker.problems(profile):
            found.setdefault(problem, profile)
        if len(found) >= 10:
            break
    assert not found, "\n".join(f"{k}\n    {v}" for k, v in found.items())


def test_plans_are_short_steps_and_headlines_fit_a_phone(content: Content) -> None:
    for profile in random_profiles(2_000, seed=9):
        rec = recommend(profile, content)
        assert all(1 <= m.end_week - m.start_week + 1 <= 13 for m in rec.plan)
        assert all(len(m.weekly_steps) == m.end_week - m.start_week + 1 for m in rec.plan)
        assert reply_length(present_recommendation(content, rec, "recommendation")) <= HEADLINE_MAX
        assert rec.fits == all(c.fits == "fits" for c in rec.checks)
        assert {r.path for r in rec.ruled_out}.isdisjoint({a.path for a in rec.alternatives})
