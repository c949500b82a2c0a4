"""Shared fixtures: the real content and engine (loaded once), profiles, the fake Bot API."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from typing import Any

# Opt in to PTB's coming timedelta behaviour (RetryAfter.retry_after as a timedelta) so that the
# deprecation warning it emits otherwise does not fail tests run with filterwarnings = error.
os.environ.setdefault("PTB_TIMEDELTA", "1")

import pytest

from flows.content import Content, default_content
from flows.engine import Engine
from flows.profile import Profile
from tests.fake_telegram import FakeTelegram

BASE_PROFILE: dict[str, Any] = {
    "coding_experience": "production",
    "years_experience": 3,
    "degree": "bachelor_cs",
    "goal_role": "applied_ml",
    "target_employer": "industry",
    "needs_visa": "no",
    "budget_usd": 15000,
    "can_pause_income": "no",
    "hours_per_week": 20,
    "learning_style": "structured",
}


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
