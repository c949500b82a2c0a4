"""Answering free-text questions from the advice: an in-memory full-text index over `content/`.

Every passage in `content/advice.yaml` (FAQ, paths, roles, skill layers, certifications, portfolio,
job search, interviews, timeline, pacing…) is cut into passages and put in a SQLite FTS5 table
held in memory, built once at start-up. A question is matched with bm25, after synonyms from
`content/ask.yaml` and typo correction (flows/reading/typos.py), joined by meaning-based similarity
(flows/asking/ask_meaning.py). An answer counts only when the best passage covers enough of the
question's words or means nearly the same; otherwise the person gets "the articles don't say",
a friendly line (greetings, weather, jokes) or the topics we can talk about.

Build it once per process and share it within the event loop (its memo tables are per index);
no file or network I/O happens here: the table lives in memory.
"""

from __future__ import annotations

import re

from flows.asking.ask_compose import Composer, passing_names
from flows.asking.ask_guard import Guards
from flows.asking.ask_languages import Languages, translations
from flows.asking.ask_meaning import Comparisons, MeaningIndex, UncoveredIndex
from flows.asking.ask_places import PlaceNames
from flows.asking.ask_rank import Ranker
from flows.asking.ask_types import FIGURE, LOCAL, NAMED, PLACE, WHERE, AskResult
from flows.asking.meaning import meaning
from flows.asking.passages import Passage, Passages
from flows.content import Content
from flows.numbers import has_phrase, words_of

__all__ = ["AskIndex", "AskResult"]

_MARKED = re.compile(
    r"(?:\bmy\s+(?:real\s+|actual\s+|main\s+|only\s+)?question(?:\s+is)?\s*[:,\-–—]?"
    r"|\bquestion\s*:)\s*",
    re.IGNORECASE,
)
"""Where a message says its question begins ("…my question: why is there a shortage?")."""
_MARKED_WORDS = 3


def asked_part(question: str) -> str:
    """The question a message marks as such after a story ("i work 20 years as accountant in
    Poland … my question: why is there a talent shortage"): the story before it is no topic."""
    found = list(_MARKED.finditer(question))
    if not found:
        return question
    rest = question[found[-1].end() :]
    return rest if len(words_of(rest).split()) >= _MARKED_WORDS else question


