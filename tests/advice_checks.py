"""The promises of issue 17, checked on the screens a person sees, for any answer set.

Shared by the property test (`tests/test_advice_properties.py`, random answer sets) and the
exhaustive sweep (`bench/path_distribution.py`, every combination of button answers). For one
profile, `problems()` renders every screen (headline, each detail screen, the plan) and returns
what breaks a promise (empty: none):

1. "Nothing fits" is never said next to a plain "(fits)".
2. A path shown as fitting ("Recommended path" with nothing to check, or "(fits)") meets every
   limit, by an independent check of its published demands; a path with a demand the articles do
   not publish is never shown as fitting; "(doesn't fit)" and "(can't tell yet)" are true too.
3. Every suggested change, applied with the others listed for its path, makes the path fit
   (the independent check again, on the changed answers).
4. Every hours, weeks or money figure on a screen is the person's own answer, a path's published
   demand (a figure printed in the articles), a suggested change's target, or a labelled
   reference or arithmetic figure.
5. No reason or caveat speaks of fit (the limit checks do), so none can contradict a limit on
   the same screen ("fits 6 hours a week" under a pace that does not fit).
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from flows.advice.fit import demands, open_ended_months, ruled_out
from flows.advice.pay import asks_pay, monthly_pay, pay_program
from flows.advice.rules import Recommendation, recommend
from flows.content import Content, Demands
from flows.plan import plan_months
from flows.profile import FIELD_VALUES, PROFESSIONAL_CODING, PathId, Profile
from tests.personas import screens

_HERE = Path(__file__).resolve()
SEEDS_DIR = next(
    (p / "shared" / "seeds" for p in _HERE.parents[2:] if (p / "shared").is_dir()),
    _HERE.parents[2] / "shared" / "seeds",
)

BUTTONS: dict[str, tuple[Any, ...]] = {
    "degree": FIELD_VALUES["degree"],
    "goal_role": FIELD_VALUES["goal_role"],
    "target_employer": FIELD_VALUES["target_employer"],
    "needs_visa": FIELD_VALUES["needs_visa"],
    "budget_usd": (0, 5000, 15000, 30000, 60000, 120000),
    "can_pause_income": (0, 1, 4, 7, 12),
    "hours_per_week": (5, 10, 15, 20, 30, 40),
    "learning_style": FIELD_VALUES["learning_style"],
}
YEARS = (0, 1, 3, 6, 11)
PAY = FIELD_VALUES["apprenticeship_pay"]

_MONEY = re.compile(r"\$(\d{1,3}(?:,\d{3})*)")
_HOURS = re.compile(r"(\d+)(?:\s*(?:-|–|to)\s*(\d+))?[\s-]*(?:hours?|h)\b", re.IGNORECASE)
_FIT = re.compile(r"\bfits?\b", re.IGNORECASE)
_WEEKS = re.compile(r"(\d+)(?:\s*(?:-|–|to)\s*(\d+))?[\s-]*weeks?\b", re.IGNORECASE)


def article_text() -> str:
    files = sorted(SEEDS_DIR.glob("*.txt")) if SEEDS_DIR.is_dir() else []
    if len(files) < 2:
        raise FileNotFoundError(f"the seed articles are missing from {SEEDS_DIR}")
    return "\n".join(f.read_text(encoding="utf-8") for f in files)


def published_figures() -> tuple[set[int], set[int]]:
    """Every dollar amount and every week figure the articles print."""
    text = article_text()
    dollars = {int(m.group(1).replace(",", "")) for m in _MONEY.finditer(text)}
    weeks = {int(n) for m in _WEEKS.finditer(text) for n in m.groups() if n}
    return dollars, weeks


def every_button_profile() -> Iterator[Profile]:
    """Every combination of button answers, the pay question only where it is asked."""
    names = list(BUTTONS)
    for coding in FIELD_VALUES["coding_experience"]:
        for years in YEARS if coding in PROFESSIONAL_CODING else (0,):
            for values in itertools.product(*BUTTONS.values()):
                answers: dict[str, Any] = dict(zip(names, values, strict=True))
                answers.update(coding_experience=coding, years_experience=years)
                yield from _with_pay(answers)


def _with_pay(answers: dict[str, Any]) -> Iterator[Profile]:
    from flows.content import default_content

    pays: tuple[Any, ...] = PAY if asks_pay(answers, default_content().advice) else (None,)
    for pay in pays:
        yield Profile.model_validate({**answers, "apprenticeship_pay": pay})


def random_profiles(count: int, seed: int = 17) -> Iterator[Profile]:
    """Random answer sets: button values and typed values across each question's whole range,
    the pay question answered only where the interview asks it."""
    rng = random.Random(seed)
    for _ in range(count):
        coding = rng.choice(FIELD_VALUES["coding_experience"])
        answers: dict[str, Any] = {f: rng.choice(v) for f, v in BUTTONS.items()}
        answers["coding_experience"] = coding
        answers["years_experience"] = (
            rng.choice([*YEARS, rng.randint(0, 60)]) if coding in PROFESSIONAL_CODING else 0
        )
        if rng.random() < 0.5:
            answers["budget_usd"] = rng.randint(0, 200_000)
        if rng.random() < 0.5:
            answers["hours_per_week"] = rng.randint(1, 80)
        if rng.random() < 0.5:
            answers["can_pause_income"] = rng.randint(0, 120)
        pays = list(_with_pay(answers))
        yield rng.choice(pays)


# ------------------------------------------------------------------------------ independent fit


def independent_verdict(path: PathId, profile: Profile, content: Content) -> str:
    """Whether `path` fits, from its demands alone (not `flows.advice.fit`): 'fits', 'does_not_fit',
    or 'not_published' when no known limit breaks but a figure is missing."""
    need = demands(path, profile, content)
    level = content.advice.degree_level(profile.degree).id if path == "degree" else None
    breaks, unknown = False, False
    if need.load:
        breaks |= max(x.study_hours for x in need.load) > profile.hours_per_week
    unknown |= not need.hours_published
    if need.max_months is not None:
        months = plan_months(profile, path, level, profile.hours_per_week, content.advice)
        breaks |= months > need.max_months
    if need.tuition_usd_min is not None:
        breaks |= need.tuition_usd_min > profile.budget_usd
    unknown |= need.figure_kind == "not_published"
    if need.unpaid_months is None:
        unknown = True
    elif need.unpaid_months > profile.can_pause_income:
        if profile.can_pause_income >= open_ended_months(content):
            unknown = True
        else:
            breaks = True
    pay = _pay_verdict(path, need, profile, content)
    breaks |= pay == "does_not_fit"
    unknown |= pay == "not_published"
    return "does_not_fit" if breaks else "not_published" if unknown else "fits"


def _pay_verdict(path: PathId, need: Demands, profile: Profile, content: Content) -> str:
    if not need.earnings_usd:
        return "fits"
    if profile.can_pause_income >= (need.unpaid_months or 0) + need.earning_months:
        return "fits"
    asked = pay_program(profile.model_dump(), content.advice)
    if asked is None:
        return "not_published"
    mine, theirs = monthly_pay(path, content.advice), monthly_pay(asked, content.advice)
    if profile.apprenticeship_pay == "yes" and theirs <= mine:
        return "fits"
    if profile.apprenticeship_pay == "no" and theirs >= mine:
        return "does_not_fit"
    return "not_published"


# ------------------------------------------------------------------------------ the promises


LABELS = {"fits": "(fits)", "does_not_fit": "(doesn't fit)", "not_published": "(can't tell yet)"}


class Checker:
    """Checks the promises for one profile at a time. Holds what every profile shares (the
    published figures, the paths' loads and pay) and the figures read from each distinct line,
    so the exhaustive sweep reads each line's figures once."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.dollars, self.weeks = published_figures()
        self.load = {
            h
            for p in content.advice.paths
            for x in p.demands.load
            for h in (x.study_hours, x.paid_hours, x.study_hours + x.paid_hours)
        }
        self.pay = {monthly_pay(p, content.advice) for p in ("accelerated_immersive", "immersive")}
        self.lines: dict[str, tuple[set[int], list[set[int]], set[int], bool, bool]] = {}

    def figures(self, line: str) -> tuple[set[int], list[set[int]], set[int], bool, bool]:
        """Dollars, hours (one set per mention), weeks, and whether the line says "reference"
        or "arithmetic"."""
        found = self.lines.get(line)
        if found is None:
            money = {int(m.group(1).replace(",", "")) for m in _MONEY.finditer(line)}
            hours = [{int(n) for n in m.groups() if n} for m in _HOURS.finditer(line)]
            weeks = {int(n) for m in _WEEKS.finditer(line) for n in m.groups() if n}
            found = (money, hours, weeks, "reference" in line, "arithmetic" in line)
            self.lines[line] = found
        return found

    def problems(self, profile: Profile) -> list[str]:
        content = self.content
        rec = recommend(profile, content)
        text = screens(content, profile, rec)
        out: list[str] = []
        s = content.dialogue.sections
        # 1. never "nothing fits" next to a plain "(fits)"
        fitting_shown = LABELS["fits"] in text["why_not"] or rec.within_limits is not None
        if s["nothing_fits"] in text["headline"] and fitting_shown:
            out.append("nothing fits next to a path that fits")
        # 2. every verdict shown is true
        own = independent_verdict(rec.path, profile, content)
        if own != rec.path_fits:
            out.append(f"recommended {rec.path}: shown {rec.path_fits}, is {own}")
        title = s["recommendation_title"].format(path=rec.path_name)
        plain = title in text["headline"] and "can't tell" not in text["headline"]
        if rec.path_fits == "fits" and not plain:
            out.append("a fitting path is not shown plainly as fitting")
        if rec.fits != (rec.path_fits == "fits"):
            out.append("the top-level fits disagrees with the path's verdict")
        for alt in rec.alternatives:
            if ruled_out(alt.path, profile, content) is not None:
                out.append(f"{alt.path} offered though ruled out")
            truth = independent_verdict(alt.path, profile, content)
            if truth != alt.fits or f"{alt.name} {LABELS[alt.fits]}:" not in text["why_not"]:
                out.append(f"{alt.path}: labelled {alt.fits}, is {truth}")
        # 3. every change, with the others for its path, makes that path fit
        for path in {c.path for c in rec.changes}:
            update = {c.answer: c.to for c in rec.changes if c.path == path}
            changed = profile.model_copy(update=update)
            if independent_verdict(path, changed, content) != "fits":
                out.append(f"changes {update} do not make {path} fit")
        out += [
            f"change not shown: {c.text}" for c in rec.changes if c.text not in text["headline"]
        ]
        # 4. every figure is the person's, published, a change's target, or labelled
        return out + self.figure_problems(rec, profile, text)

    def figure_problems(
        self, rec: Recommendation, profile: Profile, text: dict[str, str]
    ) -> list[str]:
        targets = {c.to for c in rec.changes if isinstance(c.to, int)}
        dollars = self.dollars | {profile.budget_usd} | targets
        hours = self.load | {profile.hours_per_week} | targets
        out: list[str] = []
        for screen, body in text.items():
            for line in body.splitlines():
                money, hour_sets, weeks, reference, arithmetic = self.figures(line)
                stray = money - dollars - (self.pay if arithmetic else set())
                if stray:
                    out.append(f"{screen}: money figure {sorted(stray)} in {line!r}")
                for found in hour_sets:
                    if not found <= hours and not (reference and found <= {15, 20}):
                        out.append(f"{screen}: hours figure {sorted(found)} in {line!r}")
                if not weeks <= self.weeks:
                    out.append(f"{screen}: weeks figure {sorted(weeks)} in {line!r}")
        return out
