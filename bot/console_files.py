"""The console's files: the roadmap pages, the calendar and the export, saved where it can find
them again, next to its database.

Telegram sends these files into the chat; a terminal has no chat to hold them, so the console
saves them in a folder beside its database (`data/aipath-files/` for `data/aipath.db`), with the
names Telegram uses, and prints each path. The folder is 0700 and every file 0600 (a person's
plan and data are theirs alone), written whole or not at all (a temporary file renamed into
place). A new plan replaces the old set: roadmap pages it no longer has are removed once the new
ones are written.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from bot.outputs import File
from bot.settings import is_postgres_url

ROADMAP_GLOB = "roadmap*.png"


class FilesError(OSError):
    """The folder cannot be used safely (a symbolic link, or writable by others)."""


def files_folder(database: str) -> Path:
    """The folder beside the database: `<folder>/<name>-files` (PostgreSQL: `data/aipath-files`)."""
    if is_postgres_url(database):
        return Path("data") / "aipath-files"
    path = Path(database)
    return path.with_name(f"{path.stem}-files")


def _prepare(folder: Path) -> None:
    if folder.is_symlink():
        raise FilesError(f"refusing {folder}: it is a symbolic link")
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):  # an older folder: ours alone
        folder.chmod(0o700)


def _write(path: Path, data: bytes) -> None:
    """`data` as `path`, mode 0600, replacing any file there in one step."""
    temporary = path.with_name(f".{path.name}.partial")
    temporary.unlink(missing_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(temporary, flags, 0o600)
    try:
        os.fchmod(fd, 0o600)  # whatever the umask
        with os.fdopen(fd, "wb") as out:
            out.write(data)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    temporary.replace(path)


def save(folder: Path, files: Iterable[File]) -> list[Path]:
    """Write each file into `folder`; a new set of roadmap pages replaces the old one."""
    files = list(files)
    _prepare(folder)
    written = []
    for file in files:
        path = folder / file.name
        if path.is_symlink():
            raise FilesError(f"refusing {path}: it is a symbolic link")
        _write(path, file.data)
        written.append(path)
    if any(Path(f.name).match(ROADMAP_GLOB) for f in files):
        for old in folder.glob(ROADMAP_GLOB):
            if old not in written:
                old.unlink(missing_ok=True)
    return written
