"""Start-up time of `aipath chat` against `python -c "import telegram.ext"`."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

from bench.common import Table, median


def timed(argv: list[str], env: dict[str, str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            argv, input="/quit\n", capture_output=True, text=True, env=env, check=True, timeout=60
        )
        times.append(time.perf_counter() - start)
    return median(times)


def run(table: Table) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "AIPATH_DATABASE": f"{tmp}/bench.db"}
        env.pop("TELEGRAM_BOT_TOKEN", None)
        baseline = timed([sys.executable, "-c", "import telegram.ext"], env)
        chat = timed([sys.executable, "-m", "bot.cli", "chat"], env)
    table.add(
        "`aipath chat` to first prompt and quit",
        f"{chat * 1000:.0f} ms",
        f"`import telegram.ext` alone: {baseline * 1000:.0f} ms; ratio {chat / baseline:.2f}×",
    )
