"""content/advice.yaml: schema, completeness, figures traceable to the seed articles, own wording.

Figures (dollar amounts, percentages, "N-M months", "8 to 16 week", "months 1-4", ...) must appear
verbatim in the article each item names as its `source`. No string may share a run of
`RUN_LENGTH` words with either article (tokens are [a-z0-9$%]+, lower-cased).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from flows.content import Advice

ROOT = Path(__file__).resolve().parents[1]
ADVICE_FILE = ROOT / "content" / "advice.yaml"
WORDED_FILES = ("advice.yaml", "rules.yaml", "dialogue.yaml", "reminders.yaml", "telegram.yaml")
"""Every content file a user reads; none may copy a run of words from an article."""
_HERE = Path(__file__).resolve()
SEEDS_DIR = next(
    (p / "shared" / "seeds" for p in _HERE.parents[2:] if (p / "shared").is_dir()),
    _HERE.parents[2] / "shared" / "seeds",
)
"""`../shared/seeds` beside the repository (or beside a parent folder holding its worktrees)."""
SEED_FILES = {
    "choosing_path": "000_ac7585dda8f04fc6.txt",
    "no_degree": "001_348e3ed46e8c2fdf.txt",
}
RUN_LENGTH = 10
FAQ_ANSWER_MAX = 900

_UNIT = r"(?:weeks?|months?|years?|hours?|minutes?|seconds?)"
FIGURE_PATTERNS = (
    # $11,900  $49/mo  $3,000
    re.compile(r"\$\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:/mo)?"),
    # 80%
    re.compile(r"\d+(?:\.\d+)?%"),
    # 2-4 months, 8 to 16 week, 1.5 to 2 years, 15-20 hours
    re.compile(rf"\d+(?:\.\d+)?\s*(?:-|–|to)\s*\d+(?:\.\d+)?[\s-]*{_UNIT}\b", re.IGNORECASE),
    # 14 months, 14-month, 40 hours, 60 seconds, 12+ months
    re.compile(rf"\d+(?:\.\d+)?\+?[\s-]*{_UNIT}\b", re.IGNORECASE),
    # months 1-4, month 5
    re.compile(r"\bmonths?\s+\d+(?:\s*-\s*\d+)?", re.IGNORECASE),
)
TOKEN = re.compile(r"[a-z0-9$%]+")


# ------------------------------------------------------------------------------------------------
# Helpers
# ------------------------------------------------------------------------------------------------


def _raw_advice() -> Any:
    with ADVICE_FILE.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def raw() -> Any:
    return _raw_advice()


@pytest.fixture(scope="module")
def advice(raw: Any) -> Advice:
    return Advice.model_validate(raw)


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    if not SEEDS_DIR.is_dir():
        missing = f"seed articles not found at {SEEDS_DIR}; figure and wording checks need them"
        if os.environ.get("CI"):  # CI has ../shared beside the clone: never skip silently there
            pytest.fail(missing)
        pytest.skip(missing)
    texts: dict[str, str] = {}
    for source_id, name in SEED_FILES.items():
        path = SEEDS_DIR / name
        if not path.is_file():
            pytest.fail(f"seed article {path} is missing")
        texts[source_id] = path.read_text(encoding="utf-8")
    return texts


def figures(text: str) -> set[str]:
    return {m.group(0) for pattern in FIGURE_PATTERNS for m in pattern.finditer(text)}


def own_strings(node: dict[str, Any]) -> Iterator[str]:
    """The string fields of one dict (and strings in its lists), not of nested dicts."""
    for key, value in node.items():
        if key == "source":
            continue
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            yield from (item for item in value if isinstance(item, str))


def sourced_dicts(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if "source" in node:
            yield node
        for value in node.values():
            yield from sourced_dicts(value)
    elif isinstance(node, list):
        for item in node:
            yield from sourced_dicts(item)


def all_strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from all_strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from all_strings(item)


def word_runs(text: str, n: int = RUN_LENGTH) -> set[tuple[str, ...]]:
    words = TOKEN.findall(text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


# ------------------------------------------------------------------------------------------------
# Schema and completeness
# ------------------------------------------------------------------------------------------------


def test_advice_validates(advice: Advice) -> None:
    assert advice.sources


def test_sources_name_the_seed_files(advice: Advice) -> None:
    assert {s.id: s.seed_file for s in advice.sources} == SEED_FILES


def test_five_paths(advice: Advice) -> None:
    assert sorted(p.id for p in advice.paths) == sorted(
        ["degree", "certificate", "accelerated_immersive", "immersive", "self_study"]
    )
    for path in advice.paths:
        assert 3 <= len(path.next_steps) <= 5, path.id
        assert path.delivers and path.best_for and path.limitations, path.id


def test_program_phases(advice: Advice) -> None:
    accelerated = advice.path("accelerated_immersive").phases
    assert accelerated[0].start_month == 1 and accelerated[-1].end_month == 14
    immersive = advice.path("immersive").phases
    assert [(p.start_month, p.end_month, p.weekly_hours) for p in immersive] == [
        (1, 4, 40),
        (5, 18, 40),
    ]


def test_money_numbers_match_their_text(advice: Advice) -> None:
    for path in advice.paths:
        for money in (path.tuition, path.scholarship, path.earnings):
            if money is None:
                continue
            assert f"${money.usd_min:,}" in money.text, (path.id, money.text)
            if money.usd_max is not None:
                assert f"${money.usd_max:,}" in money.text, (path.id, money.text)


def test_three_roles(advice: Advice) -> None:
    assert sorted(r.id for r in advice.roles) == ["applied_ml", "mlops", "research"]


def test_six_certifications(advice: Advice) -> None:
    names = {c.name for c in advice.certifications}
    assert names == {
        "AWS Machine Learning Specialty",
        "Google Professional ML Engineer",
        "TensorFlow Developer Certificate",
        "Microsoft Azure AI Engineer Associate",
        "DeepLearning.AI TensorFlow Specialization",
        "IBM AI Engineering Professional",
    }
    tf = next(c for c in advice.certifications if c.name == "TensorFlow Developer Certificate")
    assert tf.provider is None


def test_four_layers(advice: Advice) -> None:
    layers = sorted(advice.skill_layers, key=lambda layer: layer.order)
    assert [layer.id for layer in layers] == ["programming", "math", "ml_core", "production"]


def test_six_timeline_rows(advice: Advice) -> None:
    rows = [(t.months, t.start_month, t.end_month) for t in advice.timeline]
    assert rows == [
        ("1-2", 1, 2),
        ("3-4", 3, 4),
        ("5-6", 5, 6),
        ("7-8", 7, 8),
        ("9-10", 9, 10),
        ("11-12", 11, 12),
    ]


def test_faq(advice: Advice) -> None:
    ids = {f.id for f in advice.faq}
    required = {"degree_or_not", "certifications", "timeline", "no_coding", "which_path"}
    assert required | {"self_study"} <= ids
    assert len(ids) == len(advice.faq), "duplicate FAQ ids"
    for item in advice.faq:
        assert len(item.answer) <= FAQ_ANSWER_MAX, item.id


# ------------------------------------------------------------------------------------------------
# Traceability to the articles
# ------------------------------------------------------------------------------------------------


def test_figure_extraction_examples() -> None:
    text = "Costs $11,900, $49/mo, 80%; runs 8 to 16 week, 2-4 months, 14-month; months 1-4."
    assert figures(text) >= {
        "$11,900",
        "$49/mo",
        "80%",
        "8 to 16 week",
        "2-4 months",
        "14-month",
        "months 1-4",
    }


def test_every_figure_is_in_its_source(raw: Any, seeds: dict[str, str]) -> None:
    lowered = {k: v.lower() for k, v in seeds.items()}
    missing = []
    for node in sourced_dicts(raw):
        article = lowered[node["source"]]
        for text in own_strings(node):
            missing += [
                (node["source"], fig, text)
                for fig in sorted(figures(text))
                if fig.lower() not in article
            ]
    assert not missing, "figures not found verbatim in their source article:\n" + "\n".join(
        f"  [{src}] {fig!r} in {text!r}" for src, fig, text in missing
    )


def test_unsourced_figures_are_in_some_article(raw: Any, seeds: dict[str, str]) -> None:
    """Top-level strings without a `source` (e.g. certification_strategy) still need a home."""
    both = " ".join(seeds.values()).lower()
    loose = [v for v in raw.values() if isinstance(v, str)]
    missing = [(fig, text) for text in loose for fig in figures(text) if fig.lower() not in both]
    assert not missing, missing


def test_no_copied_word_runs(seeds: dict[str, str]) -> None:
    article_runs = {k: word_runs(v) for k, v in seeds.items()}
    copied = []
    texts = []
    for path in sorted((ROOT / "content").glob("*.yaml")):
        raw = path.read_text(encoding="utf-8")
        texts += list(all_strings(yaml.safe_load(raw)))
        texts.append(raw)  # the whole file too: a run can span two adjacent strings
    for text in texts:
        for source_id, runs in article_runs.items():
            shared = word_runs(text) & runs
            copied += [(source_id, " ".join(run), text) for run in sorted(shared)[:3]]
    assert not copied, f"strings sharing a {RUN_LENGTH}-word run with an article:\n" + "\n".join(
        f"  [{src}] '{run}' in {text[:100]!r}" for src, run, text in copied
    )


def test_every_note_figure_is_in_its_article(seeds: dict[str, str]) -> None:
    """content/notes.yaml carries figures over exactly, like the advice does."""
    notes = yaml.safe_load((ROOT / "content" / "notes.yaml").read_text(encoding="utf-8"))["notes"]
    missing = [
        (note["id"], fig)
        for note in notes
        for fig in sorted(figures(f"{note['title']} {note['text']}"))
        if fig.lower() not in seeds[note["source"]].lower()
    ]
    assert not missing, missing


def test_no_content_file_names_a_key_twice() -> None:
    """YAML keeps the last of two equal keys without a word: a phrase added twice would
    silently drop the first meaning (content/vocabulary.yaml held two such pairs)."""

    class Loader(yaml.SafeLoader):
        pass

    twice: list[str] = []

    def mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
        keys = [loader.construct_object(k) for k, _ in node.value]
        twice.extend(f"{k!r} (line {node.start_mark.line + 1})" for k in keys if keys.count(k) > 1)
        return loader.construct_mapping(node)

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    for path in sorted((ROOT / "content").glob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
    assert not twice, twice
