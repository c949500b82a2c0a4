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


def env_with_db(db: Path) -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    return {**env, "AIPATH_DATABASE": str(db)}


def run_env(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*AIPATH, *args], capture_output=True, text=True, env=env, timeout=60, check=False
    )


def test_plan_writes_a_png_and_a_calendar(tmp_path: Path) -> None:
    profile = tmp_path / "profile.json"
    profile.write_text(
        json.dumps({**BASE_PROFILE, "learning_style": "self_directed", "budget_usd": 0})
    )
    png, ics = tmp_path / "roadmap.png", tmp_path / "plan.ics"
    result = run(
        "plan", str(profile), "--start", "2027-01-04", "--png", str(png), "--ics", str(ics)
    )
    assert result.returncode == 0, result.stderr
    assert "2027-01-04" in result.stdout
    assert png.read_bytes().startswith(b"\x89PNG")
    calendar = ics.read_text()
    milestones = [line for line in result.stdout.splitlines() if "→" in line]
    assert len(milestones) >= 5  # self-study from month 3: the timeline's later rows
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert calendar.count("BEGIN:VEVENT") == len(milestones)
    first_deadline = milestones[0].split("→")[1].split()[0].replace("-", "")
    assert f"DTSTART;VALUE=DATE:{first_deadline}" in calendar  # each event sits on a deadline
    assert run("plan", str(profile), "--start", "soon").returncode == 2


def test_operator_tools_on_a_real_database(tmp_path: Path) -> None:
    env = env_with_db(tmp_path / "ops.db")
    chat = subprocess.run(
        [*AIPATH, "chat"],
        input="1\n1\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert chat.returncode == 0, chat.stderr
    health = run_env(env, "health")
    assert health.returncode == 0 and "schema version" in health.stdout
    stats = run_env(env, "stats", "--json")
    data = json.loads(stats.stdout)
    assert data["users_started"] == 1 and data["funnel"]["coding_experience"] == 1
    assert data["by_state"] == {"degree": 1}
    export = run_env(env, "export", "0")
    assert json.loads(export.stdout)["users"][0]["conversation"]["answers"] == {
        "coding_experience": "none"
    }
    assert run_env(env, "export", "999").returncode == 1
    backup = tmp_path / "copy.db"
    assert run_env(env, "backup", str(backup)).returncode == 0
    assert run_env({**env, "AIPATH_DATABASE": str(backup)}, "health").returncode == 0
    assert run_env(env, "backup", str(backup)).returncode == 2  # never overwrites


def test_bad_settings_fail_with_one_line(tmp_path: Path) -> None:
    env = {**env_with_db(tmp_path / "x.db"), "AIPATH_WEBHOOK_PORT": "seventy"}
    result = run_env(env, "health")
    assert result.returncode == 2
    assert "AIPATH_WEBHOOK_PORT" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
