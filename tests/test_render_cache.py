"""Rendering is cached by value: a screen every person sees is built once, and stays right."""

from __future__ import annotations

from bot.telegram.render import render
from flows.actions import Pick
from flows.reply import Block, Button, Reply


def question(label: str) -> Reply:
    return Reply(
        "question",
        "degree",
        (Block("title", "Question 3 of 10"), Block("text", "Your degree?")),
        ((Button(label, Pick("degree", "bachelor_cs")),),),
    )


def test_an_equal_reply_reuses_the_built_keyboard_and_a_different_one_does_not() -> None:
    first, again = render(question("A CS degree")), render(question("A CS degree"))
    assert first == again
    assert first[0].markup is not None and first[0].markup is again[0].markup
    other = render(question("A degree in something else"))
    assert other[0].markup is not None
    assert other[0].markup.inline_keyboard[0][0].text == "A degree in something else"
    assert first[0].markup.inline_keyboard[0][0].text == "A CS degree"
    assert first[0].html == "<b>Question 3 of 10</b>\n\nYour degree?"


def test_callers_get_their_own_list() -> None:
    chunks = render(question("x"))
    chunks.clear()
    assert len(render(question("x"))) == 1
