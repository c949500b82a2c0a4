"""What a button tap costs the storage layer: load, save (with the recent-updates window) and
remember the shown message, on SQLite and on PostgreSQL (the embedded server of
bench/embedded_pg.py).

`python -m bench.tap_cost` measures this checkout; `--against DIR` measures another checkout
(e.g. `git worktree add /tmp/before <commit>`) in the same run, alternating rounds, and prints
the ratios. A checkout whose storage has `load_turn` is driven through the turn's three calls
(`load_turn`, `commit_turn`, `record_shown`); an older one through `load`, `save_conversation`
and `set_question_message`, the three calls a tap made there.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from flows.engine import Conversation

NOW = datetime(2026, 11, 23, tzinfo=UTC)
TAPS = 2_000


async def open_any(database: str | Path) -> Any:
    """`open_storage` where the package has it, the old `storage_backends` module otherwise."""
    try:
        from bot.storage import open_storage
    except ImportError:
        from bot.storage_backends import open_storage  # type: ignore[import-not-found,no-redef]
    return await open_storage(database)


async def taps(database: str | Path, count: int) -> float:
    """Median seconds per tap over `count` taps by 100 people (after a warm-up)."""
    storage = await open_any(database)
    conv = Conversation(state="degree", answers={"coding_experience": "production"})
    tap = turn_tap if hasattr(storage, "load_turn") else old_tap
    for user in range(100):
        await tap(storage, user, conv, NOW, user, 0)
    times = []
    for n in range(count):
        start = time.perf_counter()
        await tap(storage, n % 100, conv, NOW + timedelta(seconds=n), 1000 + n, n)
        times.append(time.perf_counter() - start)
    await storage.close()
    return statistics.median(times[count // 10 :])


async def turn_tap(
    storage: Any, user: int, conv: Conversation, now: datetime, update: int, shown: int
) -> None:
    from flows.turn.effects import Changes, UserWrite

    state = await storage.load_turn(user)
    window = state.user.recent_updates if state.user else ()
    write = UserWrite(conv, user, update, window, None, None)
    await storage.commit_turn(Changes(user, now, write))
    await storage.record_shown(user, shown, "digest")


async def old_tap(
    storage: Any, user: int, conv: Conversation, now: datetime, update: int, shown: int
) -> None:
    record = await storage.load(user)
    window = record.recent_updates if record else ()
    await storage.save_conversation(
        user, conv, now=now, chat_id=user, update_id=update, recent_updates=window
    )
    await storage.set_question_message(user, shown, "digest")


def measure(postgres_url: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = {"sqlite": asyncio.run(taps(Path(tmp) / "tap.db", TAPS))}
    out["postgresql"] = asyncio.run(taps(postgres_url, TAPS // 2))
    return out


def in_checkout(root: Path, postgres_url: str) -> dict[str, float]:
    """This script's measurement, run as a file with another checkout's code on the path."""
    args = [sys.executable, __file__, "--measure", postgres_url]
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=True, cwd=root)
    return dict(json.loads(done.stdout))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--against", help="another checkout to measure in the same run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return 0
    try:
        from bench.embedded_pg import start_server
    except ImportError:
        from tests.pg import start_server  # type: ignore[import-not-found,no-redef]

    server = start_server()
    try:
        here = Path(__file__).resolve().parents[1]
        runs: dict[str, list[dict[str, float]]] = {"this": [], "other": []}
        for n in range(args.rounds):
            runs["this"].append(in_checkout(here, server.create_database(f"this{n}")))
            if args.against:
                root = Path(args.against).resolve()
                runs["other"].append(in_checkout(root, server.create_database(f"other{n}")))
    finally:
        server.stop()
    for backend in ("sqlite", "postgresql"):
        this = statistics.median(r[backend] for r in runs["this"])
        line = f"{backend}: {this * 1e6:.0f} µs per tap (load + save + shown)"
        if runs["other"]:
            other = statistics.median(r[backend] for r in runs["other"])
            line += f"; {args.against}: {other * 1e6:.0f} µs; ratio {this / other:.2f}×"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
