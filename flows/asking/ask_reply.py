"""An answer to a free-text question as the person sees it: blocks, topic buttons, JSON.

Kept apart from the search (`flows/asking/ask.py`) so the index stays about finding and this module
about saying: a passage with its article, both sides of a comparison, "the articles don't say"
with what they do cover, or a friendly line for small talk and off-topic messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from flows.asking.ask import AskIndex, AskResult
from flows.asking.ask_types import FIGURE, LOCAL, NAMED, PLACE, WHERE
from flows.asking.passages import Passage
from flows.reply import Block


def _passage_blocks(p: Passage, words: dict[str, str], *, source: bool = True) -> list[Block]:
    blocks = [Block("heading", p.title)]
    if p.text:
        blocks.append(Block("text", p.text))
    if p.items:
        blocks.append(Block("bullets", items=p.items))
    if p.source and source:
        blocks.append(Block("note", words["source"].format(source=p.source)))
    return blocks


def answer_blocks(index: AskIndex, result: AskResult) -> tuple[Block, ...]:
    """The answer as reply blocks: the passage(s) with their article, or the fallback line."""
    words = index.ask_text.messages
    if result.sides:
        blocks = [Block("text", words["compare"])]
        for side in result.sides:
            blocks += _passage_blocks(side, words, source=False)
        for extra in result.extra:  # "just tell me the winner": no path wins for everyone
            blocks += _passage_blocks(extra, words, source=False)
        sources = sorted({s.source for s in (*result.sides, *result.extra) if s.source})
        blocks += [Block("note", words["source"].format(source=s)) for s in sources]
        return tuple(blocks)
    if result.uncovered:
        return (Block("text", _uncovered_line(index, result)), Block("note", words["offer"]))
    p = result.passage
    if p is None:
        if result.fallback == "refused":
            return (Block("text", index.ask_text.guard.refuse_reply),)
        talk = index.ask_text.smalltalk.get(result.fallback or "")
        key = "off_topic" if result.fallback == "off_topic" else "no_match"
        return (Block("text", talk.reply if talk else words[key]),)
    blocks = _passage_blocks(p, words)
    if result.lines:
        blocks += [Block("text", index.ask_text.figures.more), Block("bullets", items=result.lines)]
    for extra in result.extra:
        blocks += _passage_blocks(extra, words, source=extra.source != p.source)
    if result.fits:
        blocks.append(Block("text", index.ask_text.fits_me.say))
    return tuple(blocks)


def _uncovered_line(index: AskIndex, result: AskResult) -> str:
    if result.uncovered == NAMED:
        return index.ask_text.guard.named_say.format(name=result.name or "")
    if result.uncovered == FIGURE:
        return index.ask_text.figures.say
    if result.uncovered == PLACE:
        return index.ask_text.figures.places.say
    if result.uncovered == LOCAL:
        return index.ask_text.figures.places.local_say
    if result.uncovered == WHERE:
        return index.ask_text.figures.places.where_say
    return index.ask_text.uncovered[result.uncovered or ""].say


def offered(index: AskIndex, result: AskResult) -> tuple[Passage, ...]:
    """Topics to offer as buttons: the related ones, what the articles do cover for a question
    they skip, or the suggested ones when nothing matched (small talk gets none)."""
    if result.matched:
        return result.related
    if result.uncovered in (FIGURE, PLACE, LOCAL, WHERE):
        return result.related
    if result.uncovered:
        if result.uncovered == NAMED:
            ids = index.ask_text.guard.named_offer
        else:
            ids = index.ask_text.uncovered[result.uncovered].offer
        found = (index.passage(pid) for pid in ids)
        return tuple(p for p in found if p is not None)
    if result.fallback in ("no_match", "off_topic"):
        return tuple(index.suggested())
    return ()


def answer_text(index: AskIndex, result: AskResult) -> str:
    """Plain text of an answer, as the command line prints it."""
    lines: list[str] = []
    for block in answer_blocks(index, result):
        lines += [block.text] if block.text else []
        lines += [f"• {item}" for item in block.items]
    if not result.matched:
        lines += [f"• {p.title}" for p in offered(index, result)]
    return "\n".join(lines)


def as_json(index: AskIndex, result: AskResult) -> dict[str, object]:
    """`aipath ask --json`: {status, text, topic} (answered, not_covered or declined), plus the
    older {matched, answer, source, related}."""
    p = result.passage
    text = answer_text(index, result)
    return {
        "status": result.status,
        "text": text,
        "topic": p.title if p else result.uncovered,
        "matched": result.matched,
        "answer": text,
        "source": p.source if p else None,
        "related": [r.title for r in result.related],
    }


@dataclass(frozen=True, slots=True)
class Response:
    status: Literal["answered", "not_covered", "declined"]
    text: str
    topic: str | None


def respond(index: AskIndex, question: str) -> Response:
    """What the bot says to `question`, for the evaluation harness and `aipath ask --json`."""
    result = index.ask(question)
    data = as_json(index, result)
    topic = data["topic"]
    return Response(result.status, answer_text(index, result), str(topic) if topic else None)
