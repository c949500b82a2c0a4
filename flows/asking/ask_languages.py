"""Questions that mix English with another language, read in English before anything else.

WHY: the index, the figure cues, the "not covered" triggers and the meaning model all work on
English words. "cuánto dura un master en CS o ML normalmente?" was cut by `words_of` into
"cu nto dura un m ster…" (accents are no letters to it), and every Spanish word then counted
as an unknown word that sank the passage's coverage: the question heard "the articles don't
cover that". So accents are folded first ("máster" is "master"), and the common words of the
languages people mix in (question words, articles, "meses", "beca", "kitna") are put in
English from the table in `content/ask.yaml` `synonyms` whose values start with ">" (an empty
one drops the word). The rest of the message is left as typed, capitals included, so names
are still found. A number glued to a unit the table knows is read the same way ("18mo" is "18
months"): phone-typed questions ("what do i pay for the 18mo") otherwise held one unknown word
where the program's length should be, and were declined as off topic. So is a calendar word
with its number glued after it ("month5-6 milestone", "phase2"): it is the plan's calendar.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

TRANSLATE = ">"
"""A synonyms value starting with this puts the word in English before anything else."""
_LONGEST = 3
"""The most words one entry of the table holds ("combien de temps")."""
_WORD = re.compile(r"[A-Za-z0-9]+")
_GLUED = re.compile(r"\b(\d+)([A-Za-z]{1,4})\b")
"""A number with letters stuck to it ("18mo", "5k"); only units in the table are split."""
_UNIT_FIRST = re.compile(r"\b(months?|weeks?|phase|layer)(\d+)\b", re.IGNORECASE)
"""A calendar word with its number stuck after it ("months1-2", "phase2"): two words."""
_JOINS = "-./"
"""A single letter joined to a word by these is part of a name ("O-1 visa", "w/o")."""
_LETTERS = str.maketrans({"ı": "i", "İ": "I", "ß": "ss", "ø": "o", "Ø": "O", "æ": "ae",
                          "œ": "oe", "ł": "l", "Ł": "L", "¿": " ", "¡": " "})  # fmt: skip


def plain_letters(text: str) -> str:
    """Accents folded ("máster" → "master", "Stärke" → "Starke", "mantıklı" → "mantikli")."""
    folded = unicodedata.normalize("NFD", text.translate(_LETTERS))
    return "".join(c for c in folded if unicodedata.category(c) != "Mn")


def translations(synonyms: Mapping[str, str]) -> dict[str, str]:
    """The table: the synonyms marked with ">", by their words in `words_of` form."""
    out: dict[str, str] = {}
    for key, value in synonyms.items():
        if value.startswith(TRANSLATE):
            words = " ".join(_WORD.findall(plain_letters(key).lower()))
            out[words] = " ".join(value[len(TRANSLATE) :].split())
    return out


class Languages:
    """Built once per index from the table; `english` is pure and cheap (a dict look-up a word)."""

    def __init__(self, table: Mapping[str, str]) -> None:
        self.table = dict(table)
        self._longest = max((len(k.split()) for k in self.table), default=1)
        self._longest = min(self._longest, _LONGEST)

    def english(self, question: str) -> str:
        """The question with accents folded and the table's words in English; the same string
        when none of its words is in the table."""
        text = _GLUED.sub(self._unit, plain_letters(question))
        text = _UNIT_FIRST.sub(r"\1 \2", text)
        tokens = list(_WORD.finditer(text))
        out: list[str] = []
        last = 0
        i = 0
        while i < len(tokens):
            if _joined(text, tokens[i]):  # "O-1", "e.g.": a letter of a name or an abbreviation
                i += 1
                continue
            for n in range(min(self._longest, len(tokens) - i), 0, -1):
                words = " ".join(t.group(0).lower() for t in tokens[i : i + n])
                english = self.table.get(words)
                if english is not None:
                    out.append(text[last : tokens[i].start()])
                    out.append(english)
                    last = tokens[i + n - 1].end()
                    i += n
                    break
            else:
                i += 1
        if not out:
            return text
        out.append(text[last:])
        return " ".join("".join(out).split())

    def _unit(self, match: re.Match[str]) -> str:
        """ "18mo" → "18 months"; "5k" and "3rd" stay as typed (no table unit)."""
        english = self.table.get(match.group(2).lower())
        return f"{match.group(1)} {english}" if english else match.group(0)


def _joined(text: str, token: re.Match[str]) -> bool:
    start, end = token.start(), token.end()
    if end - start > 1:  # "Interview-Runde" is two words
        return False
    before = start >= 2 and text[start - 1] in _JOINS and text[start - 2].isalnum()
    after = end + 1 < len(text) and text[end] in _JOINS and text[end + 1].isalnum()
    return before or after
