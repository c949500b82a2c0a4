"""Buttons of the interview and what surrounds it: answers, back, edit, restart, help, FAQ, topics.

Actions whose meaning depends on what was on screen carry that screen (`at`: the interview
state), so a press on an old message is recognised as stale instead of misapplied.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from flows.actions.codec import Action, register


@register
@dataclass(frozen=True, slots=True)
class Begin(Action):
    PREFIX: ClassVar[str] = "go"
    at: str


@register
@dataclass(frozen=True, slots=True)
class Pick(Action):
    """An answer button on question `at`."""

    PREFIX: ClassVar[str] = "a"
    at: str
    value: str


@register
@dataclass(frozen=True, slots=True)
class Back(Action):
    PREFIX: ClassVar[str] = "bk"
    at: str


@register
@dataclass(frozen=True, slots=True)
class Restart(Action):
    """Asks to start over (the confirmation follows)."""

    PREFIX: ClassVar[str] = "rs"
    at: str


@register
@dataclass(frozen=True, slots=True)
class RestartAnswer(Action):
    PREFIX: ClassVar[str] = "rsa"
    at: str
    yes: bool


@register
@dataclass(frozen=True, slots=True)
class Help(Action):
    PREFIX: ClassVar[str] = "hp"
    at: str


@register
@dataclass(frozen=True, slots=True)
class Confirm(Action):
    """'Looks right' on the summary."""

    PREFIX: ClassVar[str] = "ok"
    at: str


@register
@dataclass(frozen=True, slots=True)
class Edit(Action):
    PREFIX: ClassVar[str] = "ed"
    at: str
    field: str


@register
@dataclass(frozen=True, slots=True)
class Resume(Action):
    """'Continue where I was' (welcome-back, FAQ, plan outline): valid in any state."""

    PREFIX: ClassVar[str] = "re"


@register
@dataclass(frozen=True, slots=True)
class FaqMenu(Action):
    PREFIX: ClassVar[str] = "fq"


@register
@dataclass(frozen=True, slots=True)
class Faq(Action):
    PREFIX: ClassVar[str] = "fa"
    id: str


@register
@dataclass(frozen=True, slots=True)
class AskTopic(Action):
    """A topic offered under an answer to a typed question (`Passage.key`); valid anywhere."""

    PREFIX: ClassVar[str] = "ak"
    key: str


@register
@dataclass(frozen=True, slots=True)
class Topic(Action):
    """A detail screen about `name` (a recommendation section, a path…), for any content."""

    PREFIX: ClassVar[str] = "tp"
    name: str
