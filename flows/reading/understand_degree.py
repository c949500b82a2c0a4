"""Reading the degree question: the level held outranks the subject, and a degree nearly
finished is asked about.

WHY: "MS in statistics" used to be stored as a bachelor's because the subject word was longer
than the level; "final year of my CS bachelor, graduating in june" is a bachelor's in a few
months, so which one counts is the person's call ("Did you mean …?"), not a guess.
"""

from __future__ import annotations

from collections.abc import Mapping

from flows.numbers import words_of
from flows.reading.understand_reading import NOTHING, Reading
from flows.reading.understand_text import Found, Negations, PhraseTable, Words, last_wins
from flows.reading.vocabulary import ReplyKind, Vocabulary

_LEVELS = ("none", "bachelor", "graduate")
_UNFINISHED = ("incomplete", "finishing")


_COMPUTER_SCIENCE = frozenset({"cs", "computer science", "comp sci", "compsci"})
"""Subjects that are CS itself, not merely related to it."""


class DegreeReader:
    """Phrase tables for levels and subjects, built once from the vocabulary."""

    def __init__(
        self,
        v: Vocabulary,
        negations: Negations,
        replies: Mapping[str, ReplyKind],
        negators: set[str],
    ) -> None:
        d = v.degree
        level_entries = (
            [(p, "graduate") for p in d.graduate]
            + [(p, "bachelor") for p in d.bachelor]
            + [(p, "none") for p in d.none if words_of(p) not in negators]
            + [(p, "nearest_none") for p in d.nearest_none]
            + [(p, "incomplete") for p in d.incomplete]
            + [(p, "finishing") for p in d.finishing]
            + [(p, "completed") for p in d.completed]
            + [(p, "not_study") for p in d.not_study]  # "a student visa": no degree named
        )
        self.negations = negations
        self.replies = replies
        self.levels: PhraseTable[str] = PhraseTable(level_entries)
        self.business = {words_of(p) for p in d.business_graduate}
        self.generic = {"degree", "a degree", "graduated"}
        self.consequences: PhraseTable[str] = PhraseTable((p, "so") for p in d.consequences)
        self.left_unfinished = frozenset(words_of(p) for p in d.left_unfinished)
        self.subjects: PhraseTable[str] = PhraseTable(
            last_wins(
                [(p, "related") for p in d.related]
                + [(p, "other") for p in d.other]
                + [(p, "ask") for p in d.ask_subject]
            )
        )

    def read(self, words: Words) -> Reading:
        """The level held (none < bachelor < graduate) first, then whether its subject is CS or
        related; a missing subject is asked about, never guessed."""
        levels = [
            f
            for f in self.levels.find(words)
            if not _contraction(f, words) and f.payload != "not_study"
        ]
        if not levels and self.replies.get(words.text) == "no":
            return Reading(("none",))  # "no" / "nope": no degree
        subjects = [s for s in self.subjects.find(words) if not _inside(s, levels)]
        # "I don't have a CS degree": a negation reaches past "have" to what is not held
        merged = sorted(
            [*(f for f in levels if f.payload != "completed"), *subjects], key=lambda f: f.start
        )
        out = self.negations.ruled_out(words, merged)
        negated = {(merged[i].start, merged[i].end) for i in out}
        neg_levels = {f.phrase for f in levels if (f.start, f.end) in negated}
        denied_subject = any((f.start, f.end) in negated for f in subjects)
        levels = [f for f in levels if (f.start, f.end) not in negated]
        subjects = [f for f in subjects if (f.start, f.end) not in negated]
        spans = tuple((f.start, f.end) for f in [*levels, *subjects])
        held = [f for f in levels if f.payload in _LEVELS]
        states = _attach(levels, held, words, self.consequences, self.left_unfinished)
        unfinished = any(f.payload in _UNFINISHED for f in levels)
        if not held and neg_levels & (self.generic | {"bachelor", "bachelors", "bachelor s"}):
            return Reading(("none",), spans=spans)  # "I don't have a degree"
        if not held:
            if any(f.payload == "nearest_none" for f in levels):
                return Reading(("none",), note="associate", spans=spans)
            if unfinished:
                return Reading(("none",), note="in_progress", spans=spans)
            return _subject_only(subjects, spans)
        top = max(held, key=lambda f: _rank(f, states.get(f.start), self.generic))
        if denied_subject and not subjects and top.phrase in self.generic:
            # "I don't have a CS degree": another field's, or none at all? Asked
            return Reading(("bachelor_other", "none", "graduate_other"), spans=spans)
        twin = any(f.payload == top.payload and f.start != top.start for f in held)
        kinds = {s.payload for s in subjects}
        if twin and {"related", "other"} <= kinds and states.get(top.start) not in _UNFINISHED:
            # "BA english + BS applied math": two of the level held, one related; asked
            return self._held(top.payload, None, top, subjects, spans)
        if top.phrase not in self.business:  # "an MBA and a CS bachelor": CS still matters
            subjects = _own_subjects(top, held, subjects, words)
        state = states.get(top.start)
        if state not in _UNFINISHED or top.payload == "none":
            return self._held(top.payload, None, top, subjects, spans)
        below = self._held(
            _LEVELS[_LEVELS.index(top.payload) - 1], "in_progress", top, subjects, spans
        )
        if state == "incomplete" and below.stored and str(below.values[0]).startswith("bachelor"):
            # "MSc data science (ongoing)": a bachelor's is held, but its subject is not said
            other = "bachelor_other" if below.values[0] == "bachelor_cs" else "bachelor_cs"
            return Reading((below.values[0], other), spans=spans)
        if state == "incomplete":
            return below
        # nearly finished ("final year of my CS bachelor"): the level below or the one held soon
        done = self._held(top.payload, None, top, subjects, spans)
        return Reading(tuple(dict.fromkeys([*below.values, *done.values])), spans=spans)

    def _held(
        self,
        level: str,
        note: str | None,
        top: Found[str],
        subjects: list[Found[str]],
        spans: tuple[tuple[int, int], ...],
    ) -> Reading:
        if level == "none":
            return Reading(("none",), note=note, spans=spans)
        if level == "graduate" and top.phrase in self.business:
            related = [s for s in subjects if s.payload == "related"]
            if related:
                return Reading(("graduate", "graduate_other"), spans=spans)
            if note is not None:
                return Reading(("graduate_other",), note=note, spans=spans)
            first, *rest = top.phrase.split()  # "mba", "llm in" → MBA, LLM; "master of laws"
            named = first.upper() if len(first) <= 4 and len(rest) <= 1 else top.phrase
            return Reading(
                ("graduate_other",), note="mba", note_values={"degree": named}, spans=spans
            )
        kinds = {s.payload for s in subjects}
        cs, other = ("bachelor_cs", "bachelor_other")
        if level == "graduate":
            cs, other = ("graduate", "graduate_other")
        if not subjects or "ask" in kinds or len(kinds) > 1:
            return Reading((cs, other), spans=spans)
        subject = subjects[0]
        if note is None and top.phrase in self.generic:
            note = "bare_degree"
        key: str | None = note or (
            "subject_related" if subject.payload == "related" else "subject_other"
        )
        if key == "subject_related" and subject.phrase in _COMPUTER_SCIENCE:
            key = None  # "a master's in CS" needs no "CS counts as related to CS"
        return Reading(
            (cs if subject.payload == "related" else other,),
            note=key,
            note_values={"subject": subject.phrase},
            spans=spans,
        )


