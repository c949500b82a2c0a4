"""The one routing table: every button class and every command declared once, with an owner,
and every command in the menu described in content."""

from __future__ import annotations

from flows import actions as a
from flows.content import Content
from flows.dialogues.on_screen import OnScreen
from flows.turn.routes import ACTIONS, COMMAND_ROUTES, COMMANDS, OWNERS, TYPED


def test_every_button_class_has_exactly_one_owner() -> None:
    assert set(ACTIONS) == set(a.all_action_classes())
    assert {route.owner for route in ACTIONS.values()} <= set(OWNERS)


def test_every_command_is_declared_once_and_described(content: Content) -> None:
    names = [r.name for r in COMMAND_ROUTES]
    assert len(names) == len(set(names)) == len(COMMANDS)
    assert {r.owner for r in COMMAND_ROUTES} <= set(OWNERS)
    menu = [r.name for r in COMMAND_ROUTES if r.menu]
    assert menu[:3] == ["start", "help", "back"]
    assert set(content.chat.commands) == set(names)


def test_typed_text_has_an_owner_for_every_dialogue_on_screen() -> None:
    from typing import get_args

    assert set(TYPED) == set(get_args(OnScreen))
    for on_screen, route in TYPED.items():
        assert on_screen in OWNERS[route.owner].keeps
