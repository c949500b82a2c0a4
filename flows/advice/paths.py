"""Which path is which for one person: the degree path means the degree level their held degree
leads to (a bachelor's, a master's, or a PhD or publications), with its own demands and name."""

from __future__ import annotations

from flows.content import Content, Demands
from flows.profile import DegreeLevel, PathId, Profile


def degree_level(profile: Profile, content: Content) -> DegreeLevel:
    return content.advice.degree_level(profile.degree).id


def level_of(path: PathId, profile: Profile, content: Content) -> DegreeLevel | None:
    return degree_level(profile, content) if path == "degree" else None


def demands(path: PathId, profile: Profile, content: Content) -> Demands:
    """What `path` asks of this person (the degree path: the degree level they would take)."""
    if path == "degree":
        return content.advice.degree_level(profile.degree).demands
    return content.advice.path(path).demands


def path_name(path: PathId, profile: Profile, content: Content) -> str:
    if path == "degree":
        return content.advice.degree_level(profile.degree).name
    return content.advice.path(path).name
