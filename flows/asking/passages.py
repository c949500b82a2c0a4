"""Cutting the advice into passages that can be searched and shown on their own.

Generic over the pydantic models of `content/advice.yaml`: a section is a list of items (or one
item, or one string); an item's title is its question, title, name or months; its short text
fields become the passage, and long items are split into one passage per list ("what it gives
you", "the catches"). A new advice section only needs a topic name in `content/ask.yaml`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from flows.content import Content
from flows.numbers import words_of

_TITLE_FIELDS = ("question", "title", "name", "months")
_SKIP_FIELDS = frozenset({"id", "source", "order", "start_month", "end_month", "concurrent_with"})
_SPLIT_OVER = 700
"""Items with more text than this are split: one passage per list (what it gives, the catches…)."""


@dataclass(frozen=True, slots=True)
class Passage:
    id: str
    """Stable and readable: "faq/timeline", "paths/degree/limitations", "certifications/…"."""
    section: str
    topic: str
    title: str
    text: str
    items: tuple[str, ...]
    source: str | None
    """The source article's title, when the passage has one."""
    keywords: str = ""
    parts: tuple[str, ...] = ()
    """The list entries folded into one bullet ("Topics: a, b, c"), each on its own: finer
    probes for meaning ("which optimization concepts": "Optimization: gradient descent…")."""

    @property
    def key(self) -> str:
        """A short stable name for buttons (callback data is at most 64 bytes; ids can be long)."""
        return hashlib.blake2b(self.id.encode(), digest_size=5).hexdigest()


def _slug(text: str) -> str:
    return "-".join(words_of(text).split()[:6]) or "item"


def _text_of(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, BaseModel) and isinstance(getattr(value, "text", None), str):
        return str(getattr(value, "text"))  # noqa: B009 - Duration / Money carry their text
    return None


class Passages:
    """Cuts the advice models into passages, generically: any new section only needs an entry in
    `content/ask.yaml` (a topic name); an advice section in neither `sections` nor `skip` is an
    error at start-up, so nothing new goes unsearchable by accident."""

    def __init__(self, content: Content) -> None:
        self.ask = content.ask
        self.sources: dict[str, str] = {s.id: s.title for s in content.advice.sources}
        self.all: list[Passage] = []
        advice = content.advice
        for name in type(advice).model_fields:
            if name in self.ask.skip:
                continue
            if name not in self.ask.sections:
                raise ValueError(f"content/ask.yaml: advice section {name!r} is not indexed")
            value = getattr(advice, name)
            items = value if isinstance(value, list) else [value]
            for item in items:
                self.all.extend(self._item(name, item))
            if name in self.ask.lists:
                self.all.append(self._list(name, items))
        for note in content.notes.notes:
            pid = f"{note.about}/notes/{note.id}" if note.about else f"notes/{note.id}"
            self.all.append(self._make("notes", pid, note.title, note.text, (), note.source))

    def _label(self, field: str) -> str:
        return self.ask.field_labels.get(field, field.replace("_", " ").capitalize())

    def _keywords(self, pid: str, section: str) -> str:
        extra = [v for k, v in self.ask.keywords.items() if pid == k or pid.startswith(k + "/")]
        return " ".join([self.ask.sections[section].keywords, *extra]).strip()

    def _make(
        self,
        section: str,
        pid: str,
        title: str,
        text: str,
        items: tuple[str, ...],
        src: object,
        parts: tuple[str, ...] = (),
    ) -> Passage:
        spec = self.ask.sections[section]
        source = self.sources.get(str(src)) if src else self.sources.get(str(spec.source))
        keywords = self._keywords(pid, section)
        return Passage(pid, section, spec.topic, title, text, items, source, keywords, parts)

    def _list(self, section: str, items: list[object]) -> Passage:
        """A whole section as one passage: one line per item (a template in ask.yaml)."""
        spec = self.ask.lists[section]
        lines = tuple(
            spec.item.format(**{k: _text_of(v) or v for k, v in dict(item).items()})
            for item in items
            if isinstance(item, BaseModel)
        )
        sources = {str(getattr(i, "source", "")) for i in items} - {""}
        source = sources.pop() if len(sources) == 1 else None
        return self._make(section, f"list/{section}", spec.title, "", lines, source)

    def _item(self, section: str, item: object) -> Iterator[Passage]:
        spec = self.ask.sections[section]
        if isinstance(item, str):
            yield self._make(section, section, spec.topic, item, (), None)
            return
        if not isinstance(item, BaseModel):
            return
        fields = dict(item)
        title_field = next((f for f in _TITLE_FIELDS if isinstance(fields.get(f), str)), None)
        if spec.title:
            title = spec.title.format(**{k: _text_of(v) or v for k, v in fields.items()})
        else:
            title = str(fields[title_field]) if title_field else spec.topic
        pid = f"{section}/{fields.get('id') or _slug(title)}"
        source = fields.get("source")
        lines: list[str] = []
        lists: dict[str, tuple[str, ...]] = {}
        nested: list[BaseModel] = []
        for field, value in fields.items():
            if field in _SKIP_FIELDS or field == title_field:
                continue
            text = _text_of(value)
            if text is not None:
                lines.append(
                    text if field in ("text", "answer") else f"{self._label(field)}: {text}"
                )
            elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
                lists[field] = tuple(value)
            elif isinstance(value, list):
                nested += [v for v in value if isinstance(v, BaseModel)]
        size = sum(map(len, lines)) + sum(len(i) for v in lists.values() for i in v)
        if size <= _SPLIT_OVER:
            bullets = tuple(f"{self._label(f)}: {', '.join(v)}" for f, v in lists.items())
            parts = tuple(v for values in lists.values() for v in values)
            yield self._make(section, pid, title, "\n".join(lines), bullets, source, parts)
        else:
            yield self._make(section, pid, title, "\n".join(lines), (), source)
            for field, values in lists.items():
                sub = f"{title}: {self._label(field).lower()}"
                yield self._make(section, f"{pid}/{field}", sub, "", values, source)
        for model in nested:
            sub_fields = dict(model)
            sub_title = str(sub_fields.get("title") or title)
            body = " ".join(
                t
                for f, v in sub_fields.items()
                if f != "title" and f not in _SKIP_FIELDS and (t := _text_of(v)) is not None
            )
            yield self._make(section, f"{pid}/{_slug(sub_title)}", sub_title, body, (), source)
