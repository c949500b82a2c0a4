"""Issue 20, item 6: the words on every screen read right, for a sample of profiles.

- No two labelled fields run together on one line ("Duration: 8 to 16 week program Tuition: …").
- Every label names what is under it: a label is given to one kind of thing only (the pacing
  passage once showed "What the job is: The reference plan assumes 15-20 hours…", because the
  label for a role's summary was also used for the pacing's).
- Every topic button says what it opens (a related-topic button once read only "Show up").
Screens: the recommendation's headline, every detail screen and the plan, for 200 random answer
sets; and every passage the question answering can show (each answer and its topic buttons).
"""

from __future__ import annotations

import re
import typing

from pydantic import BaseModel

from flows.advice.rules import recommend
from flows.asking.passages import Passages
from flows.content import Content
from flows.content.advice import Advice
from flows.numbers import words_of
from tests.advice_checks import random_profiles
from tests.personas import screens

SHARED_MEANING = {"duration", "focus", "milestone"}
"""Fields that several kinds of advice item have, meaning the same thing in each."""


def labels(content: Content) -> set[str]:
    s = content.dialogue.sections
    shown = {v for k, v in s.items() if k.startswith("figure_") and "{" not in v and ":" not in v}
    fixed = {s[k].split(":")[0] for k in ("plan_resources", "plan_costs")}
    return shown | fixed | set(content.ask.field_labels.values())


def run_together(line: str, names: set[str]) -> list[str]:
    """The labelled fields on one line ("Duration: …", "Tuition: …"), if there are two or more."""
    found = [n for n in names if re.search(rf"(?:^|[\s.;]){re.escape(n)}:", line)]
    return found if len(found) > 1 else []


def test_run_together_catches_the_slip_from_issue_20(content: Content) -> None:
    line = "Duration: 8 to 16 week program Tuition: $10,000 to $20,000"
    assert set(run_together(line, labels(content))) == {"Duration", "Tuition"}


def test_no_two_labelled_fields_run_together_on_any_screen(content: Content) -> None:
    names = labels(content)
    bad: list[str] = []
    for profile in random_profiles(200, seed=20):
        for screen, text in screens(content, profile, recommend(profile, content)).items():
            bad += [f"{screen}: {line}" for line in text.splitlines() if run_together(line, names)]
    for passage in Passages(content).all:
        for line in [*passage.text.splitlines(), *passage.items]:
            if run_together(line, names):
                bad.append(f"{passage.id}: {line}")
    assert not bad, "\n".join(bad[:10])


def _models(annotation: object, seen: set[type[BaseModel]]) -> None:
    for arg in typing.get_args(annotation):
        _models(arg, seen)
    if (
        isinstance(annotation, type)
        and issubclass(annotation, BaseModel)
        and annotation not in seen
    ):
        seen.add(annotation)
        for field in annotation.model_fields.values():
            _models(field.annotation, seen)


def test_every_label_names_one_kind_of_thing(content: Content) -> None:
    """A field label shown on answers fits every kind of item that has the field."""
    seen: set[type[BaseModel]] = set()
    for name, field in Advice.model_fields.items():
        if name not in content.ask.skip:
            _models(field.annotation, seen)
    owners: dict[str, set[str]] = {}
    for model in seen:
        for field_name in model.model_fields:
            owners.setdefault(field_name, set()).add(model.__name__)
    mixed = {
        f: sorted(owners[f])
        for f in content.ask.field_labels
        if len(owners.get(f, ())) > 1 and f not in SHARED_MEANING
    }
    assert not mixed, mixed


def test_figure_lines_are_labelled_with_what_they_show(content: Content) -> None:
    s = content.dialogue.sections
    figure_labels = {v for k, v in s.items() if k.startswith("figure_") and "{" not in v}
    for profile in random_profiles(200, seed=21):
        for line in recommend(profile, content).figures:
            label, _, text = line.partition(": ")
            assert (label in figure_labels and text) or line == s["figure_not_published"], line


def test_every_topic_button_says_what_it_opens(content: Content) -> None:
    """A topic button is a passage's title: two content words at least, or a word the passage
    itself uses, so the button alone says what it opens."""
    stop = set(content.ask.stopwords.split())
    vague: list[str] = []
    for passage in Passages(content).all:
        words = [w for w in words_of(passage.title).split() if w not in stop and len(w) >= 3]
        body = set(words_of(" ".join([passage.text, *passage.items])).split())
        if len(words) < 2 and not any(w in body for w in words):
            vague.append(passage.title)
    assert not vague, vague
    for topic in content.dialogue.detail_topics:
        button = set(words_of(topic.button).split())
        assert button & set(words_of(topic.title).split()), topic
