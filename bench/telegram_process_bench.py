"""The bot measured the way production runs it: its own process, talking HTTP to Telegram.

Three processes per measurement, all on 127.0.0.1: the fake Bot API with the simulated people
(:mod:`bench.fake_api_process`), and the bot under test, either `aipath bot` or the bare PTB echo
bot (:mod:`bench.echo_bot`), started exactly as in production (configured by environment) and
stopped with SIGTERM. Both bots get the same load in the same run, at 20, 100 and 200 people.
The bot's CPU comes from /proc/PID/stat (utime + stime) over the measured load only; peak RSS is
its VmHWM. After each bot run the database is checked: every person's finished interview is
saved. Every step is bounded (per-step and per-process timeouts), so a run always ends.

`--base REF` also measures the bot as it was at a git ref (a temporary `git worktree` of it,
run with this venv and PYTHONPATH pointing at the checkout), interleaved with this code under
the same load, and prints both and their ratios: how a change moved throughput and CPU.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from bench.fake_api_process import FIRST_USER, TOKEN

ROOT = Path(__file__).resolve().parent.parent
LOADS = (20, 100, 200)
PROCESS_TIMEOUT = 240.0  # one measurement, start to finish (a normal one takes seconds)


def bot_command(kind: str) -> list[str]:
    """`aipath bot` for our bot (the installed entry point), the echo script otherwise. Against
    a base checkout both bots start as `python -m bot.cli bot` (PYTHONPATH picks the code)."""
    if kind == "echo":
        return [sys.executable, "-m", "bench.echo_bot"]
    aipath = Path(sys.executable).with_name("aipath")
    if kind == "bot" and aipath.exists():
        return [str(aipath), "bot"]
    return [sys.executable, "-m", "bot.cli", "bot"]


@contextmanager
def checkout(ref: str) -> Iterator[Path]:
    """A temporary git worktree of `ref` (removed afterwards): the code to compare against."""
    folder = Path(tempfile.mkdtemp(prefix="aipath-base-"))
    subprocess.run(
        ["git", "worktree", "add", "--detach", "--quiet", str(folder), ref], cwd=ROOT, check=True
    )
    try:
        yield folder
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(folder)], cwd=ROOT, check=False)


def _expect(stream: IO[str], prefix: str) -> str:
    for line in stream:
        if line.startswith(prefix + " "):
            return line[len(prefix) + 1 :].strip()
    raise RuntimeError(f"the fake Bot API process ended before printing {prefix}")


def _stop(proc: subprocess.Popen[Any] | None, sig: int = signal.SIGTERM) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(sig)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def finished_interviews(db: Path) -> int:
    """Measured people whose whole interview is committed (state `recommendation`)."""
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT COUNT(*) FROM users WHERE user_id >= ? AND state = 'recommendation'",
            (FIRST_USER,),
        ).fetchone()
    return int(row[0])


def measure(
    kind: str,
    users: int,
    env: dict[str, str] | None = None,
    profile: Path | None = None,
    code: Path = ROOT,
    started_as: str | None = None,
) -> dict[str, Any]:
    """One bot process under one load; the fake process reports what it saw as JSON.

    ``profile``: sample the bot with py-spy (installed separately) into this collapsed-stack file,
    over the measured load only and only while it holds the GIL (its Python CPU, not its waits).
    ``code``: the checkout whose bot runs (another one for the "base" kind); ``started_as``:
    start it as that kind is started (both bots alike when comparing two checkouts).
    """
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        fake = subprocess.Popen(
            [sys.executable, "-m", "bench.fake_api_process", "--users", str(users)]
            + (["--echo"] if kind == "echo" else [])
            + ["--timeout", str(PROCESS_TIMEOUT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        bot: subprocess.Popen[Any] | None = None
        spy: subprocess.Popen[Any] | None = None
        log = (Path(tmp) / "bot.log").open("w")
        try:
            assert fake.stdin is not None and fake.stdout is not None
            port = int(_expect(fake.stdout, "PORT"))
            bot_env = {
                **os.environ,
                "PYTHONPATH": str(code),
                "TELEGRAM_BOT_TOKEN": TOKEN,
                "TELEGRAM_API_BASE_URL": f"http://127.0.0.1:{port}/bot",
                "TELEGRAM_API_BASE_FILE_URL": f"http://127.0.0.1:{port}/file/bot",
                "AIPATH_DATABASE": str(db),
                "AIPATH_LOG_LEVEL": "WARNING",
                **(env or {}),
            }
            bot = subprocess.Popen(  # cwd: a fresh folder, so no stray .env is read
                bot_command(started_as or kind), env=bot_env, cwd=tmp, stdout=log, stderr=log
            )
            fake.stdin.write(f"PID {bot.pid}\n")
            fake.stdin.flush()
            if profile is not None:  # the measured load only: no start-up, no warm-up
                _expect(fake.stdout, "LOAD")
                spy = subprocess.Popen(
                    [
                        str(Path(sys.executable).with_name("py-spy")),
                        *("record", "--rate", "250", "--nonblocking", "--format", "raw"),
                        *("--gil", "--pid", str(bot.pid), "-o", str(profile)),
                    ],
                    stdout=subprocess.DEVNULL,
                )
            result: dict[str, Any] = json.loads(_expect(fake.stdout, "RESULT"))
        except RuntimeError:
            log.flush()
            sys.stderr.write((Path(tmp) / "bot.log").read_text()[-3000:])
            raise
        finally:
            _stop(spy, signal.SIGINT)
            _stop(bot)
            _stop(fake)
            log.close()
        result["saved"] = finished_interviews(db) if kind != "echo" else users
        return result


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "–"


def report(results: dict[tuple[str, int], dict[str, Any]], loads: Sequence[int]) -> None:
    print("\n## Telegram, bot and bare PTB echo bot as their own processes (fake Bot API)\n")
    print(
        "| people | updates/s bot / echo (ratio) | p50 ms bot / echo | p99 ms bot / echo (ratio) "
        "| bot CPU ms per update (echo) | peak RSS MiB bot / echo | checks |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for users in loads:
        bot, echo = results[("bot", users)], results[("echo", users)]
        problems = sum(
            r["violation_count"] + r["unanswered_callbacks"] + r["wrong_screens"]
            for r in (bot, echo)
        )
        checks = (
            f"{bot['saved']}/{users} saved, {problems} violations/unanswered/wrong"
            f"; fake CPU {bot['fake_cpu_share']:.0%} / {echo['fake_cpu_share']:.0%}"
        )
        print(
            f"| {users} "
            f"| {bot['updates_per_s']:.0f} / {echo['updates_per_s']:.0f} "
            f"({_ratio(bot['updates_per_s'], echo['updates_per_s'])}) "
            f"| {bot['p50_ms']:.0f} / {echo['p50_ms']:.0f} "
            f"| {bot['p99_ms']:.0f} / {echo['p99_ms']:.0f} "
            f"({_ratio(bot['p99_ms'], echo['p99_ms'])}) "
            f"| {bot['bot_cpu_ms_per_update']:.2f} ({echo['bot_cpu_ms_per_update']:.2f}) "
            f"| {bot['bot_peak_rss_mib']:.0f} / {echo['bot_peak_rss_mib']:.0f} "
            f"| {checks} |"
        )
    low, high = min(loads), max(loads)
    cpu_low = results[("bot", low)]["bot_cpu_ms_per_update"]
    cpu_high = results[("bot", high)]["bot_cpu_ms_per_update"]
    print(
        f"\nBot CPU per update at {high} people vs {low}: {_ratio(cpu_high, cpu_low)} "
        "(target ≤ 1.2×). Targets at 200: updates/s ≥ 0.5× echo, p99 ≤ 2× echo."
    )
    for (kind, users), r in results.items():
        for violation in r["violations"]:
            print(f"violation ({kind}, {users} people): {violation}")


def report_base(
    runs: dict[tuple[str, int], list[dict[str, Any]]], loads: Sequence[int], ref: str
) -> None:
    """Both codes per load: medians, and the median of the ratios of each round's back-to-back
    pair (a busy moment on a shared machine slows both sides of a pair alike)."""
    rounds = len(runs[("bot", loads[0])])
    print(f"\n## This code against {ref}, same load, back to back ({rounds} rounds)\n")
    print(
        "| people | updates/s now / base (median) | pair ratio updates/s (range) "
        "| CPU ms per update now / base (median) | pair ratio CPU (range) "
        "| p99 ms now / base | fake CPU share | checks |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for users in loads:
        now_runs, base_runs = runs[("bot", users)], runs[("base", users)]
        now, base = _median_run(now_runs), _median_run(base_runs)
        pairs = list(zip(now_runs, base_runs, strict=True))
        speed = sorted(n["updates_per_s"] / b["updates_per_s"] for n, b in pairs)
        cpu = sorted(n["bot_cpu_ms_per_update"] / b["bot_cpu_ms_per_update"] for n, b in pairs)
        problems = sum(
            r["violation_count"] + r["unanswered_callbacks"] + r["wrong_screens"]
            for r in (*now_runs, *base_runs)
        )
        saved = min(r["saved"] for r in (*now_runs, *base_runs))
        print(
            f"| {users} "
            f"| {now['updates_per_s']:.0f} / {base['updates_per_s']:.0f} "
            f"| {_middle(speed):.2f}× ({speed[0]:.2f}–{speed[-1]:.2f}) "
            f"| {now['bot_cpu_ms_per_update']:.2f} / {base['bot_cpu_ms_per_update']:.2f} "
            f"| {_middle(cpu):.2f}× ({cpu[0]:.2f}–{cpu[-1]:.2f}) "
            f"| {now['p99_ms']:.0f} / {base['p99_ms']:.0f} "
            f"| {now['fake_cpu_share']:.0%} / {base['fake_cpu_share']:.0%} "
            f"| ≥{saved}/{users} saved each run, {problems} problems |"
        )
    print(
        "\nThe fake Bot API and the simulated people share one process: a fake CPU share well "
        "under 100% means it was not the bottleneck."
    )


def _side(profile: Path | None, kind: str) -> Path | None:
    """With --base, the last round's profile of each side: PATH-base.txt and PATH-now.txt."""
    if profile is None:
        return None
    side = "base" if kind == "base" else "now"
    return profile.with_name(f"{profile.stem}-{side}{profile.suffix}")


