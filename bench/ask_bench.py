"""Answering free-text questions: index build time at start-up and per-question latency."""

from __future__ import annotations

import time

from bench.ask_questions import OFF_TOPIC, QUESTIONS
from bench.common import Table, best_of, median, percentile
from flows.asking.ask import AskIndex
from flows.content import default_content
from flows.reading.understanding import Understander


def run(table: Table) -> None:
    content = default_content()
    build = best_of(5, lambda: AskIndex(content))
    table.add("question index build (start-up)", f"{build * 1e3:.1f} ms", "FTS5 in memory")
    index = AskIndex(content)
    questions = [q for q, _ in QUESTIONS] + OFF_TOPIC
    for q in questions:  # warm the per-term cache, as a running bot would be
        index.ask(q)
    times: list[float] = []
    for _ in range(20):
        for q in questions:
            start = time.perf_counter()
            index.ask(q)
            times.append(time.perf_counter() - start)
    note = f"{len(questions)} questions × 20, incl. {len(OFF_TOPIC)} off-topic"
    table.add("answer a question, median", f"{median(times) * 1e3:.2f} ms", note)
    table.add("answer a question, p99", f"{percentile(times, 99) * 1e3:.2f} ms", note)
    slowest = max(best_of(10, lambda q=q: index.ask(q)) for q in questions)  # type: ignore[misc]
    table.add(
        "slowest question, best of 10",
        f"{slowest * 1e3:.2f} ms",
        "p99 above includes the machine's other load",
    )
    cold = AskIndex(content)
    first = []
    for q in questions:
        start = time.perf_counter()
        cold.ask(q)
        first.append(time.perf_counter() - start)
    table.add(
        "answer a question, p99 cold",
        f"{percentile(first, 99) * 1e3:.2f} ms",
        "first time each word is seen (typo search)",
    )
    understander = Understander(content)
    typed = [
        ("hours_per_week", "2 hours a day"),
        ("budget_usd", "three thousand"),
        ("needs_visa", "yes, H-1B"),
        ("learning_style", "I want structure"),
    ]
    rounds = 2000
    spent = best_of(
        3,
        lambda: [understander.understand(f, t) for _ in range(rounds) for f, t in typed],
    )
    table.add(
        "parse a typed answer",
        f"{spent / (rounds * len(typed)) * 1e6:.1f} µs",
        "number words, units, yes/no",
    )