def _attach(
    levels: list[Found[str]],
    held: list[Found[str]],
    words: Words,
    consequences: PhraseTable[str],
    left_unfinished: frozenset[str] = frozenset(),
) -> dict[int, str]:
    """Which level each "dropped out" / "final year" / "left with" marker is about: the first
    level after it in its clause and contrast, else the nearest one before it in its clause.
    WHY: "started a PhD but left with a master's" holds a master's; a marker on one level says
    nothing about another ("dropped out of my PhD after getting my master's")."""
    states: dict[int, tuple[tuple[bool, int], str]] = {}
    for marker in (f for f in levels if f.payload not in _LEVELS):
        same = [h for h in held if words.clause[h.start] == words.clause[marker.start]]
        after = [
            h
            for h in same
            if h.start >= marker.end and words.contrast[h.start] == words.contrast[marker.start]
        ]
        before = [h for h in same if h.end <= marker.start]
        target = after[0] if after else (before[-1] if before else None)
        if after and before and consequences.find(words, marker.end, after[0].start):
            target = before[-1]  # "started a master's but dropped out, so just my bachelor's"
        clause = [i for i, c in enumerate(words.clause) if c == words.clause[marker.start]]
        if target is None and (
            clause == list(range(marker.start, marker.end))
            or (marker.start - clause[0] <= 2 and marker.phrase in left_unfinished)
        ):
            # the marker alone in its clause ("MSc data science (ongoing)") or opening it ("a
            # BA in art, dropped out when i had my first"): the level before
            target = next((h for h in reversed(held) if h.end <= marker.start), None)
            if target is not None and any(
                f.payload not in _LEVELS and target.end <= f.start < marker.start for f in levels
            ):
                target = None  # "a BA, now doing a master's (2nd year)": the master's year
        if target is not None:  # the nearest marker in front wins ("completed three years
            # toward a business degree": toward, not completed)
            rank = (target.start < marker.start, abs(target.start - marker.end))
            if target.start not in states or rank < states[target.start][0]:
                states[target.start] = (rank, marker.payload)
    return {start: state for start, (_, state) in states.items()}


