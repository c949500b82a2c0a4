"""Screens as a person sees them on Telegram (issues 20 and 21), through the fake Bot API:
pages of one message, one current message per screen, progress that answers every tap,
nudges that wait for the plan's start, undo, stale presses, answers that stay, and files."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bench.fake_bot_api import FakeTelegram
from bench.telegram_driver import FakeClock, SimUser, bot_running, buttons_of, plain
from tests.test_telegram_plan import finish_interview

USER = 2001
FILES = ("sendPhoto", "sendDocument")


def chat_texts(tg: FakeTelegram, chat: int) -> dict[int, str]:
    """Every message in the chat now, as the person reads it."""
    return {mid: m.get("text", m.get("caption", "")) for mid, m in tg.messages[chat].items()}


def on(user: SimUser, request: object) -> None:
    """Look at the message a request sent or edited (its buttons become the ones to tap)."""
    params = request.params  # type: ignore[attr-defined]
    user.buttons = buttons_of(params)
    user.earlier = []
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


async def test_a_stale_button_on_any_screen_shows_the_current_screen(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """Issue 21.4: a reminder-setup button on an old message (the setup was left) answers with
    the screen the person is on now, never a bare "here is where you are"; so does an answer to
    an erase question already answered."""
    async with bot_running(tg, tmp_path / "bot.db"):
        user = SimUser(tg, USER)
        await finish_interview(user)
        await user.say("/reminders")
        setup = user.keyboard_message
        await user.tap("UTC")  # the cadence step, on the same message
        await user.say("/profile")  # leaves the setup
        mark = tg.mark()
        assert setup is not None
        tg.push_callback(USER, "sc|daily", setup)  # "Daily", on the old setup message
        await tg.wait_for(lambda r: r.method == "answerCallbackQuery", since=mark)
        await tg.wait_idle()
        shown = [r for r in tg.requests[mark:] if r.method in ("sendMessage", "editMessageText")]
        assert shown, "the stale press showed nothing"
        text = plain(shown[-1].params["text"])
        assert "Here is where you are now." in text
        assert "Recommended path:" in text, text
        await user.say("/delete")
        question = user.keyboard_message
        assert question is not None
        await user.tap("No", keyboard=False)
        await tg.wait_idle()
        mark = tg.mark()
        tg.push_callback(USER, "del|0", question)  # "No" again: answered already
        await tg.wait_for(lambda r: r.method == "answerCallbackQuery", since=mark)
        await tg.wait_idle()
        shown = [r for r in tg.requests[mark:] if r.method in ("sendMessage", "editMessageText")]
        assert shown and "Here is where you are now." in plain(shown[-1].params["text"])


async def test_an_answer_to_a_typed_question_stays_in_the_chat(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """Issue 21.5: a question typed mid-interview is answered in a message of its own; the
    interview's question comes back below it, and answering that question edits the question's
    message, never the answer."""
    async with bot_running(tg, tmp_path / "bot.db"):
        user = SimUser(tg, USER)
        await user.begin()
        mark = tg.mark()
        screen = await user.say("which certifications matter most?")
        sent = [r for r in screen.requests if r.method == "sendMessage"]
        assert len(sent) == 2, [plain(r.params["text"])[:60] for r in sent]
        answer, question = (int(r.result["message_id"]) for r in sent)
        answer_text = tg.messages[USER][answer]["text"]
        assert "AWS Machine Learning Specialty" in answer_text
        assert "Let's start with code" in tg.messages[USER][question]["text"]
        topics = [b["text"] for b in tg.buttons(USER, answer)]
        assert topics and "I ship production code" not in topics  # the answer's own buttons
        mark = tg.mark()
        await user.tap("I ship production code")
        edited = [r for r in tg.requests[mark:] if r.method == "editMessageText"]
        assert [int(r.params["message_id"]) for r in edited] == [question]
        assert tg.messages[USER][answer]["text"] == answer_text  # the answer stays
        assert not any(r.method == "sendMessage" for r in tg.requests[mark:])


async def test_a_new_set_of_plan_files_replaces_the_old_one_only_whole(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """Issue 21.6: when a file of the new set fails, the old files stay, a message says which
    file is current, and the next new set replaces both sets, leaving one in the chat."""
    clock = FakeClock(datetime(2026, 11, 23, 9, tzinfo=UTC))
    async with bot_running(tg, tmp_path / "bot.db", clock):
        user = SimUser(tg, USER)
        await finish_interview(user)
        mark = tg.mark()
        await user.tap("My plan")
        plan = next(r for r in tg.requests[mark:] if r.method == "sendMessage")
        first = {r.result["message_id"] for r in tg.requests[mark:] if r.method in FILES}
        on(user, plan)
        tg.fail_next("sendDocument", error_code=500)  # the new calendar does not arrive
        mark = tg.mark()
        await user.tap("Start next Monday")
        redo = tg.requests[mark:]
        assert not any(r.method == "deleteMessage" for r in redo)  # the old set stays
        pictures = [r.result["message_id"] for r in redo if r.method == "sendPhoto" and r.ok]
        assert pictures and set(tg.messages[USER]) >= first
        note = plain(next(r for r in redo if r.method == "sendMessage").params["text"])
        assert "couldn't send ai-path-plan.ics" in note and "roadmap" in note, note
        assert "previous dates" in note and "/plan" in note
        mark = tg.mark()
        await user.tap("Start in 2 weeks", message_id=int(plan.result["message_id"]))
        redo = tg.requests[mark:]
        deleted = {r.params["message_id"] for r in redo if r.method == "deleteMessage"}
        assert deleted == first | set(pictures)  # both earlier sets go once the new one is in
        files_now = [mid for mid, m in tg.messages[USER].items() if "photo" in m or "document" in m]
        newest = {r.result["message_id"] for r in redo if r.method in FILES}
        assert set(files_now) == newest


EXPORT_SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "export.md"


@pytest.mark.skipif(
    not EXPORT_SCHEMA.exists(), reason="the typed export and docs/export.md come with r3-storage"
)
async def test_export_through_telegram_is_typed_json(tg: FakeTelegram, tmp_path: Path) -> None:
    """Issue 21.7, as a person gets it: /export sends my-aipath-data.json, plain typed JSON as
    docs/export.md documents it (a version, lists as lists, objects as objects, ISO dates)."""
    clock = FakeClock(datetime(2026, 11, 23, 9, tzinfo=UTC))
    async with bot_running(tg, tmp_path / "bot.db", clock):
        user = SimUser(tg, USER)
        await finish_interview(user)
        mark = tg.mark()
        await user.tap("My plan")
        await tg.wait_for(lambda r: r.method == "sendDocument", since=mark, timeout=20)
        await user.say("/progress")
        await user.tap("This week's step done")
        mark = tg.mark()
        await user.say("/export", keyboard=False)
        document = await tg.wait_for(lambda r: r.method == "sendDocument", since=mark)
        upload = document.params["document"]
        assert upload.filename == "my-aipath-data.json"
        data = json.loads(upload.data)
    assert isinstance(data["version"], int)
    for table in ("users", "plans", "reminders", "checkins"):
        assert isinstance(data[table], list), table
    (person,) = data["users"]
    assert person["user_id"] == USER and isinstance(person["conversation"], dict)
    assert person["conversation"]["state"] == "recommendation"
    assert isinstance(person["recommendation"], dict)
    assert isinstance(person["active"], bool)
    assert all(isinstance(u, list) and len(u) == 2 for u in person["recent_updates"])
    datetime.fromisoformat(person["created_at"])
    (plan,) = data["plans"]
    assert date.fromisoformat(plan["start_date"]) == date(2026, 11, 23)
    assert plan["file_messages"] and all(isinstance(m, int) for m in plan["file_messages"])
    assert [c["week"] for c in data["checkins"]] == ["2026-W48"]
    text = upload.data.decode()
    assert '"[' not in text and '"{' not in text  # no JSON inside JSON strings


async def test_a_long_screen_is_pages_of_one_message_and_continue_leaves_nothing(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """Issue 20.2: "Plan step by step" (4,000 characters for some people) is pages of at most
    1,500 characters in ONE message, turned with Next and Previous; Continue shows the
    recommendation in that same message, and no part of the plan is left in the chat."""
    async with bot_running(tg, tmp_path / "bot.db"):
        user = SimUser(tg, USER)
        await finish_interview(user)
        recommendation = user.keyboard_message
        before = set(tg.messages[USER])
        mark = tg.mark()
        screen = await user.tap("Plan step by step")
        pages = [screen.text]
        while any("Next page" in b["text"] for b in user.buttons):
            screen = await user.tap("Next page")
            pages.append(screen.text)
        assert len(pages) >= 3, pages
        assert [p.split("\n")[2] for p in pages][:2] == [
            f"Page 1 of {len(pages)}",
            f"Page 2 of {len(pages)}",
        ]
        screen = await user.tap("Previous page")
        assert f"Page {len(pages) - 1} of {len(pages)}" in screen.text
        shown = [r for r in tg.requests[mark:] if r.method in ("sendMessage", "editMessageText")]
        assert {r.method for r in shown} == {"editMessageText"}
        assert {int(r.params["message_id"]) for r in shown} == {recommendation}
        assert max(len(plain(r.params["text"])) for r in shown) <= 1500
        screen = await user.tap("Continue")
        assert "Recommended path:" in screen.text and user.keyboard_message == recommendation
        assert set(tg.messages[USER]) == before  # nothing stranded, nothing added
        assert not any("Your study plan:" in t for t in chat_texts(tg, USER).values())
