"""Engine step cost, and why the dialogue uses ONE shared machine (transitions issue #434)."""

from __future__ import annotations

import time

from transitions import Machine

from bench.common import Table, best_of
from bench.sample_answers import BUTTON_ANSWERS
from flows.actions import Begin, Confirm, Pick
from flows.content import default_content
from flows.engine import Conversation, Engine
from flows.events import Press
from flows.graph import STATE_CONFIG, TRANSITIONS, Walk, fire

ANSWERS = BUTTON_ANSWERS


class Model(Walk):
    """Walk without __slots__: a Machine that registers models attaches methods to them."""


def interview(engine: Engine) -> int:
    """One whole interview by buttons, up to the recommendation. Returns the number of steps."""
    conv = engine.handle(Conversation(), Press(Begin("welcome"))).conversation
    steps = 1
    while conv.state in ANSWERS:
        conv = engine.handle(conv, Press(Pick(conv.state, ANSWERS[conv.state]))).conversation
        steps += 1
    engine.handle(conv, Press(Confirm("summary")))
    return steps + 1


def run(table: Table) -> None:
    engine = Engine(default_content())
    steps = interview(engine)
    rounds = 200
    seconds = best_of(3, lambda: [interview(engine) for _ in range(rounds)])
    per_step = seconds / (rounds * steps)
    table.add(
        "engine step (button answer, incl. reply)",
        f"{per_step * 1e6:.1f} µs",
        f"{steps} steps per interview incl. the recommendation",
    )

    # Baseline 1: the bare transitions trigger on the shared machine.
    walk_steps = 10_000
    bare = (
        best_of(3, lambda: [fire(Walk("degree", {}, False), "advance") for _ in range(walk_steps)])
        / walk_steps
    )
    table.add(
        "bare transitions trigger (shared machine)",
        f"{bare * 1e6:.1f} µs",
        f"engine step = {per_step / bare:.1f}× the bare trigger",
    )

    # Baseline 2: a Machine built per message (what the design avoids).
    def per_message() -> None:
        model = Model("degree", {}, False)
        m = Machine(
            model=model,
            states=STATE_CONFIG,
            transitions=TRANSITIONS,
            initial="degree",
            auto_transitions=False,
        )
        m.events["advance"].trigger(model)

    built = best_of(3, lambda: [per_message() for _ in range(200)]) / 200
    table.add(
        "Machine built per message",
        f"{built * 1e6:.0f} µs",
        f"{built / bare:.0f}× the shared machine's trigger",
    )

    # Baseline 3: one machine with every conversation registered via add_model.
    counts = (1_000, 5_000, 10_000)
    times = []
    for n in counts:
        machine = Machine(
            model=None,
            states=STATE_CONFIG,
            transitions=TRANSITIONS,
            initial="welcome",
            auto_transitions=False,
        )
        start = time.perf_counter()
        for _ in range(n):
            machine.add_model(Model("welcome", {}, False), initial="welcome")
        times.append(time.perf_counter() - start)
    per_model = [t / n for t, n in zip(times, counts, strict=True)]
    table.add(
        "add_model, per model, at 1k / 5k / 10k models",
        " / ".join(f"{p * 1e6:.0f} µs" for p in per_model),
        "grows with the model list; the shared machine registers none",
    )
    shared_models = len(
        Machine(
            model=None,
            states=STATE_CONFIG,
            transitions=TRANSITIONS,
            initial="welcome",
            auto_transitions=False,
        ).models
    )
    table.add(
        "models registered on the shared machine after any number of users", str(shared_models), ""
    )
