"""A message that corrects itself ("3 months, no wait, more like 5"): only the correction counts.

WHY: the reading otherwise sees two answers and takes the first or asks, though the person
already said which one they meant. The markers are in `content/vocabulary.yaml` (`corrections`).
"""

from __future__ import annotations

import re

from flows.numbers import words_of


class Corrections:
    """Built once per Understander; `latest` is pure."""

    def __init__(self, markers: list[str]) -> None:
        spelled = sorted({words_of(m) for m in markers}, key=len, reverse=True)
        gaps = (r"\W+".join(map(re.escape, m.split())) for m in spelled)
        self.marker = re.compile(r"(?i)(?<![a-z])(?:" + "|".join(gaps) + r")(?![a-z])")

    def latest(self, text: str) -> str:
        """The text after the last correction marker, or the whole text when there is none
        or nothing follows it."""
        found = list(self.marker.finditer(text.replace("'", " ").replace("’", " ")))
        if not found:
            return text
        last = found[-1]
        rest = text[last.end() :].strip(" ,.;:-!")
        return rest if words_of(rest) else text
