"""What an understanding says back: the answers as their buttons read ("Master's or PhD in CS
or related"), the assumption behind a converted number ("30 min a day × 7 days = 3.5 h/week"),
the options a clarifying question offers, and the other questions answered in passing.

WHY apart: the reading decides what a message means (`understanding.py`); this module only says
it, in the words of `content/understanding.yaml` and `content/dialogue.yaml`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from flows.content import Content
from flows.reading.answer_model import CHOICES, KINDS
from flows.reading.doubt import YES_NO
from flows.reading.understand_reading import Reading
from flows.words import money

Answer = str | int
Status = Literal["stored", "clarify", "hint", "other_field"]


@dataclass(frozen=True, slots=True)
class Option:
    value: Answer
    label: str


@dataclass(frozen=True, slots=True)
class Understanding:
    status: Status
    field: str
    value: Answer | None = None
    options: tuple[Option, ...] = ()
    also: Mapping[str, Answer] = dataclasses.field(default_factory=dict)
    echo: str | None = None
    hint: str | None = None
    """For `hint`: the message key saying why ("invalid_choice", "out_of_range_…")."""
    question: bool = False
    """For `hint`: the text reads as a question (the engine answers it from the advice)."""

    def as_json(self) -> dict[str, object]:
        """The `aipath understand --json` contract."""
        return {
            "status": self.status,
            "field": self.field,
            "value": self.value,
            "options": [{"value": o.value, "label": o.label} for o in self.options],
            "also": dict(self.also),
            "echo": self.echo,
        }


class Echo:
    """Builds each `Understanding` from a reading, in the content's words."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.words = content.understanding

    def stored(
        self, name: str, value: Answer, reading: Reading, also: Mapping[str, Reading]
    ) -> Understanding:
        w = self.words.echo
        label = self.label(name, value)
        if reading.note:
            echo = w["stored_note"].format(answer=label, note=self.note(reading))
        else:
            echo = w["stored"].format(answer=label)
        if also:
            echo = f"{echo} {w['also'].format(answers=self.items(also))}"
        return Understanding("stored", name, value, also=_values(also), echo=echo)

    def clarify(self, name: str, reading: Reading, also: Mapping[str, Reading]) -> Understanding:
        w = self.words.echo
        values = list(reading.values)
        if name in YES_NO:  # three answers in all: each one is offered ("for 6 months, not 14")
            values += [v for v in CHOICES[name] if v not in values]
        options = tuple(Option(v, self.label(name, v)) for v in values)
        key = "clarify_blocked" if reading.blocked else "clarify"
        if KINDS[name] != "choice":
            key = "clarify_number"
        echo = w.get(f"clarify_{reading.note}", w.get(f"clarify_{name}", w[key]))
        echo = echo.format(**reading.note_values) if reading.note_values else echo
        if also:
            echo = f"{w['also'].format(answers=self.items(also))} {echo}"
        return Understanding("clarify", name, options=options, also=_values(also), echo=echo)

    def other(self, name: str, also: Mapping[str, Reading]) -> Understanding:
        echo = self.words.echo["other_field"].format(answers=self.items(also))
        return Understanding("other_field", name, also=_values(also), echo=echo)

    def note(self, reading: Reading) -> str:
        """The assumption behind a converted answer, and the whole number kept when it is not
        the exact one ("30 min a day × 7 days = 3.5 h/week, rounded to 3")."""
        notes, values = self.words.notes, reading.note_values
        note = notes[str(reading.note)].format(**values)
        if "value" in values and reading.note != "rounded":
            note = f"{note}, {notes['rounded'].format(**values)}"
        return note

    def items(self, answers: Mapping[str, Reading]) -> str:
        """ "Degree: No degree (there is no option for an associate degree…); Budget: $2,000"."""
        w = self.words.echo
        questions = self.content.dialogue.questions
        items = []
        for f, reading in answers.items():
            answer = self.label(f, reading.values[0])
            if reading.note:
                answer = f"{answer} ({self.note(reading)})"
            items.append(w["item"].format(question=questions[f].summary_label, answer=answer))
        return w["joiner"].join(items)

    def label(self, name: str, value: Answer) -> str:
        """How an answer reads back: its button's label, or the words in understanding.yaml."""
        if KINDS[name] == "choice":
            for option in self.content.dialogue.questions[name].options:
                if option.value == value:
                    return option.label
        labels = self.words.labels
        table = labels.get(name)
        if isinstance(table, dict) and str(value) in table:
            return table[str(value)]
        if name == "can_pause_income" and isinstance(value, int):
            key = {0: "months_none", 1: "months_one"}.get(value, "months")
            return str(labels[key]).format(months=value)
        if name == "budget_usd" and isinstance(value, int):
            return money(value)
        if name == "hours_per_week":
            return str(labels["hours"]).format(hours=value)
        if name == "years_experience":
            if value == 1:
                return str(labels["years_one"])
            return self.content.dialogue.messages["years_value"].format(years=value)
        return str(value)


def _values(readings: Mapping[str, Reading]) -> dict[str, Answer]:
    return {f: r.values[0] for f, r in readings.items()}