def _rank(found: Found[str], state: str | None, generic: set[str]) -> tuple[int, int, bool]:
    """A level not finished ranks as the one below it; a held one before one in progress."""
    level = _LEVELS.index(found.payload)
    dropped = state in _UNFINISHED and level > 0
    return (level - dropped, not dropped, found.phrase not in generic)


def _own_subjects(
    top: Found[str], held: list[Found[str]], subjects: list[Found[str]], words: Words
) -> list[Found[str]]:
    """The subjects of the level held: each subject belongs to the nearest level, in its clause
    first. WHY: "a bachelor's in statistics and a master's in public policy" is not a master's
    in statistics, and in "a teacher with a history BA" history is the BA's subject."""

    def distance(subject: Found[str], level: Found[str]) -> tuple[bool, int, bool]:
        gap = subject.start - level.end if level.end <= subject.start else level.start - subject.end
        apart = words.clause[subject.start] != words.clause[level.start]
        return (apart, gap, level.start > subject.start)

    if len(held) < 2:
        return subjects
    return [s for s in subjects if min(held, key=lambda h: distance(s, h)) is top]


def _subject_only(subjects: list[Found[str]], spans: tuple[tuple[int, int], ...]) -> Reading:
    kinds = {s.payload for s in subjects}
    if not subjects:
        return NOTHING
    if kinds == {"related"}:
        return Reading(("bachelor_cs", "graduate"), spans=spans)
    if kinds == {"other"}:
        return Reading(("bachelor_other", "graduate_other"), spans=spans)
    return Reading(("bachelor_cs", "bachelor_other", "graduate", "graduate_other"), spans=spans)


def _contraction(found: Found[str], words: Words) -> bool:
    """ "I'm a teacher" reads as "i m a": that "m a" is not a Master of Arts."""
    return (
        found.phrase in ("m a", "m s") and found.start > 0 and words.tokens[found.start - 1] == "i"
    )


def _inside(found: Found[str], others: list[Found[str]]) -> bool:
    return any(o.start <= found.start and found.end <= o.end for o in others)
