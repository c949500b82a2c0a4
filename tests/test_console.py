"""The console chat: same engine, same database, resumable, clean exits."""

from __future__ import annotations

import json
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.console import run_console
from flows.engine import Engine


def scripted(lines: list[str], *, end: type[BaseException] = EOFError) -> Iterator[str]:
    yield from lines
    raise end


def chat(engine: Engine, db: Path, lines: list[str], end: type[BaseException] = EOFError) -> str:
    out: list[str] = []
    feed = scripted(lines, end=end)
    code = run_console(engine, database=str(db), read=lambda _prompt: next(feed), write=out.append)
    assert code == 0
    return "\n".join(out)


def test_console_chats_through_to_a_recommendation(engine: Engine, tmp_path: Path) -> None:
    db = tmp_path / "aipath.db"
    # begin, production (4th), 3 years (typed), bachelor's CS, applied ML, industry, no visa,
    # budget typed, no pause (0 months), can live on the pay, hours typed, structured, confirm
    out = chat(engine, db, ["1", "4", "3", "3", "1", "1", "2", "15k", "0", "1", "15", "2", "1"])
    assert "Question 1 of 11" in out
    assert "RECOMMENDED PATH" in out
    assert "[Page 1 of 2]" in out and "Next page ▶" in out  # the rest a press away (issue 20)
    assert out.rstrip().endswith("run me again to pick up where you left off.")


def test_console_resumes_where_the_user_left(engine: Engine, tmp_path: Path) -> None:
    db = tmp_path / "aipath.db"
    chat(engine, db, ["1", "1", "2"])  # begin, no coding, bachelor's (other field)
    out = chat(engine, db, ["/quit"])
    assert "Welcome back — you were on question 3 of 10" in out


@pytest.mark.parametrize("end", [EOFError, KeyboardInterrupt])
def test_console_exits_cleanly_on_eof_and_ctrl_c(
    engine: Engine, tmp_path: Path, end: type[BaseException]
) -> None:
    out = chat(engine, tmp_path / "db.sqlite", ["1"], end=end)
    assert "Goodbye" in out


def test_console_handles_commands_and_bad_numbers(engine: Engine, tmp_path: Path) -> None:
    out = chat(engine, tmp_path / "db.sqlite", ["1", "9", "/nonsense", "/help", "/back"])
    assert "Pick a number from 1 to" in out
    assert "I don't know that command" in out
    assert "Production code" in out  # the coding question's help text


def test_a_wrong_number_with_one_option_says_so_plainly(engine: Engine, tmp_path: Path) -> None:
    out = chat(
        engine,
        tmp_path / "db.sqlite",
        ["1", "1", "2", "4", "1", "2", "3000", "1", "10", "2", "1", "/why_not", "2"],
    )
    assert "from 1 to 1" not in out
    assert "only one option here" in out


def test_console_has_the_plan_progress_and_reminder_screens(engine: Engine, tmp_path: Path) -> None:
    """The same dispatcher as the bot: /plan (files summarised as a line), /progress and the
    reminder setup, where typed text goes to the setup only while it is on screen."""
    db = tmp_path / "aipath.db"
    chat(engine, db, ["1", "4", "3", "3", "1", "1", "2", "15k", "0", "1", "15", "2", "1"])
    out = chat(engine, db, ["/plan", "/progress", "/reminders", "Mars/Olympus", "UTC", "/profile"])
    assert "roadmap.png" in out and "ai-path-plan.ics" in out
    assert "Weekly streak" in out
    assert "Which timezone" in out and "don't know that timezone" in out
    assert "How often" in out  # "UTC" was taken by the setup
    out = chat(engine, db, ["3"])  # the setup was abandoned by /profile: 3 is a menu pick
    assert "don't know that timezone" not in out


def test_console_ticks_progress_off_with_numbered_buttons(engine: Engine, tmp_path: Path) -> None:
    db = tmp_path / "aipath.db"
    chat(engine, db, ["1", "4", "3", "3", "1", "1", "2", "15k", "0", "1", "15", "2", "1"])
    # /progress lists: 1) This week's step done 2) Whole milestone done 3) Skip to next
    # 4) See the plan; then the milestone is done, and then (4) Undo last
    out = chat(engine, db, ["/progress", "2", "4"])
    assert "Now: milestone 1 of" in out and "This week's step:" in out
    assert "1) ✅ This week's step done" in out and "2) ✅ Whole milestone done" in out
    assert "3) ⏭ Skip to next" in out
    assert "Well done! Next up:" in out and "Weekly streak: 1" in out
    assert "milestone 1 is open again" in out


def test_a_long_bullet_wraps_without_a_second_bullet(engine: Engine, tmp_path: Path) -> None:
    out = chat(engine, tmp_path / "aipath.db", ["1", "is a master's worth it?"])
    assert "graduate" in out  # the long "visa route or hiring rules" item is shown, and wraps
    assert not re.search(r"^\s*•\s{2,}", out, re.MULTILINE), out


def test_console_saves_the_plan_files_and_the_export_beside_its_database(
    engine: Engine, tmp_path: Path
) -> None:
    """Issue 20.1: the roadmap pages, the calendar and the export are written to a folder next
    to the database (0700, files 0600), under the names Telegram uses, and their paths printed;
    a new start date replaces the set."""
    db = tmp_path / "data" / "aipath.db"
    chat(engine, db, ["1", "3", "3", "3", "1", "1", "2", "15k", "1", "15", "2", "1"])
    out = chat(engine, db, ["/plan", "/export"])
    saved = [Path(p) for p in re.findall(r"saved as (\S+)$", out, re.MULTILINE)]
    folder = tmp_path / "data" / "aipath-files"
    names = {p.name for p in saved}
    assert "ai-path-plan.ics" in names and "my-aipath-data.json" in names, out
    assert any(re.fullmatch(r"roadmap(-\d+)?\.png", n) for n in names)
    assert all(p.parent == folder and p.exists() for p in saved)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert {stat.S_IMODE(p.stat().st_mode) for p in saved} == {0o600}
    assert saved[0].read_bytes().startswith(b"\x89PNG")
    assert json.loads((folder / "my-aipath-data.json").read_text())["users"]
    # A new start date: the plan's files are written again, the set replaced as one.
    out = chat(engine, db, ["/plan", "2"])  # 2) Start next Monday
    again = [Path(p) for p in re.findall(r"saved as (\S+)$", out, re.MULTILINE)]
    pictures = {p.name for p in folder.glob("roadmap*.png")}
    assert pictures == {p.name for p in again if p.suffix == ".png"}
    assert "DTSTART;VALUE=DATE" in (folder / "ai-path-plan.ics").read_text()
