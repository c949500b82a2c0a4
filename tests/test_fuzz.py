"""Fuzz: thousands of random updates against the real bot and the fake Bot API.

Every command, typed junk, non-text, edits, groups, blocks, updates the library cannot parse,
update ids that restart lower, and presses that are current, stale, doubled, forged or on
messages too old to edit, from many people at once. Afterwards: no unhandled error was logged,
Telegram's rules were never broken, every press was answered, and every person can still reach
a recommendation. Seeded (`AIPATH_FUZZ_SEED`), so a failure reproduces.
"""

from __future__ import annotations

import logging
import os
import random
from pathlib import Path
from typing import Any

import pytest

from bench.fake_bot_api import BOT_USERNAME, KINDS, FakeTelegram
from bench.telegram_driver import FakeClock, bot_running, plain, turn_done
from flows.content import default_content

SEED = int(os.environ.get("AIPATH_FUZZ_SEED", "20261123"))
UPDATES = int(os.environ.get("AIPATH_FUZZ_UPDATES", "2000"))
PEOPLE = 40
BATCH = 25

COMMANDS = (
    "/start", "/start ref_fuzz", "/help", "/back", "/restart", "/profile", "/recommendation",
    "/faq", "/plan", "/reminders", "/progress", "/privacy", "/delete", "/export", "/stats",
    "/nosuchcommand", f"/help@{BOT_USERNAME}", "/start@other_bot",
)  # fmt: skip
TYPED = (
    "3", "15k", "$2,000", "ten hours", "20", "not sure", "yes", "no", "nope", "Europe/Berlin",
    "UTC+3", "18:30", "6pm", "How long does it take?", "is a master's worth it", "hello", "",
    "   ", "<b>bold</b> & <i>", "🙂🙂🙂", "x" * 300, "y" * 5000, "-5", "999999999999999999999",
    "Let's begin", "I ship production code", "Yes, delete everything", "what's the weather",
)  # fmt: skip


def _forged(rng: random.Random) -> str:
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789:|=_-*"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 64)))


class Fuzzer:
    def __init__(self, tg: FakeTelegram, rng: random.Random) -> None:
        self.tg = tg
        self.rng = rng
        self.people = [700_000 + i for i in range(PEOPLE)]
        self.blocked: set[int] = set()

    def keyboards(self, chat_id: int) -> list[tuple[int, list[dict[str, Any]]]]:
        """(message id, callback buttons) of every bot message in the chat that has buttons."""
        found = []
        for message_id, message in self.tg.messages.get(chat_id, {}).items():
            rows = message.get("reply_markup", {}).get("inline_keyboard", [])
            buttons = [b for row in rows for b in row if "callback_data" in b]
            if buttons:
                found.append((message_id, buttons))
        return found

    def one(self) -> None:
        rng, tg = self.rng, self.tg
        user = rng.choice(self.people)
        roll = rng.random()
        keyboards = self.keyboards(user)
        if roll < 0.40 and keyboards:
            # Mostly the newest keyboard (current), sometimes an older one (stale), sometimes twice.
            message_id, buttons = keyboards[-1] if rng.random() < 0.8 else rng.choice(keyboards)
            data = rng.choice(buttons)["callback_data"]
            tg.push_callback(user, data, message_id, inaccessible=rng.random() < 0.05)
            if rng.random() < 0.1:
                tg.push_callback(user, data, message_id)
        elif roll < 0.48:
            message_id = keyboards[-1][0] if keyboards and rng.random() < 0.7 else 999_999
            tg.push_callback(user, _forged(rng), message_id)
        elif roll < 0.63:
            tg.push_text(user, rng.choice(COMMANDS))
        elif roll < 0.83:
            text = rng.choice(TYPED)
            if text.strip():
                tg.push_text(user, text)
            else:
                tg.push_text(user, "?")
        elif roll < 0.88:
            tg.push_kind(user, rng.choice(sorted(KINDS)))
        elif roll < 0.905:
            tg.push_malformed(user, rng.choice(TYPED) or "?")
        elif roll < 0.91:
            tg.push_edited_text(user, rng.randint(1, 50), rng.choice(TYPED) or "edit")
        elif roll < 0.96:
            text = rng.choice(
                ["/start", f"/start@{BOT_USERNAME}", f"hi @{BOT_USERNAME}", "chatter", "/help"]
            )
            tg.push_text(user, text, chat_type="group", chat_id=-(user % 7) - 1)
        elif user in self.blocked:
            tg.unblock_user(user)
            self.blocked.discard(user)
        else:
            tg.block_user(user)
            self.blocked.add(user)


