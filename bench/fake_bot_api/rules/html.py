"""The HTML parse mode: what Telegram stores for an HTML text, and why it would reject one.

Mirrors Telegram's parser closely enough to catch what makes the real API answer "can't parse
entities" (unknown or unclosed tags, bare ``<`` and ``&``, unsupported entities), and produces
the plain text + entities Telegram would store, which the fake keeps as the message and measures
for the length limits. Markdown modes are not parsed (see :func:`parse_text`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final

_TAG_RE: Final = re.compile(
    r"<(?P<close>/?)(?P<name>[a-zA-Z][a-zA-Z0-9-]*)"
    r"(?P<attrs>(?:\s+[^\s=>/\"']+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*)\s*>"
)
_ATTR_RE: Final = re.compile(r"([^\s=>/\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")
_ENTITY_RE: Final = re.compile(r"&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[a-zA-Z][a-zA-Z0-9]*);")
_NAMED_ENTITIES: Final = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_TAG_ENTITY_TYPES: Final = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}


@dataclass
class ParsedText:
    """What Telegram would store for a formatted text: plain text, entities, parse errors."""

    text: str
    entities: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass
class _OpenTag:
    name: str
    attrs: dict[str, str]
    offset: int  # UTF-16 offset in the output where the tag's content starts
    position: int  # character position of the tag in the source, for error messages
    language: str | None = None


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _parse_attrs(raw: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for name, value in _ATTR_RE.findall(raw):
        if value[:1] in {'"', "'"}:
            value = value[1:-1]
        attrs[name.lower()] = _decode_entities_simple(value)
    return attrs


def _decode_entities_simple(value: str) -> str:
    """Decode entities inside attribute values (hrefs may contain ``&amp;``)."""
    return _ENTITY_RE.sub(lambda m: _entity_char(m.group(1)) or m.group(0), value)


def _entity_char(body: str) -> str | None:
    """The character an HTML entity stands for, or None if Telegram does not support it."""
    if not body.startswith("#"):
        return _NAMED_ENTITIES.get(body)
    code = int(body[2:], 16) if body[1:2] in {"x", "X"} else int(body[1:])
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return None
    return chr(code)


def _start_tag_errors(name: str, attrs: dict[str, str]) -> list[str]:
    """Telegram-specific requirements on the attributes of a supported start tag."""
    if name == "a" and not attrs.get("href"):
        return ["<a> needs a non-empty href attribute"]
    if name == "span" and attrs.get("class") != "tg-spoiler":
        return ['<span> is only supported as <span class="tg-spoiler">']
    if name == "tg-emoji" and not attrs.get("emoji-id"):
        return ["<tg-emoji> needs an emoji-id attribute"]
    return []


class _HtmlParser:
    """Single pass over the source; small methods per token kind keep the rules readable."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.out: list[str] = []
        self.utf16 = 0
        self.stack: list[_OpenTag] = []
        self.entities: list[dict[str, Any]] = []
        self.errors: list[str] = []

    def parse(self) -> ParsedText:
        pos = 0
        while pos < len(self.source):
            char = self.source[pos]
            if char == "<":
                pos = self._tag(pos)
            elif char == "&":
                pos = self._entity(pos)
            else:
                if char == ">":
                    self.errors.append(f"bare '>' at character {pos}; escape it as &gt;")
                self._emit(char)
                pos += 1
        for tag in self.stack:
            self.errors.append(
                f"can't find end tag for <{tag.name}> opened at character {tag.position}"
            )
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return ParsedText("".join(self.out), self.entities, self.errors)

    def _emit(self, text: str) -> None:
        self.out.append(text)
        self.utf16 += utf16_len(text)

    def _entity(self, pos: int) -> int:
        match = _ENTITY_RE.match(self.source, pos)
        if match is None:
            self.errors.append(f"bare '&' at character {pos}; escape it as &amp;")
            self._emit("&")
            return pos + 1
        char = _entity_char(match.group(1))
        if char is None:
            self.errors.append(
                f"unsupported HTML entity {match.group(0)} at character {pos}; "
                "only &lt; &gt; &amp; &quot; and numeric entities are supported"
            )
            char = match.group(0)
        self._emit(char)
        return match.end()

    def _tag(self, pos: int) -> int:
        match = _TAG_RE.match(self.source, pos)
        if match is None:
            self.errors.append(f"bare '<' at character {pos}; escape it as &lt;")
            self._emit("<")
            return pos + 1
        name = match.group("name").lower()
        if match.group("close"):
            self._end_tag(name, match.group("attrs"), pos)
        else:
            self._start_tag(name, _parse_attrs(match.group("attrs")), pos)
        return match.end()

    def _start_tag(self, name: str, attrs: dict[str, str], pos: int) -> None:
        if name not in _TAG_ENTITY_TYPES:
            self.errors.append(f"unsupported start tag <{name}> at character {pos}")
        else:
            self.errors += [f"{err} (character {pos})" for err in _start_tag_errors(name, attrs)]
        self.stack.append(_OpenTag(name, attrs, self.utf16, pos))

    def _end_tag(self, name: str, attrs: str, pos: int) -> None:
        if attrs.strip():
            self.errors.append(f"end tag </{name}> at character {pos} must not have attributes")
        if not self.stack:
            self.errors.append(f"unmatched end tag </{name}> at character {pos}")
            return
        if self.stack[-1].name != name:
            expected = self.stack[-1].name
            self.errors.append(
                f"end tag </{name}> at character {pos} does not match open tag <{expected}>"
            )
            if all(tag.name != name for tag in self.stack):
                return
            while self.stack[-1].name != name:
                self.stack.pop()
        self._close(self.stack.pop())

    def _close(self, tag: _OpenTag) -> None:
        length = self.utf16 - tag.offset
        parent = self.stack[-1] if self.stack else None
        if tag.name == "code" and parent is not None and parent.name == "pre":
            # <pre><code class="language-x"> is how Telegram spells a pre block's language.
            css = tag.attrs.get("class", "")
            if css.startswith("language-"):
                parent.language = css.removeprefix("language-")
            return
        if tag.name not in _TAG_ENTITY_TYPES or length == 0:
            return
        self.entities.append(self._entity_for(tag, length))

    def _entity_for(self, tag: _OpenTag, length: int) -> dict[str, Any]:
        entity: dict[str, Any] = {
            "type": _TAG_ENTITY_TYPES[tag.name],
            "offset": tag.offset,
            "length": length,
        }
        if tag.name == "a":
            entity["url"] = tag.attrs.get("href", "")
        elif tag.name == "pre" and tag.language:
            entity["language"] = tag.language
        elif tag.name == "blockquote" and "expandable" in tag.attrs:
            entity["type"] = "expandable_blockquote"
        elif tag.name == "tg-emoji":
            entity["custom_emoji_id"] = tag.attrs.get("emoji-id", "")
        return entity


def parse_html(source: str) -> ParsedText:
    """Parse Telegram-flavoured HTML into plain text + entities, collecting every error."""
    return _HtmlParser(source).parse()


def parse_text(
    text: str, parse_mode: str | None, entities: list[dict[str, Any]] | None = None
) -> ParsedText:
    """What Telegram stores for ``text`` sent with ``parse_mode`` or explicit ``entities``.

    Only HTML is parsed; Markdown modes are kept verbatim (their length is then an upper bound).
    """
    if entities:
        return ParsedText(text, list(entities))
    if parse_mode is not None and parse_mode.lower() == "html":
        return parse_html(text)
    return ParsedText(text)
