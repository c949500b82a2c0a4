"""Run every benchmark and print a Markdown table (the README's Performance section).

`--quick`: fewer users; `--base REF`: also the bot at 200 people against the code at git ref
REF, in the same run (bench/telegram_process_bench.py).
"""

from __future__ import annotations

import asyncio
import sys

from bench import (
    ask_bench,
    engine_bench,
    plan_files_bench,
    reminder_bench,
    startup_bench,
    storage_bench,
    understanding_bench,
)
from bench.common import Table, machine


def main() -> int:
    quick = "--quick" in sys.argv
    base = sys.argv[sys.argv.index("--base") + 1] if "--base" in sys.argv else None
    users = 10_000 if quick else 100_000
    print(f"Machine: {machine()}")
    table = Table("Engine")
    engine_bench.run(table)
    table.print()
    table = Table("Questions in people's words")
    ask_bench.run(table)
    table.print()
    table = Table("Understanding messages (issue 18: p99 < 20 ms, model ≤ 60 MB)")
    understanding_bench.run(table)
    table.print()
    table = Table("Storage")
    asyncio.run(storage_bench.run(table, users=users))
    table.print()
    table = Table("Reminders")
    asyncio.run(reminder_bench.run(table, users=users, due=users // 10))
    table.print()
    table = Table("Plan files (roadmap pictures, calendar)")
    plan_files_bench.run(table, quick=quick)
    table.print()
    table = Table("Start-up")
    startup_bench.run(table)
    table.print()
    try:
        from bench import telegram_bench, telegram_process_bench
    except ImportError as exc:  # the fake Bot API (bench/fake_bot_api) needs aiohttp
        print(f"\n(skipping Telegram benchmarks: {exc})")
        return 0
    table = Table("Telegram nudges, against a fake Bot API server on 127.0.0.1")
    asyncio.run(telegram_bench.run(table, quick=quick))
    table.print()
    from bench import workers_bench

    table = Table("Webhook workers: SQLite vs PostgreSQL (embedded server, same machine)")
    asyncio.run(workers_bench.run(table, people=50 if quick else 100))
    table.print()
    telegram_process_bench.run((20, 100) if quick else telegram_process_bench.LOADS)
    if base is not None:  # `make bench BENCH_ARGS="--base base-round3"`: against that commit
        telegram_process_bench.run((200,), base=base, rounds=3 if quick else 6)
    return 0


if __name__ == "__main__":
    sys.exit(main())
