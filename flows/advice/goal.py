"""Whether a path serves the person's goal, apart from whether it fits their limits.

The goal's requirements (a degree for a visa sponsor or a regulated employer, a research
credential for research work) are data (`goal_needs` in `content/rules.yaml`). A path serves the
goal when it meets every requirement that applies; when one depends on something only the person
can check (does their degree count for a visa?), it cannot be told, and `serves_goal` is false.
"""

from __future__ import annotations

from typing import Literal

from flows.conditions import holds
from flows.content import Content
from flows.profile import PathId, Profile

Serves = Literal["yes", "no", "cannot_tell"]


def serves(path: PathId, profile: Profile, content: Content) -> tuple[Serves, str]:
    """('yes', '') when every requirement of the goal is met; else the firmest answer ("no"
    before "cannot_tell") with what the path leaves missing."""
    open_needs = [
        (need.others, need.gap)
        for need in content.rules.goal_needs
        if holds(need.when, profile) and path not in need.served_by
    ]
    for verdict in ("no", "cannot_tell"):
        for others, gap in open_needs:
            if others == verdict:
                return others, gap
    return "yes", ""
