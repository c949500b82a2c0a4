"""Score typed answers and free-text questions against a set written in YAML (issue 18).

    python -m bench.understanding_eval TYPED.yaml [QUESTIONS.yaml] [--today 2026-12-06] [-v]

TYPED.yaml: `cases: [{field, text, expect: {value | range: [lo, hi] | clarify: [values] or true |
other_field: {field: value or [lo, hi]}, also: {...}}}]`. Each case counts as stored right, asked
right (a clarify offering the right value; any clarify, or a question taken as one, for
`clarify: true`), a guess (one of
the options a `clarify: [values]` case calls truly ambiguous, stored without asking), WRONG (a
value stored that is not the expected one, or stored at this question when another question was
expected), or hint/other. QUESTIONS.yaml: `answerable: [{q, facts: [...], any: [[...], ...]}]`,
`uncovered: [{q}]` (must say the articles don't cover it), `off_topic: [{q}]` (must decline).
Prints one table per set; -v lists every case that is not right.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any, Protocol

import yaml

Outcome = str  # "stored", "asked", "guess", "WRONG", "other"
FIELDS = (
    "coding_experience",
    "years_experience",
    "degree",
    "goal_role",
    "target_employer",
    "needs_visa",
    "budget_usd",
    "can_pause_income",
    "apprenticeship_pay",
    "hours_per_week",
    "learning_style",
)
"""The interview's questions in order (flows/reading/answer_model.py; repeated so this file also
scores older code, bench/score_base.py)."""


class _Option(Protocol):
    value: Any


class Understood(Protocol):
    """What scoring needs of an understanding (flows.reading.understanding.Understanding has it)."""

    status: str
    value: Any
    options: Any
    also: Any


def _matches(value: object, want: object) -> bool:
    def number(x: object) -> bool:
        return isinstance(x, int | float) and not isinstance(x, bool)

    if isinstance(want, list) and len(want) == 2 and all(map(number, want)):
        return number(value) and want[0] <= value <= want[1]
    return value == want or str(value) == str(want)


def score_typed(case: dict[str, Any], got: Understood) -> tuple[Outcome, str]:
    """The outcome of one typed case, and a note on what was wrong with `also` if anything."""
    expect = case["expect"]
    want: object = expect.get("value", expect.get("range"))
    also_note = ""
    for other, value in (expect.get("also") or {}).items():
        if other in got.also and not _matches(got.also[other], value):
            return "WRONG", f"also {other}={got.also[other]!r}"
        if other not in got.also:
            also_note = f"missed also {other}"
    for other, value in got.also.items():
        expected_also = {**(expect.get("also") or {}), **(expect.get("other_field") or {})}
        if other in expected_also and not _matches(value, expected_also[other]):
            return "WRONG", f"also {other}={value!r}"
    if "other_field" in expect:
        if got.status == "stored":
            return "WRONG", "stored here"
        hits = all(
            f in got.also and _matches(got.also[f], v) for f, v in expect["other_field"].items()
        )
        return ("stored" if hits else "other"), also_note
    options = [o.value for o in got.options]
    if "clarify" in expect:
        allowed = expect["clarify"]
        if got.status == "clarify":
            ok = allowed is True or any(_matches(o, a) for o in options for a in allowed)
            return ("asked" if ok else "other"), also_note
        if allowed is True and getattr(got, "question", False):
            # a question typed at a question ("what is H-1B?") is answered, then the
            # question asked again: the set's "ask" for a plain question
            return "asked", also_note
        if got.status == "stored":
            # The set's rule: for an unclear number, asking is right and a stored value must
            # fall in `range`; for options that are truly ambiguous, storing one is a guess.
            if allowed is True:
                return ("stored" if _matches(got.value, want) else "WRONG"), also_note
            guessed = any(_matches(got.value, a) for a in allowed)
            return ("guess" if guessed else "WRONG"), also_note
        return "other", also_note
    if got.status == "stored":
        return ("stored" if _matches(got.value, want) else "WRONG"), also_note
    if got.status == "clarify":
        return ("asked" if any(_matches(o, want) for o in options) else "other"), also_note
    return "other", also_note


def run_typed(path: Path, today: date, verbose: bool) -> dict[str, Counter[str]]:
    from flows.content import default_content
    from flows.reading.understanding import Understander

    understander = Understander(default_content())
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    table: dict[str, Counter[str]] = defaultdict(Counter)
    misses: list[str] = []
    for case in cases:
        got = understander.understand(case["field"], str(case["text"]), {}, today)
        outcome, note = score_typed(case, got)
        table[case["field"]][outcome] += 1
        if outcome not in ("stored", "asked") or (verbose and note):
            shown = got.value if got.status == "stored" else [o.value for o in got.options]
            misses.append(
                f"  {outcome:6} {case['field']:18} {case['text']!r}: {got.status} {shown!r}"
                f" also={dict(got.also)} {note} (expected {case['expect']})"
            )
    print_typed(table)
    if verbose and misses:
        print("\n".join(["", "Not right:", *misses]))
    return table


def print_typed(table: dict[str, Counter[str]]) -> None:
    head = f"{'question':20} {'n':>4} {'stored right':>13} {'asked right':>12} {'guess':>6}"
    print(f"{head} {'WRONG':>6} {'hint/other':>11} {'right %':>8}")
    total: Counter[str] = Counter()
    for name in [*FIELDS, *sorted(set(table) - set(FIELDS))]:
        row = table.get(name)
        if not row:
            continue
        total.update(row)
        _row(name, row)
    _row("all", total)


def _row(name: str, row: Counter[str]) -> None:
    n = sum(row.values())
    right = row["stored"] + row["asked"]
    print(
        f"{name:20} {n:>4} {row['stored']:>13} {row['asked']:>12} {row['guess']:>6}"
        f" {row['WRONG']:>6} {row['other']:>11} {100 * right / n:>7.0f}%"
    )


# --------------------------------------------------------------------------------------------
# Questions
# --------------------------------------------------------------------------------------------


def answer_is_right(item: dict[str, Any], status: str, text: str) -> bool:
    low = text.lower()
    if status != "answered":
        return False
    if not all(str(f).lower() in low for f in item.get("facts", [])):
        return False
    return all(any(str(a).lower() in low for a in group) for group in item.get("any", []))


def run_questions(path: Path, verbose: bool) -> dict[str, Counter[str]]:
    from flows.asking.ask import AskIndex
    from flows.asking.ask_reply import respond
    from flows.content import default_content

    index = AskIndex(default_content())
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    table: dict[str, Counter[str]] = defaultdict(Counter)
    misses: list[str] = []
    for category in ("answerable", "uncovered", "off_topic"):
        for item in data.get(category) or []:
            got = respond(index, str(item["q"]))
            if category == "answerable":
                ok = answer_is_right(item, got.status, got.text)
            elif category == "uncovered":
                ok = got.status == "not_covered"
            else:
                ok = got.status in ("declined", "not_covered")
            table[category]["right" if ok else "miss"] += 1
            if category != "answerable" and got.status == "answered":
                table[category]["answered"] += 1
            if not ok:
                misses.append(f"  {category:10} {item['q']!r}: {got.status} {got.topic!r}")
    print_questions(table)
    if verbose and misses:
        print("\n".join(["", "Not right:", *misses]))
    return table


def print_questions(table: dict[str, Counter[str]]) -> None:
    print(f"{'questions':12} {'n':>4} {'right':>6} {'miss':>5} {'answered':>9} {'right %':>8}")
    for category in ("answerable", "uncovered", "off_topic"):
        row = table.get(category)
        if not row:
            continue
        n = row["right"] + row["miss"]
        print(
            f"{category:12} {n:>4} {row['right']:>6} {row['miss']:>5} {row['answered']:>9}"
            f" {100 * row['right'] / n:>7.0f}%"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("typed", type=Path, help="typed answers YAML")
    parser.add_argument("questions", type=Path, nargs="?", help="questions YAML")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    typed = run_typed(args.typed, args.today, args.verbose)
    wrong = sum(row["WRONG"] for row in typed.values())
    if args.questions:
        print()
        run_questions(args.questions, args.verbose)
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
