"""Typed timezones: anything that is not a zone name is refused before zoneinfo sees it."""

from __future__ import annotations

import pytest

from flows.schedule import parse_timezone


@pytest.mark.parametrize(
    "typed",
    [
        "a" * 300,  # zoneinfo would raise OSError "File name too long" naming this text
        "Europe/" + "x" * 300,
        "é" * 200,
        "../../etc/passwd",
        "Europe/Berlin\x00",
    ],
)
def test_long_or_odd_text_is_not_a_timezone_and_never_raises(typed: str) -> None:
    assert parse_timezone(typed) is None


def test_real_zones_still_parse() -> None:
    assert parse_timezone("America/Argentina/Buenos_Aires") == "America/Argentina/Buenos_Aires"
    assert parse_timezone("Etc/GMT+5") == "Etc/GMT+5"
