"""Prints the recommendation screen for the closing note's example personas, as the console shows
it (`python bench/show_recommendations.py`). Works against the code before and after a change."""

from __future__ import annotations

import sys
from typing import Any

from bot.console import ConsoleView
from flows.content import default_content
from flows.engine import Engine
from flows.present import present_recommendation
from flows.profile import Profile
from flows.rules import recommend

EXAMPLES: dict[str, dict[str, Any]] = {
    "marketing manager: no coding, $3,000, 10 h/week, cannot stop earning": {
        "coding_experience": "none",
        "years_experience": 0,
        "degree": "bachelor_other",
        "goal_role": "applied_ml",
        "target_employer": "industry",
        "needs_visa": "no",
        "budget_usd": 3000,
        "can_pause_income": 0,
        "hours_per_week": 10,
        "learning_style": "structured",
    },
    "needs an H-1B, no degree": {
        "coding_experience": "some",
        "years_experience": 0,
        "degree": "none",
        "goal_role": "applied_ml",
        "target_employer": "industry",
        "needs_visa": "yes",
        "budget_usd": 15000,
        "can_pause_income": 6,
        "hours_per_week": 20,
        "learning_style": "structured",
    },
    "ML practitioner: master's, 5 years, $60k, years of runway, research lab": {
        "coding_experience": "ml",
        "years_experience": 5,
        "degree": "graduate",
        "goal_role": "research",
        "target_employer": "research_lab",
        "needs_visa": "no",
        "budget_usd": 60000,
        "can_pause_income": 24,
        "hours_per_week": 40,
        "learning_style": "structured",
    },
}


def main() -> int:
    content = default_content()
    view = ConsoleView(Engine(content))
    for title, answers in EXAMPLES.items():
        rec = recommend(Profile.model_validate(answers), content)
        text = view.render(present_recommendation(content, rec, "recommendation"))
        print(f"=== {title} ({len(text)} characters)\n{text}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
