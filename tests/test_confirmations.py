"""The yes/no questions as data: asked, answered once, dismissed by anything else."""

from __future__ import annotations

from flows.confirmations import CONFIRMATIONS, answer


def test_a_question_is_answered_once() -> None:
    assert answer(None, "ask_delete") == ("delete", None, True)
    assert answer("delete", "delete_yes") == (None, "delete", True)
    assert answer(None, "delete_yes") == (None, None, False)  # a double tap does nothing
    assert answer("restart", "restart_no") == (None, "kept", True)


def test_an_answer_to_another_question_does_nothing() -> None:
    assert answer("restart", "delete_yes") == ("restart", None, False)
    assert answer("delete", "restart_yes") == ("delete", None, False)


def test_anything_else_dismisses_the_question() -> None:
    assert answer("delete", "dismiss") == (None, None, True)


def test_the_machine_keeps_no_conversations() -> None:
    answer(None, "ask_restart")
    assert CONFIRMATIONS.models == []
