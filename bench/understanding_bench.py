"""Understanding a message: latency per typed answer and per question, and the model's memory.

    python -m bench.understanding_bench

Latency: every typed answer of tests/tuning/typed_answers*.yaml through `Understander`, and every
question of tests/tuning/questions*.yaml and bench/ask_questions.py through `AskIndex.ask`
(keyword index + meaning), warm, as a running bot sees them; target: p99 under 20 ms. Memory:
a fresh subprocess measures its resident set before and after loading the model and building
the passages' vectors (target: at most 60 MB), and checks that nothing reached the network.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import yaml

from bench.common import Table, median, percentile
from flows.asking.ask import AskIndex
from flows.content import default_content
from flows.reading.understanding import Understander

ROOT = Path(__file__).resolve().parent.parent
TUNING = ROOT / "tests" / "tuning"

_RSS_PROBE = r"""
import json, socket, time

def refuse(*args, **kwargs):
    raise OSError("network blocked by the benchmark")

socket.socket.connect = refuse  # any download attempt fails loudly
socket.create_connection = refuse

def rss():
    with open("/proc/self/status") as fh:
        return next(int(l.split()[1]) for l in fh if l.startswith("VmRSS")) / 1024

from flows.content import default_content
from flows.asking.ask import AskIndex
AskIndex(default_content(), use_meaning=False).ask("how long does it take")  # keyword side warm
index = AskIndex(default_content())  # its meaning part loads on first use
before = rss()
start = time.perf_counter()
from flows.asking.meaning import meaning
model = meaning()
loaded = time.perf_counter() - start
index.meaning_index()
after_model = rss()
index.ask("wat certs matter")  # first typo: wordfreq loads
after = rss()
print(json.dumps({"before": before, "model": after_model - before, "typos": after - after_model,
                  "load_s": loaded, "ok": model is not None}))
"""


def _questions() -> list[str]:
    from bench.ask_questions import OFF_TOPIC, QUESTIONS

    tuned: list[str] = []
    for path in sorted(TUNING.glob("questions*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        tuned += [str(i["q"]) for part in data.values() for i in part]
    return tuned + [q for q, _ in QUESTIONS] + OFF_TOPIC


def _typed() -> list[tuple[str, str]]:
    cases: list[tuple[str, str]] = []
    for path in sorted(TUNING.glob("typed_answers*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        cases += [(c["field"], str(c["text"])) for c in data["cases"]]
    return cases


def _timed(calls: list[object], run: object, rounds: int) -> list[float]:
    times: list[float] = []
    for _ in range(rounds):
        for call in calls:
            start = time.perf_counter()
            run(call)  # type: ignore[operator]
            times.append(time.perf_counter() - start)
    return times


def run(table: Table) -> None:
    content = default_content()
    understander = Understander(content)
    typed = _typed()
    today = date(2026, 12, 6)
    for field, text in typed:
        understander.understand(field, text, {}, today)
    times = _timed(typed, lambda c: understander.understand(*c, {}, today), 5)  # type: ignore[misc]
    note = f"{len(typed)} typed answers × 5 (tuning sets)"
    table.add("understand a typed answer, p50", f"{median(times) * 1e3:.2f} ms", note)
    table.add("understand a typed answer, p99", f"{percentile(times, 99) * 1e3:.2f} ms", note)
    index = AskIndex(content)
    questions = _questions()
    for q in questions:
        index.ask(q)
    times = _timed(questions, index.ask, 5)
    note = f"{len(questions)} questions × 5, keyword index + meaning"
    table.add("answer a question, p50", f"{median(times) * 1e3:.2f} ms", note)
    table.add("answer a question, p99", f"{percentile(times, 99) * 1e3:.2f} ms", note)
    probe = subprocess.run(
        [sys.executable, "-c", _RSS_PROBE],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"},
        timeout=120,
        check=True,
    )
    rss = json.loads(probe.stdout.strip().splitlines()[-1])
    table.add(
        "meaning model: resident memory added",
        f"{rss['model']:.1f} MB",
        f"load {rss['load_s'] * 1e3:.0f} ms with the network blocked (loaded: {rss['ok']})",
    )
    table.add(
        "typo check: resident memory added",
        f"{rss['typos']:.1f} MB",
        f"wordfreq's English list, on the first unknown word; base RSS {rss['before']:.0f} MB",
    )


if __name__ == "__main__":
    t = Table("Understanding messages")
    run(t)
    t.print()
