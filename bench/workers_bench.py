"""Updates per second through real webhook workers: 1 and 2 workers on PostgreSQL, next to one
process on SQLite, in the same run, with the same harness (bench/workers.py).

Every simulated person sends /start, taps "Let's begin" and types ten answers, each after the
previous acknowledgement arrived (a closed loop). Workers log at WARNING (no per-update lines).
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from bench.common import Table
from bench.embedded_pg import PgServer, start_server
from bench.fake_bot_api import FakeTelegram
from bench.workers import Dispatcher, Person, Worker

UPDATES_PER_PERSON = 12  # /start, the tap, ten answers


async def updates_per_second(database: str, workers: int, people: int, log_dir: Path) -> float:
    async with FakeTelegram() as tg:
        pool = [
            Worker(tg, database, log_dir / f"w{workers}-{i}.log", level="WARNING")
            for i in range(workers)
        ]
        await asyncio.gather(*(w.start() for w in pool))
        dispatcher = Dispatcher(pool)
        try:
            start = time.perf_counter()
            base = 5_000_000 + 10_000 * workers + (500_000 if database.endswith(".db") else 0)
            await asyncio.gather(
                *(Person(tg, dispatcher, base + i).interview() for i in range(people))
            )
            elapsed = time.perf_counter() - start
        finally:
            await dispatcher.client.aclose()
            await asyncio.gather(*(w.stop() for w in pool))
        assert tg.violations == [], tg.violations
    return people * UPDATES_PER_PERSON / elapsed


async def run(table: Table, *, people: int = 100) -> None:
    began = time.perf_counter()
    server: PgServer = start_server()
    startup = time.perf_counter() - began
    try:
        with tempfile.TemporaryDirectory() as tmp:
            logs = Path(tmp)
            sqlite = await updates_per_second(str(logs / "bench.db"), 1, people, logs)
            pg_one = await updates_per_second(server.create_database("bench1"), 1, people, logs)
            pg_two = await updates_per_second(server.create_database("bench2"), 2, people, logs)
    finally:
        server.stop()
    note = f"{people} people × {UPDATES_PER_PERSON} updates, closed loop, webhook"
    table.add("1 process on SQLite", f"{sqlite:.0f} updates/s", note)
    table.add("1 worker on PostgreSQL", f"{pg_one:.0f} updates/s", f"{pg_one / sqlite:.2f}× SQLite")
    table.add(
        "2 workers on PostgreSQL", f"{pg_two:.0f} updates/s", f"{pg_two / pg_one:.2f}× one worker"
    )
    table.add(
        "embedded PostgreSQL 18: initdb and start", f"{startup:.1f} s", "bench/embedded_pg.py"
    )


if __name__ == "__main__":
    result = Table("Workers")
    asyncio.run(run(result))
    result.print()
