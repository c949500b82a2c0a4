"""`aipath advise PROFILE.json`: the keys issue 9 adds to the contract, from a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import BASE_PROFILE

OLD_KEYS = {
    "path",
    "path_name",
    "rule",
    "figures",
    "reasons",
    "caveats",
    "alternatives",
    "next_steps",
    "plan",
}
NEW_KEYS = {"fits", "limits", "changes", "degree_level", "cash_flow", "ruled_out"}
CASH_KEYS = {
    "tuition_usd_min",
    "tuition_usd_max",
    "unpaid_months",
    "earnings_usd",
    "earnings_per_month_usd",
    "figure_kind",
    "source",
}


def advise(tmp_path: Path, **changes: Any) -> dict[str, Any]:
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps({**BASE_PROFILE, **changes}))
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "advise", str(profile)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_a_fitting_recommendation(tmp_path: Path) -> None:
    data = advise(tmp_path)
    assert set(data) >= OLD_KEYS | NEW_KEYS
    assert data["fits"] is True and data["limits"] == [] and data["changes"] == []
    assert data["degree_level"] is None
    assert set(data["cash_flow"]) == CASH_KEYS
    assert data["cash_flow"]["figure_kind"] == "provider_published"
    assert data["cash_flow"]["earnings_per_month_usd"] == 1857
    for alt in data["alternatives"]:
        assert isinstance(alt["fits"], bool) and alt["why_not"] and alt["why"]
    assert all(m["end_week"] - m["start_week"] + 1 <= 13 for m in data["plan"])


def test_nothing_fits(tmp_path: Path) -> None:
    data = advise(tmp_path, goal_role="research", budget_usd=5000)
    assert data["path"] == "degree" and data["degree_level"] == "master"
    assert data["fits"] is False
    assert {(x["answer"], x["demand"]) for x in data["limits"]} == {
        ("hours_per_week", 40),
        ("budget_usd", 30000),
        ("can_pause_income", 18),
    }
    assert all(set(x) == {"answer", "value", "demand", "text"} for x in data["limits"])
    assert all(set(c) == {"answer", "to", "path", "text"} for c in data["changes"])
    assert {c["to"] for c in data["changes"]} == {40, 30000, 18}
    assert data["cash_flow"]["figure_kind"] == "market_range"


def test_ruled_out_names_the_answer(tmp_path: Path) -> None:
    data = advise(
        tmp_path, coding_experience="none", years_experience=0, budget_usd=3000, hours_per_week=10
    )
    assert data["ruled_out"] == [
        {
            "path": "accelerated_immersive",
            "answer": "coding_experience",
            "text": data["ruled_out"][0]["text"],
        }
    ]
    assert "accelerated_immersive" not in [a["path"] for a in data["alternatives"]]
