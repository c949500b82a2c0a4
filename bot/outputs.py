"""What the dispatcher hands a transport to show: screens, a toast, files, and how to show them."""

from __future__ import annotations

from dataclasses import dataclass, field

from flows.reply import Reply

__all__ = ["File", "Output"]


@dataclass(frozen=True, slots=True)
class File:
    name: str
    data: bytes
    caption: str
    picture: bool = False


@dataclass(frozen=True, slots=True)
class Output:
    """What the transport shows: screens in order, then files; a toast for a button press."""

    screens: list[Reply]
    toast: str | None = None
    edit: int | None = None
    """Show the single screen by editing this message (the pressed one, showing the step)."""
    unchanged: bool = False
    """The pressed message already shows exactly this: send nothing (Telegram rejects it)."""
    files: list[File] = field(default_factory=list)
    duplicate: bool = False
    """The update was applied before (a redelivery after a crash): nothing changed."""
