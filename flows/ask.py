"""Answering free-text questions from the advice: an in-memory full-text index over `content/`.

Every passage in `content/advice.yaml` (FAQ, paths, roles, skill layers, certifications, portfolio,
job search, interviews, timeline, pacing…) is cut into passages and put in a SQLite FTS5 table
held in memory, built once at start-up. A question is matched with bm25, after synonyms from
`content/ask.yaml` and typo correction (difflib against the index's own words). An answer counts
only when the best passage covers enough of the question's rarer words; otherwise the person gets
a friendly line (greetings, weather, jokes) or the topics we can talk about.

Build it once per process and share it within the event loop (its memo tables are per index);
no file or network I/O happens here: the table lives in memory.
"""

from __future__ import annotations

import difflib
import math
import sqlite3
from dataclasses import dataclass

from flows.content import Content
from flows.numbers import has_phrase, words_of
from flows.passages import Passage, Passages
from flows.reply import Block


@dataclass(frozen=True, slots=True)
class AskResult:
    matched: bool
    passage: Passage | None
    related: tuple[Passage, ...]
    fallback: str | None
    """When not matched: a small-talk key from ask.yaml, or "no_match"."""
    coverage: float = 0.0
    words: int = 0
    """How many content words (or known phrases) the question had."""


@dataclass(frozen=True, slots=True)
class _Concept:
    """One thing the question is about: a word or phrase, its synonyms, where they occur."""

    terms: tuple[str, ...]
    primary: frozenset[int]
    """Rows with the word itself (or its typo fix)."""
    secondary: frozenset[int]
    """Rows with only a synonym: they count for less (`synonym_credit`)."""
    weight: float
    """Rarity (idf): rare words say more about what is asked."""


class AskIndex:
    """The search index. Build once per process (`AskIndex(content)`), then call `ask`."""

    def __init__(self, content: Content) -> None:
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
        self._smalltalk = [
            (key, [words_of(p) for p in talk.phrases])
            for key, talk in content.ask.smalltalk.items()
        ]
        # Per-index memo tables (bounded): the same words come up again and again.
        self._rows_cache: dict[str, frozenset[int]] = {}
        self._typo_cache: dict[str, str | None] = {}

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

    def _typo_fix(self, word: str) -> str | None:
        """The closest indexed word to an unknown one (difflib), cached like `_rows`."""
        if word not in self._typo_cache:
            # One slip in a short word makes a different word ("movie" / "move"): ask more.
            cutoff = self.ask_text.matching.typo_cutoff
            cutoff = cutoff if len(word) >= 8 else max(cutoff, 0.9)
            close = difflib.get_close_matches(word, self._known, n=1, cutoff=cutoff)
            if len(self._typo_cache) < 20_000:
                self._typo_cache[word] = close[0] if close else None
            return close[0] if close else None
        return self._typo_cache[word]

    def _concepts(self, question: str) -> list[_Concept]:
        """The question's content words (or known phrases), each with synonyms and typo fixes."""
        text = words_of(question)
        concepts: list[_Concept] = []
        for phrase, replacement in self._synonyms:
            if " " in phrase and has_phrase(text, phrase):
                concepts.append(self._concept(phrase, replacement))
                text = f" {text} ".replace(f" {phrase} ", " ").strip()
        for word in text.split():
            if word in self._stop or (len(word) < 2 and not word.isdigit()):
                continue
            concept = self._concept(word, self._single.get(word, ()))
            if not concept.terms and len(word) > 3:
                close = self._typo_fix(word)
                if close:
                    concept = self._concept(close, self._single.get(close, ()))
            concepts.append(concept)
        return concepts

    def _concept(self, term: str, synonyms: tuple[str, ...]) -> _Concept:
        primary = self._rows(term)
        secondary = frozenset().union(*(self._rows(t) for t in synonyms))
        if not primary:  # a word the advice never uses ("cert"): its synonyms stand in fully
            primary, secondary = secondary, frozenset()
        terms = tuple(t for t in (term, *synonyms) if self._rows(t))
        rows = primary | secondary
        weight = (
            math.log((len(self.passages) + 1) / (len(rows) + 0.5))
            if rows
            else self.ask_text.matching.unknown_weight
        )
        # A bare number ("6 months") says less about the topic than a word does.
        return _Concept(terms, primary, secondary, weight / 2 if term.isdigit() else weight)

    def ask(self, question: str) -> AskResult:
        text = words_of(question)
        for key, phrases in self._smalltalk:
            if text in phrases:  # the whole message is small talk ("hi", "thanks")
                return AskResult(False, None, (), key)
        concepts = self._concepts(question)
        terms = sorted({t for c in concepts for t in c.terms})
        weight = sum(c.weight for c in concepts)
        if not terms or not weight:
            return AskResult(False, None, (), self._fallback(question))
        ranked = self._db.execute(
            "SELECT rowid, bm25(passages, ?, ?, ?) AS score FROM passages(?)"
            " ORDER BY score LIMIT 20",
            (*self._weights, " OR ".join(f'"{t}"' for t in terms)),
        ).fetchall()
        ranked = sorted(((r, score * self._boost[r]) for r, score in ranked), key=lambda x: x[1])
        top = ranked[0][1]
        credit = self.ask_text.matching.synonym_credit

        def coverage(row: int) -> float:
            return (
                sum(
                    c.weight * (1.0 if row in c.primary else credit if row in c.secondary else 0)
                    for c in concepts
                )
                / weight
            )

        # Coverage first (a passage that answers all of the question beats one that repeats a
        # single word often); bm25, relative to the best, breaks near-ties.
        # A passage whose whole title was typed ("AI Engineering Immersive") is what was meant.
        named = {r for r, title in self._titles if has_phrase(text, title)}
        bonus = self.ask_text.matching.title_bonus
        ordered = sorted(
            ranked,
            key=lambda rs: (
                -(coverage(rs[0]) + self._mix * rs[1] / top + (bonus if rs[0] in named else 0))
            ),
        )
        best, best_score = ordered[0]
        best_coverage = coverage(best)
        if best_coverage < self.ask_text.matching.min_coverage:
            return AskResult(
                False, None, (), self._fallback(question), best_coverage, len(concepts)
            )
        passage = self.passages[best]
        ratio = self.ask_text.matching.related_ratio
        related = [
            self.passages[r]
            for r, s in ordered[1:]
            if s <= best_score * ratio
            and coverage(r) >= best_coverage / 4
            and self.passages[r].title != passage.title
        ][:2]
        return AskResult(True, passage, tuple(related), None, best_coverage, len(concepts))

    def _fallback(self, question: str) -> str:
        text = words_of(question)
        for key, phrases in self._smalltalk:
            if any(has_phrase(text, p) for p in phrases):
                return key
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


