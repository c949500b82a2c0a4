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

Both models also count every path a person sees labelled (the recommended one and each one on
Other paths): after issue 17 its verdict, before it the "(fits)" label or none, and how many of
those "(fits)" had a figure nobody publishes or stood beside a "nothing fits" headline. These
are the figures of docs/issue-17-advice-figures.md.
"""

from __future__ import annotations

import importlib
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

SHOWN = "every path shown (recommended and Other paths)"
"""Counted per path shown, not per answer set: its shares are of all the paths shown."""
UNPUBLISHED = "of those, labelled fits with a figure the articles do not publish (before)"


def _name(path: str, level: str | None) -> str:
    return path + (f" ({level})" if level else "")


def _tables(counts: dict[str, Counter[str]], total: int) -> None:
    """One Markdown table per counter; a per-path counter's shares are of its own total."""
    for name, counter in counts.items():
        per_path = name in (SHOWN, UNPUBLISHED)
        whole = sum(counts[SHOWN].values()) if per_path else total
        unit = "paths shown" if per_path else "answer sets"
        print(f"\n| {name} | {unit} | share |\n| --- | ---: | ---: |")
        for key, n in counter.most_common():
            print(f"| {key} | {n:,} | {100 * n / whole:.1f}% |")


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
    _tables(counts, total)
    for problem, profile in list(examples.items())[:20]:
        print(f"PROBLEM {problem}\n    {profile}")
    return 1 if examples else 0


def _count(
    worker: int, workers: int, every: int, decisions: bool
) -> tuple[dict[str, Counter[str]], dict[str, str]]:
    from flows.advice.decide import relevant
    from flows.advice.goal import serves
    from flows.advice.rules import decide
    from tests.advice_checks import Checker, every_button_profile

    content = default_content()
    checker = Checker(content)
    counts: dict[str, Counter[str]] = {
        name: Counter()
        for name in (
            "path",
            "verdict",
            "top-level fits",
            "path and verdict",
            SHOWN,
            "situation",
            "serves the goal",
            "screens checked",
        )
    }
    found: dict[str, str] = {}
    mine = itertools.islice(every_button_profile(), worker, None, workers)
    for n, profile in enumerate(mine):
        d = decide(profile, content)
        counts["path"][_name(d.path, d.degree_level)] += 1
        counts["verdict"][d.fit.fits] += 1
        counts["top-level fits"][str(d.fit.fits == "fits").lower()] += 1
        counts["path and verdict"][f"{_name(d.path, d.degree_level)}: {d.fit.fits}"] += 1
        for path, fit in d.fits.items():
            if path == d.path or relevant(path, profile, content):
                counts[SHOWN][fit.fits] += 1
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
    from flows.profile import Profile

    rules: Any = importlib.import_module("flows.rules")  # the old flat module: limits, eligible

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

    names = ("path", "fits", SHOWN, UNPUBLISHED)
    counts: dict[str, Counter[str]] = {name: Counter() for name in names}
    total = 0
    for profile in profiles():
        total += 1
        d = rules.decide(profile, content)
        counts["path"][_name(d.path, d.degree_level)] += 1
        counts["fits"]["fits" if d.fits else "nothing fits"] += 1
        labels = [
            ("fits" if d.fits else "nothing fits", _unpublished(rules, d.path, profile, content))
        ]
        for path in rules.eligible(profile, content):
            if path != d.path and rules._relevant_alternative(path, profile, content):
                fits = not rules.limits(path, profile, content)
                labels.append(
                    ("(fits)" if fits else "no label", _unpublished(rules, path, profile, content))
                )
        for label, unpublished in labels:
            counts[SHOWN][label] += 1
            if label in ("fits", "(fits)") and unpublished:
                counts[UNPUBLISHED][label] += 1
        if not d.fits and any(label == "(fits)" for label, _ in labels):
            counts["fits"]["nothing fits, with a path labelled (fits) under Other paths"] += 1
    print(f"{total:,} answer combinations")
    _tables(counts, total)
    return 0


def _unpublished(rules: Any, path: str, profile: Any, content: Any) -> bool:
    """Before issue 17: a bachelor's or PhD (no cost or hours published) or the certificate (no
    weekly hours published) passed every check it had no figure for."""
    need = rules.demands(path, profile, content)
    return need.figure_kind == "not_published" or path == "certificate"


def main(argv: list[str]) -> int:
    try:
        import tests.advice_checks  # noqa: F401  (absent before issue 17)
    except ImportError:
        return _old_model()
    every = int(argv[argv.index("--every") + 1]) if "--every" in argv else 1
    return _new_model(every, "--decisions" in argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
