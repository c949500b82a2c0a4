"""Which side of a thing a question asks about: who it suits, its catches, what it gives.

WHY: "who's the 18 month program designed for?" found the program's "what it gives you" and
"who is a degree actually the right choice for?" a note on credentials: the thing named was
right, the side of it wrong, because the words that say which side ("designed for", "right
choice for", "upside") are everyday words that weigh little in the keyword match. When a
question names one program, role or path and asks with an aspect's cue (`content/ask.yaml`
`aspects`), the passages about that side of it (by their id: ".../best_for",
".../notes/degree_best_for") are ranked up.
"""

from __future__ import annotations

from collections.abc import Sequence

from flows.asking.passages import Passage
from flows.numbers import has_phrase, words_of
from flows.reading.vocabulary_ask import Aspect


class Aspects:
    """Built once from `content/ask.yaml` `aspects`."""

    def __init__(self, aspects: dict[str, Aspect], passages: Sequence[Passage]) -> None:
        self._cues = [
            (
                [words_of(c) for c in a.cues],
                [frozenset(words_of(w) for w in group) for group in a.together],
                [i for i, p in enumerate(passages) if _about(p.id, a.ids)],
                [words_of(u) for u in a.unless],
            )
            for a in aspects.values()
        ]

    def rows(self, question: str, named: set[int]) -> set[int]:
        """Rows about the side asked for, of the one thing named (`named`: its rows)."""
        if not named:
            return set()
        text = words_of(question)
        words = set(text.split())
        out: set[int] = set()
        for cues, together, rows, unless in self._cues:
            if any(has_phrase(text, u) for u in unless):
                continue
            if any(has_phrase(text, c) for c in cues) or any(g <= words for g in together):
                out |= named.intersection(rows)
        return out

    def turned_round(self, question: str, named: set[int]) -> set[int]:
        """Rows a question turns away from ("who is it NOT for": never who it suits)."""
        text = words_of(question)
        out: set[int] = set()
        for _, _, rows, unless in self._cues:
            if any(has_phrase(text, u) for u in unless):
                out |= named.intersection(rows)
        return out

    def split(self, question: str) -> tuple[str, str]:
        """(the question without the words that ask for a side, those words): "designed
        for" or "upside" say which passage of a thing answers, not what the question is
        about; as search words they would find whichever passage happens to use them."""
        text = words_of(question)
        asked: list[str] = []
        for cues, _, _, unless in self._cues:
            if any(has_phrase(text, u) for u in unless):
                continue
            for cue in cues:
                if has_phrase(text, cue):
                    text = f" {text} ".replace(f" {cue} ", " ").strip()
                    asked.append(cue)
        return text, " ".join(asked)


def _about(pid: str, keys: Sequence[str]) -> bool:
    """ "paths/degree/best_for" and "paths/degree/notes/degree_best_for" are about best_for."""
    last = pid.rsplit("/", 1)[-1]
    return any(last == k or last.endswith(f"_{k}") for k in keys)


class Cues:
    """Phrases that say which passage answers, not what about ("cheapest", "weakest")."""

    def __init__(self, phrases: Sequence[str]) -> None:
        self._phrases = [words_of(p) for p in phrases]

    def find(self, question: str) -> list[str]:
        text = words_of(question)
        return [p for p in self._phrases if has_phrase(text, p)]

    def split(self, question: str) -> tuple[str, str]:
        """(the question without the cue phrases, those phrases)."""
        text = words_of(question)
        found = self.find(text)
        for cue in found:
            text = f" {text} ".replace(f" {cue} ", " ").strip()
        return text, " ".join(found)
