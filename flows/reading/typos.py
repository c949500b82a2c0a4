"""Short typos in questions ("wat certs matter", "how long to learn machien learning").

WHY a frequency list: a word the advice never uses is either a slip ("machien") or a real word
that is simply off-topic ("movie", "bread"). General English frequencies (`wordfreq`) tell them
apart: a common word is only replaced by a far more common one ("wat" → "what"), a non-word by
the closest word the advice or a question uses (RapidFuzz edit distance, transpositions
counted as one slip). Short words need a closer match than long ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from rapidfuzz import distance, process

from flows.numbers import words_of


@cache
def zipf(word: str) -> float:
    """How common `word` is in English (0 = unknown, 7 = "the"), from wordfreq's small list."""
    import wordfreq  # imported on first use: the first typo, not start-up

    return float(wordfreq.zipf_frequency(word, "en", wordlist="small"))


class Typos:
    """Corrects one unknown word at a time toward the words the advice and questions use."""

    COMMON = 3.0
    """A word at least this common is a real word: kept unless the fix is far more common."""
    LEAP = 2.0
    REAL = 3.6
    """A word at least this common is never a slip, however common its neighbour ("rust")."""

    def __init__(self, known: Iterable[str]) -> None:
        self.known = sorted({w for w in known if w.isalpha() and len(w) > 1})
        self._known_set = frozenset(self.known)
        self._memo: dict[str, str | None] = {}

    def fixed(self, text: str) -> str:
        """`text` with each slip fixed where it stands ("IT suport 4 yrs" → "IT support 4 yrs")."""
        for word in set(words_of(text).split()):
            fix = self.fix(word)
            text = re.sub(rf"(?i)\b{re.escape(word)}\b", fix, text) if fix else text
        return text

    def fix(self, word: str) -> str | None:
        """The intended word for `word`, or None when it is known or no fix is clear."""
        if word in self._known_set or not word.isalpha() or len(word) < 3:
            return None
        if word in self._memo:
            return self._memo[word]
        fixed = self._best(word)
        if len(self._memo) < 20_000:
            self._memo[word] = fixed
        return fixed

    def _best(self, word: str) -> str | None:
        reach = 1 if len(word) <= 5 else 2
        found = process.extract(
            word, self.known, scorer=distance.OSA.distance, score_cutoff=reach, limit=8
        )
        if not found:
            return None
        best_distance = min(d for _, d, _ in found)
        closest = [w for w, d, _ in found if d == best_distance]
        choice = max(closest, key=zipf)
        typed, fixed = zipf(word), zipf(choice)
        if typed >= self.REAL:
            return None  # "rust" is a word, not a slip for "just"
        if typed >= self.COMMON and (len(word) > 4 or fixed - typed < self.LEAP):
            return None  # a real word ("movie", "plumber"), not a slip; "wat" is one
        if len(word) <= 4 and fixed < 5.0 and typed > 0:
            return None  # "wat" → "what" is safe; a rare short word is not
        return choice