def answer_blocks(index: AskIndex, result: AskResult) -> tuple[Block, ...]:
    """The answer as reply blocks: the passage with its article, or the fallback line."""
    words = index.ask_text.messages
    p = result.passage
    if p is None:
        talk = index.ask_text.smalltalk.get(result.fallback or "")
        return (Block("text", talk.reply if talk else words["no_match"]),)
    blocks = [Block("heading", p.title)]
    if p.text:
        blocks.append(Block("text", p.text))
    if p.items:
        blocks.append(Block("bullets", items=p.items))
    if p.source:
        blocks.append(Block("note", words["source"].format(source=p.source)))
    return tuple(blocks)


def offered(index: AskIndex, result: AskResult) -> tuple[Passage, ...]:
    """Topics to offer as buttons: the related ones, or the suggested ones when nothing matched
    (small talk gets none: the person's place in the dialogue follows instead)."""
    if result.matched:
        return result.related
    return tuple(index.suggested()) if result.fallback == "no_match" else ()


def answer_text(index: AskIndex, result: AskResult) -> str:
    """Plain text of an answer, as the command line prints it."""
    lines: list[str] = []
    for block in answer_blocks(index, result):
        lines += [block.text] if block.text else []
        lines += [f"• {item}" for item in block.items]
    if result.fallback == "no_match":
        lines += [f"• {p.title}" for p in offered(index, result)]
    return "\n".join(lines)


def as_json(index: AskIndex, result: AskResult) -> dict[str, object]:
    """`aipath ask --json`: {matched, topic, answer, source, related}."""
    p = result.passage
    return {
        "matched": result.matched,
        "topic": p.title if p else None,
        "answer": answer_text(index, result),
        "source": p.source if p else None,
        "related": [r.title for r in result.related],
    }
