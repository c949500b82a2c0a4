"""A figure asked for one place: the articles give none.

WHY: the two articles name no country, region or city, so every cost, length and hour count
they give holds for no place in particular. "What do bootcamps cost in India", "how much is a
master's in Canada" and "are there cheaper programs in Europe" found the certificate or degree
passage and answered with its figure, as if it were India's or Canada's. A question that asks
for a figure (`content/ask.yaml` `figures.cues`) and names a place now hears that the articles
give no place's figures, with their own offered as a topic. Listing each country beside each
figure one held-out miss at a time never ended; the world's places come from content/places.tsv.

The articles' own figures are American (writers who had never seen our tuning sets took "what
does a master's cost in the US" as answered by them), so the United States is no other place
(`home` in ask.yaml). A place someone says is theirs ("I live in India, how much does it
cost?") is their story, not the subject: it does not count. Gatherings asked for in one place
("any good MLOps meetups in Berlin?") are that place's too: the articles say to go to local
meetups and hackathons, and list none anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from flows.numbers import has_phrase, words_of
from flows.reading.timezones import city_names, country_names
from flows.reading.vocabulary_ask import PlaceFigures

_SENTENCES = re.compile(r"[?.!;\n]+")
_LONGEST = 3
"""The most words a place name has here ("united arab emirates", "south east asia")."""
_REACH = 3
"""How many words before "in" may say the place is the person's own ("I'm currently in")."""
_NO_ADJECTIVES = frozenset({"english"})
"""Names in the nationality list that say no place before a noun ("english classes")."""


class PlaceNames:
    """Finds the place a question asks about; built once per index."""

    def __init__(
        self,
        places: PlaceFigures,
        nationalities: Iterable[str],
    ) -> None:
        self._before = frozenset(words_of(w) for w in places.before)
        self._not = frozenset(words_of(w) for w in places.not_places)
        home = {words_of(h) for h in places.home}
        self._wide = (set(country_names()) | {words_of(r) for r in places.regions}) - home
        self._cities = set(city_names()) - self._wide
        self._adjectives = {words_of(n) for n in nationalities} - _NO_ADJECTIVES - home
        self._own = [words_of(w) for w in places.own]
        self._depends = [words_of(w) for w in places.depends]
        self._local = [words_of(w) for w in places.local]
        self._available = [words_of(w) for w in places.available]
        self._compare = [words_of(w) for w in places.compare]
        self._visa_words = [words_of(w) for w in places.visa]
        self._home_named = [h for h in home if len(h) > 2]  # "us" alone is mostly "us"

    def gathering(self, sentence: str) -> bool:
        """Whether a sentence asks for gatherings that belong to a place ("any mlops meetups")."""
        text = words_of(sentence)
        return any(has_phrase(text, w) for w in self._local)

    def available(self, sentence: str) -> bool:
        """Whether a sentence asks where something runs ("is the immersive available in
        australia"); a visa question is left to the visa passages."""
        text = words_of(sentence)
        return any(has_phrase(text, w) for w in self._available) and not self._visa(text)

    def compared(self, question: str) -> str | None:
        """A place weighed against another in one sentence ("an ml masters in the uk or the
        us"): the articles compare no places."""
        for sentence in _SENTENCES.split(question):
            text = words_of(sentence)
            found = self._in_sentence(sentence)
            if (
                found is None
                or self._visa(text)
                or not any(has_phrase(text, c) for c in self._compare)
            ):
                continue
            rest = text.split(found, 1)[-1]
            if self._in_sentence(rest) or any(has_phrase(text, h) for h in self._home_named):
                return found
        return None

    def _visa(self, text: str) -> bool:
        return any(has_phrase(text, v) for v in self._visa_words)

    def named(self, question: str, asks_figure: Callable[[str], bool]) -> str | None:
        """The first place named in a sentence that asks for a figure, or None ("how much is
        a bootcamp in India" → "india"; not "how long is a master's? in Japan it's 2 years")."""
        for sentence in _SENTENCES.split(question):
            if asks_figure(sentence) and (found := self._in_sentence(sentence)):
                return found
        return None

    def _in_sentence(self, sentence: str) -> str | None:
        words = words_of(sentence).split()
        depends = any(has_phrase(" ".join(words), d) for d in self._depends)
        for i, word in enumerate(words):
            found = None
            if word in self._before:
                found = self._after(words, i + 1)
            elif word in self._adjectives and i + 1 < len(words):
                found = word  # "indian universities", "german bootcamps"
            if found and (depends or not self._owned(words[max(0, i - _REACH) : i])):
                return found
        return None

    def _owned(self, before: list[str]) -> bool:
        near = " ".join(before)
        return any(has_phrase(near, cue) for cue in self._own)

    def _after(self, words: list[str], start: int) -> str | None:
        for size in range(_LONGEST, 0, -1):
            name = " ".join(words[start : start + size])
            if len(name.split()) < size or name in self._not:
                continue
            if name in self._wide or name in self._cities:
                return name
        return None
