"""Walks every screen a person can reach, for many random profiles, in both front ends.

Why: a screen that is too long for a phone, a part of a screen left behind in the chat, or a
file promised on screen that does not exist is only seen by someone who goes there. This walk
goes everywhere for each profile: the interview (random answers by button), the
recommendation and each of its detail screens (every page, then Continue), a question people
ask, the dated plan and its pages, progress (a tick, then undo), /help and /profile; and, for
some, what is the same for everyone but where they are (a new start date, twice; the reminder
setup and a nudge; a typed question, /privacy and /export).

Telegram: the real PTB Application against the fake Bot API, people walking side by side; a
screen is the text of a message as sent or edited. Console: `bot.console.ConsoleSession`, one
database per profile; a screen is what one turn prints. `tests/test_screen_walk.py` checks what
the walk saw; `python -m bench.screen_walk` prints the longest screens.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
from collections.abc import Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.fake_bot_api import FakeTelegram
from bench.telegram_driver import FakeClock, bot_running, plain
from bench.walk_fronts import ConsoleFront, Front, RecordingSession, Seen, TelegramFront, Walked
from bot.console_files import files_folder
from bot.storage import open_storage
from bot.telegram.render import telegram_length
from flows.content import default_content
from flows.engine import Engine
from flows.pages import MAX_CHARS

__all__ = ["Seen", "Walked", "report", "walk_console", "walk_profile", "walk_telegram"]

TYPED_QUESTION = "how long does it take to become an AI engineer?"
START = datetime(2026, 11, 23, 9, tzinfo=UTC)  # a Monday


# ---------------------------------------------------------------------------------- the walk


def _data(front: Front, prefix: str) -> list[str]:
    return [d for _, d in front.buttons() if d == prefix or d.startswith(prefix + "|")]


async def _pages(front: Front, step: Callable[[str], Awaitable[list[Seen]]]) -> list[Seen]:
    """Every further page of the screen on display (Next until there is none)."""
    seen: list[Seen] = []
    for _ in range(20):
        nxt = [d for label, d in front.buttons() if d.startswith("pa|") and "▶" in label]
        if not nxt:
            break
        seen += await step(nxt[0])
    return seen


def _rng(seed: int, number: int) -> random.Random:
    """Person `number`'s own choices: the same in both front ends, whatever runs beside."""
    return random.Random(seed * 100_003 + number)


async def walk_profile(front: Front, rng: random.Random) -> list[Seen]:
    """One person: a random interview, then every screen around the recommendation."""
    number = front.number
    seen: list[Seen] = []
    seen += await front.command("start")
    seen += await front.press(_data(front, "go")[0])
    for _ in range(30):
        picks = _data(front, "a")
        if not picks:
            break
        seen += await front.press(rng.choice(picks))
    seen += await front.press(_data(front, "ok")[0])
    seen += await _pages(front, front.press)
    # The recommendation's detail screens: every page, then Continue back.
    topics = _data(front, "tp")
    for topic in topics:
        seen += await front.press(topic)
        seen += await _pages(front, front.press)
        back = _data(front, "re")
        if back:
            seen += await front.press(back[0])
        else:
            seen += await front.command("recommendation")
    # The questions people ask: the menu and one answer (a different one per profile).
    seen += await front.command("faq")
    faqs = _data(front, "fa")
    if faqs:
        seen += await front.press(faqs[number % len(faqs)])
        seen += await _pages(front, front.press)
    # The dated plan and its pages; for every tenth person a new start date (twice: the
    # second changes nothing) and back (rendering the files is the walk's slowest part).
    seen += await front.command("plan")
    seen += await _pages(front, front.press)
    for choice in ("ps|monday", "ps|monday", "ps|today") if number % 10 == 0 else ():
        if choice in _data(front, "ps"):
            seen += await front.press(choice)
    seen += await front.command("progress")
    for tick in ("sw", "nd"):
        ticks = _data(front, tick)
        if ticks:
            seen += await front.press(ticks[0])
            undo = _data(front, "pu")
            if undo:
                seen += await front.press(undo[0])
            break
    # Reminders (every fourth person, so a quarter get a nudge): the setup, a choice a step.
    if number % 4 == 0:
        seen += await front.command("reminders")
        for _ in range(8):
            steps = [d for _, d in front.buttons() if d.split("|")[0] in SETUP_PREFIXES]
            if not steps:
                break
            preferred = [d for d in steps if d in ("sc|daily", "sdd")]
            seen += await front.press((preferred or steps)[0])
    seen += await front.command("help")
    seen += await front.command("profile")
    # The same for everyone but where they are: a typed question, privacy, the export.
    if number % 10 == 0:
        seen += await front.say(TYPED_QUESTION)
        seen += await front.command("privacy")
        seen += await front.command("export")
    return seen


