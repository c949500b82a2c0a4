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
from collections.abc import Iterable, Sequence

from flows.asking.passages import Passage
from flows.numbers import has_phrase, words_of
from flows.reading.typos import zipf
from flows.reading.vocabulary_ask import FigureKind, Figures, FitsMe

_UNITS = r"(?:seconds?|minutes?|hours?|h|days?|weeks?|months?|years?|yrs?)"
_SENTENCE = re.compile(r"(?<=[.;])\s+")
_SHORT = 600
"""A runner-up passage longer than this (characters) is offered as a topic, not shown."""
_PASSING = 4
"""A name in at most this many passages is mentioned in passing, not a topic of its own."""
_EVERYDAY = 4.5
"""Zipf frequency from which a word is too common to be a name in passing ("day", "news")."""
_CLAUSES = re.compile(r"[?.!;,\n]+")
_NAME_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_OPENING = ".:;!?\"'(/\n"
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
        self._winner = [words_of(c) for c in fits.winner_cues]
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

    def unnamed(
        self,
        question: str,
        kind: FigureKind,
        passage: Passage,
        lines: Sequence[str],
        names: frozenset[str],
    ) -> bool:
        """Whether the figure given is about something else than the thing the question names:
        "how long is Karpathy's Zero to Hero series" found the ML core layer, whose length is
        the layer's; the articles give no length for the series. A name the articles mention
        only in passing must be in the passage holding the figure, or in the sentence borrowed
        from another passage for it (the layer's "Duration: 3-5 months")."""
        # only names in the clause that asks for the figure ("…with coursera, i have 10 hrs a
        # week" tells the hours, and asks about something else)
        words = [
            w
            for clause in _CLAUSES.split(question)
            if self.kind(clause)
            for w in words_of(clause).split()
        ]
        asked = {w for w in words if w in names} | {
            w[:-1] for w in words if w.endswith("s") and w[:-1] in names
        }
        if not asked:
            return False
        # the passage holding the figure itself names it anywhere ("Provider: Coursera" beside
        # "Cost: $49/mo"); a figure borrowed from another passage must name it in its sentence
        held = lines or [_all_text(passage)]
        said = set(words_of(passage.title).split()) | {w for s in held for w in words_of(s).split()}
        return not asked <= said

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

    def asks_winner(self, question: str) -> bool:
        """ "Degree vs certificate vs work-integrated, just tell me the winner"."""
        text = words_of(question)
        return any(has_phrase(text, c) for c in self._winner)

    def fits_me(self, question: str) -> bool:
        text = words_of(question)
        # "why is now a good moment to get into AI?" asks a reason, not which path is mine
        if text.split()[:1] == ["why"]:
            return False
        return any(has_phrase(text, c) for c in self._fits)


def passing_names(passages: Sequence[Passage], known: Iterable[str]) -> frozenset[str]:
    """Names the articles mention in passing ("Karpathy", "NeurIPS", "Exercism"): words they
    always write with a capital, in a few passages at most, that are no name of a program,
    role or certification the questions ask about (`known`: those names and the synonyms)."""
    capital: dict[str, set[int]] = {}
    plain: set[str] = set()
    for row, p in enumerate(passages):
        if p.id.startswith("list/"):
            continue
        for text in (p.text, *p.items):  # titles are in title case: no evidence
            for match in _NAME_TOKEN.finditer(text):
                token, word = match.group(0), match.group(0).lower()
                before = text[: match.start()].rstrip(" ")
                if not token[0].isupper() and not any(c.isupper() for c in token[1:]):
                    plain.add(word)
                elif before and before[-1] not in _OPENING:  # not a sentence's first word
                    capital.setdefault(word, set()).add(row)
    skip = set(known)
    return frozenset(
        w
        for w, rows in capital.items()
        if w not in plain
        and w not in skip
        and len(rows) <= _PASSING
        and len(w) > 2
        and zipf(w) < _EVERYDAY  # "Day 1", "Google Brain": everyday words are no sign
    )


def _all_text(p: Passage) -> str:
    return " ".join([p.text, *p.items])


def _sentences(p: Passage) -> list[str]:
    return [s for s in _SENTENCE.split(p.text) if s] + list(p.items)
