"""Every screen, for 200 random profiles, in both front ends (issue 20, "done when"): no message
over 1,500 characters, no part of a screen left behind, every file promised on screen there.

The walk (bench/screen_walk.py) answers the interview at random by button, then opens every
screen around the recommendation: each detail screen page by page and back with Continue, the
questions people ask, the dated plan and its pages, progress with a tick and its undo, the
reminder setup, a nudge, a typed question, /help, /profile, /privacy and /export. Telegram runs
the real PTB Application against the fake Bot API; the console runs its own session, one
database per person. `AIPATH_WALK_PROFILES` sets how many people walk (200 by default).
"""

from __future__ import annotations

import math
import os
import stat
import struct
import zlib
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

import bot.plan_files
from bench.screen_walk import Seen, Walked, walk_console, walk_telegram
from bot.telegram.render import telegram_length
from flows.pages import MAX_CHARS

PROFILES = int(os.environ.get("AIPATH_WALK_PROFILES", "200"))


def small_png(width: int = 90, height: int = 160) -> bytes:
    """A valid white PNG of a phone's proportions."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xff" * (width * 3) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = chunk(b"IDAT", zlib.compress(rows))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + idat + chunk(b"IEND", b"")


@pytest.fixture
def quick_pictures(monkeypatch: pytest.MonkeyPatch) -> None:
    """The roadmap's pages drawn as blank pictures, as many as the real ones: drawing 400 real
    roadmaps would be most of the walk's time, and tests/test_plan_files.py checks the real
    drawing. Everything else about the files (names, sending, saving, modes) is the bot's own."""
    png = small_png()

    def pages(milestones: Sequence[Any], title: str, **_: Any) -> list[bytes]:
        return [png] * math.ceil(len(milestones) / bot.plan_files.ROWS_PER_PAGE)

    monkeypatch.setattr(bot.plan_files, "roadmap_pages", pages)


def too_long(walked: Walked) -> list[str]:
    return [
        f"{s.front} {s.step} (profile {s.profile}): {telegram_length(s.text)} characters"
        for s in walked.seen
        if s.file is None and telegram_length(s.text) > MAX_CHARS
    ]


def stranded(walked: Walked) -> list[str]:
    """On Telegram, a detail screen's pages and the Continue after them are one message: each
    page edits the message the screen opened in, and Continue shows the recommendation there."""
    found = []
    by_profile: dict[int, list[Seen]] = defaultdict(list)
    for s in walked.seen:
        by_profile[s.profile].append(s)
    for profile, seen in by_profile.items():
        opened: int | None = None
        for s in seen:
            if s.step.startswith("press tp|"):
                opened = s.message
            elif s.step.startswith(("press pa|", "press re")) and opened is not None:
                if not s.edited or s.message != opened:
                    found.append(f"profile {profile}: {s.step} shown in message {s.message}")
                if s.step == "press re":
                    opened = None
        steps = defaultdict(list)
        for s in seen:
            if s.file is None:
                steps[s.step].append(s)
        for step, shown in steps.items():
            if step.startswith("press pa|") and len(shown) != 1:
                found.append(f"profile {profile}: {step} took {len(shown)} messages")
    return found


def files_promised(walked: Walked) -> tuple[list[str], dict[int, set[str]]]:
    """(problems, each profile's file names): every path the console printed exists, 0600, in
    a 0700 folder."""
    problems: list[str] = []
    names: dict[int, set[str]] = defaultdict(set)
    for s in walked.seen:
        if s.file is None:
            continue
        path = Path(s.file)
        names[s.profile].add(path.name)
        if not path.is_file():
            problems.append(f"profile {s.profile}: {s.file} promised, not on disk ({s.text})")
            continue
        if stat.S_IMODE(path.stat().st_mode) != 0o600:
            problems.append(f"{path}: mode {oct(stat.S_IMODE(path.stat().st_mode))}")
        if stat.S_IMODE(path.parent.stat().st_mode) != 0o700:
            problems.append(f"{path.parent}: mode {oct(stat.S_IMODE(path.parent.stat().st_mode))}")
    return problems, names


@pytest.mark.usefixtures("quick_pictures")
async def test_every_screen_fits_a_phone_in_both_front_ends(tmp_path: Path) -> None:
    folder = tmp_path / "walk"
    folder.mkdir(mode=0o700)
    telegram = await walk_telegram(PROFILES, database=folder / "bot.db")
    console = await walk_console(PROFILES, folder=folder)

    assert telegram.problems == []  # no Telegram rule broken, every press answered
    for walked in (telegram, console):
        assert {s.profile for s in walked.seen} == set(range(PROFILES))
        assert too_long(walked) == []
    assert stranded(telegram) == []
    problems, console_files = files_promised(console)
    assert problems == []
    # The console saves the files Telegram sends, under the same names.
    sent: dict[int, set[str]] = defaultdict(set)
    for s in telegram.seen:
        if s.file is not None:
            sent[s.profile].add(s.file)
    assert console_files == sent
    for profile, names in sent.items():
        assert "ai-path-plan.ics" in names and any(n.startswith("roadmap") for n in names)
        assert ("my-aipath-data.json" in names) == (profile % 10 == 0)
