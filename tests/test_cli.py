"""`aipath advise` and `aipath graph` as a user runs them: real processes, real exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import BASE_PROFILE

AIPATH = [sys.executable, "-m", "bot.cli"]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*AIPATH, *args], capture_output=True, text=True, input=stdin, timeout=60, check=False
    )


def test_advise_prints_the_recommendation_as_json(tmp_path: Path) -> None:
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(BASE_PROFILE))
    result = run("advise", str(profile))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"path", "alternatives", "reasons", "caveats", "next_steps", "plan"} <= set(data)
    assert data["path"] == "accelerated_immersive"
    assert any("$11,900" in line for line in data["figures"])
    assert all({"title", "milestone", "start_week", "end_week"} <= set(m) for m in data["plan"])


def test_advise_names_the_wrong_field_and_exits_2(tmp_path: Path) -> None:
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps({**BASE_PROFILE, "hours_per_week": 200, "degree": "phd"}))
    result = run("advise", str(profile))
    assert result.returncode == 2
    assert "hours_per_week" in result.stderr and "degree" in result.stderr
    assert "Traceback" not in result.stderr


def test_advise_rejects_unreadable_and_malformed_input(tmp_path: Path) -> None:
    assert run("advise", str(tmp_path / "missing.json")).returncode == 2
    result = run("advise", "-", stdin="{not json")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_graph_writes_mermaid(tmp_path: Path) -> None:
    out = tmp_path / "graph.mmd"
    result = run("graph", "--output", str(out))
    assert result.returncode == 0
    assert out.read_text().startswith("stateDiagram-v2")
