"""A question's terms: its content words with their synonyms, typo fixes and weights, and
whether the message is about careers in AI at all.

Kept apart from the search (`flows/asking/ask.py`) so that module stays about ranking passages.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence

from flows.asking.ask_languages import TRANSLATE
from flows.asking.ask_types import DURATIONS, EVERYDAY, Concept, stem
from flows.asking.passages import Passage
from flows.numbers import has_phrase, words_of
from flows.reading.typos import Typos, zipf
from flows.reading.vocabulary_search import AskText

_CALENDAR = re.compile(r"\b(?:month|months|week|weeks) \d+(?: \d+)?\b")
"""A point in the plan's calendar ("month 5-6", "week 3"): a message about the timeline."""

EVERYDAY_ENGLISH = 4.8
"""Zipf frequency from which an English word is everyday ("sign" 5.0, "after" 6.0; "tutorial"
3.9 and "portfolio" 4.3 are not)."""

KEYNESS = 40.0
"""A word the advice uses this many times more often than English does is a domain word
("apprenticeship", "phase", "earnings"): a message with one is about AI careers."""


class Terms:
    """Built once per index: the advice's words, synonyms, typo fixes and domain words."""

    def __init__(
        self,
        passages: Sequence[Passage],
        ask: AskText,
        rows: Callable[[str], frozenset[int]],
        number_words: Sequence[str] = (),
    ) -> None:
        self.ask = ask
        self.number_words = frozenset(number_words)
        self.rows = rows
        self.count = len(passages)
        self.stop = frozenset(words_of(ask.stopwords).split())
        self.synonyms = sorted(
            (
                (words_of(k), tuple(words_of(alt) for alt in v.split(",") if words_of(alt)))
                for k, v in ask.synonyms.items()
                if not v.startswith(TRANSLATE)  # other languages' words: read before, in ask.py
            ),
            key=lambda kv: -len(kv[0]),
        )
        self.single = dict(self.synonyms)
        text = [words_of(" ".join([p.title, p.keywords, p.text, *p.items])) for p in passages]
        self._counts = Counter(w for t in text for w in t.split())
        words = set(self._counts)
        known = {w for w in words if len(w) > 3} | {k for k, _ in self.synonyms}
        self.known = sorted(known - self.stop)
        self.known_set = frozenset(self.known)
        self.all_words = frozenset(words) | {w for k, v in self.synonyms for w in (k, *v)}
        self.typos = Typos([*self.known, *self.stop])
        self.domain_listed = frozenset(words_of(ask.domain_words).split())
        # Words the synonyms name ("free" for "cheap", "youtube") are concepts, however common.
        self._concepts = frozenset(w for k, v in self.synonyms for p in (k, *v) for w in p.split())
        self._domain: frozenset[str] | None = None

    # ------------------------------------------------------------------------------ terms

    def concepts(self, question: str) -> list[Concept]:
        """The question's content words (or known phrases), each with synonyms and typo fixes."""
        text = words_of(question)
        concepts: list[Concept] = []
        for phrase, replacement in self.synonyms:
            if " " in phrase and has_phrase(text, phrase):
                concepts.append(self.concept(phrase, replacement))
                text = f" {text} ".replace(f" {phrase} ", " ").strip()
        words = text.split()
        for i, word in enumerate(words):
            if word in self.stop or (len(word) < 2 and not word.isdigit()):
                continue
            if word.isdigit() and words[i + 1 : i + 2] and words[i + 1] in DURATIONS:
                continue  # "in 6 months" is how long, not months 5-6 of the timeline
            concept = self.concept(word, self.single.get(word, ()))
            if not concept.terms:
                close = self.typos.fix(word)
                if close in self.stop:
                    continue  # "wat" was "what"
                if close:
                    concept = self.concept(close, self.single.get(close, ()))
            concepts.append(concept)
        return concepts

    def corrected(self, question: str) -> str:
        """The question with its slips fixed ("which certifcations help"), for the meaning
        model, which has no idea that "certifcations" is "certifications"."""
        words = words_of(question).split()
        fixed = [
            w if w in self.all_words or self.rows(w) else (self.typos.fix(w) or w) for w in words
        ]
        return " ".join(fixed) if fixed != words else question

    def concept(self, term: str, synonyms: tuple[str, ...]) -> Concept:
        primary = self.rows(term)
        secondary = frozenset().union(*(self.rows(t) for t in synonyms))
        if not primary:  # a word the advice never uses ("cert"): its synonyms stand in fully
            primary, secondary = secondary, frozenset()
        terms = tuple(t for t in (term, *synonyms) if self.rows(t))
        rows = primary | secondary
        weight = (
            math.log((self.count + 1) / (len(rows) + 0.5)) if rows else self._unknown_weight(term)
        )
        if rows and self._everyday(term):
            weight *= self.ask.matching.everyday_weight
        # A bare number ("6 months", "the first two") says less about the topic than a word.
        number = term.isdigit() or term in self.number_words
        return Concept(terms, primary, secondary, weight / 4 if number else weight)

    def _everyday(self, word: str) -> bool:
        """A common English word that is no sign of the topic: the advice happens to use it
        rarely ("sign up", "after it finishes"), which must not make it weigh like a term."""
        if not word.isalpha() or zipf(word) < EVERYDAY_ENGLISH:
            return False
        domain = self.domain()
        return word not in domain and stem(word) not in domain and word not in self._concepts

    def _unknown_weight(self, word: str) -> float:
        """A word the advice never uses pulls coverage down (off-topic words); an everyday
        word ("happens") less than a rare one ("sourdough")."""
        full = self.ask.matching.unknown_weight
        return full / 2 if word.isalpha() and zipf(word) >= 4.0 else full

    # ------------------------------------------------------------------------------ topic

    def domain(self) -> frozenset[str]:
        """`domain_words`, plus every word the advice uses far more often than English does
        (worked out on first use: it needs the English word frequencies)."""
        if self._domain is None:
            total = sum(self._counts.values())
            key = {
                w
                for w, n in self._counts.items()
                if w.isalpha()
                and len(w) > 3
                and w not in self.stop
                and zipf(w) < EVERYDAY  # an everyday word ("earn") is no sign on its own
                and n / (total * 10 ** (zipf(w) - 9) + 1e-9) >= KEYNESS
            }
            # "hire" is as much a sign as the listed "hired": the listed words' stems count too
            # (not a bare time unit: "in a month" is everyday, "month 5-6" is the plan's calendar)
            stems = {stem(w) for w in self.domain_listed} - DURATIONS
            self._domain = self.domain_listed | stems | key
        return self._domain

    def on_topic(self, text: str) -> bool:
        """Whether a message is about careers in AI at all (a domain word, typos forgiven:
        "portfollio")."""
        words = [*text.split(), *(f for w in text.split() if (f := self.typos.fix(w)))]
        domain = self.domain()
        if _CALENDAR.search(text):
            return True
        return any(
            w in domain
            or stem(w) in domain
            or (w in self.known_set and w not in self.stop and zipf(w) < EVERYDAY)
            for w in words
        )
