"""The fake Bot API's vendored rules match Telegram's machine-readable API description.

Why: bench/fake_bot_api/rules/api_tables.py was generated from api.json once; if either side
changes (the bot starts using a parameter, or the API description is updated), the fake must not
silently hold the bot to rules Telegram no longer has.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from bench.fake_bot_api.rules import METHODS, OBJECT_TYPES, Param

_HERE = Path(__file__).resolve()
API_JSON = next(
    (
        p / "shared" / "telegram-bot-api" / "api.json"
        for p in _HERE.parents[2:]
        if (p / "shared" / "telegram-bot-api").is_dir()
    ),
    _HERE.parents[2] / "shared" / "telegram-bot-api" / "api.json",
)
"""`../shared/telegram-bot-api/api.json` beside the repository (or beside its worktrees)."""


@pytest.fixture(scope="module")
def api() -> dict[str, Any]:
    if not API_JSON.is_file():
        missing = f"Telegram's api.json not found at {API_JSON}; the rules drift check needs it"
        if os.environ.get("CI"):
            pytest.fail(missing)
        pytest.skip(missing)
    loaded: dict[str, Any] = json.loads(API_JSON.read_text(encoding="utf-8"))
    return loaded


def _differences(vendored: dict[str, Param], described: dict[str, Any]) -> list[str]:
    fields = {f["name"]: f for f in described.get("fields", [])}
    problems = [f"{name}: not in api.json" for name in vendored if name not in fields]
    problems += [
        f"{name}: missing from rules/api_tables.py" for name in fields if name not in vendored
    ]
    for name, param in vendored.items():
        field = fields.get(name)
        if field is None:
            continue
        types = " | ".join(field["types"])
        if (types, bool(field["required"])) != (param.types, param.required):
            problems.append(f"{name}: api.json says {types} required={field['required']}")
    return problems


@pytest.mark.parametrize(("vendored", "section"), [(METHODS, "methods"), (OBJECT_TYPES, "types")])
def test_vendored_tables_match_api_json(
    api: dict[str, Any], vendored: dict[str, dict[str, Param]], section: str
) -> None:
    problems = []
    for name, params in vendored.items():
        described = api[section].get(name)
        if described is None:
            problems.append(f"{name}: not in api.json")
            continue
        problems += [f"{name}.{p}" for p in _differences(params, described)]
    assert problems == [], problems
