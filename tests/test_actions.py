"""The button action codec: typed, round-trips, ≤ 64 bytes, and never raises on junk."""

from __future__ import annotations

from zoneinfo import available_timezones

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows import actions as a
from flows.content import Content
from flows.dialogues.dated_plan import START_CHOICES
from flows.dialogues.reminder_settings import SNOOZE_DAYS
from flows.graph import STATES
from flows.pages import MAX_PAGES
from flows.questions import BY_FIELD
from flows.reminder_setup_state import QUIET_CHOICES


def longest(values: object) -> str:
    return max((str(v) for v in values), key=lambda v: len(v.encode()))  # type: ignore[attr-defined]


def worst_cases(content: Content) -> list[a.Action]:
    """Every action class with the longest field values the product can put in it."""
    state = longest(STATES)
    option = longest(o.value for q in content.dialogue.questions.values() for o in q.options)
    zones = [z.zone for z in content.reminders.timezones] + sorted(available_timezones())
    return [
        a.Begin(state),
        a.Pick(state, option),
        a.Back(state),
        a.Restart(state),
        a.RestartAnswer(state, yes=False),
        a.Help(state),
        a.Confirm(state),
        a.Edit(state, longest(BY_FIELD)),
        a.Resume(),
        a.FaqMenu(),
        a.Faq(longest(item.id for item in content.advice.faq)),
        a.Topic("t" * 61),
        a.AskTopic("f" * 10),  # Passage.key: 5 bytes of blake2b in hex
        a.ShowPlan(),
        a.PlanStart(longest(START_CHOICES)),
        a.RemindMe(),
        a.ShowProgress(),
        a.SetupZone(longest(zones)),
        a.SetupCadence("weekly"),
        a.SetupDay(6, on=False),
        a.SetupDaysDone(),
        a.SetupTime(longest(content.reminders.times)),
        a.SetupQuiet(longest(QUIET_CHOICES)),
        a.ManageReminders("resume"),
        a.NudgeDone(999_999),
        a.Snooze(longest(SNOOZE_DAYS)),
        a.NudgePause(),
        a.StepDone(999_999, 999),
        a.ProgressUndo(99_999_999_999),  # a tick's time, in epoch seconds
        a.ProgressSkip(999_999),
        a.QuietMove("23:59"),
        a.QuietChange(),
        a.DeleteAnswer(yes=True),
        # a page of any screen that can be shown again (Reply.again), at the last page there is
        a.Page(MAX_PAGES, a.Faq(longest(item.id for item in content.advice.faq))),
        a.Page(MAX_PAGES, a.Topic(longest(t.id for t in content.dialogue.detail_topics))),
    ]


def test_every_action_fits_and_round_trips_with_worst_case_values(content: Content) -> None:
    cases = worst_cases(content)
    assert {type(c) for c in cases} == set(a.all_action_classes()), "a class has no worst case"
    for action in cases:
        data = action.encode()
        assert len(data.encode()) <= a.MAX_BYTES, data
        assert a.decode(data) == action


def test_a_page_carries_the_press_that_shows_its_screen_again() -> None:
    page = a.Page(3, a.Topic("job_search"))
    assert page.encode() == "pa|3|tp|job_search"
    assert a.decode("pa|3|tp|job_search") == page
    assert a.decode("pa|2|re") == a.Page(2, a.Resume())
    for junk in ("pa|2", "pa|x|re", "pa|2|zz|q", "pa|2|tp", "pa|2|pa|3|re|x"):
        assert a.decode(junk) is None, junk


def test_encode_refuses_what_telegram_would_reject() -> None:
    with pytest.raises(a.ActionTooLong):
        a.Topic("t" * 62).encode()
    with pytest.raises(ValueError):
        a.Faq("a|b").encode()


def test_a_prefix_can_be_used_only_once() -> None:
    with pytest.raises(TypeError):

        @a.register
        class Clash(a.Begin):
            PREFIX = "go"


@pytest.mark.parametrize(
    "data",
    ["", "|", "go", "go|x|y", "a|state", "sd|x|1", "sd|1|2", "nd|1e9", "zz|1", "del|yes"],
)
def test_forged_data_decodes_to_nothing(data: str) -> None:
    assert a.decode(data) is None


@given(st.text(max_size=80))
def test_decode_never_raises(data: str) -> None:
    a.decode(data)
