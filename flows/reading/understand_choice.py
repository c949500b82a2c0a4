"""Reading a choice question's answer out of a typed message: phrases, negation, contrast.

WHY: "definitely not research", "anything but government" and "not a CS degree, it's in history"
used to store the very option they rule out, and "MS in statistics" a bachelor's. Here a negated
phrase blocks its value, the last side of a contrast wins, several different answers are asked
about, and the degree's level outranks its subject. Every phrase is in `content/vocabulary.yaml`.
"""

from __future__ import annotations

import re

from flows.numbers import words_of
from flows.reading.answer_model import CHOICES
from flows.reading.choice_decision import blend, decide
from flows.reading.understand_degree import DegreeReader
from flows.reading.understand_reading import Reading
from flows.reading.understand_text import (
    Found,
    Negations,
    PhraseTable,
    Words,
    last_wins,
    split_clauses,
)
from flows.reading.vocabulary import ReplyKind, Vocabulary

_OPEN = frozenset({"anything", "anywhere", "any", "everything", "anyone", "whatever"})
"""Opening an exclusion ("anything but government"): ruled out as a phrase, not as an answer."""


_OBJECT = frozenset({"from", "with", "for", "to", "by", "via", "of", "and", "plus", "on"})
_CONDITION = re.compile(r"(?i)\b(?:if|unless|as long as|once|while|when|whenever|during)\b")


