"""What the dispatcher hands a transport to show: screens, a toast, files, and how to show them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace

from flows.reply import Reply

__all__ = ["File", "Output", "rendered"]


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
    render: Callable[[], Awaitable[list[File]]] | None = None
    """Files that take a while to make (the roadmap): made after the screens are shown, while
    the transport shows that a photo is on its way; sent after `files`."""
    replaces: tuple[int, ...] = ()
    """Messages carrying an older version of these files: deleted once the new ones are sent."""
    files_shown: Callable[[tuple[int, ...]], Awaitable[None]] | None = None
    """Told the ids of the messages now carrying the rendered files (to replace them later)."""


async def rendered(output: Output) -> Output:
    """The output with its slow files made, for a transport with nothing to show meanwhile."""
    if output.render is None:
        return output
    return replace(output, files=[*output.files, *await output.render()], render=None)
