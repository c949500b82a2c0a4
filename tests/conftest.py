"""Shared fixtures: the real content and engine (loaded once), and a factory for profiles."""

from __future__ import annotations

import os
from typing import Any

# Opt in to PTB's coming timedelta behaviour (RetryAfter.retry_after as a timedelta) so that the
# deprecation warning it emits otherwise does not fail tests run with filterwarnings = error.
os.environ.setdefault("PTB_TIMEDELTA", "1")

import pytest

from flows.content import Content, default_content
from flows.engine import Engine
from flows.profile import Profile

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


@pytest.fixture(scope="session")
def content() -> Content:
    return default_content()


@pytest.fixture(scope="session")
def engine(content: Content) -> Engine:
    return Engine(content)
