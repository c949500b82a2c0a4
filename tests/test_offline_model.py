"""The meaning model ships in a package and loads with the network blocked; the console chat
still opens and answers a question that way (what `make run` does without a token)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

GUARD = """
import socket

def refuse(*args, **kwargs):
    raise OSError("network blocked by the test")

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
"""


def run_blocked(code: str, tmp_path: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),  # no model cache of any kind to fall back on
        "HF_HUB_OFFLINE": "1",
        "AIPATH_DATABASE": str(tmp_path / "data" / "aipath.db"),
    }
    return subprocess.run(
        [sys.executable, "-c", GUARD + code],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=tmp_path,  # no .env here: the console, not the bot
        env=env,
        timeout=120,
        check=False,
    )


def test_the_model_loads_with_the_network_blocked(tmp_path: Path) -> None:
    code = """
from flows.asking.meaning import meaning
model = meaning()
assert model is not None, "the model did not load"
vectors = model.embed(["do employers care about certificates", "which certifications matter"])
print(round(float(vectors[0] @ vectors[1]), 2), vectors.shape)
"""
    done = run_blocked(code, tmp_path)
    assert done.returncode == 0, done.stderr
    similarity, _ = done.stdout.split(" ", 1)
    assert float(similarity) > 0.3, done.stdout


def test_the_console_opens_and_answers_with_no_network(tmp_path: Path) -> None:
    code = """
import sys
from bot.cli import main
sys.exit(main(["run"]))
"""
    done = run_blocked(code, tmp_path, stdin="do employers even care about certificates?\n/quit\n")
    assert done.returncode == 0, done.stderr
    assert "AI Path Advisor" in done.stdout
    assert "portfolio" in done.stdout.lower()  # the certifications answer, found by meaning
