"""The button that turns the page of a screen too long for one phone-sized message.

A page button carries the action that shows its screen again (`Reply.again`) and the page to
show, so turning a page is decided like any press: that action's owner builds the screen from
the stored state, and the turn shows the page asked for (flows/pages.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from flows.actions.codec import Action, register


@register
@dataclass(frozen=True, slots=True)
class Page(Action):
    """Page `page` (1-based) of the screen that `of` shows."""

    PREFIX: ClassVar[str] = "pa"
    page: int
    of: Action