def _middle(values: list[float]) -> float:
    return statistics.median(values)


def _median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Per measure, the median over rounds."""
    keys = ("updates_per_s", "bot_cpu_ms_per_update", "p50_ms", "p99_ms", "fake_cpu_share")
    return {key: statistics.median(r[key] for r in runs) for key in keys}


def run(
    loads: Sequence[int] = LOADS,
    kinds: Sequence[str] = ("echo", "bot"),
    profile: Path | None = None,
    base: str | None = None,
    rounds: int = 1,
) -> None:
    if base is not None:
        with checkout(base) as code:
            runs: dict[tuple[str, int], list[dict[str, Any]]] = {}
            for users in loads:
                for turn in range(rounds):  # alternate which goes first
                    order = ("base", "bot") if turn % 2 == 0 else ("bot", "base")
                    for kind in order:
                        where = code if kind == "base" else ROOT
                        spy = _side(profile, kind) if turn == rounds - 1 else None
                        got = measure(kind, users, code=where, started_as="base", profile=spy)
                        runs.setdefault((kind, users), []).append(got)
                        print(
                            f"  measured {kind} at {users} people: {got['updates']} updates, "
                            f"{got['updates_per_s']:.0f} updates/s, "
                            f"{got['bot_cpu_ms_per_update']:.2f} ms CPU per update",
                            file=sys.stderr,
                            flush=True,
                        )
            report_base(runs, loads, base)
        return
    results = {}
    for users in loads:  # interleaved, so a noisy moment on the machine hits both bots
        for kind in kinds:
            results[(kind, users)] = measure(kind, users, profile=profile)
            print(f"  measured {kind} at {users} people", file=sys.stderr, flush=True)
    if set(kinds) == {"echo", "bot"}:
        report(results, loads)
    else:
        print(json.dumps({f"{k} {u}": r for (k, u), r in results.items()}, indent=1))


def main() -> int:
    parser = argparse.ArgumentParser(description="the bot and the echo bot as processes")
    parser.add_argument("--users", type=int, nargs="*", default=list(LOADS))
    parser.add_argument("--only", choices=("bot", "echo"))
    parser.add_argument(
        "--profile",
        type=Path,
        help="py-spy stacks of the last run's measured load (with --base: of both, -base/-now)",
    )
    parser.add_argument("--base", help="also measure the bot at this git ref (e.g. base-round3)")
    parser.add_argument("--rounds", type=int, default=1, help="with --base: rounds per load")
    args = parser.parse_args()
    kinds = (args.only,) if args.only else ("echo", "bot")
    run(args.users, kinds, args.profile, args.base, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
