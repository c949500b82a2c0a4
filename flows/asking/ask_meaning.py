"""What the keyword index cannot see: meaning, comparisons, and questions the articles skip.

WHY: "do employers even care about certificates" shares no rare word with the FAQ that answers
it, "bootcamp vs masters?" needs both sides, and "when does the next cohort start" must hear
"the articles don't say" rather than the nearest passage. Three small parts, each built once:

- `MeaningIndex`: every passage's title, text and paraphrases (content/ask.yaml) embedded with
  `flows/asking/meaning.py`; a question's similarity to a passage is its best match among those.
- `Comparisons`: two or more things people compare (paths, roles, certifications), named with
  a comparison word, are answered side by side.
- `UncoveredIndex`: questions the articles do not answer (cohort dates, salaries, age, payment
  plans, part-time degrees…), found by their trigger phrases or by similarity to examples.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from flows.asking.meaning import Meaning
from flows.asking.passages import Passage
from flows.numbers import has_phrase, words_of
from flows.reading.understand_text import PhraseTable, read_words
from flows.reading.vocabulary_search import AskText

Scores = npt.NDArray[np.float32]
_SENTENCE = re.compile(r"(?<=[.;])\s+")


class MeaningIndex:
    """Passage and uncovered-entry vectors; `similarities` scores one question against all."""

    def __init__(self, passages: Sequence[Passage], ask: AskText, model: Meaning) -> None:
        self.model = model
        probes: list[str] = []
        owners: list[int] = []
        for i, p in enumerate(passages):
            body = " ".join([p.text, *p.items])[:400]
            texts = [p.title, f"{p.title}. {body}", *ask.paraphrases.get(p.id, [])]
            if not p.id.startswith("list/"):  # finer probes: each sentence and list item
                texts += [t for t in (*_SENTENCE.split(p.text), *p.items, *p.parts) if len(t) > 25]
            if p.id.startswith("list/"):
                texts += ask.lists[p.section].paraphrases
            probes += texts
            owners += [i] * len(texts)
        self._vectors = model.embed(probes)
        self._owners = np.array(owners)
        self._count = len(passages)
        keys = list(ask.uncovered)
        examples = [(k, e) for k in keys for e in ask.uncovered[k].examples]
        self.uncovered_keys = keys
        self._uncovered = model.embed([e for _, e in examples])
        self._uncovered_owner = np.array([keys.index(k) for k, _ in examples])

    def similarities(self, question: str) -> tuple[Scores, Scores]:
        """(per passage, per uncovered entry): the best cosine similarity among its probes."""
        q = self.model.embed([question])[0]
        per_probe = self._vectors @ q
        best = np.full(self._count, -1.0, dtype=np.float32)
        np.maximum.at(best, self._owners, per_probe)
        uncovered = np.full(len(self.uncovered_keys), -1.0, dtype=np.float32)
        np.maximum.at(uncovered, self._uncovered_owner, self._uncovered @ q)
        return best, uncovered


class Comparisons:
    """ "X vs Y", "difference between X and Y": the passages for each side, in the order named."""

    def __init__(self, passages: Sequence[Passage], ask: AskText) -> None:
        by_id = {p.id: p for p in passages}
        names: list[tuple[str, tuple[str, ...]]] = [
            (alias, (pid,))
            for pid, aliases in ask.entities.items()
            if pid in by_id
            for alias in _with_plurals(aliases)
        ]
        names += [
            (phrase, ids)
            for phrase, pids in ask.entity_sets.items()
            if (ids := tuple(pid for pid in pids if pid in by_id))
        ]
        self._names: PhraseTable[tuple[str, ...]] = PhraseTable(names)
        self._cues = frozenset(words_of(c) for c in ask.comparison_cues)
        self._by_id = by_id
        self._rows = list(passages)
        self._entity_ids = frozenset(pid for pid in ask.entities if pid in by_id)
        self._kinds = {k: frozenset(v) for k, v in ask.entity_kinds.items()}

    def named(self, question: str) -> set[str]:
        """The things a question names, save those it rules out ("non-research roles"); a
        ruled-out name's last words may name another ("the non accelerated immersive")."""
        words = read_words(question, ())
        named: set[str] = set()
        for f in self._names.find(words):
            if not self._ruled_out(words.tokens, f.start):
                named.update(f.payload)
                continue
            named |= {
                pid
                for inner in self._names.find(words, f.start + 1, f.end)
                if inner.end == f.end and inner.payload != f.payload
                for pid in inner.payload
            }
        return named

    @staticmethod
    def _ruled_out(tokens: Sequence[str], start: int) -> bool:
        """ "non research", "not the accelerated one"."""
        before = list(tokens[max(0, start - 2) : start])
        if before[-1:] == ["the"]:
            before = before[:-1]
        return bool(before) and before[-1] in _NOT

    def ruled_out_rows(self, question: str) -> set[int]:
        """The rows about what a question rules out ("not the accelerated one"): they do not
        answer it, however close their words are."""
        words = read_words(question, ())
        ids = {
            pid
            for f in self._names.find(words)
            if self._ruled_out(words.tokens, f.start)
            for pid in f.payload
        } - self.named(question)
        return {
            i
            for i, p in enumerate(self._rows)
            for pid in ids
            if p.id == pid or p.id.startswith(f"{pid}/")
        }

    def split_names(self, question: str) -> tuple[str, str]:
        """(the question's words without the names of the things it names, those names):
        "who's the 18 month program designed for" → ("who s the designed for", "18 month
        program")."""
        words = read_words(question, ())
        keep = list(words.tokens)
        names: list[str] = []
        for f in self._names.find(words):
            names.append(f.phrase)
            keep[f.start : f.end] = [""] * (f.end - f.start)
        return " ".join(w for w in keep if w), " ".join(names)

    def mentions(self, question: str) -> bool:
        """Whether a question names any program, role, layer or certification."""
        return bool(self.named(question))

    def named_rows(self, question: str) -> set[int]:
        """The rows about the one thing a question names ("the long program": the AI
        Engineering Immersive and its phases); none when it names several or none."""
        named = self.named(question)
        # "phase one of the career switcher program" names a part and its whole: the part
        named -= {w for w in named if any(o.startswith(f"{w}/") for o in named)}
        # "the apprenticeship in the 18 month program" names a general topic and one of its
        # kinds: the kind
        named -= {n for n in named if self._kinds.get(n, frozenset()) & named}
        if len(named) != 1:
            return set()
        pid = named.pop()
        # A part with a name of its own (a program's "phase 1") answers only when named itself.
        parts = {o for o in self._entity_ids if o.startswith(f"{pid}/")}
        return {
            i
            for i, p in enumerate(self._rows)
            if (p.id == pid or p.id.startswith(f"{pid}/"))
            and not any(p.id == o or p.id.startswith(f"{o}/") for o in parts)
        }

    def other_rows(self, question: str) -> set[int]:
        """The rows about the named thing's siblings (the other program, the other
        certifications): a question about one is not answered with another. A general topic
        named beside one of its kinds ("the apprenticeship on the 14-month one") is that kind."""
        named = self.named(question)
        named -= {n for n in named if self._kinds.get(n, frozenset()) & named}
        if len(named) != 1:
            return set()
        pid = named.pop()
        group = pid.split("/")[0]
        siblings = {o for o in self._by_id if o.split("/")[0] == group and o != pid}
        siblings = {
            o for o in siblings if not pid.startswith(f"{o}/") and not o.startswith(f"{pid}/")
        }
        siblings &= self._entity_ids
        summary = f"list/{group}"  # "layer 1" is answered by Layer 1, not the list of layers
        return {
            i
            for i, p in enumerate(self._rows)
            if p.id == summary or any(p.id == o or p.id.startswith(f"{o}/") for o in siblings)
        }

    def sides(self, question: str) -> tuple[Passage, ...]:
        words = read_words(question, ())
        text = f" {words.text} "
        found_names = self._names.find(words)
        # "both immersive programs" names several things: a comparison without a cue word
        several = any(len(f.payload) > 1 for f in found_names)
        if not several and not any(f" {cue} " in text for cue in self._cues):
            return ()
        # "why do course and apprenticeship at the same time, better than one after the other?"
        # asks about doing both together, not which of the two is better
        if any(f" {w} " in text for w in _AT_ONCE) and not any(f" {w} " in text for w in _VERSUS):
            return ()
        named: list[str] = []
        for found in found_names:
            pids = list(found.payload)
            if self._ruled_out(words.tokens, found.start):
                # "accelerated vs non accelerated immersive": the name ruled out ends in
                # another one, and that other one is the side compared (as in `named`)
                inner = [
                    pid
                    for f in self._names.find(words, found.start + 1, found.end)
                    if f.end == found.end and f.payload != found.payload
                    for pid in f.payload
                ]
                pids = inner or pids
            named += [pid for pid in pids if pid not in named]
        # "the 18 month program's apprenticeship: alone or with others?" is that program's
        # apprenticeship, not the apprenticeship set against the program
        kinds = [n for n in named if not self._kinds.get(n, frozenset()) & set(named)]
        named = kinds if len(kinds) < 2 else named
        if len({pid.split("/")[0] for pid in named}) > 1 and not _mixed_paths(named):
            named = _main_group(named)
        if len(named) < 2:
            return ()
        return tuple(self._by_id[pid] for pid in named[:3])


