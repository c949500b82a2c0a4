"""Prints the screens the closing note of issue 17 compares, as the console shows them
(`python bench/show_recommendations.py`). Works against the code before issue 17 too (run it in a
checkout of that code): each example gives its answers in both answer models.

1. the bachelor's at $0: research goal, no degree, $0, needs income, 10 h/week
2. the 3-month runway: a career switcher with $20,000, full time, able to go 3 months without pay
   (before: "For a few months")
3. the SQL analyst: 2 years of SQL and BI, $5,000, needs income, 10 h/week (before: "I already
   work with data or ML")
4. the 1 h/week certificate: a switcher who wants a quick orientation, $500, 1 h/week
5. the 8 h/week costs screen: a career switcher, $0, 8 h/week
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script, too

from bot.console import ConsoleView
from flows.advice.details import present_detail
from flows.advice.present import present_recommendation
from flows.advice.rules import recommend
from flows.content import default_content
from flows.engine import Engine
from flows.profile import Profile

SWITCHER = {"coding_experience": "none", "years_experience": 0, "degree": "bachelor_other"}
COMMON = {
    "goal_role": "applied_ml",
    "target_employer": "industry",
    "needs_visa": "no",
    "learning_style": "structured",
}

# (title, screen, answers in the new model, what differs in the old one)
EXAMPLES: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = [
    (
        "the bachelor's at $0: research goal, no degree, $0, needs income, 10 h/week",
        "headline",
        {
            **COMMON,
            **SWITCHER,
            "degree": "none",
            "goal_role": "research",
            "budget_usd": 0,
            "can_pause_income": 0,
            "hours_per_week": 10,
        },
        {"can_pause_income": "no"},
    ),
    (
        "the 3-month runway: switcher, $20,000, 40 h/week, 3 months without pay",
        "headline",
        {
            **COMMON,
            **SWITCHER,
            "budget_usd": 20000,
            "can_pause_income": 3,
            "hours_per_week": 40,
        },
        {"can_pause_income": "months"},
    ),
    (
        "the SQL analyst: 2 years of SQL and BI, $5,000, needs income, 10 h/week",
        "headline",
        {
            **COMMON,
            "coding_experience": "data",
            "years_experience": 0,
            "degree": "bachelor_other",
            "budget_usd": 5000,
            "can_pause_income": 0,
            "hours_per_week": 10,
        },
        {"coding_experience": "ml", "years_experience": 2, "can_pause_income": "no"},
    ),
    (
        "the 1 h/week certificate: switcher, quick orientation, $500, 1 h/week",
        "headline",
        {
            **COMMON,
            **SWITCHER,
            "learning_style": "fast_intro",
            "budget_usd": 500,
            "can_pause_income": 0,
            "hours_per_week": 1,
        },
        {"can_pause_income": "no"},
    ),
    (
        "the 8 h/week costs screen: switcher, $0, 8 h/week",
        "costs",
        {**COMMON, **SWITCHER, "budget_usd": 0, "can_pause_income": 0, "hours_per_week": 8},
        {"can_pause_income": "no"},
    ),
]


def main() -> int:
    content = default_content()
    view = ConsoleView(Engine(content))
    new_model = "apprenticeship_pay" in Profile.model_fields
    for title, screen, answers, old in EXAMPLES:
        profile = Profile.model_validate(answers if new_model else {**answers, **old})
        rec = recommend(profile, content)
        if screen == "headline":
            reply = present_recommendation(content, rec, "recommendation")
        else:
            reply = present_detail(content, profile, rec, screen, "recommendation")  # type: ignore[arg-type]
        text = view.render(reply)
        print(f"=== {title} ({screen}, {len(text)} characters)\n{text}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
