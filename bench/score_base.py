"""Score the code before issue 18 (tag base-round3) on this tree's tuning sets, for "before" tables.

    git worktree add /tmp/base-round3 base-round3
    .venv/bin/python bench/score_base.py /tmp/base-round3 tests/tuning/typed_answers.yaml \\
        tests/tuning/questions.yaml
    git worktree remove /tmp/base-round3

The old parser (`TypedAnswers.parse`) and question index (`AskIndex.ask`) are run from that tree
and scored with this tree's rules (bench/understanding_eval.py): a stored value, a "did you
mean" between two readings, or a hint; a matched passage, "no match" (counted as not covered,
since it said it had no answer) or small talk (declined). The old answer model had no `data`
or `graduate_other` and stored months without pay as "no"/"months"/"years", so those cases
count as wrong there.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent.parent


@dataclass
class Option:
    value: Any


@dataclass
class Old:
    status: str
    value: Any = None
    options: tuple[Option, ...] = ()
    also: dict[str, Any] = field(default_factory=dict)


def main(base: Path, typed: Path, questions: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "evaluation", HERE / "bench/understanding_eval.py"
    )
    assert spec and spec.loader
    evaluation = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evaluation)
    sys.path.insert(0, str(base))  # the old flows package
    from flows.asking.ask import AskIndex, answer_text  # type: ignore[attr-defined]
    from flows.content import default_content
    from flows.questions import BY_FIELD, TypedAnswers  # type: ignore[attr-defined]

    content = default_content()
    parser = TypedAnswers(content.vocabulary)
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for case in yaml.safe_load(typed.read_text(encoding="utf-8"))["cases"]:
        name = case["field"]
        parsed = parser.parse(
            BY_FIELD[name], str(case["text"]), content.dialogue.questions[name].options
        )
        if parsed.value is not None:
            got = Old("stored", parsed.value)
        elif parsed.ambiguous:
            got = Old("clarify", options=tuple(Option(v) for v in parsed.ambiguous))
        else:
            got = Old("hint")
        table[name][evaluation.score_typed(case, got)[0]] += 1
    evaluation.print_typed(table)
    print()
    index = AskIndex(content)
    asked: dict[str, Counter[str]] = defaultdict(Counter)
    data = yaml.safe_load(questions.read_text(encoding="utf-8"))
    for category in ("answerable", "uncovered", "off_topic"):
        for item in data.get(category) or []:
            result = index.ask(str(item["q"]))
            status = "answered" if result.matched else "declined"
            if not result.matched and result.fallback == "no_match":
                status = "not_covered"
            if category == "answerable":
                ok = evaluation.answer_is_right(item, status, answer_text(index, result))
            elif category == "uncovered":
                ok = status == "not_covered"
            else:
                ok = status != "answered"
            asked[category]["right" if ok else "miss"] += 1
            asked[category]["answered"] += category != "answerable" and status == "answered"
    evaluation.print_questions(asked)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
