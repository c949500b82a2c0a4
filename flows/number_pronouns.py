"""When "one" is no number: "another one", "one of them", "at one agency".

WHY apart from `flows/numbers.py`: the number reader counts every number word; this is the one
word that is as often a pronoun or a determiner as a count, and the test for it has its own
word lists.
"""

from __future__ import annotations

from collections.abc import Iterable

WHOLE = frozenset({"full", "whole", "entire", "solid", "straight"})
"""Words between a count and its unit ("one full year", "2 whole months")."""

_BEFORE_ONE = frozenset({"another", "the", "that", "this", "which", "each", "every", "any", "no"})
TIMES_OF_DAY = frozenset(
    {
        "day",
        "days",
        "week",
        "weeks",
        "evening",
        "evenings",
        "night",
        "nights",
        "morning",
        "mornings",
        "afternoon",
        "afternoons",
        "weekend",
        "weekends",
        "shift",
        "shifts",
        "time",
    }
)
_PREPOSITIONS = frozenset({"at", "in", "for", "with", "from", "on", "into", "by"})


def pronoun_one(tokens: list[str], i: int, counted: Iterable[str]) -> bool:
    """ "another one", "one of them", "at one agency": "one" standing for a thing or naming
    one of something else, not a count of the question's unit ("one year", "then one as mid"
    stay counts)."""
    if tokens[i] != "one":
        return False
    before = tokens[i - 1] if i > 0 else ""
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    if after in counted or after in WHOLE or any(c.isdigit() for c in after):
        return False
    if after == "of" or before in _BEFORE_ONE:
        return True
    return before in _PREPOSITIONS and after.isalpha() and after not in ("or", "and", "to")
