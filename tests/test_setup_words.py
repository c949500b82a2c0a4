"""Timezones and the reminder setup typed in words (flows/reading/timezones.py,
flows/reading/setup_words.py)."""

from __future__ import annotations

from datetime import time

import pytest

from flows.actions import SetupZone
from flows.content import Content
from flows.events import Press, Text
from flows.reading.setup_words import SetupWords, quiet_window
from flows.reading.timezones import Zones, zone_label
from flows.reminder_setup import ReminderSetup, SetupResult


@pytest.fixture(scope="module")
def zones(content: Content) -> Zones:
    return Zones(content.vocabulary)


@pytest.fixture(scope="module")
def setup(content: Content) -> ReminderSetup:
    return ReminderSetup(content.reminders, SetupWords(content.vocabulary))


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Chicago", "America/Chicago"),
        ("I'm in Chicago", "America/Chicago"),
        ("PST", "America/Los_Angeles"),
        ("Pacific time", "America/Los_Angeles"),
        ("EST", "America/New_York"),
        ("CET", "Europe/Berlin"),
        ("IST", "Asia/Kolkata"),
        ("UTC-8", "Etc/GMT+8"),
        ("UTC+5:30", "Asia/Kolkata"),
        ("Europe/Berlin", "Europe/Berlin"),
        ("Buenos Aires", "America/Argentina/Buenos_Aires"),
        ("Mumbai", "Asia/Kolkata"),
        ("São Paulo", "America/Sao_Paulo"),
        ("Lagos", "Africa/Lagos"),
        ("Chicago, IL", "America/Chicago"),
        ("India", "Asia/Kolkata"),
        ("Germany", "Europe/Berlin"),
    ],
)
def test_a_place_or_abbreviation_is_a_zone(zones: Zones, typed: str, zone: str) -> None:
    assert zones.read(typed).zone == zone


def test_a_country_with_several_zones_is_asked_about(zones: Zones) -> None:
    reading = zones.read("USA")
    assert reading.zone is None
    assert {"America/New_York", "America/Los_Angeles"} <= set(reading.options)
    assert zones.read("not a place at all").zone is None


def test_an_offset_reads_back_as_utc(zones: Zones) -> None:
    assert zone_label("Etc/GMT+8") == "UTC−08:00"
    assert zone_label("Etc/GMT-3") == "UTC+03:00"
    assert zone_label("Europe/Berlin") == "Europe/Berlin"


def walk(setup: ReminderSetup, *typed: str) -> SetupResult:
    result = setup.start("UTC")
    for text in typed:
        assert result.state is not None
        result = setup.handle(result.state, Text(text))
    return result


def test_the_whole_setup_in_words(setup: ReminderSetup) -> None:
    result = walk(setup, "UTC-8", "weekly on Sunday evening", "10pm to 7am")
    assert result.schedule is not None, result.reply
    s = result.schedule
    assert (s.timezone, s.cadence, s.weekdays, s.at) == ("Etc/GMT+8", "weekly", (6,), time(19))
    assert (s.quiet_start, s.quiet_end) == (time(22), time(7))
    assert "(UTC−08:00)" in setup.describe(s)


def test_each_step_takes_words(setup: ReminderSetup) -> None:
    result = walk(setup, "I'm in Chicago", "weekly")
    assert result.state is not None and result.state.step == "days"
    result = setup.handle(result.state, Text("Mon and Thu"))
    assert result.state is not None and result.state.step == "time"
    assert result.state.days == (0, 3)
    result = setup.handle(result.state, Text("after 10pm"))
    assert result.state is not None and result.state.step == "quiet"
    assert result.state.at == time(22)
    result = setup.handle(result.state, Text("no"))
    assert result.schedule is not None and result.schedule.quiet_start is None


def test_any_quiet_window_and_its_conflict(setup: ReminderSetup) -> None:
    result = walk(setup, "Berlin", "daily at 23:00", "quiet from 22:30 to 6:30")
    assert result.state is not None and result.state.step == "conflict"
    result = setup.handle(result.state, Text("7am"))
    assert result.schedule is not None and result.schedule.at == time(7)
    assert (result.schedule.quiet_start, result.schedule.quiet_end) == (time(22, 30), time(6, 30))
    assert quiet_window("night") == (time(22), time(8))
    assert quiet_window("none") is None and quiet_window("09:00-09:00") is None


def test_a_country_with_several_zones_offers_buttons(setup: ReminderSetup) -> None:
    result = walk(setup, "the US")
    assert result.state is not None and result.state.step == "timezone"
    assert result.reply is not None
    first = result.reply.buttons[0][0]
    assert first.action == SetupZone("America/New_York") and "New York" in first.label
    result = setup.handle(result.state, Press(first.action))
    assert result.state is not None and result.state.step == "cadence"


def test_words_it_cannot_read_still_get_the_hint(setup: ReminderSetup, content: Content) -> None:
    result = walk(setup, "somewhere nice")
    assert result.reply is not None
    assert content.reminders.messages["bad_timezone"] in [b.text for b in result.reply.blocks]
