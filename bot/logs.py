"""Logging: one line per event with level, event and ids; never the token or answer content."""

from __future__ import annotations

import logging


def configure_logging(level: str = "INFO") -> None:
    logging.basicConfig(
        level=level,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    # httpx logs every request URL at INFO, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    # The state-machine library logs about two INFO lines per update ("Executed callback…"),
    # and a WARNING for every stale button press (an invalid trigger): ordinary user input.
    logging.getLogger("transitions").setLevel(logging.ERROR)
    if logging.getLogger().isEnabledFor(logging.DEBUG):
        # DEBUG is for the bot's own diagnostics (e.g. `aipath.turns`); the libraries' debug
        # output would log every Bot API call with its text.
        for noisy in (
            "telegram",
            "tornado",
            "asyncio",
            "aiosqlite",
            "asyncpg",
            "transitions",
            "matplotlib",
        ):
            logging.getLogger(noisy).setLevel(logging.INFO)
