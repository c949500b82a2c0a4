"""The recommendation's detail screens open from its buttons (engine and Telegram) and from
console commands."""

from __future__ import annotations

from pathlib import Path

from bench.fake_bot_api import FakeTelegram
from bench.telegram_driver import SimUser, bot_running
from flows.actions import Topic, decode
from flows.advice.present import present_recommendation
from flows.advice.rules import recommend
from flows.content import Content
from flows.engine import Engine
from flows.events import Press
from tests.conftest import BASE_PROFILE, make_profile
from tests.test_console import chat
from tests.test_engine import Conversation
from tests.test_telegram_plan import finish_interview

USER = 1001
CONSOLE_ANSWERS = ["1", "4", "3", "3", "1", "1", "2", "15k", "0", "1", "20", "2", "1"]


def test_the_headline_has_one_button_per_topic(content: Content) -> None:
    reply = present_recommendation(content, recommend(make_profile(), content), "recommendation")
    topics = [b.action for b in reply.flat_buttons if isinstance(b.action, Topic)]
    assert topics == [Topic(t.id) for t in content.dialogue.detail_topics]
    assert all(decode(t.encode()) == t for t in topics)


def test_engine_opens_a_detail_screen_once_finished(engine: Engine, content: Content) -> None:
    done = Conversation(state="recommendation", answers=BASE_PROFILE)
    step = engine.handle(done, Press(Topic("certifications")))
    assert not step.changed
    assert step.reply.blocks[0].text == content.dialogue.detail_topics[3].title
    assert "AWS Machine Learning Specialty" in step.reply.blocks[1].items[0]


def test_engine_detail_before_the_end_or_unknown_is_a_friendly_notice(
    engine: Engine, content: Content
) -> None:
    midway = Conversation(state="degree", answers={"coding_experience": "none"})
    step = engine.handle(midway, Press(Topic("costs")))
    assert step.conversation == midway and not step.changed
    assert step.reply.notice == content.dialogue.messages["recommendation_not_ready"]
    done = Conversation(state="recommendation", answers=BASE_PROFILE)
    step = engine.handle(done, Press(Topic("nonsense")))
    assert step.reply.notice == content.dialogue.messages["stale"]


def test_console_opens_detail_screens_by_command_and_number(engine: Engine, tmp_path: Path) -> None:
    out = chat(engine, tmp_path / "db.sqlite", [*CONSOLE_ANSWERS, "/costs", "/self_check"])
    assert "COSTS AND CASH FLOW: ACCELERATED AI ENGINEERING IMMERSIVE" in out
    assert "the provider's own published figures" in out
    assert "SELF-CHECK: WHAT HIRING MANAGERS LOOK FOR" in out and "☐" in out
    out = chat(engine, tmp_path / "db.sqlite", ["/recommendation", "3"])  # 3) Other paths
    assert "OTHER PATHS, AND WHY THEY COME SECOND" in out


async def test_telegram_detail_buttons_open_their_screens(tg: FakeTelegram, tmp_path: Path) -> None:
    async with bot_running(tg, tmp_path / "bot.db"):
        user = SimUser(tg, USER)
        await finish_interview(user)
        screen = await user.tap("Costs")
        assert "Costs and cash flow" in screen.text and "$11,900" in screen.text
        for _ in range(3):  # the sources close the screen, on its last page
            screen = await user.tap("Next page")
            if "Flatiron School publishes" in screen.text:
                break
        assert "Flatiron School publishes" in screen.text
        screen = await user.tap("Continue")
        assert "Recommended path: Accelerated" in screen.text
        screen = await user.tap("Other paths")
        assert "why they come second" in screen.text
        screen = await user.tap("Continue")
        screen = await user.tap("Job search")
        assert "Getting past the resume filter" in screen.text
        screen = await user.tap("Next page")
        assert "Interview rounds" in screen.text
