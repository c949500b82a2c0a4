"""`aipath bot` as a real process against the fake Bot API, for the restart and crash tests."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path


async def spawn_bot(
    db: Path,
    token: str,
    base_url: str,
    *,
    stderr: int = asyncio.subprocess.DEVNULL,
    **settings: str,
) -> asyncio.subprocess.Process:
    """Start the bot configured by environment only, as production does; `settings` are extra
    variables (the reminder sweep is off unless AIPATH_REMINDER_SWEEP_SECONDS says otherwise)."""
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": token,
        "TELEGRAM_API_BASE_URL": base_url,
        "AIPATH_DATABASE": str(db),
        "AIPATH_REMINDER_SWEEP_SECONDS": "0",
        "AIPATH_LOG_LEVEL": "WARNING",
        **settings,
    }
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        "bot",
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=stderr,
    )
