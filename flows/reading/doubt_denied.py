"""Whether a message denies what a question counts: "11 years as a nurse, no software jobs",
"not even one month", "pharmacist in Porto for 15 years".

WHY apart from `doubt.py`: the doubt asks many things of a reading; this one question (may the
answer be none?) has its own tables, built here once per vocabulary.
"""

from __future__ import annotations

from flows.reading.understand_text import PhraseTable, Words
from flows.reading.vocabulary import Vocabulary


class Denials:
    """Built once per Doubt; every check is pure."""

    def __init__(self, v: Vocabulary, negators: PhraseTable[str]) -> None:
        d = v.doubt
        self.negators = negators
        self.nothing: PhraseTable[str] = PhraseTable((p, "nothing") for p in d.not_even)
        self.not_negating: PhraseTable[str] = PhraseTable((p, "fine") for p in v.not_negating)
        subjects = {**v.guards.number_subjects, **d.subjects}
        self.subjects = {
            name: PhraseTable((p, "subject") for p in phrases) for name, phrases in subjects.items()
        }
        self.number_words = frozenset([*v.numbers.ones, *v.numbers.tens])
        self.other_jobs = {
            name: PhraseTable((p, "job") for p in phrases) for name, phrases in d.other_jobs.items()
        }

    def denied(self, name: str, words: Words) -> bool:
        """ "11 years as a nurse, no software jobs", "not even one month", "I never make
        programs": the answer may be none, so none is offered too."""
        return (
            self._denied_subject(name, words)
            or bool(self.nothing.find(words))
            or self._other_job(name, words)
        )

    def _other_job(self, name: str, words: Words) -> bool:
        """ "Pharmacist in Porto for 15 years": a job that is not what the question counts, in
        a clause with a number that names nothing it does count ("2018 to 2022 at Accenture,
        then I switched to sales" is 4 years before sales; "I was an electrician for 15 years.
        coding only since…" offers none too)."""
        jobs, subjects = self.other_jobs.get(name), self.subjects.get(name)
        if jobs is None:
            return False
        counted = {
            words.clause[i]
            for i, token in enumerate(words.tokens)
            if token in self.number_words or any(c.isdigit() for c in token)
        }
        held = jobs.find(words)
        inside = {i for f in held for i in range(f.start, f.end)}  # "data" in "data entry"
        said = {
            words.clause[f.start]
            for f in (subjects.find(words) if subjects else ())
            if f.start not in inside
        }
        return any(words.clause[f.start] in counted - said for f in held)

    def _denied_subject(self, name: str, words: Words) -> bool:
        """A negation right before or after what the question counts ("no software jobs",
        "writing software was never my job")."""
        subjects = self.subjects.get(name)
        if subjects is None:
            return False
        said = {f.start for f in subjects.find(words)}
        fine = {f.start for f in self.not_negating.find(words)}  # "not only", "not sure"
        near = {
            i
            for n in self.negators.find(words)
            if n.start not in fine
            for i in range(n.end, n.end + 4)
        }
        before = {
            i
            for n in self.negators.find(words)
            if n.start not in fine
            for i in range(n.start - 3, n.start)
        }  # "writing software was never my job"
        return bool(said & near or said & before)
