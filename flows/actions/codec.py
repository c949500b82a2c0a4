"""The button-action codec: the `Action` base, its registry, `encode` and `decode`.

A button's callback data is `prefix|field|field…`: the class's `PREFIX`, then its fields in
declaration order (ints as decimal, bools as 1/0, strings as they are). A last field that is an
action itself (a page of the screen that action shows) is that action's own data, as it is.
`Action.encode()` is the ONE place that checks Telegram's 64-byte limit; the module-level
`decode()` turns any string (forged, stale, truncated, from an older release) into an action or
None and never raises.

`decode` knows only registered classes: import actions from `flows.actions`, which imports every
group of declarations (`flows/actions/*.py`) and so registers them all.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar, get_type_hints

MAX_BYTES = 64
"""Telegram's limit on callback data (UTF-8 bytes)."""
SEP = "|"

_REGISTRY: dict[str, type[Action]] = {}


class ActionTooLong(ValueError):
    """The encoded action would not fit in Telegram's callback data."""


@dataclass(frozen=True, slots=True)
class Action:
    """Base of every button action. Subclasses set `PREFIX` and declare typed fields."""

    PREFIX: ClassVar[str] = ""

    def encode(self) -> str:
        parts = [self.PREFIX]
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Action):  # the last field: its own data, separators and all
                parts.append(value.encode())
                continue
            text = str(int(value)) if isinstance(value, bool) else str(value)
            if SEP in text:
                raise ValueError(f"{type(self).__name__}.{f.name} contains {SEP!r}")
            parts.append(text)
        data = SEP.join(parts)
        if len(data.encode()) > MAX_BYTES:
            raise ActionTooLong(f"{type(self).__name__} encodes to over {MAX_BYTES} bytes")
        return data


def register(cls: type[Action]) -> type[Action]:
    """Class decorator (applied after @dataclass) that makes `decode` know the class."""
    if not cls.PREFIX or SEP in cls.PREFIX or cls.PREFIX in _REGISTRY:
        raise TypeError(f"{cls.__name__}: prefix {cls.PREFIX!r} is empty, bad or taken")
    _REGISTRY[cls.PREFIX] = cls
    return cls


def _convert(kind: Any, text: str) -> object:
    if kind is Action:
        inner = decode(text)
        if inner is None:
            raise ValueError(text)
        return inner
    if kind is bool:
        if text not in ("0", "1"):
            raise ValueError(text)
        return text == "1"
    if kind is int:
        if not text.lstrip("-").isdigit() or len(text) > 12:
            raise ValueError(text)
        return int(text)
    return text


@cache
def _fields(prefix: str) -> tuple[dict[str, Any], tuple[dataclasses.Field[Any], ...]]:
    """A class's resolved field types and fields, worked out once (get_type_hints is slow)."""
    cls = _REGISTRY[prefix]
    return get_type_hints(cls), dataclasses.fields(cls)


def decode(data: str | None) -> Action | None:
    """The action in `data`, or None for anything that is not one of ours. Never raises."""
    if not data or len(data.encode(errors="replace")) > MAX_BYTES:
        return None
    prefix, *raw = data.split(SEP)
    cls = _REGISTRY.get(prefix)
    if cls is None:
        return None
    try:
        hints, fields = _fields(prefix)
        if fields and hints[fields[-1].name] is Action and len(raw) > len(fields):
            raw = [*raw[: len(fields) - 1], SEP.join(raw[len(fields) - 1 :])]
        if len(raw) != len(fields):
            return None
        values = {
            f.name: _convert(hints[f.name], text) for f, text in zip(fields, raw, strict=True)
        }
        return cls(**values)
    except (ValueError, TypeError):
        return None


def all_action_classes() -> list[type[Action]]:
    """Every registered action class (all of them once `flows.actions` is imported)."""
    return list(_REGISTRY.values())
