"""Screens as a person sees them on Telegram (issues 20 and 21), through the fake Bot API:
pages of one message, one current message per screen, progress that answers every tap,
nudges that wait for the plan's start, undo, stale presses, answers that stay, and files."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bench.fake_bot_api import FakeTelegram
from bench.telegram_driver import FakeClock, SimUser, bot_running, buttons_of, plain
from tests.test_telegram_plan import finish_interview

USER = 2001


def chat_texts(tg: FakeTelegram, chat: int) -> dict[int, str]:
    """Every message in the chat now, as the person reads it."""
    return {mid: m.get("text", m.get("caption", "")) for mid, m in tg.messages[chat].items()}


def on(user: SimUser, request: object) -> None:
    """Look at the message a request sent or edited (its buttons become the ones to tap)."""
    params = request.params  # type: ignore[attr-defined]
    user.buttons = buttons_of(params)
    if "message_id" in params:
        user.keyboard_message = int(params["message_id"])
    else:
        user.keyboard_message = int(request.result["message_id"])  # type: ignore[attr-defined]


async def test_the_same_start_date_again_sends_nothing_again(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """Issue 20.3: "Start today" on a plan that starts today edits nothing and sends nothing:
    no second plan message, no second set of files."""
    clock = FakeClock(datetime(2026, 11, 23, 9, tzinfo=UTC))
    async with bot_running(tg, tmp_path / "bot.db", clock):
        user = SimUser(tg, USER)
        await finish_interview(user)
        mark = tg.mark()
        await user.tap("My plan")
        await tg.wait_for(lambda r: r.method == "sendDocument", since=mark, timeout=20)
        plan = next(r for r in tg.requests[mark:] if r.method == "sendMessage")
        on(user, plan)
        before = chat_texts(tg, USER)
        mark = tg.mark()
        await user.tap("Start today", keyboard=False)
        await tg.wait_idle()
        sent = {r.method for r in tg.requests[mark:] if r.chat_id == USER}
        assert sent & {"sendMessage", "sendPhoto", "sendDocument", "deleteMessage"} == set()
        assert chat_texts(tg, USER) == before
        answer = next(r for r in tg.requests[mark:] if r.method == "answerCallbackQuery")
        assert "already starts on Mon 23 Nov 2026" in answer.params["text"]
        # A new date still edits the plan in place and replaces the files.
        mark = tg.mark()
        await user.tap("Start next Monday", keyboard=False)
        await tg.wait_for(lambda r: r.method == "deleteMessage", since=mark, timeout=20)
        await tg.wait_idle()
        redo = tg.requests[mark:]
        assert not any(r.method == "sendMessage" for r in redo)
        edited = next(r for r in redo if r.method == "editMessageText")
        assert "Mon 30 Nov 2026" in plain(edited.params["text"])


async def test_every_tick_answers_with_undo_and_a_changed_button(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """Issue 20.4: "This week's step done" is answered with an Undo, and the button shows it is
    done; pressed again it changes nothing; Undo opens the step again."""
    clock = FakeClock(datetime(2026, 11, 23, 9, tzinfo=UTC))  # a Monday: the plan starts today
    async with bot_running(tg, tmp_path / "bot.db", clock):
        user = SimUser(tg, USER)
        await finish_interview(user)
        await user.say("/progress")
        assert user.buttons[0]["text"] == "✅ This week's step done"
        screen = await user.tap("This week's step done")
        labels = [b["text"] for b in user.buttons]
        assert "↩️ Undo last" in labels, labels
        assert "✓ This week's step: done" in labels and "✅ This week's step done" not in labels
        assert "Weekly streak: 1" in screen.text
        mark = tg.mark()
        screen = await user.tap("This week's step: done")  # again: it is done already
        assert "ticked off already" in screen.text and "Weekly streak: 1" in screen.text
        assert not any(r.method == "sendMessage" for r in tg.requests[mark:])
        screen = await user.tap("Undo last")
        assert "this week's step is open again" in screen.text
        assert "Weekly streak: 0" in screen.text
        labels = [b["text"] for b in user.buttons]
        assert labels[0] == "✅ This week's step done" and "↩️ Undo last" not in labels


async def test_a_plan_not_started_says_when_it_starts(tg: FakeTelegram, tmp_path: Path) -> None:
    """Issue 20.4 and 21.1: before its start date, /progress says when the plan starts and
    what to prepare, and counts no weeks."""
    clock = FakeClock(datetime(2026, 12, 11, 9, tzinfo=UTC))  # a Friday
    async with bot_running(tg, tmp_path / "bot.db", clock):
        user = SimUser(tg, USER)
        await finish_interview(user)
        mark = tg.mark()
        await user.tap("My plan")
        await tg.wait_for(lambda r: r.method == "sendDocument", since=mark, timeout=20)
        on(user, next(r for r in tg.requests[mark:] if r.method == "sendMessage"))
        await user.tap("Start next Monday")
        screen = await user.say("/progress")
        assert "starts on Mon 14 Dec (in 3 days)" in screen.text, screen.text
        assert "To prepare:" in screen.text
        assert "Week 1 of" not in screen.text and "Now: milestone 1" not in screen.text
        assert [b["text"] for b in user.buttons] == ["📅 See the plan"]
        clock.advance(days=3)  # Monday: week 1 has begun
        screen = await user.say("/progress")
        assert "Now: milestone 1 of" in screen.text and "Week 1 of" in screen.text


async def test_nudges_wait_for_the_plans_start(tg: FakeTelegram, tmp_path: Path) -> None:
    """Issue 21.1: the first nudge comes on or after the plan's start date, and the reminder
    setup says so ("Next one:"), whether the start moved before or after the setup."""
    clock = FakeClock(datetime(2026, 12, 11, 9, tzinfo=UTC))  # Friday
    async with bot_running(tg, tmp_path / "bot.db", clock) as app:
        user = SimUser(tg, USER)
        await finish_interview(user)
        await user.say("/reminders")
        await user.tap("UTC")
        await user.tap("Daily")
        await user.tap("18:00")
        screen = await user.tap("No quiet hours")
        assert "Next one: Fri 11 Dec, 18:00" in screen.text  # the plan starts today
        mark = tg.mark()
        await user.say("/plan")
        await tg.wait_for(lambda r: r.method == "sendDocument", since=mark, timeout=20)
        on(user, next(r for r in tg.requests[mark:] if r.method == "sendMessage"))
        await user.tap("Start in 2 weeks")  # Fri 25 Dec
        screen = await user.say("/reminders")
        assert "Next one: Fri 25 Dec, 18:00" in screen.text, screen.text
        await user.tap("Change")
        await user.tap("UTC")
        await user.tap("Daily")
        await user.tap("09:00")
        screen = await user.tap("No quiet hours")
        assert "Next one: Fri 25 Dec, 09:00" in screen.text, screen.text

        class Context:
            bot = app.bot
            bot_data = app.bot_data

        from bot.telegram.app import sweep_job

        for _ in range(13):  # every day until the start: no nudge
            clock.advance(days=1)
            mark = tg.mark()
            await sweep_job(Context())  # type: ignore[arg-type]
            assert not [r for r in tg.requests[mark:] if r.method == "sendMessage"]
        clock.advance(days=1)  # Fri 25 Dec, 09:00
        mark = tg.mark()
        await sweep_job(Context())  # type: ignore[arg-type]
        nudge = next(r for r in tg.requests[mark:] if r.method == "sendMessage")
        assert "Week 1 of" in plain(nudge.params["text"])


async def test_undo_puts_back_the_streak_and_the_reminders(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """Issue 21.2: streak 0 → whole milestone done → 1 → Undo → 0 again; and undoing a step
    puts the next nudge back where it was."""
    clock = FakeClock(datetime(2026, 11, 23, 9, tzinfo=UTC))  # Monday
    async with bot_running(tg, tmp_path / "bot.db", clock):
        user = SimUser(tg, USER)
        await finish_interview(user)
        await user.say("/reminders")
        await user.tap("UTC")
        await user.tap("Daily")
        await user.tap("18:00")
        screen = await user.tap("No quiet hours")
        assert "Next one: Mon 23 Nov, 18:00" in screen.text
        screen = await user.say("/progress")
        assert "Weekly streak: 0" in screen.text
        screen = await user.tap("Whole milestone done")
        assert "Weekly streak: 1" in screen.text
        screen = await user.tap("Undo last")
        assert "milestone 1 is open again" in screen.text
        assert "Weekly streak: 0" in screen.text and "0 of" in screen.text
        screen = await user.tap("This week's step done")
        assert "quiet until Mon 30 Nov, 18:00" in screen.text and "Weekly streak: 1" in screen.text
        screen = await user.tap("Undo last")
        assert "Weekly streak: 0" in screen.text
        screen = await user.say("/reminders")
        assert "Next one: Mon 23 Nov, 18:00" in screen.text, screen.text
