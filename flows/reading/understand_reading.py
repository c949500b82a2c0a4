"""What one question's reader made of a typed message: the value shared by every reader.

WHY a module of its own: the choice, degree and number readers all return it, and the
understanding turns it into stored / clarify / hint; keeping it apart lets each reader live in
its own small module without importing the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Reading:
    """What one question's reader made of a message."""

    values: tuple[str | int, ...] = ()
    """One value: understood. Several: ask which ("Did you mean …?")."""
    note: str | None = None
    """A key into content/understanding.yaml `notes`, with `note_values` for its placeholders."""
    note_values: dict[str, str] = field(default_factory=dict)
    blocked: bool = False
    """The message ruled something out and named nothing else: `values` are the rest."""
    spans: tuple[tuple[int, int], ...] = ()
    """The words the reading rests on (a message's other parts may answer other questions)."""
    error: str | None = None
    """A hint key when the message is about this question but not an answer to it."""
    doubted: bool = False
    """The message casts doubt on its own answer (flows/reading/doubt.py): asked, even alone."""

    @property
    def stored(self) -> bool:
        return len(self.values) == 1 and not self.blocked and not self.doubted


NOTHING = Reading()
