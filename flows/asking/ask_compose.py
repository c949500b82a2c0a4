"""What an answer must hold: the figure a question asks for, and the whole picture for "which
path fits me?".

WHY: "how much do I earn during phase 2" landed on the Phase 2 passage, which has no dollar
figure (the earnings sit in the program's own passage), and "how many hours per week does the
IBM certificate need?" landed on the IBM passage and answered with its price, although the
articles give no hours for it. A question asking for money, a length of time, hours, a share
or a count (`content/ask.yaml` `figures`) is answered with the figure: from the passage found,
or from the sentence of a close passage that holds it; when none holds it, the person hears
that the articles don't give that figure. A story that asks which path fits gets the paths in
one line each, how to choose, and the interview that fits them to the person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from flows.asking.passages import Passage
from flows.numbers import has_phrase, words_of
from flows.reading.vocabulary_ask import FigureKind, Figures, FitsMe

_UNITS = r"(?:seconds?|minutes?|hours?|h|days?|weeks?|months?|years?|yrs?)"
_SENTENCE = re.compile(r"(?<=[.;])\s+")
_SHORT = 600
"""A runner-up passage longer than this (characters) is offered as a topic, not shown."""
FIGURE_CLOSE = 0.85
"""A passage scoring this share of the best one's, holding the figure asked for, answers first."""
Row = tuple[int, float, float, float]
Ranked = Sequence[Row]
"""(row, score, keyword coverage, similarity), best first (flows/asking/ask.py `_rank`)."""


class Composer:
    def __init__(self, figures: Figures, fits: FitsMe, number_words: Sequence[str]) -> None:
        self.figures = figures
        self.fits = fits
        self._cues = [
            (kind, words_of(p)) for kind, phrases in figures.cues.items() for p in phrases
        ]
        self._not = [words_of(p) for p in figures.not_figures]
        self._fits = [words_of(c) for c in fits.cues]
        number = rf"(?:\d+(?:[.,]\d+)?\+?|{'|'.join(map(re.escape, number_words))})"
        self._patterns: dict[FigureKind, re.Pattern[str]] = {
            "money": re.compile(r"\$\s?\d|\bfree\b", re.IGNORECASE),  # free is $0
            "duration": re.compile(
                rf"(?i)\b{number}(?:\s*(?:-|–|to)\s*{number})?\+?\s*-?\s*{_UNITS}\b"
                r"|\bmonths?\s+\d|\bday\s+1\b"
            ),
            "hours": re.compile(rf"(?i)\b{number}\s*(?:hours?|h)\b|h/week|hours/week"),
            "share": re.compile(r"\d\s?%|\bpercent|\bfraction\b"),  # "a small fraction"
            "count": re.compile(rf"(?i)\b{number}\b"),
        }

    def kind(self, question: str) -> FigureKind | None:
        """The figure a question asks for, the most specific cue first ("how many hours" is
        hours, not a count)."""
        text = words_of(question)
        if any(has_phrase(text, p) for p in self._not):
            return None
        found = [kind for kind, cue in self._cues if has_phrase(text, cue) or cue == "$"]
        order: tuple[FigureKind, ...] = ("hours", "share", "money", "duration", "count")
        return next((k for k in order if k in found), None)

    def holds(self, passage: Passage, kind: FigureKind) -> bool:
        return bool(self._patterns[kind].search(_all_text(passage)))

    def figure_first(
        self, kind: FigureKind, ranked: list[Row], passages: Sequence[Passage]
    ) -> list[Row]:
        """The ranking with the passage that holds the figure asked for first, when the best
        one lacks it and a close one (`FIGURE_CLOSE` of its score, among the next few) has it."""
        if not ranked or self.holds(passages[ranked[0][0]], kind):
            return ranked
        top = ranked[0][1]
        for i, row in enumerate(ranked[1:4], start=1):
            if row[1] >= top * FIGURE_CLOSE and self.holds(passages[row[0]], kind):
                return [row, *ranked[:i], *ranked[i + 1 :]]
        return ranked

    def figure_lines(
        self,
        kind: FigureKind,
        best: int,
        ranked: Ranked,
        passages: Sequence[Passage],
        family: set[int],
    ) -> tuple[str, ...]:
        """The sentences holding the figure, from the first close passage that has them: one
        of the same program or topic (`family`), or one the question matches nearly as well."""
        top = next((r for r in ranked if r[0] == best), ranked[0])
        for row, _, coverage, similarity in ranked[:10]:
            if row == best:
                continue
            close = row in family or (similarity >= top[3] - 0.05 and coverage >= top[2] * 0.75)
            if not close:
                continue
            p = passages[row]
            lines = [s for s in _sentences(p) if self._patterns[kind].search(s)]
            if lines:
                return tuple(f"{p.title}: {line}" for line in lines[:2])
        return ()

    @staticmethod
    def runner_up(ranked: Ranked, passages: Sequence[Passage], ratio: float) -> tuple[Passage, ...]:
        """A second short passage that matched nearly as well: when two passages are this
        close, showing both beats guessing which one was meant."""
        if len(ranked) < 2:
            return ()
        best, other = passages[ranked[0][0]], passages[ranked[1][0]]
        close = ranked[1][1] >= ranked[0][1] * ratio
        size = len(other.text) + sum(map(len, other.items))
        short = not other.id.startswith("list/") and size <= _SHORT
        return (other,) if close and short and other.title != best.title else ()

    def fits_me(self, question: str) -> bool:
        text = words_of(question)
        return any(has_phrase(text, c) for c in self._fits)


def _all_text(p: Passage) -> str:
    return " ".join([p.text, *p.items])


def _sentences(p: Passage) -> list[str]:
    return [s for s in _SENTENCE.split(p.text) if s] + list(p.items)
