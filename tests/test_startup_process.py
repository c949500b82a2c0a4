"""Start-up as an operator sees it, with real processes: one clear line, never the token."""

from __future__ import annotations

import asyncio
import signal
import socket
from pathlib import Path

from bench.fake_bot_api import FakeTelegram
from bench.telegram_driver import SimUser
from tests.bot_process import spawn_bot


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def spawn(db: Path, token: str, base_url: str) -> asyncio.subprocess.Process:
    return await spawn_bot(db, token, base_url, stderr=asyncio.subprocess.PIPE)


async def stop(proc: asyncio.subprocess.Process) -> list[str]:
    if proc.returncode is None:
        proc.send_signal(signal.SIGTERM)
    assert proc.stderr is not None
    err = await asyncio.wait_for(proc.stderr.read(), 30)
    await asyncio.wait_for(proc.wait(), 30)
    return [line for line in err.decode().splitlines() if line.strip()]


async def test_a_wrong_token_prints_one_line_without_it_and_exits_2(tmp_path: Path) -> None:
    wrong = "123456:WRONG-secret-token-value"
    async with FakeTelegram() as tg:
        proc = await spawn(tmp_path / "bot.db", wrong, tg.base_url)
        assert await asyncio.wait_for(proc.wait(), 60) == 2
        lines = await stop(proc)
    assert len(lines) == 1, lines
    assert "WRONG-secret" not in lines[0] and "TELEGRAM_BOT_TOKEN" in lines[0]


async def test_no_network_logs_one_line_per_attempt_and_starts_once_reachable(
    tmp_path: Path,
) -> None:
    port = free_port()
    tg = FakeTelegram(port=port)
    proc = await spawn(tmp_path / "bot.db", tg.token, tg.base_url)
    assert proc.stderr is not None
    first = await asyncio.wait_for(proc.stderr.readline(), 60)
    assert b"telegram_unreachable" in first
    async with tg:
        await tg.wait_for(lambda r: r.method == "getUpdates", timeout=60)
        screen = await SimUser(tg, 77, timeout=20).say("/start")
        assert "AI Path Advisor" in screen.text
        lines = [first.decode().strip(), *await stop(proc)]
    assert proc.returncode == 0
    assert all("telegram_unreachable" in line for line in lines), lines
    assert "Traceback" not in "\n".join(lines)


async def test_a_failing_set_my_commands_is_retried_and_the_bot_starts(tmp_path: Path) -> None:
    async with FakeTelegram() as tg:
        tg.fail_next("setMyCommands", error_code=500, times=2)
        proc = await spawn(tmp_path / "bot.db", tg.token, tg.base_url)
        try:
            await tg.wait_for(lambda r: r.method == "getUpdates", timeout=60)
            screen = await SimUser(tg, 78, timeout=20).say("/start")
            assert "AI Path Advisor" in screen.text
            await tg.wait_for(lambda r: r.method == "setMyCommands" and bool(r.ok), timeout=30)
        finally:
            await stop(proc)
        assert proc.returncode == 0
        assert tg.commands


async def test_a_malformed_token_is_refused_by_its_shape_before_any_network_call(
    tmp_path: Path,
) -> None:
    async with FakeTelegram() as tg:
        proc = await spawn(tmp_path / "bot.db", "abc", tg.base_url)
        assert await asyncio.wait_for(proc.wait(), 60) == 2
        lines = await stop(proc)
        assert tg.requests == []  # refused before reaching (the fake) Telegram
    assert len(lines) == 1, lines
    assert "TELEGRAM_BOT_TOKEN" in lines[0] and "not a bot token" in lines[0]
    assert "abc" not in lines[0].replace("TELEGRAM_BOT_TOKEN", "")


async def spawn_webhook(tg: FakeTelegram, db: Path, **settings: str) -> asyncio.subprocess.Process:
    """`aipath bot` in webhook mode without a secret."""
    return await spawn_bot(
        db,
        tg.token,
        tg.base_url,
        stderr=asyncio.subprocess.PIPE,
        AIPATH_WEBHOOK_URL="https://bot.example/telegram",
        AIPATH_WEBHOOK_LISTEN="127.0.0.1",
        AIPATH_WEBHOOK_PORT=str(free_port()),
        **settings,
    )


async def test_a_webhook_without_a_secret_refuses_to_start(tmp_path: Path) -> None:
    async with FakeTelegram() as tg:
        proc = await spawn_webhook(tg, tmp_path / "bot.db")
        assert await asyncio.wait_for(proc.wait(), 60) == 2
        lines = await stop(proc)
        assert tg.requests == []
    assert len(lines) == 1, lines
    assert "AIPATH_WEBHOOK_SECRET" in lines[0] and "AIPATH_WEBHOOK_INSECURE" in lines[0]


async def test_an_insecure_webhook_runs_only_when_asked_and_warns(tmp_path: Path) -> None:
    async with FakeTelegram() as tg:
        proc = await spawn_webhook(tg, tmp_path / "bot.db", AIPATH_WEBHOOK_INSECURE="1")
        await tg.wait_for(lambda r: r.method == "setWebhook", timeout=60)
        lines = await stop(proc)
    assert proc.returncode == 0
    assert any("webhook_insecure" in line for line in lines), lines
