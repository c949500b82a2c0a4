"""Properties of the dialogue graph itself, checked on the declared transitions."""

from __future__ import annotations

import itertools
from collections import deque
from pathlib import Path

import pytest

from flows.graph import MACHINE, QUESTION_STATES, STATES, TRANSITIONS, Walk, fire, to_mermaid
from flows.questions import QUESTIONS

TRIGGERS = sorted(MACHINE.events)

# Answer sets that exercise every condition in the graph.
SAMPLE_ANSWERS = [
    {},
    {"coding_experience": "none"},
    {"coding_experience": "production"},
    {"coding_experience": "production", "years_experience": 3},
]


def _complete(answers: dict[str, object]) -> dict[str, object]:
    full = {
        "coding_experience": "ml",
        "years_experience": 4,
        "degree": "graduate",
        "goal_role": "mlops",
        "target_employer": "industry",
        "needs_visa": "no",
        "budget_usd": 0,
        "can_pause_income": 0,
        "apprenticeship_pay": "yes",
        "hours_per_week": 10,
        "learning_style": "structured",
    }
    return {**full, **answers}


def _successors(state: str) -> set[str]:
    out: set[str] = set()
    contexts = [*SAMPLE_ANSWERS, _complete({}), _complete({"coding_experience": "none"})]
    for answers, editing, trigger in itertools.product(contexts, (False, True), TRIGGERS):
        walk = Walk(state, answers, editing)  # type: ignore[arg-type]
        if fire(walk, trigger):
            out.add(walk.state)
    return out


GRAPH = {state: _successors(state) for state in STATES}


def _reachable(start: str) -> set[str]:
    seen, queue = {start}, deque([start])
    while queue:
        for nxt in GRAPH[queue.popleft()]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def test_every_state_is_reachable_from_the_start() -> None:
    assert _reachable("welcome") == set(STATES)


@pytest.mark.parametrize("state", STATES)
def test_every_state_can_reach_the_recommendation(state: str) -> None:
    assert "recommendation" in _reachable(state)


@pytest.mark.parametrize("state", STATES)
def test_no_state_without_an_exit(state: str) -> None:
    assert GRAPH[state] - {state}, f"{state} has no way out"


@pytest.mark.parametrize("index", range(len(QUESTIONS)))
def test_back_returns_to_the_predecessor(index: int) -> None:
    """Back from each question lands on the question asked just before it."""
    for answers in ({"coding_experience": "production"}, {"coding_experience": "none"}):
        order = [
            "welcome",
            *[
                q.field
                for q in QUESTIONS
                if q.field != "years_experience" or answers["coding_experience"] == "production"
            ],
        ]
        state = QUESTIONS[index].field
        if state not in order:
            continue
        walk = Walk(state, answers, False)
        assert fire(walk, "back")
        assert walk.state == order[order.index(state) - 1]


def test_back_from_summary_and_recommendation() -> None:
    walk = Walk("summary", _complete({}), False)  # type: ignore[arg-type]
    assert fire(walk, "back") and walk.state == "learning_style"
    walk = Walk("recommendation", _complete({}), False)  # type: ignore[arg-type]
    assert fire(walk, "back") and walk.state == "summary"


def test_advance_follows_question_order_and_skips_years_without_professional_code() -> None:
    walk = Walk("coding_experience", {"coding_experience": "some"}, False)
    fire(walk, "advance")
    assert walk.state == "degree"
    walk = Walk("coding_experience", {"coding_experience": "ml"}, False)
    fire(walk, "advance")
    assert walk.state == "years_experience"


def test_confirm_needs_a_complete_profile() -> None:
    walk = Walk("summary", {"coding_experience": "none"}, False)
    assert not fire(walk, "confirm")
    assert walk.state == "summary"


def test_edit_from_summary_returns_to_summary_when_nothing_is_missing() -> None:
    walk = Walk("summary", _complete({}), False)  # type: ignore[arg-type]
    assert fire(walk, "edit_budget_usd") and walk.state == "budget_usd" and walk.editing
    assert fire(walk, "advance") and walk.state == "summary" and not walk.editing


def test_machine_holds_no_conversations() -> None:
    """One shared machine: firing events never registers models on it."""
    for _ in range(1000):
        fire(Walk("welcome", {}, False), "begin")
    assert MACHINE.models == []


def test_every_question_is_a_state_and_every_transition_names_known_states() -> None:
    assert [q.field for q in QUESTIONS] == QUESTION_STATES
    for row in TRANSITIONS:
        assert row["dest"] in STATES
        sources = row["source"]
        assert sources == "*" or set([sources] if isinstance(sources, str) else sources) <= set(
            STATES
        )


def test_mermaid_names_every_state() -> None:
    text = to_mermaid()
    assert text.startswith("stateDiagram-v2")
    for state in STATES:
        assert state in text


def test_readme_embeds_the_current_graph() -> None:
    """`make graph` output and the README stay in step with the transition table."""
    root = Path(__file__).resolve().parents[1]
    graph = to_mermaid().rstrip()
    assert graph in (root / "README.md").read_text(encoding="utf-8")
    assert (root / "docs" / "dialogue.mmd").read_text(encoding="utf-8").rstrip() == graph
