"""The words of a typed message, cut into clauses, and the phrases found in them.

WHY: reading "not a CS degree, it's in history" or "EU citizen but I want to work in the US"
right needs more than "does a phrase occur": which clause it is in, whether a negation stands
just before it, and whether a contrast ("but", "actually") came before it. This module finds
phrases with those three facts; the readers (`understand_choice`, `understand_number`) decide.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from flows.numbers import words_of

if TYPE_CHECKING:
    from flows.content import Content

T = TypeVar("T")

_CLAUSE = re.compile(
    r"(?<![a-z]);|;(?![a-z])|[!?\n()]+|(?<!\d),|,(?!\d{3})|\.(?=\s|$)|\s[-–—]+\s|\s/\s", re.I
)
"""Where people separate thoughts; a comma inside a number ("$3,000") is not one, nor a dot
or semicolon inside a word ("B.Tech", "M.Sc", "tl;dr")."""


@dataclass(frozen=True, slots=True)
class Words:
    """A message as lower-case word tokens, with the clause and the contrast count of each."""

    tokens: tuple[str, ...]
    clause: tuple[int, ...]
    """Which clause (comma, semicolon, full stop…) each token is in."""
    contrast: tuple[int, ...]
    """How many contrast words ("but", "actually") come before each token."""

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    def clauses(self) -> list[tuple[int, int]]:
        """(start, end) token spans of the clauses, in order."""
        spans: list[tuple[int, int]] = []
        for i, c in enumerate(self.clause):
            if spans and self.clause[spans[-1][0]] == c:
                spans[-1] = (spans[-1][0], i + 1)
            else:
                spans.append((i, i + 1))
        return spans

    def span_text(self, start: int, end: int) -> str:
        return " ".join(self.tokens[start:end])


def split_clauses(text: str) -> list[str]:
    """The raw text cut where people separate thoughts: commas, semicolons, full stops, dashes."""
    return [part.strip() for part in _CLAUSE.split(text) if part and part.strip()]


def read_words(text: str, contrasts: Iterable[str]) -> Words:
    contrast_words = {words_of(c) for c in contrasts}
    tokens: list[str] = []
    clause: list[int] = []
    contrast: list[int] = []
    seen = 0
    for number, part in enumerate(split_clauses(text)):
        part_tokens = words_of(part).split()
        for i, token in enumerate(part_tokens):
            pair = " ".join(part_tokens[i : i + 2])
            tokens.append(token)
            clause.append(number)
            contrast.append(seen)
            if token in contrast_words or pair in contrast_words:
                seen += 1
    return Words(tuple(tokens), tuple(clause), tuple(contrast))


@dataclass(frozen=True, slots=True)
class Found(Generic[T]):
    start: int
    end: int
    payload: T
    phrase: str


class PhraseTable(Generic[T]):
    """Phrases (any case, apostrophes as spaces) → payloads; finds them as whole words, the
    longest phrase first where two start at the same word, never two overlapping."""

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        by_first: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        for phrase, payload in entries:
            words = tuple(words_of(phrase).split())
            if words:
                by_first.setdefault(words[0], []).append((words, payload))
        for options in by_first.values():
            options.sort(key=lambda wp: -len(wp[0]))
        self._by_first = by_first

    def find(self, words: Words, start: int = 0, end: int | None = None) -> list[Found[T]]:
        """Every phrase found, longest first, never two overlapping; in text order."""
        tokens, clause = words.tokens, words.clause
        stop = len(tokens) if end is None else end
        candidates: list[tuple[int, int, T]] = []
        for i in range(start, stop):
            for phrase, payload in self._by_first.get(tokens[i], ()):
                j = i + len(phrase)
                if j <= stop and tuple(tokens[i:j]) == phrase and clause[i] == clause[j - 1]:
                    candidates.append((i, j, payload))
        taken: set[int] = set()
        found: list[Found[T]] = []
        for i, j, payload in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
            if taken.isdisjoint(range(i, j)):
                taken.update(range(i, j))
                found.append(Found(i, j, payload, " ".join(tokens[i:j])))
        return sorted(found, key=lambda f: f.start)


class Negations:
    """Finds which phrases a negation ("not a developer") or exclusion ("anything but
    government") rules out: the first phrase starting within `reach` words after it, in the
    same clause, with no contrast word in between."""

    def __init__(
        self,
        negators: Iterable[str],
        exclusions: Iterable[str],
        neutral: Iterable[str],
        reach: int,
        stops: Iterable[str] = (),
        failures: Iterable[str] = (),
        failure_stops: Iterable[str] = (),
    ) -> None:
        self._table: PhraseTable[str] = PhraseTable(
            [*((n, "neutral") for n in neutral), *((n, "not") for n in negators)]
            + [(e, "but") for e in exclusions]
        )
        self.reach = reach
        self.stops = frozenset(stops)
        """Words a negation does not reach past ("no phd so probably the applied side")."""
        self._failures: PhraseTable[str] = PhraseTable([(f, "failed") for f in failures])
        """Phrases that rule out the answer just before them ("tried self study and gave
        up"), unless one of `failure_stops` stands between ("deadlines or I give up")."""
        self._failure_stops = frozenset(words_of(s) for s in failure_stops)

    def ruled_out(
        self, words: Words, found: Sequence[Found[T]], *, failures: bool = False
    ) -> set[int]:
        """Indexes into `found` of the phrases negated or excluded, and of the "anything" an
        exclusion opens with ("anything but government" rules out both); with `failures`, also
        of a phrase said to have failed ("tried self study and gave up")."""
        covered = {i for f in found for i in range(f.start, f.end)}
        out: set[int] = set()
        for neg in self._table.find(words):
            if neg.payload == "neutral":
                continue
            if neg.phrase == "no" and words.tokens[neg.end : neg.end + 1] in _OWN_START:
                continue  # "no i have a work permit": a bare reply, then what the person has
            inside = [i for i, f in enumerate(found) if f.start < neg.end and f.end > neg.start]
            if neg.payload == "not" and inside:
                continue  # the negation is part of a phrase ("not sure", "never coded")
            shared = words.tokens[neg.end - 1] not in _PLAIN_NEGATORS  # "but not sure" stays
            if any(
                _contains(found[i], neg) or (shared and _begins_with(found[i], neg)) for i in inside
            ):
                continue  # an exclusion inside a longer phrase ("i'd rather not", "hate being…")
            out.update(inside)
            if neg.end >= len(words.tokens):
                continue
            reach = self.reach + (2 if neg.payload == "but" else 0)
            after = [i for i, f in enumerate(found) if f.start >= neg.end]
            if not after:
                continue
            first = found[after[0]]
            if (
                first.start - neg.end <= reach
                and self.stops.isdisjoint(words.tokens[neg.end : first.start])
                and words.clause[first.start] == words.clause[neg.start]
                and words.contrast[first.start] == words.contrast[neg.end]
                and not covered.isdisjoint(range(first.start, first.end))
            ):
                out.add(after[0])
                out.update(self._listed(words, found, after, neg))
        return out | (self._failed(words, found) if failures else set())

    def _failed(self, words: Words, found: Sequence[Found[T]]) -> set[int]:
        """What a failure phrase rules out: the way of learning just before it in its clause
        ("self study never worked"), or, when its clause opens with it, the one ending the
        clause before ("a year alone on youtube, kept starting and stopping"); a way named
        after it in its clause is its object instead ("abandoned 4 coursera courses")."""
        out: set[int] = set()
        for fail in self._failures.find(words):
            clause = words.clause[fail.start]
            after = [
                i
                for i, f in enumerate(found)
                if f.start >= fail.end
                and words.clause[f.start] == clause
                and f.start - fail.end <= self.reach
            ]
            before = [i for i, f in enumerate(found) if f.end <= fail.start]
            if not before:
                continue
            last = found[before[-1]]
            gap = words.tokens[last.end : fail.start]
            if not self._failure_stops.isdisjoint(gap):
                continue
            if words.clause[last.start] == clause and len(gap) <= self.reach:
                out.add(before[-1])
                continue
            lead = [
                t for i, t in enumerate(words.tokens[: fail.start]) if words.clause[i] == clause
            ]
            opens = set(lead) <= _OPENERS
            if (
                opens
                and not after
                and clause - words.clause[last.start] == 1
                and len(gap) <= self.reach + len(lead) + 1
            ):
                out.add(before[-1])
        return out

    @staticmethod
    def _listed(
        words: Words, found: Sequence[Found[T]], after: list[int], neg: Found[str]
    ) -> list[int]:
        """The phrases listed after the first one ruled out ("anything but mlops or research",
        "not mlops and not research"): ruled out too."""
        listed, prev = [], found[after[0]]
        for i in after[1:]:
            gap = words.tokens[prev.end : found[i].start]
            if not gap or not set(gap) <= _LIST_JOINERS:
                break
            if words.clause[found[i].start] != words.clause[neg.start]:
                break
            listed.append(i)
            prev = found[i]
        return listed


_OPENERS = frozenset(
    {"i", "ive", "ve", "and", "but", "then", "so", "just", "always", "kept", "it", "that", "which"}
)
"""Words a clause may hold before a failure phrase and still open with it ("i kept quitting")."""
_PLAIN_NEGATORS = frozenset({"not", "no", "never"})
_LIST_JOINERS = frozenset({"or", "and", "nor", "not", "no"})
_OWN_START = (("i",), ("im",), ("my",), ("we",))
"""Words that start the person's own statement right after a bare "no"."""


def _begins_with(phrase: Found[T], negation: Found[str]) -> bool:
    """The phrase starts with the exclusion's last word and goes on ("i hate" and "hate being
    told what to do"): the phrase says what is excluded itself."""
    return negation.start < phrase.start < negation.end < phrase.end


def _contains(phrase: Found[T], negation: Found[str]) -> bool:
    """The phrase holds the whole negation and more words ("i'd rather not" holds "rather not")."""
    return (
        phrase.start <= negation.start
        and negation.end <= phrase.end
        and phrase.end - phrase.start > negation.end - negation.start
    )


P = TypeVar("P")


def last_wins(entries: list[tuple[str, P]]) -> list[tuple[str, P]]:
    """One payload per phrase: a later table (asking, judgement calls) overrides an earlier."""
    merged: dict[str, P] = {}
    for phrase, payload in entries:
        merged[words_of(phrase)] = payload
    return list(merged.items())


def known_words(content: Content) -> set[str]:
    """Every word the answers' vocabulary and the questions' options use: what a slip is
    corrected toward."""
    words = words_in(content.vocabulary.model_dump())
    for question in content.dialogue.questions.values():
        for option in question.options:
            words |= words_in([option.label, *option.synonyms])
    return words


def words_in(value: object) -> set[str]:
    """Every word in a tree of strings (keys included)."""
    words: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            words.update(words_of(value).split())
        elif isinstance(value, Mapping):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, list | tuple | set | frozenset):
            for item in value:
                walk(item)

    walk(value)
    return words