class AskIndex:
    """The search index. Build once per process (`AskIndex(content)`), then call `ask`."""

    def __init__(self, content: Content, *, use_meaning: bool = True) -> None:
        self.ask_text = content.ask
        self.passages = Passages(content).all
        self._languages = Languages(translations(content.ask.synonyms))
        self._smalltalk = [
            (key, [words_of(p) for p in talk.phrases])
            for key, talk in content.ask.smalltalk.items()
        ]
        self._comparisons = Comparisons(self.passages, content.ask)
        numbers = content.vocabulary.numbers
        number_words = [*numbers.ones, *numbers.tens, *numbers.casual]
        self.ranker = Ranker(self.passages, content.ask, self._comparisons, number_words)
        self.terms = self.ranker.terms
        names = {
            w
            for aliases in content.ask.entities.values()
            for a in aliases
            for w in words_of(a).split()
        }
        names |= {words_of(content.advice.provider)}
        self._guards = Guards(
            content.ask.guard, self.terms.all_words | self.terms.domain_listed | names
        )
        self._composer = Composer(
            content.ask.figures, content.ask.fits_me, [*numbers.ones, *numbers.tens]
        )
        self._uncovered = UncoveredIndex(content.ask, self._guards.owned)
        self._passing = passing_names(
            self.passages, names | {w for k in self.terms.single for w in k.split()}
        )
        self._places = PlaceNames(
            content.ask.figures.places, content.vocabulary.guards.nationalities
        )
        self._use_meaning = use_meaning
        self._meaning: MeaningIndex | None = None

    # ------------------------------------------------------------------------------ searching

    def meaning_index(self) -> MeaningIndex | None:
        """The passages' vectors, built on first use (the model loads once per process)."""
        if self._meaning is None and self._use_meaning:
            model = meaning()
            if model is None:
                self._use_meaning = False
                return None
            self._meaning = MeaningIndex(self.passages, self.ask_text, model)
        return self._meaning

    def ask(self, question: str) -> AskResult:
        """The best answer: a refusal, a comparison, "the articles don't say", the paths for
        "which fits me", a passage found by its words and its meaning together (with the
        figure asked for), or a fallback (small talk, not covered, off topic)."""
        question = self._languages.english(question)  # "cuánto dura…": "how long is…"
        question = asked_part(question)  # "…20 years an accountant. My question: why…"
        text = words_of(question)
        for key, phrases in self._smalltalk:
            if text in phrases:  # the whole message is small talk ("hi", "thanks")
                return AskResult(False, None, (), key)
        if self._guards.refused(question):
            return AskResult(False, None, (), "refused")
        if self._guards.foreign(question):
            return AskResult(False, None, (), self._fallback(question))
        # before comparing: "applied ml vs mlops salary" asks what the articles don't give
        named = self._comparisons.named(question)
        trigger = self._uncovered.triggered(question, named)
        if trigger is not None:
            return AskResult(False, None, (), None, uncovered=trigger)
        # names with a slip in them ("self studdy vs bootcamp") are compared too
        sides = self._comparisons.sides(question) or self._comparisons.sides(
            self.terms.corrected(question)
        )
        place = self._places.named(question, lambda s: self._composer.kind(s) is not None)
        # "any good mlops meetups in berlin?": the articles list no place's gatherings (the
        # person's own area is where they tell you to go: "meetups in my city, worth it?")
        local = None if place else self._places.named(question, self._places.gathering)
        local = None if local is None or local.startswith("my ") else local
        # "is the immersive available in australia", "a masters in the uk or the us"
        where = None if place or local else self._places.compared(question)
        where = where or (
            None if place or local else self._places.named(question, self._places.available)
        )
        if len(sides) >= 2:
            if place is not None:  # "bootcamp vs masters cost in india": neither side's figure
                return AskResult(False, None, sides, None, uncovered=PLACE, name=place)
            extra = self._sides_asked(question, sides) + self._no_winner(question, sides)
            return AskResult(
                True, sides[0], (), None, 1.0, len(text.split()), sides=sides, extra=extra
            )
        story = self._guards.background(question)
        fits_me = self._composer.fits_me(question)
        # "I'm a marketer, what should I do?": a story asking for a path is about AI careers
        on_topic = (
            self.terms.on_topic(text)
            or self._comparisons.mentions(question)
            or bool(story and fits_me)
        )
        name = self._guards.unknown_name(question)
        if name is not None and on_topic:
            return AskResult(False, None, (), None, uncovered=NAMED, name=name)
        index = self.meaning_index()
        ranked = self.ranker.ranking(question, index, story)
        concepts, found, sims, unsims = ranked.concepts, ranked.found, ranked.sims, ranked.unsims
        m = self.ask_text.meaning
        if on_topic and fits_me:
            # "which path then?" after a situation the articles answer in one passage ("my
            # employer requires a graduate credential") gets that passage, not the overview
            specific = found and found[0][3] >= m.alone
            if not specific or self.passages[found[0][0]].id in self.ask_text.fits_me.passages:
                return self._fits_me(text)
        if unsims is not None and index is not None:
            best_sim = float(sims.max()) if sims is not None else 0.0
            top = int(unsims.argmax())
            # an example close in meaning does not outvote a passage holding the question's words
            held = bool(found) and found[0][2] >= self.ask_text.matching.min_coverage
            key = index.uncovered_keys[top]
            close = unsims[top] >= m.uncovered and unsims[top] > best_sim + m.margin
            # "is this one of those ISA things?" is close to "an ISA for a bootcamp", and asks
            # what the entry's `unless` words say the articles answer (about the Immersives)
            if close and not held and not self._uncovered.answered(key, question, named):
                return AskResult(False, None, (), None, uncovered=key)
        if not found:
            return AskResult(False, None, (), self._fallback(question), 0.0, len(concepts))
        best, score, coverage, similarity = found[0]
        # a message that means nearly what a passage says is on topic, whatever its words
        # ("which events are worth going to"), if it says more than a word or two ("ok")
        if on_topic or (similarity >= m.alone and len(text.split()) >= 3):
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
        kind = self._composer.kind(question)
        if kind is not None:  # "how many projects": the close passage holding a count answers
            found = self._composer.figure_first(kind, found, self.passages)
            best, score, coverage, similarity = found[0]
        passage = self.passages[best]
        if place is not None:  # the articles' figure is no place's in particular
            return AskResult(False, None, (passage,), None, uncovered=PLACE, name=place)
        if local is not None:
            return AskResult(False, None, (passage,), None, uncovered=LOCAL, name=local)
        if where is not None:
            return AskResult(False, None, (passage,), None, uncovered=WHERE, name=where)
        ratio = self.ask_text.matching.related_ratio
        related = [
            self.passages[r]
            for r, s, c, _ in found[1:]
            if s >= score * ratio and self.passages[r].title != passage.title
        ][:2]
        lines: tuple[str, ...] = ()
        if kind is not None and not self._composer.holds(passage, kind):
            family = self._family(best) | self._comparisons.named_rows(question)
            lines = self._composer.figure_lines(kind, best, found, self.passages, family)
            if not lines:  # the passage found lacks the figure asked for, and so do its kin
                return AskResult(False, None, (passage,), None, uncovered=FIGURE)
        if kind is not None and self._composer.unnamed(
            question, kind, passage, lines, self._passing
        ):  # "how long is Karpathy's series": the figure found is the ML core layer's
            return AskResult(False, None, (passage,), None, uncovered=FIGURE)
        second = self._composer.runner_up(
            found, self.passages, self.ask_text.matching.runner_up_ratio
        )
        return AskResult(
            True,
            passage,
            tuple(r for r in related if r not in second),
            None,
            coverage,
            len(concepts),
            similarity=similarity,
            lines=lines,
            extra=second,
        )

    def _fits_me(self, text: str) -> AskResult:
        """ "Which path is for me?": how to choose, the paths in one line each, the interview."""
        found = [p for pid in self.ask_text.fits_me.passages if (p := self.passage(pid))]
        if not found:
            return AskResult(False, None, (), "no_match")
        return AskResult(
            True, found[0], (), None, 1.0, len(text.split()), extra=tuple(found[1:]), fits=True
        )

    def _sides_asked(self, question: str, sides: tuple[Passage, ...]) -> tuple[Passage, ...]:
        """After the sides, each one's passage on the side of it asked for ("net money position
        for each immersive": each program's money note), where it has one."""
        out = []
        for side in sides:
            family = {
                i
                for i, p in enumerate(self.passages)
                if p.id == side.id or p.id.startswith(f"{side.id}/")
            }
            if rows := self.ranker.aspect_rows(question, family):
                out.append(self.passages[min(rows)])
        return tuple(out)

    def _no_winner(self, question: str, sides: tuple[Passage, ...]) -> tuple[Passage, ...]:
        """Paths compared with "which one is the best, just tell me the winner": after the
        sides, the articles' word that no path wins for everyone, only for someone."""
        routes = ("paths/", "faq/work_integrated")
        paths = all(s.id.startswith(routes) for s in sides)
        if not paths or not self._composer.asks_winner(question):
            return ()
        found = self.passage(self.ask_text.fits_me.winner)
        return (found,) if found is not None else ()

    def _family(self, row: int) -> set[int]:
        """Rows about the same program, role or topic: "paths/immersive" and its phases."""
        head = "/".join(self.passages[row].id.split("/")[:2])
        return {
            i for i, p in enumerate(self.passages) if p.id == head or p.id.startswith(f"{head}/")
        }

    def _fallback(self, question: str) -> str:
        """Small talk inside a message ("thanks, bye"), a question about AI careers the advice
        does not answer ("no_match": not covered), or anything else ("off_topic": declined)."""
        text = words_of(question)
        for key, phrases in self._smalltalk:
            if any(has_phrase(text, p) for p in phrases):
                return key
        if not self.terms.on_topic(text):
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
