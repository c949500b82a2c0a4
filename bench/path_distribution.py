"""Which path every combination of button answers gets: the distribution the closing note cites.

Runs against whichever `flows` package is importable, so the same script measures the code before
and after a change (`python bench/path_distribution.py`). It enumerates every button value of
every question (years only where the interview asks for them) and counts paths, `fits` and
degree levels. Decision only: plans and texts are not built.
"""

from __future__ import annotations

import itertools
import sys
from collections import Counter
from typing import Any

from flows.content import default_content
from flows.profile import PROFESSIONAL_CODING, Profile

CHOICES: dict[str, tuple[Any, ...]] = {
    "degree": ("none", "bachelor_other", "bachelor_cs", "graduate", "graduate_other"),
    "goal_role": ("applied_ml", "mlops", "research", "unsure"),
    "target_employer": ("industry", "research_lab", "regulated", "unsure"),
    "needs_visa": ("yes", "no", "unsure"),
    "budget_usd": (0, 5000, 15000, 30000, 60000, 120000),
    "can_pause_income": (0, 1, 4, 7, 12),
    "hours_per_week": (5, 10, 15, 20, 30, 40),
    "learning_style": ("self_directed", "structured", "fast_intro"),
}
YEARS = (0, 1, 3, 6, 11)


def profiles() -> Any:
    """Every combination of button answers (746,496 profiles)."""
    names = list(CHOICES)
    for coding in ("none", "some", "data", "production", "ml"):
        years = YEARS if coding in PROFESSIONAL_CODING else (0,)
        for y in years:
            for values in itertools.product(*CHOICES.values()):
                yield Profile.model_validate(
                    {
                        "coding_experience": coding,
                        "years_experience": y,
                        **dict(zip(names, values, strict=True)),
                    }
                )


def main() -> int:
    content = default_content()
    import flows.rules as rules

    decide = getattr(rules, "decide", None)
    paths: Counter[str] = Counter()
    fits: Counter[str] = Counter()
    total = 0
    for profile in profiles():
        total += 1
        if decide is not None:
            d = decide(profile, content)
            key = d.path + (f" ({d.degree_level})" if d.degree_level else "")
            paths[key] += 1
            fits["fits" if d.fits else "nothing fits"] += 1
            if not d.fits and not rules.smallest_changes(d, profile, content):
                fits["nothing fits and no change offered (must be 0)"] += 1
        else:
            paths[rules.choose_rule(profile, content.rules.rules).path] += 1
    print(f"{total:,} answer combinations")
    print("| path | profiles | share |\n| --- | ---: | ---: |")
    for path, n in paths.most_common():
        print(f"| {path} | {n:,} | {100 * n / total:.1f}% |")
    for key, n in fits.most_common():
        print(f"| {key} | {n:,} | {100 * n / total:.1f}% |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
