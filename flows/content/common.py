"""Building blocks every content schema shares: frozen strict models, non-empty text, sources.

`extra="forbid"` makes a misspelt YAML key fail at start-up instead of being silently ignored.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

SourceId = Literal["choosing_path", "no_degree"]
"""Which seed article a fact comes from.

- `choosing_path`: the article comparing degree, certificate and work-integrated programs.
- `no_degree`: the article on becoming an AI engineer without a CS degree.
"""


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


NonEmpty = Annotated[str, Field(min_length=1)]


class Source(Frozen):
    id: SourceId
    title: NonEmpty
    seed_file: NonEmpty
