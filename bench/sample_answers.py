"""Sample interview answers shared by the benchmarks and the tests.

Why here and not in tests/: the benchmarks drive the same interviews the tests do, and no bench
or deploy code may import a test module.
"""

from __future__ import annotations

from typing import Any

# One complete profile, as stored (typed values).
BASE_PROFILE: dict[str, Any] = {
    "coding_experience": "production",
    "years_experience": 3,
    "degree": "bachelor_cs",
    "goal_role": "applied_ml",
    "target_employer": "industry",
    "needs_visa": "no",
    "budget_usd": 15000,
    "can_pause_income": "no",
    "hours_per_week": 20,
    "learning_style": "structured",
}

# The option value each question's button carries, for a whole interview by buttons.
BUTTON_ANSWERS = {
    "coding_experience": "production",
    "years_experience": "3",
    "degree": "bachelor_cs",
    "goal_role": "applied_ml",
    "target_employer": "industry",
    "needs_visa": "no",
    "budget_usd": "15000",
    "can_pause_income": "no",
    "hours_per_week": "20",
    "learning_style": "structured",
}

# A whole interview typed as a person would: (what they type, the value stored).
TYPED = {
    "coding_experience": ("I ship production code", "production"),
    "years_experience": ("3", 3),
    "degree": ("2", "bachelor_other"),
    "goal_role": ("1", "applied_ml"),
    "target_employer": ("1", "industry"),
    "needs_visa": ("no", "no"),
    "budget_usd": ("15k", 15000),
    "can_pause_income": ("1", "no"),
    "hours_per_week": ("15", 15),
    "learning_style": ("2", "structured"),
}
ORDER = list(TYPED)
