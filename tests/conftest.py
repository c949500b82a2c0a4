"""Shared fixtures: the real content and engine (loaded once), profiles, the fake Bot API."""

from __future__ import annotations

import itertools
import os
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

# Opt in to PTB's coming timedelta behaviour (RetryAfter.retry_after as a timedelta) so that the
# deprecation warning it emits otherwise does not fail tests run with filterwarnings = error.
os.environ.setdefault("PTB_TIMEDELTA", "1")

import pytest

from bench.embedded_pg import PgServer, start_server
from bench.fake_bot_api import FakeTelegram
from bench.sample_answers import BASE_PROFILE
from flows.asking.ask import AskIndex
from flows.content import Content, default_content
from flows.engine import Engine
from flows.profile import Profile
from flows.reading.understanding import Understander


def make_profile(**changes: Any) -> Profile:
    return Profile.model_validate({**BASE_PROFILE, **changes})


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    """A fake Bot API server; every test using it ends with no rule broken and no press ignored."""
    async with FakeTelegram() as fake:
        yield fake
        assert fake.violations == [], fake.violations
        assert not fake.unanswered_callbacks()


@pytest.fixture(scope="session")
def content() -> Content:
    return default_content()


@pytest.fixture(scope="session")
def engine(content: Content) -> Engine:
    return Engine(content)


@pytest.fixture(scope="session")
def understander(content: Content) -> Understander:
    return Understander(content)


@pytest.fixture(scope="session")
def index(content: Content) -> AskIndex:
    """The question index, built once: every question test reads it, none changes it."""
    return AskIndex(content)


# --- databases: every storage test runs on SQLite and on a real PostgreSQL server -----------

BACKENDS = ("sqlite", "postgresql")


def start_or_give_up(start: Callable[[], PgServer] = start_server) -> PgServer:
    """Start the private PostgreSQL server; if it cannot start, fail under CI (CI=true) and skip,
    loudly, elsewhere: a green CI run always includes the PostgreSQL backend."""
    try:
        return start()
    except Exception as exc:  # the wheel missing, no way to run as a non-root user, ...
        message = f"embedded PostgreSQL could not start: {exc}"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One private PostgreSQL server per test session (bench/embedded_pg.py)."""
    server = start_or_give_up()
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """A fresh, empty database on the session's server."""
    return pg_server.create_database(f"t{next(_DATABASE_NUMBERS)}")


_DATABASE_NUMBERS = itertools.count(1)


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """An empty database for each backend: a SQLite file path, or a PostgreSQL URL."""
    if request.param == "sqlite":
        return tmp_path / "bot.db"
    return str(request.getfixturevalue("pg_url"))
