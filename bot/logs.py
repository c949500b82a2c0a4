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


class RateLimitGiveUp(logging.Filter):
    """PTB's rate limiter logs ERROR with a traceback when a call still meets 429 after its
    retries. That is a transient network error the caller handles (it reaches the turn as
    `RetryAfter`, which logs one WARNING), not a fault of the bot: one WARNING line here too,
    without the traceback, so an alert on ERROR lines means a bug."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR:
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            record.exc_info = record.exc_text = None
        return True


def quiet_rate_limiter() -> None:
    """Install `RateLimitGiveUp` on PTB's rate limiter logger (once)."""
    logger = logging.getLogger("telegram.ext.AIORateLimiter")
    if not any(isinstance(f, RateLimitGiveUp) for f in logger.filters):
        logger.addFilter(RateLimitGiveUp())