def latest_screen(tg: FakeTelegram, user: int) -> tuple[int, dict[str, Any]] | None:
    """The bot message with buttons that the bot sent or edited last in the person's chat."""
    for request in reversed(tg.requests):
        if request.chat_id != user or not request.ok:
            continue
        if request.method == "editMessageText":
            message_id = int(request.params["message_id"])
        elif request.method == "sendMessage" and isinstance(request.result, dict):
            message_id = int(request.result["message_id"])
        else:
            continue
        message = tg.messages.get(user, {}).get(message_id, {})
        if message.get("reply_markup", {}).get("inline_keyboard"):
            return message_id, message
    return None


def next_press(tg: FakeTelegram, user: int) -> tuple[str, int] | None:
    """The button a person heading for a recommendation taps next (None: send /restart).

    On a question they tap its first answer; on the restart question, the welcome and the
    summary they go forward; anywhere else (FAQ, topics, reminders...) they start over.
    """
    dialogue = default_content().dialogue
    words = dialogue.buttons
    nav = {words["back"], words["restart"], words["help"], words["restart_no"]}
    priority = [words["confirm"], words["restart_yes"], words["begin"]]
    progress = dialogue.messages["progress"].split("{")[0]
    screen = latest_screen(tg, user)
    if screen is None:
        return None
    message_id, message = screen
    rows = message["reply_markup"]["inline_keyboard"]
    buttons = [b for row in rows for b in row if "callback_data" in b]
    labels = {b["text"]: b for b in buttons}
    choice = next((labels[p] for p in priority if p in labels), None)
    if choice is None and progress in plain(str(message.get("text", ""))):
        choice = next((b for b in buttons if b["text"] not in nav), None)
    return (choice["callback_data"], message_id) if choice else None


def sees_recommendation(tg: FakeTelegram, user: int) -> bool:
    screen = latest_screen(tg, user)
    text = plain(str(screen[1].get("text", ""))) if screen else ""
    return "Recommended path" in text or "Closest path" in text  # closest: when nothing fits


async def everyone_reaches_a_recommendation(tg: FakeTelegram, people: list[int]) -> set[int]:
    """Drive every person, all at once, to a recommendation using only what the bot shows."""
    waiting = set(people)
    for update in [tg.push_text(user, "/restart") for user in people]:
        await turn_done(tg, update, timeout=90)
    await tg.wait_idle(timeout=90)
    for _ in range(40):
        waiting = {user for user in waiting if not sees_recommendation(tg, user)}
        if not waiting:
            break
        pushed = []
        for user in sorted(waiting):
            press = next_press(tg, user)
            if press is None:
                pushed.append(tg.push_text(user, "/restart"))
            else:
                pushed.append(tg.push_callback(user, *press))
        for update in pushed:  # each person reads the answer before tapping again: the bot's
            await turn_done(tg, update, timeout=90)  # turn is done, however slow the machine
        await tg.wait_idle(timeout=90)
    return waiting


async def test_random_updates_break_nothing(
    tg: FakeTelegram, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    rng = random.Random(SEED)
    fuzzer = Fuzzer(tg, rng)
    caplog.set_level(logging.WARNING)
    async with bot_running(tg, tmp_path / "fuzz.db", FakeClock()):
        sent = 0
        while sent < UPDATES:
            for _ in range(BATCH):
                fuzzer.one()
            sent += BATCH
            await tg.wait_idle(timeout=90)
            if sent == UPDATES // 2 // BATCH * BATCH:
                # A quiet week: Telegram restarts update ids lower. Nobody may be locked out.
                tg.restart_update_ids(1_000 + rng.randrange(1_000))
        for user in list(fuzzer.blocked):
            tg.unblock_user(user)
        errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
        assert not errors, f"seed {SEED}: " + "; ".join(r.getMessage() for r in errors[:5])
        stuck = await everyone_reaches_a_recommendation(tg, fuzzer.people)
        assert not stuck, f"seed {SEED}: stuck {sorted(stuck)}; " + " | ".join(
            plain(str(screen[1].get("text", "")))[:200]
            for screen in (latest_screen(tg, user) for user in sorted(stuck)[:3])
            if screen
        )
    assert tg.violations == [], f"seed {SEED}: {tg.violations[:5]}"
    assert not tg.unanswered_callbacks(), f"seed {SEED}"
