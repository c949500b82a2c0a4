"""Schema for `content/notes.yaml`: the articles' points that the advice screens leave out,
kept for answering questions ("Where do people ask about AI jobs without a degree?").

WHY a file of its own: the advice models (`content_advice.py`) describe paths, roles and plans
for the recommendation; a question can be about any sentence of either article. A note is one
point, in our own words, with its article named; `flows/asking/passages.py` indexes every note.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from flows.content.common import Frozen, SourceId


class Note(Frozen):
    id: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    title: Annotated[str, Field(min_length=1, max_length=64)]
    text: Annotated[str, Field(min_length=1)]
    source: SourceId
    about: str | None = None
    """The passage id it belongs to ("paths/immersive"): asked about that program, it counts
    as that program's passage."""


class Notes(Frozen):
    notes: list[Note]
