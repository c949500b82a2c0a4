"""Which path a profile gets: the ordered rule table over the paths' fit verdicts.

Hard limits before preferences (`fit.py`): a rule's path is taken only if no known limit
breaks (it fits, or a figure it needs is not published and the screen says which). The precedence
lives in ONE place, the rule table in `content/rules.yaml`. A `required` rule (a credential the
goal calls for) stops the search: its path is the one shown even when it does not fit, next to
what does fit the limits and what that will not give. When no rule's path is possible but some
other path fits, that path is taken; only when every eligible path breaks a limit does the advice
say that nothing fits, and then the closest path is the one with the fewest broken limits (and,
among those, the fewest figures nobody publishes, so a change can really make it fit). A path
with no published figures is never taken in place of that closest path: it is shown beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from flows.advice.fit import PathFit, level_of, path_fit, ruled_out
from flows.conditions import holds
from flows.content import Content, Rule
from flows.profile import FIELD_VALUES, DegreeLevel, PathId, Profile

ALL_PATHS: tuple[PathId, ...] = FIELD_VALUES["path"]  # type: ignore[assignment]

Situation = Literal["fits", "cannot_tell", "goal_path_does_not_fit", "nothing_fits"]
"""How the headline opens: the path fits; it may fit (a figure is not published); the path the
goal calls for does not fit but another path does; or nothing fits at all."""


@dataclass(frozen=True, slots=True)
class Decision:
    """The choice alone (no texts, no plan): cheap enough to run over every answer combination."""

    path: PathId
    rule: Rule
    fit: PathFit
    fits: dict[PathId, PathFit]
    """Every eligible path's fit, the chosen one included."""
    situation: Situation
    degree_level: DegreeLevel | None

    @property
    def possible(self) -> list[PathId]:
        """Eligible paths no known limit rules out (fits, or cannot tell)."""
        return [p for p, f in self.fits.items() if f.fits != "does_not_fit"]


def eligible(profile: Profile, content: Content) -> list[PathId]:
    return [p for p in ALL_PATHS if ruled_out(p, profile, content) is None]


def relevant(path: PathId, profile: Profile, content: Content) -> bool:
    """A PhD is no option for someone with a graduate degree and no research interest."""
    if level_of(path, profile, content) != "phd":
        return True
    return profile.goal_role == "research" or profile.target_employer == "research_lab"


def decide(profile: Profile, content: Content) -> Decision:
    """Walk the rule table over the paths no limit rules out; fall back as the module says."""
    fits = {p: path_fit(p, profile, content) for p in eligible(profile, content)}
    matching = [r for r in content.rules.rules if holds(r.when, profile)]
    chosen = next(
        (
            r
            for r in matching
            if (r.path in fits and fits[r.path].fits != "does_not_fit") or r.required
        ),
        None,
    )
    if chosen is None:
        chosen = _fitting_elsewhere(fits, profile, content) or min(
            (r for r in matching if r.path in fits),
            key=lambda r: (len(fits[r.path].broken), len(fits[r.path].unknown)),
        )
    fit = fits[chosen.path]
    if fit.fits == "fits":
        situation: Situation = "fits"
    elif fit.fits == "not_published":
        situation = "cannot_tell"
    elif any(f.fits != "does_not_fit" for f in fits.values() if relevant(f.path, profile, content)):
        situation = "goal_path_does_not_fit"
    else:
        situation = "nothing_fits"
    return Decision(
        path=chosen.path,
        rule=chosen,
        fit=fit,
        fits=fits,
        situation=situation,
        degree_level=level_of(chosen.path, profile, content),
    )


def _fitting_elsewhere(
    fits: dict[PathId, PathFit], profile: Profile, content: Content
) -> Rule | None:
    """No matching rule's path is possible: a path that fits anyway, with the reason for it.
    Only one that fits: a path whose figures nobody publishes is no safer than the closest
    path the answers point to (QA round 3: a bachelor's degree for someone with $0 and three
    hours a week, "because it breaks none of your limits"); it is shown beside it as what may
    fit, and the closest path says what would have to change."""
    for path, fit in fits.items():
        if fit.fits == "fits" and relevant(path, profile, content):
            reason = content.rules.texts["reason_only_fitting"]
            return Rule(id="only_fitting", path=path, when={}, reason=reason, source="no_degree")
    return None
