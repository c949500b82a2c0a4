"""Every combination of button answers: which path each gets, how it stands against the person's
limits, and the issue-17 promises checked on every screen of every one.

`python -m bench.path_distribution` enumerates every button value of every question (years only
where the interview asks them, the apprenticeship-pay question only where it is asked: 4,536,000
answer sets), counts paths, verdicts (fits / does not fit / cannot tell), situations and whether
the path serves the goal, and runs `tests/advice_checks.py` on every one (rendering the headline,
each detail screen and the plan). Work is spread over every CPU; `--every N` checks the screens
of every Nth answer set only (the counts still cover all), `--decisions` skips the screens.

`python bench/path_distribution.py` also runs against the code before issue 17 (no `Checker`
there): it then counts paths and the boolean `fits` over that model's 746,496 combinations, and
how many "fits" were paths whose figures the articles do not publish.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script, too

from flows.content import default_content


def _new_model(every: int, decisions: bool) -> int:
    workers = os.cpu_count() or 1
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        parts = pool.starmap(_count, [(w, workers, every, decisions) for w in range(workers)])
    counts: dict[str, Counter[str]] = {}
    examples: dict[str, str] = {}
    for part, found in parts:
        for name, counter in part.items():
            counts.setdefault(name, Counter()).update(counter)
        for problem, profile in found.items():
            examples.setdefault(problem, profile)
    total = sum(counts["path"].values())
    print(
        f"{total:,} answer combinations, {workers} workers, {time.perf_counter() - started:.0f} s"
    )
    for name, counter in counts.items():
        print(f"\n| {name} | answer sets | share |\n| --- | ---: | ---: |")
        for key, n in counter.most_common():
            print(f"| {key} | {n:,} | {100 * n / total:.1f}% |")
    for problem, profile in list(examples.items())[:20]:
        print(f"PROBLEM {problem}\n    {profile}")
    return 1 if examples else 0


def _count(
    worker: int, workers: int, every: int, decisions: bool
) -> tuple[dict[str, Counter[str]], dict[str, str]]:
    from flows.goal import serves
    from flows.rules import decide
    from tests.advice_checks import Checker, every_button_profile

    content = default_content()
    checker = Checker(content)
    counts: dict[str, Counter[str]] = {
        name: Counter()
        for name in ("path", "verdict", "situation", "serves the goal", "screens checked")
    }
    found: dict[str, str] = {}
    mine = itertools.islice(every_button_profile(), worker, None, workers)
    for n, profile in enumerate(mine):
        d = decide(profile, content)
        counts["path"][d.path + (f" ({d.degree_level})" if d.degree_level else "")] += 1
        counts["verdict"][d.fit.fits] += 1
        counts["situation"][d.situation] += 1
        counts["serves the goal"][serves(d.path, profile, content)[0]] += 1
        if decisions or n % every:
            continue
        counts["screens checked"]["all screens rendered and checked"] += 1
        for problem in checker.problems(profile):
            found.setdefault(problem, repr(profile))
    return counts, found


def _old_model() -> int:
    """The answer model before issue 17: four coding answers, four degrees, three income answers."""
    import flows.rules as rules
    from flows.profile import Profile

    content = default_content()
    choices: dict[str, tuple[Any, ...]] = {
        "degree": ("none", "bachelor_other", "bachelor_cs", "graduate"),
        "goal_role": ("applied_ml", "mlops", "research", "unsure"),
        "target_employer": ("industry", "research_lab", "regulated", "unsure"),
        "needs_visa": ("yes", "no", "unsure"),
        "budget_usd": (0, 5000, 15000, 30000, 60000, 120000),
        "can_pause_income": ("no", "months", "years"),
        "hours_per_week": (5, 10, 15, 20, 30, 40),
        "learning_style": ("self_directed", "structured", "fast_intro"),
    }

    def profiles() -> Iterator[Profile]:
        names = list(choices)
        for coding in ("none", "some", "production", "ml"):
            for years in (0, 1, 3, 6, 11) if coding in ("production", "ml") else (0,):
                for values in itertools.product(*choices.values()):
                    answers = dict(zip(names, values, strict=True))
                    yield Profile.model_validate(
                        {"coding_experience": coding, "years_experience": years, **answers}
                    )

    paths: Counter[str] = Counter()
    fits: Counter[str] = Counter()
    total = 0
    for profile in profiles():
        total += 1
        d = rules.decide(profile, content)
        paths[d.path + (f" ({d.degree_level})" if d.degree_level else "")] += 1
        fits["fits" if d.fits else "nothing fits"] += 1
        if d.fits and rules.demands(d.path, profile, content).figure_kind == "not_published":
            fits["fits, with no published figure (a bachelor's or a PhD)"] += 1
        if d.fits and d.path == "certificate":
            fits["fits, with no published weekly hours (the certificate)"] += 1
    print(f"{total:,} answer combinations")
    for name, counter in (("path", paths), ("fits", fits)):
        print(f"\n| {name} | answer sets | share |\n| --- | ---: | ---: |")
        for key, n in counter.most_common():
            print(f"| {key} | {n:,} | {100 * n / total:.1f}% |")
    return 0


def main(argv: list[str]) -> int:
    try:
        import tests.advice_checks  # noqa: F401  (absent before issue 17)
    except ImportError:
        return _old_model()
    every = int(argv[argv.index("--every") + 1]) if "--every" in argv else 1
    return _new_model(every, "--decisions" in argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
