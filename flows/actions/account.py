"""Buttons about the person's account: the answer to "delete everything about me?"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from flows.actions.codec import Action, register


@register
@dataclass(frozen=True, slots=True)
class DeleteAnswer(Action):
    PREFIX: ClassVar[str] = "del"
    yes: bool
