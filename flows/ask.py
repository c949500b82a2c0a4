"""Answering free-text questions from the advice: an in-memory full-text index over `content/`.

Every passage in `content/advice.yaml` (FAQ, paths, roles, skill layers, certifications, portfolio,
job search, interviews, timeline, pacing…) is cut into passages and put in a SQLite FTS5 table
held in memory, built once at start-up. A question is matched with bm25, after synonyms from
`content/ask.yaml` and typo correction (flows/typos.py), joined by meaning-based similarity
(flows/ask_meaning.py). An answer counts only when the best passage covers enough of the
question's words or means nearly the same; otherwise the person gets "the articles don't say",
a friendly line (greetings, weather, jokes) or the topics we can talk about.

Build it once per process and share it within the event loop (its memo tables are per index);
no file or network I/O happens here: the table lives in memory.
"""

from __future__ import annotations

import math
import sqlite3

from flows.ask_meaning import Comparisons, MeaningIndex, UncoveredIndex
from flows.ask_types import DURATIONS, EVERYDAY, AskResult, Concept, stem
from flows.content import Content
from flows.meaning import meaning
from flows.numbers import has_phrase, words_of
from flows.passages import Passage, Passages
from flows.typos import Typos, zipf

__all__ = ["AskIndex", "AskResult"]