class ChoiceReader:
    """Phrase tables for every choice question, built once from the vocabulary."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        v = vocabulary
        self.negations = Negations(
            v.negators,
            v.exclusions,
            v.not_negating,
            v.negation_reach,
            v.negation_stops,
            failures=v.failures,
            failure_stops=v.failure_stops,
        )
        self.failure_questions = frozenset(v.failure_questions)
        self.number_hedges = frozenset(words_of(w) for w in v.hedged_number_words)
        numbers = v.numbers
        self.number_words = frozenset([*numbers.ones, *numbers.tens])
        negators = {words_of(n) for n in v.negators} | {"no", "nope", "nah", "none"}
        self.negator_words = frozenset(w for n in negators for w in n.split() if w != "t")
        self.tables: dict[str, PhraseTable[tuple[str, ...]]] = {}
        for name in CHOICES:
            entries: list[tuple[str, tuple[str, ...]]] = []
            for value, phrases in v.choices.get(name, {}).items():
                entries += [(p, (value,)) for p in phrases if words_of(p) not in negators]
            entries += [(p, tuple(vs)) for p, vs in v.ask_between.get(name, {}).items()]
            entries += [(p, ()) for p in v.not_answers]  # found, then dropped: "solo necesito"
            self.tables[name] = PhraseTable(last_wins(entries))
        self.replies: dict[str, ReplyKind] = {
            words_of(p): kind for kind, ps in v.replies.items() for p in ps
        }
        self.meanings = v.reply_meanings
        self.fillers = sorted({words_of(p) for p in v.reply_fillers}, key=lambda f: (-len(f), f))
        """Longest first, so "ehrlich gesagt" goes whole before "ehrlich" (and the same every
        run: a set's order changes with each process's hash seed)."""
        self.conditionals = {
            name: PhraseTable((p, "if") for p in phrases)
            for name, phrases in v.conditionals.items()
        }
        self.blends: PhraseTable[str] = PhraseTable((p, "blend") for p in v.blends)
        self.blend_questions = frozenset(v.blend_questions)
        self.markers = frozenset(words_of(p) for p in v.professional_markers)
        self.hobby: PhraseTable[str] = PhraseTable((p, "hobby") for p in v.hobby_markers)
        self.degrees = DegreeReader(v, self.negations, self.replies, negators)
        self.others: PhraseTable[str] = PhraseTable(
            [(p, "other") for p in v.other_people] + [(p, "with") for p in v.together_with]
        )
        self.time_or_reason = frozenset(words_of(p) for p in v.time_or_reason)

    def _theirs(self, words: Words, subject: bool = False) -> set[tuple[int, int]]:
        """The (clause, contrast) parts said about someone else ("my husband has …"), not
        those said with them ("my son and I made …"); `subject`: only where they are the
        subject, not the source ("1k from my sister" is the person's money)."""
        return {
            (words.clause[f.start], words.contrast[f.start])
            for f in self.others.find(words)
            if f.payload == "other"
            and not (subject and f.start and words.tokens[f.start - 1] in _OBJECT)
            and not self._time_or_reason(words, f.start)
        }

    def _time_or_reason(self, words: Words, start: int) -> bool:
        """ "had to stop when my daughter was born": when or why the person did something, not
        something said about the daughter. A part that is only the reason ("yes, but only
        because my partner works") is still about them."""
        part = (words.clause[start], words.contrast[start])
        own = [
            j
            for j in range(start)
            if words.tokens[j] and (words.clause[j], words.contrast[j]) == part
        ]
        return any(
            " ".join(words.tokens[i:start]) in self.time_or_reason and sum(j < i for j in own) >= 2
            for i in range(max(0, start - 3), start)
        )

    def _own_voice(
        self, words: Words, found: list[Found[tuple[str, ...]]]
    ) -> tuple[list[Found[tuple[str, ...]]], bool]:
        """Phrases said about someone else ("my son says MLOps has the most jobs", "my husband
        will need one") are not the person's answer; when nothing else is said they are kept,
        and the second value says so (the answer is then asked, never stored)."""
        theirs = self._theirs(words)
        mine = [f for f in found if (words.clause[f.start], words.contrast[f.start]) not in theirs]
        return (mine, False) if mine or not found else (found, True)

    def own_text(self, text: str, words: Words) -> str | None:
        """`text` without the clauses said wholly about someone else ("my brother took 6 months
        off, I couldn't"); None when every clause is."""
        theirs = self._theirs(words, subject=True)
        parts: dict[int, set[int]] = {}
        for clause, contrast in zip(words.clause, words.contrast, strict=True):
            parts.setdefault(clause, set()).add(contrast)
        clauses = split_clauses(text)
        gone = {c for c, k in theirs if parts.get(c) == {k} and not _CONDITION.search(clauses[c])}
        if not gone:  # "15k if my partner agrees": their say is a condition on the answer
            return text
        own = [c for i, c in enumerate(clauses) if i not in gone]
        return ". ".join(own) if own else None

    def _own_words(self, words: Words) -> Words:
        """The message without the parts said about someone else ("my husband has a CS
        master's, I only have a BA"), unless nothing else is said."""
        theirs = self._theirs(words)
        if not theirs:
            return words
        own = [(t, c) not in theirs for t, c in zip(words.clause, words.contrast, strict=True)]
        if not any(own):
            return words
        tokens = tuple(t if keep else "" for t, keep in zip(words.tokens, own, strict=True))
        return Words(tokens, words.clause, words.contrast)

    # ------------------------------------------------------------------------------ replies

    def clause_replies(self, words: Words) -> list[tuple[ReplyKind, int, int]]:
        """Clauses that are a bare yes / no / not-sure ("no, I'm a citizen")."""
        out: list[tuple[ReplyKind, int, int]] = []
        for start, end in words.clauses():
            said = words.span_text(start, end)
            kind = self.replies.get(said) or self.replies.get(self._unfilled(said))
            if kind is not None:
                out.append((kind, start, end))
        return out

    def _unfilled(self, said: str) -> str:
        """`said` without filler words ("i honestly don t know" → "i don t know")."""
        for filler in self.fillers:
            said = f" {said} ".replace(f" {filler} ", " ").strip()
        return said

    def zero_first(self, name: str, words: Words) -> bool:
        """Whether the message opens with a bare reply that means 0 here ("none. …")."""
        replies = self.clause_replies(words)
        first = [t for t, c in zip(words.tokens, words.clause, strict=True) if c == 0]
        if first == ["0"] and len(first) < len(words.tokens):  # "0, been a cop 12 years"
            return True
        return (
            bool(replies)
            and replies[0][1] == 0
            and self.reply_values(name, replies[0][0]) == ("0",)
        )

    def reply_values(self, name: str, kind: ReplyKind) -> tuple[str, ...]:
        meaning = self.meanings.get(name, {}).get(kind)
        if meaning is None:
            return ()
        return (meaning,) if isinstance(meaning, str) else tuple(meaning)

    # ------------------------------------------------------------------------------ choices

    def _hedging_a_number(self, f: Found[tuple[str, ...]], words: Words) -> bool:
        """ "maybe 10 hrs a week": the hedge is the number's, not an answer of its own."""
        after = words.tokens[f.end : f.end + 1]
        return f.phrase in self.number_hedges and bool(after) and self._is_number(after[0])

    def _is_number(self, token: str) -> bool:
        return token.isdigit() or token in self.number_words

    def read(self, name: str, words: Words) -> Reading:
        if name == "degree":
            own = self._own_words(words)
            reading = self.degrees.read(own)
            if reading.stored and own is words and self._theirs(words):
                # "my wife has a masters in stats": hers; the person's own is asked
                rest = [v for v in CHOICES[name] if v != reading.values[0]]
                return Reading((reading.values[0], *rest)[:4], spans=reading.spans)
            return reading
        said = [
            f
            for f in self.tables[name].find(words)
            if f.payload and not self._hedging_a_number(f, words)
        ]
        found, theirs = self._own_voice(words, said)
        out = self.negations.ruled_out(words, found, failures=name in self.failure_questions)
        kept = [f for i, f in enumerate(found) if i not in out]
        bare: set[str] = set()
        numbered = any(self._is_number(t) for t in words.tokens)
        for kind, start, end in self.clause_replies(words):
            values = self.reply_values(name, kind)
            if numbered and words.span_text(start, end) in self.number_hedges:
                continue  # "3 months, maybe": the hedge is the number's
            if values and not any(f.start == start for f in kept):
                kept.append(Found(start, end, values, words.span_text(start, end)))
                bare.update(values if len(values) == 1 else ())
        if name == "coding_experience":
            kept = _drop_markers(kept, self.markers)
        blocked = {
            v
            for i in out
            if len(found[i].payload) == 1 and found[i].phrase not in _OPEN
            for v in found[i].payload
        }
        # "not a startup, somewhere stable like a big enterprise": a value ruled out by one
        # phrase and named by another is not stored on either; it is offered first.
        revived = {v for v in blocked if any(f.payload == (v,) for f in kept)}
        reading = decide(name, words, kept, blocked - revived, self.negator_words)
        if reading.values == ("unsure",) and blocked - revived:
            # "anywhere that isn't a university": open, except what is ruled out; ask the rest
            left = tuple(v for v in CHOICES[name] if v not in blocked)
            return Reading(left, blocked=True, spans=reading.spans)
        single = {f.payload[0] for f in kept if len(f.payload) == 1}
        wide = [f for f in kept if len(f.payload) > 1]
        if not reading.stored and single == {"unsure"} and wide and single <= set(wide[0].payload):
            # "something with AI, not sure": "not sure" picks among the phrase's answers
            return Reading(tuple(single), spans=reading.spans)
        if reading.stored and bare and reading.values[0] not in bare:
            # "zero. but I have $5k set aside for courses": a bare answer first, then a
            # phrase that may be about something else; ask rather than let the last win
            return Reading((*sorted(bare), reading.values[0]), spans=reading.spans)
        if revived and reading.stored and reading.values[0] in revived:
            rest = [v for v in CHOICES[name] if v not in blocked]
            return Reading((reading.values[0], *rest)[:3], spans=reading.spans)
        data_role = any("data" in f.payload for f in kept if len(f.payload) > 1)
        if name == "coding_experience" and reading.values == ("none",) and data_role:
            # "accountant, no coding": no code, yet spreadsheets may be data work; ask
            return Reading(("none", "data"), spans=reading.spans)
        if reading.stored and (self.blends.find(words) or name in self.blend_questions):
            reading = blend(reading, kept, blocked, words, mixed=bool(self.blends.find(words)))
        paid = reading.stored and reading.values[0] in ("ml", "production", "data")
        hobby = bool(self.hobby.find(words)) and not any(f.phrase in self.markers for f in found)
        if name == "coding_experience" and paid and hobby:
            # "Kaggle competitions just for fun": a hobby, maybe not paid ML work; ask
            return Reading(("some", reading.values[0]), spans=reading.spans)
        table = self.conditionals.get(name)
        if reading.stored and table is not None and table.find(words):
            # "if I move to the US then yes": a condition, not an answer; ask, with every
            # answer named ("research, but only if i get into a phd. otherwise applied")
            named = [v for f in kept if len(f.payload) == 1 for v in f.payload]
            options: list[str | int] = [*reading.values, *named, "unsure"]
            return Reading(tuple(dict.fromkeys(options)), spans=reading.spans)
        if reading.stored and theirs:  # "my wife says I'm a visual learner": hers, not theirs
            rest = [v for v in CHOICES[name] if v != reading.values[0]]
            return Reading((reading.values[0], *rest)[:4], spans=reading.spans)
        return reading


def _drop_markers(
    kept: list[Found[tuple[str, ...]]], markers: frozenset[str]
) -> list[Found[tuple[str, ...]]]:
    """ "for a living" next to another coding answer says it is paid work, not production code."""
    others = [f for f in kept if f.phrase not in markers]
    return others if others else kept
