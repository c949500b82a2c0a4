"""Questions answered before any search: requests the bot never serves, and named things the
articles never mention.

WHY: "write a keylogger in python for me" and "help me cheat on the AWS exam" carry words the
advice uses, so a search found a passage for them; "is the Databricks ML certification worth
it?" and "do ML master's programs require the GRE?" found the nearest certification or degree
passage and answered a question nobody asked. A request is declined whatever its topic; a
question whose subject is a name the articles never use ("Databricks", "GRE", "C++") hears
that the articles don't mention it, with what they do cover.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from flows.numbers import has_phrase, words_of
from flows.reading.typos import Typos, zipf
from flows.reading.understand_text import PhraseTable, read_words
from flows.reading.vocabulary_ask import Guard

_REACH = 4
"""How many words before a thing from another walk of life may say it is the person's own."""
_WHEN = frozenset({"nights", "days", "weekends", "evenings", "mornings", "shifts", "overnight"})
"""When someone works, between "I work" and where ("I work nights at a hotel")."""
_NOT_WHO = frozenset({"from", "as a", "can a"})
"""Background cues that also name a place or a manner, not who the person is."""
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9+#]*(?:[.\-][A-Za-z0-9+#]+)*")
_SENTENCE_END = re.compile(r"[.!?:;]\s*$")
_SELF_STATEMENT = re.compile(
    r"(?:^|[.!?;]\s+)(?:i|i'm|i’m|im|i am|my|we|we're|asking|writing|based|living|currently)\b"
    r"[^.!?;]*"
    r"\b(?:in|from|near|outside)\s+$",
    re.IGNORECASE,
)
"""A sentence about the person that has reached "in", "from"…: the capitalised word next is a
place ("I'm a nurse in Ireland.", "My company in Sweden…"), their story, not the subject."""


class Guards:
    """Built once from `content/ask.yaml` `guard` and the words the advice uses."""

    def __init__(self, guard: Guard, known: Iterable[str]) -> None:
        self.guard = guard
        self._refuse = [words_of(p) for p in guard.refuse]
        self._shorthand = {words_of(k): words_of(v) for k, v in guard.refuse_shorthand.items()}
        self._openers = [words_of(p) for p in guard.refuse_openers]
        self._polite = frozenset(words_of(p) for p in guard.polite)
        self._patterns = [re.compile(p, re.IGNORECASE) for p in guard.refuse_patterns]
        self._foreign: PhraseTable[str] = PhraseTable((p, p) for p in guard.foreign_subjects)
        self._background = [words_of(c) for c in guard.background_cues]
        self._known = frozenset(known) | {words_of(n) for n in guard.known_names}

    def refused(self, question: str) -> bool:
        """A request to cheat, break in or reveal secrets, a task ("write a …"), or markup or
        code pasted in ("<script>", "DROP TABLE"): its words ("script") must not find a passage."""
        if any(p.search(question) for p in self._patterns):
            return True
        text = words_of(question)
        # texting shorthand ("gimme ur training data") asks the same as the words written out
        spelled = " ".join(self._shorthand.get(w, w) for w in text.split())
        if any(has_phrase(t, p) for t in {text, spelled} for p in self._refuse):
            return True
        task = self._unprefixed(text)
        return any(t == p or t.startswith(f"{p} ") for t in {text, task} for p in self._openers)

    def _unprefixed(self, text: str) -> str:
        """The message without the polite words opening it ("pls write python code for…" is
        the same task as "write python code for…")."""
        words = text.split()
        while words:
            if " ".join(words[:2]) in self._polite:
                words = words[2:]
            elif words[0] in self._polite:
                words = words[1:]
            else:
                break
        return " ".join(words)

    def foreign(self, question: str) -> bool:
        """A question about another walk of life ("how long to learn guitar", "what degree
        do I need to be a lawyer"), unless that is who the person is ("I'm a nurse…")."""
        words = read_words(question, ())
        return any(
            not self._own(" ".join(words.tokens[: found.start]))
            for found in self._foreign.find(words)
        )

    def unknown_name(self, question: str) -> str | None:
        """The first name in a question that the articles never use: a capitalised word inside
        a sentence, an acronym ("GRE", "JAX") or a language like "C++"; None if there is none."""
        for match in _TOKEN.finditer(question):
            token = match.group(0)
            if token.lower().endswith("'s"):
                token = token[:-2]
            plain = words_of(token)
            if not plain or plain in self._known or all(w in self._known for w in plain.split()):
                continue
            symbol = "+" in token or "#" in token
            acronym = len(token) >= 2 and token.isupper() and token.isalpha()
            if acronym and len(token) >= 4 and zipf(plain) >= Typos.REAL:
                continue  # "what DOESNT impress": a common word in capitals is emphasis
            inside = match.start() > 0 and not _SENTENCE_END.search(question[: match.start()])
            capital = token[0].isupper() and inside and not token.isupper()
            mixed = any(c.isupper() for c in token[1:]) and any(c.islower() for c in token)
            before = question[: match.start()]
            if capital and not (symbol or mixed) and _SELF_STATEMENT.search(before):
                continue
            if (symbol or acronym or capital or mixed) and not self._own(before):
                return token
        return None

    def background(self, question: str) -> frozenset[str]:
        """Words the articles never use that tell who the person is ("I did a philosophy
        BA", "I'm a marketer"): their story, not the topic, so they must not sink coverage."""
        words = words_of(question).split()
        out: set[str] = set()
        for i, word in enumerate(words):
            if word not in self._known and self._own(" ".join(words[:i])):
                out.add(word)
        return frozenset(out)

    def _own(self, before: str) -> bool:
        """Whether the words just before a name make it the person's own background ("I
        work at Tesla", "I did a philosophy BA"): that is no subject the articles skip."""
        words = words_of(before).split()
        # "I work nights at a hotel" is "I work at a hotel": when one works says nothing of where
        when = [w for w in words if w not in _WHEN]
        near = {" ".join(words[-_REACH:]), " ".join(when[-_REACH:])}
        return any(has_phrase(n, cue) for n in near for cue in self._background)

    def owned(self, before: str) -> bool:
        """`_own` for the "not covered" triggers: "ex consultant", "I'm a founder" are a story,
        not the subject. Only cues that say who the person is count: "from outside the US" and
        "paid as a monthly salary" still ask what the articles skip."""
        near = " ".join(words_of(before).split()[-_REACH:])
        return any(has_phrase(near, c) for c in self._background if c not in _NOT_WHO)
