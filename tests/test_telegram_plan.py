"""The plan and reminders on Telegram: text, roadmap photo, calendar file, setup, a nudge."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.fake_bot_api import FakeTelegram
from bench.telegram_driver import FakeClock, SimUser, bot_running, buttons_of
from bot.telegram.app import sweep_job
from bot.telegram.runtime import KEY
from tests.stored import reminder
from tests.test_telegram_bot import BUTTON_PATH

USER = 1001


async def finish_interview(user: SimUser) -> None:
    await user.say("/start")
    for label in BUTTON_PATH:
        await user.tap(label)
    await user.tap("Looks right")


async def test_plan_arrives_as_text_picture_and_calendar(tg: FakeTelegram, tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 11, 23, 9, tzinfo=UTC))
    async with bot_running(tg, tmp_path / "bot.db", clock):
        user = SimUser(tg, USER)
        await finish_interview(user)
        mark = len(tg.requests)
        await user.tap("My plan")
        document = await tg.wait_for(
            lambda r: r.index >= mark and r.method == "sendDocument", timeout=20
        )
        sent = [r for r in tg.requests if r.index >= mark]
        text = next(r for r in sent if r.method == "sendMessage")
        assert "Mon 23 Nov 2026" in text.params["text"]
        photo = next(r for r in sent if r.method == "sendPhoto")
        assert photo.params["photo"].data.startswith(b"\x89PNG")
        ics = document.params["document"].data.decode()
        assert ics.startswith("BEGIN:VCALENDAR") and "\r\nDTSTART;VALUE=DATE:20" in ics
        assert "DTSTART;VALUE=DATE:20261123" not in ics  # events sit on deadlines, not starts
        assert "BEGIN:VALARM" in ics and str(USER) not in ics  # no Telegram id in the file

        action = next(r for r in sent if r.method == "sendChatAction")
        assert action.params["action"] == "upload_photo" and action.index < photo.index
        pages = [r.result["message_id"] for r in sent if r.method == "sendPhoto"]
        old_files = {*pages, document.result["message_id"]}

        # Re-dated: the plan message is edited and the old files replaced, not piled up.
        user.buttons = buttons_of(text.params)
        user.keyboard_message = text.result["message_id"]
        mark = len(tg.requests)
        await user.tap("Start next Monday")
        await tg.wait_for(lambda r: r.index >= mark and r.method == "deleteMessage", timeout=20)
        await tg.wait_idle()
        redo = [r for r in tg.requests if r.index >= mark]
        edited = next(r for r in redo if r.method == "editMessageText")
        assert edited.params["message_id"] == text.result["message_id"]
        assert "Mon 30 Nov 2026" in edited.params["text"]
        assert not any(r.method == "sendMessage" for r in redo)
        assert {r.params["message_id"] for r in redo if r.method == "deleteMessage"} == old_files
        new_ics = next(r for r in redo if r.method == "sendDocument").params["document"].data
        assert "SEQUENCE:1" in new_ics.decode()  # re-dated: calendar apps update the events
        uids = [line for line in ics.splitlines() if line.startswith("UID:")]
        assert uids == [line for line in new_ics.decode().splitlines() if line.startswith("UID:")]
        assert len(tg.messages[USER]) == len(set(tg.messages[USER]))
        tg.assert_no_violations()


async def test_reminder_setup_then_a_nudge_and_done(tg: FakeTelegram, tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 11, 22, 9, tzinfo=UTC))  # a Sunday
    async with bot_running(tg, tmp_path / "bot.db", clock) as app:
        user = SimUser(tg, USER)
        await finish_interview(user)
        screen = await user.say("/reminders")
        assert "Which timezone" in screen.text
        screen = await user.say("Mars/Olympus")
        assert "don't know that timezone" in screen.text
        screen = await user.say("UTC+3")
        assert "How often" in screen.text
        await user.tap("Weekly")
        await user.tap("Tue")  # Monday is preselected; add Tuesday
        screen = await user.tap("Mon")  # and take Monday off again
        assert "✓ Tue" in [b["text"] for b in user.buttons]
        await user.tap("Done")
        screen = await user.say("18:30")
        assert "quiet hours" in screen.text
        screen = await user.tap("No quiet hours")
        assert "Reminders are on: Tue at 18:30 (UTC+03:00)" in screen.text
        assert "Tue 24 Nov, 18:30" in screen.text

        class Context:
            bot = app.bot
            bot_data = app.bot_data

        clock.now = datetime(2026, 11, 24, 15, 30, tzinfo=UTC)  # 18:30 at UTC+3
        mark = len(tg.requests)
        await sweep_job(Context())  # type: ignore[arg-type]
        nudge = await tg.wait_for(
            lambda r: r.index >= mark and r.method == "sendMessage", timeout=10
        )
        assert "Milestone 1 of" in nudge.params["text"]
        await sweep_job(Context())  # type: ignore[arg-type]
        assert len([r for r in tg.requests if r.index >= mark and r.method == "sendMessage"]) == 1
        user.buttons = buttons_of(nudge.params)
        user.keyboard_message = nudge.result["message_id"]
        mark = len(tg.requests)
        assert "This week's step:" in nudge.params["text"]  # a 61-week phase: one week at a time
        await user.tap("✅ Whole milestone done", keyboard=False)
        done = await tg.wait_for(
            lambda r: r.index >= mark and r.method == "editMessageText", timeout=10
        )
        assert "Well done! Next up" in done.params["text"]
        assert "Weekly streak: 1" in done.params["text"]  # the nudge became the progress screen
        screen = await user.say("/progress")
        assert "1 of" in screen.text and "Weekly streak: 1" in screen.text
        assert "Now: milestone 2 of" in screen.text
        labels = [b["text"] for b in user.buttons]
        assert labels == [
            "✅ This week's step done",
            "✅ Whole milestone done",
            "⏭ Skip to next",
            "↩️ Undo last",
            "📅 See the plan",
        ]
        screen = await user.tap("↩️ Undo last")
        assert "milestone 1 is open again" in screen.text and "0 of" in screen.text
        record = await reminder(app.bot_data[KEY].storage, USER)
        assert record.next_due == int((clock.now + timedelta(days=7)).timestamp())


async def test_blocked_user_marks_reminders_and_user_inactive(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    clock = FakeClock(datetime(2026, 11, 22, 9, tzinfo=UTC))
    async with bot_running(tg, tmp_path / "bot.db", clock) as app:
        user = SimUser(tg, USER)
        await finish_interview(user)
        await user.say("/reminders")
        await user.tap("UTC")
        await user.tap("Daily")
        await user.tap("09:00")
        await user.tap("No quiet hours")
        tg.block_user(USER)

        class Context:
            bot = app.bot
            bot_data = app.bot_data

        clock.advance(days=1)
        await sweep_job(Context())  # type: ignore[arg-type]
        runtime = app.bot_data[KEY]
        record = await reminder(runtime.storage, USER)
        assert record.status == "blocked"
