"""Whether typed text is a question rather than an answer.

WHY apart: the line is fine-grained ("can I pay later" asks; "can put in 10 hrs a week" answers
with "I" dropped; "10 hours enough?" asks; "not many. 5?" answers) and every word it rests on
is in `content/vocabulary.yaml`.
"""

from __future__ import annotations

import re

from flows.numbers import words_of
from flows.reading.understand_text import PhraseTable, read_words
from flows.reading.vocabulary import Vocabulary


class QuestionShape:
    """Built once per Understander; `is_question` is pure."""

    def __init__(self, v: Vocabulary) -> None:
        self.openers = frozenset(words_of(w) for w in v.question_openers)
        self.hedged: PhraseTable[str] = PhraseTable((p, "hedge") for p in v.hedged_answer_words)
        self.hedges = frozenset(words_of(w) for w in v.hedged_number_words)
        self.modals = frozenset(words_of(w) for w in v.dropped_subject_modals)
        self.subjects = frozenset(words_of(w) for w in v.question_subjects)
        self.tags = frozenset(words_of(w) for w in v.tag_questions)
        self.fillers = frozenset(w for w in map(words_of, v.reply_fillers) if " " not in w)
        self.tails = tuple(words_of(w).split() for w in v.question_tails)

    def is_question(self, text: str) -> bool:
        """A question mark, or an opening word like 'how' / 'is' / 'can' (not "can't", and not a
        modal whose subject was dropped: "can put in 10 hrs a week" is an answer)."""
        words = words_of(text).split()
        while len(words) > 1 and words[0] in self.fillers:  # "uh what's an h1b"
            words = words[1:]
        if text.strip().endswith("?"):  # "not many. 5?" is a hedged answer, not a question
            if words and words[0] not in self.openers and self.hedged.find(read_words(text, ())):
                return False  # "data scientist i guess?"
            sentences = [words_of(s) for s in re.split(r"[.!?,;]+", text) if words_of(s)]
            if len(sentences) > 1 and sentences[-1] in self.tags and words[0] not in self.openers:
                return False  # "research, even tho i dont have a phd. is that dumb?"
            rest = [w for w in words if not any(c.isdigit() for c in w) and w not in self.hedges]
            return rest != [] or not any(c.isdigit() for c in text)
        asked = [m.group(0) for m in _SENTENCE.finditer(text) if m.group(0).strip().endswith("?")]
        if asked and not text.strip().endswith("?"):
            # "paid for it 3 yrs. is that 'production'? no idea": a question in the middle
            opening = [words_of(q).split()[:1] for q in asked]
            if any(o and o[0] in self.openers for o in opening):
                return True
        if len(words) > 1 and any(words[-len(tail) :] == tail for tail in self.tails):
            return True  # "sponsor what exactly": a question without its mark
        if not words or words[0] not in self.openers or words[1:2] == ["t"]:
            return False
        return not (words[0] in self.modals and words[1:2] and words[1] not in self.subjects)

    def statements(self, text: str) -> str:
        """The sentences of a message that has a question in it which are not questions
        themselves ("does excel count? pivot tables all day at my job" → "pivot tables all day
        at my job"); empty when every sentence asks. A bare number asked ("20?") is dropped
        with its question: the answer said after it stands on its own ("ok then 20")."""
        kept: list[str] = []
        for match in _SENTENCE.finditer(text):
            sentence = match.group(0).strip()
            if words_of(sentence) and not sentence.endswith("?") and not self.is_question(sentence):
                kept.append(sentence.rstrip(".!;"))
            elif head := self._answer_before(sentence):
                kept.append(head)
        return ". ".join(kept)

    def _answer_before(self, sentence: str) -> str:
        """The answer before a question asked in the same sentence ("BA in history, is that
        'another field'?" → "BA in history"); empty when the sentence opens with the question."""
        parts = _CLAUSE.split(sentence)
        for i in range(1, len(parts)):
            words = words_of(parts[i]).split()
            while words and words[0] in _LEADS:
                words = words[1:]
            if words and words[0] in self.openers and words[1:2] != ["t"]:
                head = ", ".join(parts[:i]).strip()
                first = words_of(head).split()[:1]
                return head if first and first[0] not in self.openers else ""
        return ""


_CLAUSE = re.compile(r"\s*,\s*|\s+-\s+")
_LEADS = frozenset({"but", "or", "and", "so", "hmm", "although", "though"})
"""Words that may lead a question on after an answer ("research engineer, but do I need a PhD")."""
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
"""A sentence with the marks that end it ("does excel count?", "ok then 20")."""
