"""`aipath advise PROFILE.json`: the JSON contract, from a real process.

Every key of issues 9 and 17 stays; `fits` per limit and per path is one of fits / does_not_fit /
not_published; the top-level `fits` is a boolean, true only when every limit of the recommended
path fits; `serves_goal` says whether the path meets what the goal requires. Profiles written
before issue 17 (months without pay as "no" / "months" / "years") are still accepted.
"""

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
    "fits",
    "limits",
    "changes",
    "degree_level",
    "cash_flow",
    "ruled_out",
    "fit_summary",
}
NEW_KEYS = {"path_fits", "situation", "serves_goal", "goal_gap", "checks", "within_limits"}
CASH_KEYS = {
    "tuition_usd_min",
    "tuition_usd_max",
    "unpaid_months",
    "earnings_usd",
    "earnings_per_month_usd",
    "figure_kind",
    "source",
}
CHECK_KEYS = {"limit", "answer", "value", "demand", "fits", "text", "note"}
VERDICTS = {"fits", "does_not_fit", "not_published"}


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
    assert data["fits"] is True and data["path_fits"] == "fits" and data["serves_goal"] is True
    assert data["limits"] == [] and data["changes"] == [] and data["degree_level"] is None
    assert set(data["cash_flow"]) >= CASH_KEYS
    assert data["cash_flow"]["figure_kind"] == "provider_published"
    assert data["cash_flow"]["earnings_per_month_usd"] == 1857
    assert {c["limit"] for c in data["checks"]} == {"hours", "budget", "unpaid", "pay"}
    assert all(set(c) == CHECK_KEYS and c["fits"] == "fits" for c in data["checks"])
    for alt in data["alternatives"]:
        assert alt["fits"] in VERDICTS and alt["why_not"] and alt["why"]
        assert isinstance(alt["serves_goal"], bool)
    assert all(m["end_week"] - m["start_week"] + 1 <= 13 for m in data["plan"])
    assert all(len(m["weekly_steps"]) == m["end_week"] - m["start_week"] + 1 for m in data["plan"])


def test_the_goal_path_does_not_fit(tmp_path: Path) -> None:
    data = advise(tmp_path, goal_role="research", budget_usd=5000)
    assert data["path"] == "degree" and data["degree_level"] == "master"
    assert data["fits"] is False and data["path_fits"] == "does_not_fit"
    assert data["situation"] == "goal_path_does_not_fit" and data["serves_goal"] is True
    assert data["within_limits"]["path"] == "self_study"
    assert {(x["answer"], x["demand"]) for x in data["limits"]} == {
        ("hours_per_week", 40),
        ("budget_usd", 30000),
        ("can_pause_income", 18),
    }
    assert all(set(x) == CHECK_KEYS and x["fits"] == "does_not_fit" for x in data["limits"])
    assert all(set(c) == {"answer", "to", "path", "text"} for c in data["changes"])
    assert {c["to"] for c in data["changes"]} == {40, 30000, 18}
    assert data["cash_flow"]["figure_kind"] == "market_range"
    assert data["cash_flow"]["tuition_max_open"] is True


def test_a_bachelors_at_no_budget_cannot_be_told(tmp_path: Path) -> None:
    data = advise(
        tmp_path,
        coding_experience="none",
        years_experience=0,
        degree="none",
        goal_role="research",
        budget_usd=0,
        hours_per_week=10,
        apprenticeship_pay=None,
    )
    assert data["path"] == "degree" and data["degree_level"] == "bachelor"
    assert data["fits"] is False and data["path_fits"] == "not_published"
    assert {c["limit"]: c["fits"] for c in data["checks"]} == {
        "hours": "not_published",
        "budget": "not_published",
        "unpaid": "not_published",
    }


def test_a_path_that_does_not_serve_the_goal(tmp_path: Path) -> None:
    data = advise(tmp_path, degree="graduate_other", needs_visa="yes")
    assert data["fits"] is True and data["serves_goal"] is False and data["goal_gap"]


def test_profiles_from_before_issue_17_are_accepted(tmp_path: Path) -> None:
    for old in ("no", "months", "years"):
        data = advise(tmp_path, can_pause_income=old, apprenticeship_pay=None)
        assert data["path"] and data["path_fits"] in VERDICTS
    legacy = {k: v for k, v in BASE_PROFILE.items() if k != "apprenticeship_pay"}
    profile = tmp_path / "legacy.json"
    profile.write_text(json.dumps({**legacy, "can_pause_income": "years"}))
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "advise", str(profile)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0 and json.loads(done.stdout)["path"], done.stderr


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
