"""Deciding one choice answer from the phrases a message names: the last side of a contrast
wins, a definite answer beats a phrase that only narrows it, and different answers are asked.

WHY apart from `understand_choice.py`: that module finds the phrases and what rules them out;
this one is the decision over what is left, shared by every choice question but the degree.
"""

from __future__ import annotations

from flows.reading.answer_model import CHOICES
from flows.reading.understand_reading import NOTHING, Reading
from flows.reading.understand_text import Found, Words

_ALSO = frozenset({"also", "too"})
"""On the later side of a contrast, these add an answer to the earlier one instead of replacing
it ("applied ml probably, but MLOps also sounds cool"): both are offered."""


def decide(
    name: str,
    words: Words,
    kept: list[Found[tuple[str, ...]]],
    blocked: set[str],
    negators: frozenset[str] = frozenset(),
) -> Reading:
    """One answer from the phrases found: the last side of a contrast wins; a definite value
    wins over a phrase that only narrows it down; different answers are asked about."""
    spans = tuple((f.start, f.end) for f in kept)
    if not kept:
        if blocked:
            rest = tuple(v for v in CHOICES[name] if v not in blocked)
            return Reading(rest, blocked=True)
        return NOTHING
    last = max(words.contrast[f.start] for f in kept)
    later = [f for f in kept if words.contrast[f.start] == last]
    earlier = {f.payload[0] for f in kept if len(f.payload) == 1} - {
        f.payload[0] for f in later if len(f.payload) == 1
    }
    later_side = {i for i, c in enumerate(words.contrast) if c == last}
    also = any(words.tokens[i] in _ALSO for i in later_side)
    if earlier and (also or any(negators & set(f.phrase.split()) for f in later)):
        # "applied ml probably, but MLOps also sounds cool": the later side adds, not replaces
        # "I used to be a developer but haven't coded in years": a contrast ending in a
        # negative does not undo the first answer; ask.
        values = [*dict.fromkeys([*(v for f in kept for v in f.payload if v not in blocked)])]
        return Reading(tuple(values[:4]), spans=spans)
    if earlier and {v for f in later for v in f.payload} == {"unsure"}:
        # "probably applied, but i'm open": a lean, then openness; the lean is offered first
        leaning = [v for f in kept if len(f.payload) == 1 for v in f.payload if v in earlier]
        return Reading((*dict.fromkeys(leaning), "unsure")[:4], spans=spans)
    kept = later
    definite = {f.payload[0] for f in kept if len(f.payload) == 1} - blocked
    narrowing = [set(f.payload) - blocked for f in kept if len(f.payload) > 1]
    if len(definite) == 1:
        value = next(iter(definite))
        if (all(value in n for n in narrowing) or not narrowing) and not _modified(kept):
            return Reading((value,), spans=spans)
    ordered: list[str] = []
    for f in kept:
        ordered += [v for v in f.payload if v not in blocked and v not in ordered]
    if len(definite) > 1:
        ordered = [v for v in ordered if v in definite] or ordered
    if not definite and blocked and len(ordered) == 1:
        # "qa tester, no scripting": ruling out one of a vague phrase's answers names no other
        ordered = []
    if not ordered:
        rest = tuple(v for v in CHOICES[name] if v not in blocked)
        return Reading(rest, blocked=True, spans=spans)
    return Reading(tuple(ordered[:4]), spans=spans)


def blend(
    reading: Reading,
    kept: list[Found[tuple[str, ...]]],
    blocked: set[str],
    words: Words,
    mixed: bool,
) -> Reading:
    """A mix named ("a mix of a course and my own projects") offers every answer named; on a
    question whose answers combine, so does a contrast ("structured but self paced")."""
    stored = reading.values[0]
    if mixed:
        named = [v for f in kept for v in f.payload]
    else:
        last = max(words.contrast[f.start] for f in kept)
        named = [
            f.payload[0] for f in kept if len(f.payload) == 1 and words.contrast[f.start] < last
        ]
        # "udemy courses at my own pace": a course is self-paced or structured; both named
        if sum(f.payload == (stored,) for f in kept) == 1:
            # "udemy courses at my own pace": a course is self-paced or structured; both named
            named += [
                v for f in kept if len(f.payload) > 1 and stored in f.payload for v in f.payload
            ]
    values = tuple(dict.fromkeys(v for v in [stored, *named] if v not in blocked))
    return Reading(values[:4], spans=reading.spans) if len(values) > 1 else reading


def _modified(kept: list[Found[tuple[str, ...]]]) -> bool:
    """A phrase naming several answers right before a definite one modifies it ("a fintech
    startup" is a startup that may be regulated): the compound is asked about."""
    starts = {f.start: f for f in kept if len(f.payload) == 1}
    return any(
        len(f.payload) > 1 and f.end in starts and set(f.payload) - set(starts[f.end].payload)
        for f in kept
    )