class AskIndex:
    """The search index. Build once per process (`AskIndex(content)`), then call `ask`."""

    def __init__(self, content: Content, *, use_meaning: bool = True) -> None:
        self.ask_text = content.ask
        self.passages = Passages(content).all
        m = content.ask.matching
        self._weights = (m.title_weight, m.keywords_weight, m.body_weight)
        self._mix = m.rank_mix
        self._boost = [content.ask.sections[p.section].boost for p in self.passages]
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute(
            "CREATE VIRTUAL TABLE passages USING fts5(title, keywords, body,"
            " tokenize='porter unicode61')"
        )
        self._db.executemany(
            "INSERT INTO passages(rowid, title, keywords, body) VALUES (?, ?, ?, ?)",
            [
                (i, p.title, p.keywords, " ".join([p.text, *p.items]))
                for i, p in enumerate(self.passages)
            ],
        )
        self._stop = frozenset(words_of(content.ask.stopwords).split())
        self._synonyms = sorted(
            (
                (words_of(k), tuple(words_of(alt) for alt in v.split(",") if words_of(alt)))
                for k, v in content.ask.synonyms.items()
            ),
            key=lambda kv: -len(kv[0]),
        )
        self._single = dict(self._synonyms)
        self._titles = [
            (i, t) for i, p in enumerate(self.passages) if len((t := words_of(p.title)).split()) > 1
        ]
        words = {
            w for p in self.passages for w in words_of(f"{p.title} {p.keywords} {p.text}").split()
        }
        words |= {w for p in self.passages for i in p.items for w in words_of(i).split()}
        known = {w for w in words if len(w) > 3} | {k for k, _ in self._synonyms}
        self._known = sorted(known - self._stop)
        self._known_set = frozenset(self._known)
        self._smalltalk = [
            (key, [words_of(p) for p in talk.phrases])
            for key, talk in content.ask.smalltalk.items()
        ]
        self._typos = Typos([*self._known, *self._stop])
        self._domain = frozenset(words_of(content.ask.domain_words).split())
        self._comparisons = Comparisons(self.passages, content.ask)
        self._uncovered = UncoveredIndex(content.ask)
        self._use_meaning = use_meaning
        self._meaning: MeaningIndex | None = None
        # Per-index memo tables (bounded): the same words come up again and again.
        self._rows_cache: dict[str, frozenset[int]] = {}

    # ------------------------------------------------------------------------------ searching

    def _rows(self, term: str) -> frozenset[int]:
        """Rows containing `term` (stemmed by FTS5), cached: the vocabulary is small."""
        rows = self._rows_cache.get(term)
        if rows is None:
            query = f'"{term}"'
            rows = frozenset(
                r for (r,) in self._db.execute("SELECT rowid FROM passages(?)", (query,))
            )
            if len(self._rows_cache) < 20_000:
                self._rows_cache[term] = rows
        return rows

    def meaning_index(self) -> MeaningIndex | None:
        """The passages' vectors, built on first use (the model loads once per process)."""
        if self._meaning is None and self._use_meaning:
            model = meaning()
            if model is None:
                self._use_meaning = False
                return None
            self._meaning = MeaningIndex(self.passages, self.ask_text, model)
        return self._meaning

    def _concepts(self, question: str) -> list[Concept]:
        """The question's content words (or known phrases), each with synonyms and typo fixes."""
        text = words_of(question)
        concepts: list[Concept] = []
        for phrase, replacement in self._synonyms:
            if " " in phrase and has_phrase(text, phrase):
                concepts.append(self._concept(phrase, replacement))
                text = f" {text} ".replace(f" {phrase} ", " ").strip()
        words = text.split()
        for i, word in enumerate(words):
            if word in self._stop or (len(word) < 2 and not word.isdigit()):
                continue
            if word.isdigit() and words[i + 1 : i + 2] and words[i + 1] in DURATIONS:
                continue  # "in 6 months" is how long, not months 5-6 of the timeline
            concept = self._concept(word, self._single.get(word, ()))
            if not concept.terms:
                close = self._typos.fix(word)
                if close in self._stop:
                    continue  # "wat" was "what"
                if close:
                    concept = self._concept(close, self._single.get(close, ()))
            concepts.append(concept)
        return concepts

    def _concept(self, term: str, synonyms: tuple[str, ...]) -> Concept:
        primary = self._rows(term)
        secondary = frozenset().union(*(self._rows(t) for t in synonyms))
        if not primary:  # a word the advice never uses ("cert"): its synonyms stand in fully
            primary, secondary = secondary, frozenset()
        terms = tuple(t for t in (term, *synonyms) if self._rows(t))
        rows = primary | secondary
        weight = (
            math.log((len(self.passages) + 1) / (len(rows) + 0.5))
            if rows
            else self._unknown_weight(term)
        )
        # A bare number ("6 months") says less about the topic than a word does.
        return Concept(terms, primary, secondary, weight / 4 if term.isdigit() else weight)

    def _unknown_weight(self, word: str) -> float:
        """A word the advice never uses pulls coverage down (off-topic words); an everyday
        word ("happens") less than a rare one ("sourdough")."""
        full = self.ask_text.matching.unknown_weight
        return full / 2 if word.isalpha() and zipf(word) >= 4.0 else full

    def ask(self, question: str) -> AskResult:
        """The best answer: a comparison, "the articles don't say", a passage found by its
        words and its meaning together, or a fallback (small talk, not covered, off topic)."""
        text = words_of(question)
        for key, phrases in self._smalltalk:
            if text in phrases:  # the whole message is small talk ("hi", "thanks")
                return AskResult(False, None, (), key)
        sides = self._comparisons.sides(question)
        if len(sides) >= 2:
            return AskResult(True, sides[0], (), None, 1.0, len(text.split()), sides=sides)
        trigger = self._uncovered.triggered(question)
        if trigger is not None:
            return AskResult(False, None, (), None, uncovered=trigger)
        concepts = self._concepts(question)
        index = self.meaning_index()
        sims, unsims = index.similarities(question) if index is not None else (None, None)
        found = self._rank(question, text, concepts, sims)
        m = self.ask_text.meaning
        if unsims is not None and index is not None:
            best_sim = float(sims.max()) if sims is not None else 0.0
            top = int(unsims.argmax())
            if unsims[top] >= m.uncovered and unsims[top] > best_sim + m.margin:
                return AskResult(False, None, (), None, uncovered=index.uncovered_keys[top])
        if not found:
            return AskResult(False, None, (), self._fallback(question), 0.0, len(concepts))
        best, score, coverage, similarity = found[0]
        if self._on_topic(text):
            accepted = (
                coverage >= self.ask_text.matching.min_coverage
                or (similarity >= m.accept and coverage >= m.floor)
                or similarity >= m.alone
            )
        else:  # no word about AI careers: only a strong match of several words answers
            known = sum(1 for c in concepts if c.terms)
            accepted = coverage >= m.off_topic_coverage and known >= 2
        if not accepted:
            return AskResult(
                False,
                None,
                (),
                self._fallback(question),
                coverage,
                len(concepts),
                similarity=similarity,
            )
        passage = self.passages[best]
        ratio = self.ask_text.matching.related_ratio
        related = [
            self.passages[r]
            for r, s, c, _ in found[1:]
            if s >= score * ratio and self.passages[r].title != passage.title
        ][:2]
        return AskResult(
            True, passage, tuple(related), None, coverage, len(concepts), similarity=similarity
        )

    def _rank(
        self, question: str, text: str, concepts: list[Concept], sims: object
    ) -> list[tuple[int, float, float, float]]:
        """(row, score, keyword coverage, similarity), best first: coverage of the question's
        rarer words, bm25 relative to the best hit, a whole title typed, and meaning."""
        terms = sorted({t for c in concepts for t in c.terms})
        weight = sum(c.weight for c in concepts)
        ranked: list[tuple[int, float]] = []
        if terms and weight:
            ranked = self._db.execute(
                "SELECT rowid, bm25(passages, ?, ?, ?) AS score FROM passages(?)"
                " ORDER BY score LIMIT 20",
                (*self._weights, " OR ".join(f'"{t}"' for t in terms)),
            ).fetchall()
        ranked = [(r, score * self._boost[r]) for r, score in ranked]
        top = min((s for _, s in ranked), default=-1.0) or -1.0
        bm25 = {r: s / top for r, s in ranked}
        similarity: dict[int, float] = {}
        if sims is not None:
            import numpy as np

            scores = np.asarray(sims)
            for r in np.argsort(-scores)[:12]:
                similarity[int(r)] = float(scores[r])
            for r in bm25:
                similarity[r] = float(scores[r])
        credit = self.ask_text.matching.synonym_credit

        def coverage(row: int) -> float:
            if not weight:
                return 0.0
            return (
                sum(
                    c.weight * (1.0 if row in c.primary else credit if row in c.secondary else 0)
                    for c in concepts
                )
                / weight
            )

        named = {r for r, title in self._titles if has_phrase(text, title)}
        entity = self._comparisons.named_rows(question)
        bonus = self.ask_text.matching.title_bonus
        w = self.ask_text.meaning.weight
        rows = set(bm25) | set(similarity)
        scored = [
            (
                r,
                coverage(r)
                + self._mix * bm25.get(r, 0.0)
                + (bonus if r in named else 0.0)
                + (self.ask_text.meaning.entity_bonus if r in entity else 0.0)
                + w * max(similarity.get(r, 0.0), 0.0)
                + (self.ask_text.meaning.exact_bonus if similarity.get(r, 0.0) >= 0.92 else 0.0),
                coverage(r),
                similarity.get(r, 0.0),
            )
            for r in rows
        ]
        return sorted(scored, key=lambda x: -x[1])

    def _on_topic(self, text: str) -> bool:
        """Whether a message is about careers in AI at all (a word from `domain_words`, typos
        forgiven: "portfollio")."""
        words = [*text.split(), *(f for w in text.split() if (f := self._typos.fix(w)))]
        return any(
            w in self._domain
            or stem(w) in self._domain
            or (w in self._known_set and w not in self._stop and zipf(w) < EVERYDAY)
            for w in words
        )

    def _fallback(self, question: str) -> str:
        """Small talk inside a message ("thanks, bye"), a question about AI careers the advice
        does not answer ("no_match": not covered), or anything else ("off_topic": declined)."""
        text = words_of(question)
        for key, phrases in self._smalltalk:
            if any(has_phrase(text, p) for p in phrases):
                return key
        if not self._on_topic(text):
            return "off_topic"
        return "no_match"

    def passage(self, passage_id: str) -> Passage | None:
        return next((p for p in self.passages if p.id == passage_id), None)

    def by_key(self, key: str) -> Passage | None:
        """The passage a topic button names (`Passage.key`), or None if the content moved on."""
        return next((p for p in self.passages if p.key == key), None)

    def suggested(self) -> list[Passage]:
        """The topics offered when nothing matches (ids in ask.yaml `suggested`)."""
        found = (self.passage(pid) for pid in self.ask_text.suggested)
        return [p for p in found if p is not None]
