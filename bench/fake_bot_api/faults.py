"""Seeded network faults for the fake Bot API: what a bad day between the bot and Telegram does.

Each call the bot makes draws, from a random generator seeded by the plan, whether it fails and
how. The kinds are the ones a client cannot avoid in production:

- ``429``: Telegram refuses with ``retry_after`` (it did not act);
- ``5xx``: Telegram's edge answers 500 or 502 (the fake did not act; the bot cannot know that);
- ``reset_before``: the connection drops before the call is carried out;
- ``reset_after``: the call is carried out, then the connection drops (the answer is lost);
- ``stall``: the call is carried out and its answer is held for ``stall_seconds`` (past the
  client's read timeout, so the client gives up on an answer that would have said "done").

The bot cannot tell ``reset_before`` from ``reset_after`` (or a stall): a send it repeats after
them may reach the chat twice, which is what the fault test counts. Blocked users (403) are per
chat: :meth:`FakeTelegram.block_user`.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Final

KINDS: Final = ("429", "5xx", "reset_before", "reset_after", "stall")
ACTING: Final = frozenset({"reset_after", "stall"})
"""Faults after which the call was carried out although the client got no answer."""


@dataclass(frozen=True)
class FaultPlan:
    """Which share of calls fail and how; the same seed gives the same sequence of draws."""

    seed: int
    rate: float = 0.1
    """Share of calls (of the methods below) that get a fault."""
    weights: dict[str, float] = field(default_factory=lambda: dict.fromkeys(KINDS, 1.0))
    stall_seconds: float = 1.0
    retry_after: int = 1
    methods: frozenset[str] | None = None
    """Methods that may fail (None: every method the fake serves)."""
    streak: float = 0.0
    """Chance that a fault on a call to a chat starts a bad patch for that chat: its next
    `streak_calls` calls fail the same way (Telegram's per-chat flood limit, a chat's
    server having trouble). A screen update then fails for good, after every retry."""
    streak_calls: int = 5


class Faults:
    """Draws a fault (or none) for each call, and counts what it drew."""

    def __init__(self, plan: FaultPlan) -> None:
        self.plan = plan
        self._random = random.Random(plan.seed)
        self._kinds = [kind for kind in KINDS if plan.weights.get(kind, 0) > 0]
        self._weights = [plan.weights[kind] for kind in self._kinds]
        self.drawn: Counter[tuple[str, str]] = Counter()
        self.streaks = 0
        """Bad patches started (`FaultPlan.streak`)."""
        self._patches: dict[object, tuple[str, int]] = {}

    def draw(self, method: str, chat: object = None) -> str | None:
        """The fault for one call (None: none); `chat` is the chat it talks to, if any."""
        if self.plan.methods is not None and method not in self.plan.methods:
            return None
        patch = self._patches.pop(chat, None) if chat is not None else None
        if patch is not None:
            kind, left = patch
            if left > 1:
                self._patches[chat] = (kind, left - 1)
            self.drawn[(method, kind)] += 1
            return kind
        if not self._kinds or self._random.random() >= self.plan.rate:
            return None
        kind = self._random.choices(self._kinds, self._weights)[0]
        self.drawn[(method, kind)] += 1
        if chat is not None and self.plan.streak and self._random.random() < self.plan.streak:
            self.streaks += 1
            self._patches[chat] = (kind, self.plan.streak_calls)
        return kind

    def status_5xx(self) -> int:
        return self._random.choice((500, 502))
