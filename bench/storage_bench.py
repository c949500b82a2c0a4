"""Database bytes per user and resume time at 100k stored users."""

from __future__ import annotations

import random
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.common import Table, median, percentile, person
from bench.sample_answers import BASE_PROFILE
from bot.storage import Storage, open_storage
from flows.advice.rules import recommend
from flows.content import default_content
from flows.engine import Conversation, Engine
from flows.profile import Profile
from flows.questions import QUESTIONS
from flows.turn.effects import Changes

NOW = datetime(2026, 11, 23, tzinfo=UTC)
PROFILE = BASE_PROFILE


async def fill(storage: Storage, users: int) -> None:
    """Half finished (with a stored recommendation), half mid-interview."""
    record = recommend(Profile.model_validate(PROFILE), default_content()).record()
    finished = Conversation(state="recommendation", answers=PROFILE)
    halfway = Conversation(
        state="budget_usd",
        answers={k: v for k, v in PROFILE.items() if k in {q.field for q in QUESTIONS[:6]}},
    )
    batch = 5_000
    for start in range(1, users + 1, batch):
        async with storage.transaction():
            for user_id in range(start, min(start + batch, users + 1)):
                done = user_id % 2 == 0
                conversation, rec = (finished, record) if done else (halfway, None)
                user = person(conversation, user_id, user_id, rec)
                await storage.commit_turn(Changes(user_id, NOW, user))


async def resume_times(storage: Storage, engine: Engine, users: int, samples: int) -> list[float]:
    """Load a random user's row and rebuild the reply that resumes them."""
    rng = random.Random(7)
    out = []
    for _ in range(samples):
        user_id = rng.randint(1, users)
        start = time.perf_counter()
        record = (await storage.load_turn(user_id)).user
        assert record is not None
        engine.show(record.conversation)
        out.append(time.perf_counter() - start)
    return out


async def run(table: Table, users: int = 100_000) -> None:
    engine = Engine(default_content())
    with tempfile.TemporaryDirectory() as tmp:
        small = await open_storage(Path(tmp) / "small.db")
        await fill(small, 100)
        small_times = await resume_times(small, engine, 100, 2_000)
        await small.close()

        storage = await open_storage(Path(tmp) / "big.db")
        start = time.perf_counter()
        await fill(storage, users)
        fill_seconds = time.perf_counter() - start
        big_times = await resume_times(storage, engine, users, 2_000)
        await storage.close()  # the last connection checkpoints the WAL into the file
        size = (Path(tmp) / "big.db").stat().st_size
    table.add(
        f"database bytes per user at {users:,} users",
        f"{size / users:.0f} B",
        f"{size / 2**20:.1f} MiB in all; half finished, half mid-interview",
    )
    table.add("bulk insert rate", f"{users / fill_seconds:,.0f} users/s", "5,000 per commit")
    table.add(
        f"resume (load row + reply) at {users:,} users, p50 / p99",
        f"{median(big_times) * 1e6:.0f} / {percentile(big_times, 99) * 1e6:.0f} µs",
        f"at 100 users p50 {median(small_times) * 1e6:.0f} µs: "
        f"ratio {median(big_times) / median(small_times):.2f}×",
    )