_AT_ONCE = ("at the same time", "simultaneously", "concurrently", "in parallel", "at once")
"""Things done together: a question about both at once, not about which one is better."""
_VERSUS = ("vs", "versus", "compared to", "compared with")

_NOT = frozenset({"non", "not", "no", "without", "except"})
"""Before a name, these say the question is about anything but it ("non-research roles")."""


def _with_plurals(aliases: Sequence[str]) -> list[str]:
    """ "certificate" also as "certificates", "master's degree" as "master's degrees": people
    compare kinds of things in the plural ("a master's or one of those certificates")."""
    out = list(aliases)
    for alias in aliases:
        last = alias.split()[-1]
        if last.isalpha() and len(last) > 2 and not last.endswith("s"):
            out.append(f"{alias}s")
    return out


def _main_group(named: list[str]) -> list[str]:
    """ "AWS ML vs Google ML engineer cert": two certifications and a role's name inside one
    of them; the kind named at least twice, when only one is, is what is compared."""
    groups = Counter(pid.split("/")[0] for pid in named)
    main = [g for g, n in groups.items() if n >= 2]
    return [pid for pid in named if pid.split("/")[0] == main[0]] if len(main) == 1 else []


def _mixed_paths(named: list[str]) -> bool:
    """A path compared with the work-integrated FAQ ("apprenticeship vs bootcamp") still
    compares routes; a role next to a certification does not."""
    return {pid.split("/")[0] for pid in named} <= {"paths", "faq"}


