"""A message that corrects itself ("3 months, no wait, more like 5"): only the correction counts.

WHY: the reading otherwise sees two answers and takes the first or asks, though the person
already said which one they meant. The markers are in `content/vocabulary.yaml` (`corrections`).
"""

from __future__ import annotations

import re

from flows.numbers import words_of

_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_AND_BEFORE = re.compile(r"(?i)\band\s*$")
_BARE_NO = re.compile(r"(?i)(?:(?<=[.!?;,])|^)\s*(?:no|nope|nah|sorry|oops)\s*[,:\-–]?\s*(?=\d)")
"""A bare "no" starting a sentence or clause, right before a number ("about 6 months. no, 4"):
after a number, the one after it replaces it ("no, 3 kids" alone corrects nothing)."""
_DIGIT = re.compile(r"\d")


class Corrections:
    """Built once per Understander; `latest` is pure."""

    def __init__(self, markers: list[str]) -> None:
        spelled = sorted({words_of(m) for m in markers}, key=len, reverse=True)
        gaps = (r"\W+".join(map(re.escape, m.split())) for m in spelled)
        self.marker = re.compile(r"(?i)(?<![a-z])(?:" + "|".join(gaps) + r")(?![a-z])")

    def latest(self, text: str) -> str:
        """The text after the last correction marker, or the whole text when there is none
        or nothing follows it."""
        plain = text.replace("'", " ").replace("’", " ")
        found = [
            m for m in self.marker.finditer(plain) if not _AND_BEFORE.search(plain[: m.start()])
        ]
        bare = [m for m in _BARE_NO.finditer(plain) if _DIGIT.search(plain[: m.start()])]
        found = sorted([*found, *bare], key=lambda m: m.end())
        if not found:  # "10 in term time and more like 30 in the holidays": a second case
            return text
        last = found[-1]
        rest = text[last.end() :].strip(" ,.;:-!")
        if not words_of(rest):
            return text
        first = _SENTENCE.split(rest)[0]  # "7, no wait, 9. I keep forgetting the two years…": 9
        return first if any(c.isdigit() for c in first) else rest
