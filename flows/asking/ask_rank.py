"""Ranking passages for a question: keyword coverage, bm25, names, sides and meaning together.

Kept apart from `flows/asking/ask.py`, which decides what KIND of answer a question gets (a
refusal, a comparison, "the articles don't say", a passage): this module only orders passages.
The FTS5 table lives in memory, built once per index; no file or network I/O happens here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from flows.asking.ask_aspects import Aspects, Cues
from flows.asking.ask_meaning import Comparisons, MeaningIndex, Scores
from flows.asking.ask_terms import Terms
from flows.asking.ask_types import Concept
from flows.asking.passages import Passage
from flows.numbers import has_phrase, words_of
from flows.reading.vocabulary_search import AskText

Ranked = list[tuple[int, float, float, float]]
"""(row, score, keyword coverage, similarity), best first."""


@dataclass(frozen=True, slots=True)
class Ranking:
    concepts: list[Concept]
    found: Ranked
    sims: Scores | None
    """Similarity to every passage (None without the meaning model)."""
    unsims: Scores | None
    """Similarity to every uncovered entry's examples."""


class Ranker:
    """The in-memory FTS5 table and what is needed to score a question against every row."""

    def __init__(
        self,
        passages: Sequence[Passage],
        ask: AskText,
        comparisons: Comparisons,
        number_words: Sequence[str] = (),
    ) -> None:
        self.ask = ask
        self.passages = passages
        m = ask.matching
        self._weights = (m.title_weight, m.keywords_weight, m.body_weight)
        self._boost = [ask.sections[p.section].boost for p in passages]
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute(
            "CREATE VIRTUAL TABLE passages USING fts5(title, keywords, body,"
            " tokenize='porter unicode61')"
        )
        self._db.executemany(
            "INSERT INTO passages(rowid, title, keywords, body) VALUES (?, ?, ?, ?)",
            [
                (i, p.title, p.keywords, " ".join([p.text, *p.items]))
                for i, p in enumerate(passages)
            ],
        )
        self._titles = [
            (i, t) for i, p in enumerate(passages) if len((t := words_of(p.title)).split()) > 1
        ]
        self._comparisons = comparisons
        self._superlatives = Cues(ask.superlatives)
        rows = {p.id: i for i, p in enumerate(passages)}
        self._lists = [
            (Cues(spec.names), rows[f"list/{section}"])
            for section, spec in ask.lists.items()
            if f"list/{section}" in rows
        ]
        self._section = {row: p.id.split("/")[0] for row, p in enumerate(passages)}
        self._why = {r for r, p in enumerate(passages) if words_of(p.title).startswith("why ")}
        self._words = [words_of(" ".join([p.title, p.text, *p.items])) for p in passages]
        self._listed = {
            rows[f"list/{section}"]: section for section in ask.lists if f"list/{section}" in rows
        }
        """Each list's row and the section it lists ("list/roles" lists "roles/…")."""
        self._aspects = Aspects(ask.aspects, passages)
        # Per-index memo table (bounded): the same words come up again and again.
        self._rows_cache: dict[str, frozenset[int]] = {}
        self.terms = Terms(passages, ask, self.rows, number_words)

    def rows(self, term: str) -> frozenset[int]:
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

    def ranking(
        self, question: str, index: MeaningIndex | None, story: frozenset[str] = frozenset()
    ) -> Ranking:
        """Every candidate passage for `question`, scored. Some words say WHICH passage of a
        thing answers rather than what the question is about; they count only for the
        passages they point at: the words asking for a side of a thing named ("designed
        for": its who-it-suits passages), the thing's name (its passages) and a superlative
        ("cheapest", with no single thing named: the whole lists). The person's own story
        (`story`: "philosophy BA") is left out altogether."""
        named = self._comparisons.named_rows(question)
        side = self._aspects.rows(question, named)
        topic, side_words = self._aspects.split(question) if side else (question, "")
        name_words = ""
        if side_words:  # which side of a thing named: its name's words pick no passage
            rest, name_words = self._comparisons.split_names(question)
            topic = self._aspects.split(rest)[0]
        lists = self._superlative_lists(self.terms.corrected(topic))
        # "the 3 types of AI engineer": a thing named inside the list asked for keeps the list
        sections = {self._section[r] for r in named}
        lists = {r for r in lists if not named or sections == {self._listed[r]}}
        topic, most_words = self._superlatives.split(topic) if lists else (topic, "")
        if story:
            topic = " ".join(w for w in words_of(topic).split() if w not in story)
        concepts = self.terms.concepts(topic)
        credited = [
            (self.terms.concepts(words), rows)
            for words, rows in ((side_words, side), (name_words, named), (most_words, lists))
            if words
        ]
        told = " ".join(w for w in words_of(question).split() if w not in story)
        meant = self.terms.corrected(told if story else question)
        sims, unsims = index.similarities(meant) if index is not None else (None, None)
        found = self._rank(question, concepts, credited, sims, named, lists, most_words)
        return Ranking(concepts + [c for cs, _ in credited for c in cs], found, sims, unsims)

    def _rank(
        self,
        question: str,
        concepts: list[Concept],
        credited: list[tuple[list[Concept], set[int]]],
        sims: Scores | None,
        entity: set[int],
        lists: set[int],
        most: str = "",
    ) -> Ranked:
        """(row, score, keyword coverage, similarity), best first: coverage of the question's
        rarer words, bm25 relative to the best hit, a whole title typed, and meaning."""
        terms = sorted({t for c in concepts for t in c.terms})
        weight = sum(c.weight for c in concepts)
        side = self._aspects.rows(question, entity)
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
            for r in np.argsort(-sims)[:12]:
                similarity[int(r)] = float(sims[r])
            for r in set(bm25) | entity | lists:
                similarity[r] = float(sims[r])
        credit = self.ask.matching.synonym_credit
        groups = [(sum(c.weight for c in cs), rows) for cs, rows in credited]
        total = weight + sum(w for w, _ in groups)

        def coverage(row: int) -> float:
            if not total:
                return 0.0
            held = sum(
                c.weight * (1.0 if row in c.primary else credit if row in c.secondary else 0)
                for c in concepts
            )
            return (held + sum(w for w, rows in groups if row in rows)) / total

        text = words_of(question)
        titled = {r for r, title in self._titles if has_phrase(text, title)}
        others = self._comparisons.other_rows(question) - entity
        others |= self._outranked(lists, most) - entity
        # "how do I get past the resume filter" asks the way round it: a passage on why it
        # is there ("Why go around the resume filter") says the reason, not the way
        if text.split()[:1] == ["how"] and "why" not in text.split():
            others |= self._why
        reasons = self._why if text.split()[:1] == ["why"] else set()
        ruled_out = self._comparisons.ruled_out_rows(question) - entity
        ruled_out |= self._aspects.turned_round(question, entity)
        m, mm = self.ask.matching, self.ask.meaning
        scored = [
            (
                r,
                coverage(r)
                + m.rank_mix * bm25.get(r, 0.0)
                + (m.title_bonus if r in titled else 0.0)
                + (mm.entity_bonus if r in entity or r in lists else 0.0)
                + (mm.aspect_bonus if r in side else 0.0)
                + (mm.entity_bonus if r in reasons else 0.0)
                - (mm.entity_bonus if r in others else 0.0)
                + mm.weight * max(similarity.get(r, 0.0), 0.0)
                + (mm.exact_bonus if similarity.get(r, 0.0) >= 0.92 else 0.0),
                coverage(r),
                similarity.get(r, 0.0),
            )
            for r in (set(bm25) | set(similarity) | entity | lists) - ruled_out
        ]
        return sorted(scored, key=lambda x: -x[1])

    def aspect_rows(self, question: str, named: set[int]) -> set[int]:
        """The rows about the side of a thing asked for (`named`: the thing's rows)."""
        return self._aspects.rows(question, named)

    def _outranked(self, lists: set[int], most: str) -> set[int]:
        """ "Which cert takes the longest to prep": one certification alone cannot say which is
        the most anything, so the list of them all ranks ahead of each single one of its
        section, unless that one says it is the most itself ("the easiest entry")."""
        if not lists:
            return set()
        listed = {self._listed[r] for r in lists}
        said = [w for w in most.split() if w.isalpha() and w not in self.terms.stop]
        return {
            r
            for r, section in self._section.items()
            if section in listed
            and r not in lists
            and not any(has_phrase(self._words[r], w) for w in said)
        }

    def _superlative_lists(self, question: str) -> set[int]:
        """ "Which cert is the cheapest": the list of the section the question names."""
        if not self._superlatives.find(question):
            return set()
        return {row for names, row in self._lists if names.find(question)}