class UncoveredIndex:
    """Trigger phrases of the questions the articles do not answer."""

    def __init__(self, ask: AskText, own: Callable[[str], bool] = lambda _: False) -> None:
        self._own = own
        self._triggers: PhraseTable[str] = PhraseTable(
            (t, key) for key, entry in ask.uncovered.items() for t in entry.triggers
        )
        self._unless = {
            key: ([words_of(u) for u in entry.unless], frozenset(entry.covered_for))
            for key, entry in ask.uncovered.items()
        }
        self._together = [
            (key, frozenset(_plain(words_of(w)) for w in group))
            for key, entry in ask.uncovered.items()
            for group in entry.together
        ]

    def triggered(self, question: str, named: set[str]) -> str | None:
        """The entry a question's words call up, unless the question says what makes the
        articles answer it after all: one of its `unless` words ("pay later" for an "ISA"),
        or a thing named that `covered_for` lists (on campus or online, for a master's)."""
        words = read_words(question, ())
        plain = {_plain(w) for w in words.tokens}
        # "ex consultant", "I'm a non-technical founder": who the person is, not the subject
        keys = [
            f.payload
            for f in self._triggers.find(words)
            if not self._own(" ".join(words.tokens[: f.start]))
        ]
        keys += [key for key, group in self._together if group <= plain]
        return next((key for key in keys if not self._answered(key, words.text, named)), None)

    def answered(self, key: str, question: str, named: set[str]) -> bool:
        """Whether the question says what makes the articles answer the entry after all (its
        `unless` words, a thing `covered_for` lists), however the entry was found."""
        return self._answered(key, read_words(question, ()).text, named)

    def _answered(self, key: str, text: str, named: set[str]) -> bool:
        unless, covered_for = self._unless[key]
        return bool(covered_for & named) or any(has_phrase(text, u) for u in unless)


def _plain(word: str) -> str:
    """ "jobs" → "job": a trigger's words match singular or plural."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