SETUP_PREFIXES = frozenset({"sz", "sc", "sd", "sdd", "st", "sq", "qm", "qc"})
"""The reminder setup's buttons (flows/actions/reminder_setup.py)."""


async def nudge_everyone(app: Any, clock: FakeClock) -> None:
    """A day later at the reminders' time: one sweep sends every due nudge."""
    from bot.telegram.app import sweep_job

    class Context:
        bot = app.bot
        bot_data = app.bot_data

    clock.advance(days=1)
    await sweep_job(Context())  # type: ignore[arg-type]


async def walk_telegram(
    profiles: int, *, seed: int = 7, database: Path, side_by_side: int = 8
) -> Walked:
    """`profiles` people, `side_by_side` at a time, each walking every screen."""
    walked = Walked()
    clock = FakeClock(START)
    async with FakeTelegram() as tg, bot_running(tg, database, clock) as app:
        for first in range(0, profiles, side_by_side):
            batch = range(first, min(profiles, first + side_by_side))
            fronts = [TelegramFront(tg, 500_000 + n, n) for n in batch]
            results = await asyncio.gather(*(walk_profile(f, _rng(seed, f.number)) for f in fronts))
            for result in results:
                walked.seen += result
            mark = len(tg.requests)
            await nudge_everyone(app, clock)
            for r in tg.requests[mark:]:
                if r.method == "sendMessage" and r.ok:
                    number = int(r.chat_id or 0) - 500_000
                    text = plain(str(r.params.get("text", "")))
                    walked.seen.append(
                        Seen("telegram", number, "nudge", text, int(r.result["message_id"]))
                    )
        walked.problems += [f"telegram rule: {v}" for v in tg.violations]
    return walked


async def walk_console(profiles: int, *, seed: int = 7, folder: Path) -> Walked:
    """`profiles` people at the console, one after another, each with a database of their own
    (the console keeps one conversation per database)."""
    engine = Engine(default_content())
    walked = Walked()
    clock = FakeClock(START)
    for number in range(profiles):
        database = folder / f"person-{number}" / "aipath.db"
        storage = await open_storage(str(database))
        try:
            session = RecordingSession(engine, storage, clock, files_folder(str(database)))
            front = ConsoleFront(session, number)
            walked.seen += await walk_profile(front, _rng(seed, number))
        finally:
            await storage.close()
    return walked


# ---------------------------------------------------------------------------------- report


def kind_of(step: str) -> str:
    """The kind of screen a step shows: `/plan`, `press tp|costs`, `page 2 of tp|plan`…"""
    words = step.split()
    if words[0] != "press":
        return step
    data = words[1].split("|")
    if data[0] == "pa":
        return f"page {data[1]} of {'|'.join(data[2:])}"
    return "press " + ("|".join(data[:2]) if data[0] in ("tp", "fa") else data[0])


def report(walked: Walked, n: int = 5) -> Iterator[str]:
    """Per front end: how many messages, how many over 1,500 characters, and the `n` longest
    kinds of screen (the longest of each kind), as the person saw them."""
    for front in sorted({s.front for s in walked.seen}):
        texts = [s for s in walked.seen if s.front == front and s.file is None]
        over = sum(telegram_length(s.text) > MAX_CHARS for s in texts)
        yield f"## {front}: {len(texts)} messages, {over} over {MAX_CHARS:,} characters"
        longest: dict[str, Seen] = {}
        for s in texts:
            kind = kind_of(s.step)
            if kind not in longest or len(s.text) > len(longest[kind].text):
                longest[kind] = s
        for s in sorted(longest.values(), key=lambda s: -len(s.text))[:n]:
            size = telegram_length(s.text)
            yield f"\n### {size:,} characters: {kind_of(s.step)} (profile {s.profile})\n"
            yield s.text


@asynccontextmanager
async def _folder() -> Any:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "walk"
        folder.mkdir(mode=0o700)
        yield folder


async def _main(profiles: int, seed: int, fronts: list[str]) -> None:
    walked = Walked()
    async with _folder() as folder:
        if "telegram" in fronts:
            telegram = await walk_telegram(profiles, seed=seed, database=folder / "bot.db")
            walked.seen += telegram.seen
            walked.problems += telegram.problems
        if "console" in fronts:
            walked.seen += (await walk_console(profiles, seed=seed, folder=folder)).seen
    for line in report(walked):
        print(line)
    for problem in walked.problems:
        print("PROBLEM", problem)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--front", nargs="+", default=["telegram", "console"])
    args = parser.parse_args()
    asyncio.run(_main(args.profiles, args.seed, args.front))


if __name__ == "__main__":
    main()
