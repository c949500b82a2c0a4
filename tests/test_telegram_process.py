"""Real processes: a restart resumes a half-finished interview, and SIGKILL loses no answer."""

from __future__ import annotations

import asyncio
import json
import random
import signal
import sqlite3
from pathlib import Path

from bench.fake_bot_api import FakeTelegram
from bench.sample_answers import ORDER, TYPED
from bench.telegram_driver import Screen, SimUser
from flows.content import default_content
from tests.bot_process import spawn_bot

PROMPTS = {q.prompt: field for field, q in default_content().dialogue.questions.items()}


def field_on(screen: Screen) -> str | None:
    text = screen.requests[-1].params.get("text", "") if screen.requests else ""
    return next((field for prompt, field in PROMPTS.items() if prompt in str(text)), None)


def moved_past(field: str, screen: Screen) -> bool:
    """The reply shows a later question or the summary (a 'welcome back' or a hint does not)."""
    shown = field_on(screen)
    if shown is not None:
        return ORDER.index(shown) > ORDER.index(field)
    return "Your answers" in screen.text


async def start_bot(tg: FakeTelegram, db: Path) -> asyncio.subprocess.Process:
    mark = len(tg.requests)
    proc = await spawn_bot(db, tg.token, tg.base_url, TELEGRAM_API_BASE_FILE_URL=tg.base_file_url)
    await tg.wait_for(lambda r: r.index >= mark and r.method == "getUpdates", timeout=30)
    return proc


def db_answers(db: Path, user_id: int) -> dict[str, object]:
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT conversation FROM users WHERE user_id = ?", (user_id,)
        ).fetchone()
    return dict(json.loads(row[0])["answers"]) if row else {}


async def resume(user: SimUser) -> Screen:
    screen = await user.say("/start")
    labels = {b["text"] for b in user.buttons}
    if "Let's begin" in labels:
        return await user.tap("Let's begin")
    if "Continue" in labels:
        return await user.tap("Continue")
    return screen


async def test_a_second_process_resumes_a_half_finished_interview(tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    async with FakeTelegram() as tg:
        first = await start_bot(tg, db)
        user = SimUser(tg, 4242, timeout=20)
        screen = await resume(user)
        for _ in range(4):
            field = field_on(screen)
            assert field is not None
            screen = await user.say(TYPED[field][0])
        first.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(first.wait(), 30) == 0

        second = await start_bot(tg, db)
        try:
            screen = await user.say("/start")
            assert "Welcome back — you were on question 5 of 10" in screen.text
            screen = await user.tap("Continue")
            assert field_on(screen) == "target_employer"
        finally:
            second.send_signal(signal.SIGTERM)
            await asyncio.wait_for(second.wait(), 30)
        assert tg.violations == []
    assert db_answers(db, 4242)["goal_role"] == "applied_ml"


async def test_sigkill_at_random_moments_never_loses_an_acknowledged_answer(
    tmp_path: Path,
) -> None:
    db = tmp_path / "bot.db"
    rng = random.Random(20261123)
    users = [4300 + i for i in range(6)]
    acknowledged: dict[int, dict[str, object]] = {u: {} for u in users}
    kills = 0

    async def answer(user: SimUser) -> None:
        screen = await resume(user)
        while (field := field_on(screen)) is not None:
            typed, stored = TYPED[field]
            screen = await user.say(typed)
            if moved_past(field, screen):  # the bot showed what comes next: acknowledged
                acknowledged[user.user_id][field] = stored

    async with FakeTelegram() as tg:
        for _ in range(20):
            proc = await start_bot(tg, db)
            mark = len(tg.requests)
            tasks = [asyncio.create_task(answer(SimUser(tg, u, timeout=20))) for u in users]
            moment = rng.randint(5, 60)
            reached = asyncio.ensure_future(
                tg.wait_for(lambda r, m=mark + moment: r.index >= m, timeout=30)
            )
            everyone_done = asyncio.gather(*tasks, return_exceptions=True)
            try:
                await asyncio.wait(
                    [reached, everyone_done], timeout=30, return_when=asyncio.FIRST_COMPLETED
                )
            finally:
                reached.cancel()
                proc.send_signal(signal.SIGKILL)
                await proc.wait()
                kills += 1
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
            for user_id, seen in acknowledged.items():
                stored = db_answers(db, user_id)
                for field, value in seen.items():
                    assert stored.get(field) == value, (user_id, field, stored)
    assert kills == 20
    assert sum(len(seen) for seen in acknowledged.values()) >= 20
