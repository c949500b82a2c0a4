"""`make docker-smoke`: the built image, run for real against the fake Bot API.

Why a separate script and not a pytest test: it needs a Docker engine and minutes of image
building, so it is not part of `make test`; deploy/smoke.sh prepares the engine and the images
and then runs ``python -m deploy.smoke`` from the repository root.

Every container runs on the host network and talks only to the in-process fake Bot API
(bench/fake_bot_api) on 127.0.0.1. Steps:

1. image: ``docker run`` the image (long polling, SQLite on a /data volume); the image's own
   HEALTHCHECK command must turn the container healthy, a simulated person's /start must be
   answered, and ``docker stop`` must end it cleanly (exit status 0).
2. postgres: compose.yaml's PostgreSQL service (profile ``postgres``) starts and turns healthy.
3. workers: compose.yaml's two webhook workers on that PostgreSQL turn healthy, answer
   /start posted to each of them (as the reverse proxy would, with the secret token), refuse
   a wrong secret, and share one database (worker-2 exports the person worker-1 served).
   Skipped, and reported as skipped, while the image has no PostgreSQL backend
   (bot.storage.postgres).

Exit status 0 when nothing failed (skipped steps are listed as such), 1 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import shlex
import socket
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx

from bench.fake_bot_api import FakeTelegram

ROOT = Path(__file__).resolve().parent.parent
COMPOSE_FILES = ["-f", str(ROOT / "deploy/compose.yaml"), "-f", str(ROOT / "deploy/smoke.yaml")]
HEALTH_INTERVAL = "2s"  # the image's check command, run more often than its 60 s in production
TIMEOUT = 90.0


class Skipped(Exception):
    """A step that could not run here, for a stated reason; never counted as passed."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def run(*args: str, check: bool = True, env: dict[str, str] | None = None) -> str:
    """Run a command without blocking the fake Bot API; its stdout, stripped."""
    process = await asyncio.create_subprocess_exec(
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, **(env or {})},
    )
    out, err = await process.communicate()
    if check and process.returncode != 0:
        tail = err.decode()[-2000:]
        raise RuntimeError(f"{shlex.join(args)} exited {process.returncode}: {tail}")
    return out.decode().strip()


async def until(what: str, probe: Callable[[], Awaitable[bool]]) -> float:
    """Poll ``probe`` until it holds; the seconds it took (TimeoutError naming ``what``)."""
    start = time.monotonic()
    while not await probe():
        if time.monotonic() - start > TIMEOUT:
            raise TimeoutError(f"{what}: not within {TIMEOUT:.0f}s")
        await asyncio.sleep(0.5)
    return time.monotonic() - start


async def health(container: str) -> str:
    return await run("docker", "inspect", "--format", "{{.State.Health.Status}}", container)


async def wait_healthy(container: str) -> float:
    async def healthy() -> bool:
        status = await health(container)
        if status == "unhealthy":
            logs = await run("docker", "logs", "--tail", "20", container, check=False)
            raise RuntimeError(f"{container} is unhealthy:\n{logs}")
        return status == "healthy"

    return await until(f"{container} healthy", healthy)


async def answered(tg: FakeTelegram, chat_id: int, since: int) -> str:
    reply = await tg.wait_for(
        lambda r: r.method == "sendMessage" and r.chat_id == chat_id and r.ok is True,
        timeout=TIMEOUT,
        since=since,
    )
    text = reply.text or ""
    if "AI Path Advisor" not in text:
        raise AssertionError(f"/start answered with an unexpected text: {text[:80]!r}")
    return text


def bot_env(tg: FakeTelegram) -> dict[str, str]:
    return {
        "TELEGRAM_BOT_TOKEN": tg.token,
        "TELEGRAM_API_BASE_URL": tg.base_url,
        "TELEGRAM_API_BASE_FILE_URL": tg.base_file_url,
    }


async def step_image(tg: FakeTelegram, image: str) -> str:
    name = f"aipath-smoke-{os.getpid()}"
    volume = f"{name}-data"
    env = [arg for key, value in bot_env(tg).items() for arg in ("-e", f"{key}={value}")]
    since = tg.mark()
    await run(
        *("docker", "run", "-d", "--name", name, "--network", "host"),
        *("--health-interval", HEALTH_INTERVAL, "-v", f"{volume}:/data", *env, image),
    )
    try:
        user = await run("docker", "inspect", "--format", "{{.Config.User}}", name)
        test = "{{json .Config.Healthcheck.Test}}"
        check = await run("docker", "inspect", "--format", test, name)
        if json.loads(check) != ["CMD", "aipath", "health"] or user.startswith(("0", "root")):
            raise AssertionError(f"image lost its hardening: user {user!r}, check {check}")
        await tg.wait_for(lambda r: r.method == "getUpdates", timeout=TIMEOUT, since=since)
        mark = tg.mark()
        tg.push_text(4242, "/start")
        await answered(tg, 4242, mark)
        took = await wait_healthy(name)
        await run("docker", "stop", "--time", "30", name)
        status = await run("docker", "inspect", "--format", "{{.State.ExitCode}}", name)
        if status != "0":
            logs = await run("docker", "logs", "--tail", "20", name, check=False)
            raise AssertionError(f"docker stop: exit status {status}\n{logs}")
        tg.assert_no_violations()
        return f"uid {user}, /start answered, healthy after {took:.0f}s, stopped with status 0"
    finally:
        await run("docker", "rm", "-f", "-v", name, check=False)
        await run("docker", "volume", "rm", volume, check=False)


async def has_postgres_backend(image: str) -> bool:
    probe = (
        "import importlib.util as u; print('yes' if u.find_spec('bot.storage.postgres') else 'no')"
    )
    return await run("docker", "run", "--rm", "--entrypoint", "python", image, "-c", probe) == "yes"


class ComposeRun:
    """compose.yaml's ``postgres`` profile plus deploy/smoke.yaml, as project aipath-smoke."""

    def __init__(self, compose: list[str], tg: FakeTelegram, image: str, pg_image: str) -> None:
        self.compose = compose
        # compose.yaml's env_file ../.env then names an empty file here, not the operator's.
        self.scratch = Path(tempfile.mkdtemp(prefix="aipath-smoke-"))
        (self.scratch / "project").mkdir()
        (self.scratch / ".env").touch()
        self.project = f"aipath-smoke-{os.getpid()}"
        self.secret = secrets.token_urlsafe(24)
        self.ports = {"worker-1": free_port(), "worker-2": free_port()}
        self.env = {
            **{f"SMOKE_{k}": v for k, v in bot_env(tg).items()},
            "AIPATH_IMAGE": image,
            "AIPATH_POSTGRES_IMAGE": pg_image,
            "AIPATH_POSTGRES_PASSWORD": secrets.token_hex(16),
            "SMOKE_PG_PORT": str(free_port()),
            "SMOKE_WEBHOOK_SECRET": self.secret,
            "SMOKE_PORT_1": str(self.ports["worker-1"]),
            "SMOKE_PORT_2": str(self.ports["worker-2"]),
            "SMOKE_HEALTH_INTERVAL": HEALTH_INTERVAL,
        }

    async def __call__(self, *args: str, check: bool = True) -> str:
        command = [
            *self.compose,
            *("--project-directory", str(self.scratch / "project"), "-p", self.project),
            *(*COMPOSE_FILES, "--profile", "postgres"),
        ]
        return await run(*command, *args, check=check, env=self.env)

    async def container(self, service: str) -> str:
        return await self("ps", "-q", service)

    async def down(self) -> None:
        await self("down", "-v", "--remove-orphans", "--timeout", "30", check=False)
        for path in (self.scratch / ".env", self.scratch / "project", self.scratch):
            path.unlink() if path.is_file() else path.rmdir()


async def post_start(port: int, secret: str, update_id: int, chat_id: int) -> int:
    update = {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": int(time.time()),
            "text": "/start",
            "chat": {"id": chat_id, "type": "private", "first_name": "Ada"},
            "from": {"id": chat_id, "is_bot": False, "first_name": "Ada"},
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        },
    }
    async with httpx.AsyncClient(timeout=30) as client:
        response = await client.post(
            f"http://127.0.0.1:{port}/telegram",
            json=update,
            headers={"X-Telegram-Bot-Api-Secret-Token": secret},
        )
    return response.status_code


async def step_postgres(stack: ComposeRun) -> str:
    await stack("up", "-d", "--no-build", "postgres")
    took = await wait_healthy(await stack.container("postgres"))
    sql = ("psql", "-U", "aipath", "-d", "aipath", "-tAc", "show server_version")
    version = await stack("exec", "-T", "postgres", *sql)
    return f"PostgreSQL {version.split()[0]} healthy after {took:.0f}s"


async def step_workers(stack: ComposeRun, tg: FakeTelegram, image: str) -> str:
    if not await has_postgres_backend(image):
        raise Skipped("backend not merged (the image has no bot.storage.postgres)")
    since = tg.mark()
    await stack("up", "-d", "--no-build", "worker-1", "worker-2")
    for service in stack.ports:
        await wait_healthy(await stack.container(service))
    await tg.wait_for(lambda r: r.method == "setWebhook", timeout=TIMEOUT, since=since)
    for n, (service, port) in enumerate(stack.ports.items()):
        chat_id = 5000 + n
        mark = tg.mark()
        status = await post_start(port, stack.secret, 900_000 + n, chat_id)
        if status != 200:
            raise AssertionError(f"{service}: webhook answered HTTP {status}")
        await answered(tg, chat_id, mark)
    if await post_start(stack.ports["worker-1"], "wrong-secret", 900_100, 5100) != 403:
        raise AssertionError("worker-1 accepted an update without the right secret token")
    # One database: worker-2's container finds the person that worker-1 served.
    exported = json.loads(await stack("exec", "-T", "worker-2", "aipath", "export", "5000"))
    if not exported:
        raise AssertionError("worker-2 does not see the person worker-1 served")
    tg.assert_no_violations()
    return (
        "both workers healthy on PostgreSQL; /start answered through each; worker-2 exports "
        "the person worker-1 served; a wrong secret gets 403"
    )


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--image", default="aipath:local")
    parser.add_argument("--postgres-image", default="aipath-postgres:bookworm")
    parser.add_argument("--compose", default="docker compose", help="compose v2 command")
    args = parser.parse_args()

    results: list[tuple[str, str, str]] = []

    async def step(name: str, body: Callable[[], Awaitable[str]]) -> None:
        start = time.monotonic()
        try:
            detail, outcome = await body(), "PASS"
        except Skipped as why:
            detail, outcome = f"skipped: {why}", "SKIP"
        except Exception as error:
            detail, outcome = f"{type(error).__name__}: {error}", "FAIL"
        detail = f"{detail} ({time.monotonic() - start:.0f}s)"
        results.append((outcome, name, detail))
        print(f"{outcome:4}  {name:9} {detail}", flush=True)

    async with FakeTelegram(token="123456:SMOKE-token") as tg:
        print(f"fake Bot API on {tg.base_url}", flush=True)
        await step("image", lambda: step_image(tg, args.image))
        stack = ComposeRun(shlex.split(args.compose), tg, args.image, args.postgres_image)
        try:
            await step("postgres", lambda: step_postgres(stack))
            await step("workers", lambda: step_workers(stack, tg, args.image))
        finally:
            if any(outcome == "FAIL" for outcome, _, _ in results[1:]):
                print(await stack("logs", "--tail", "30", check=False), flush=True)
            await stack.down()

    counts = {o: sum(1 for outcome, _, _ in results if outcome == o) for o in ("PASS", "FAIL")}
    skipped = [name for outcome, name, _ in results if outcome == "SKIP"]
    print(
        f"docker-smoke: {counts['PASS']} passed, {counts['FAIL']} failed, "
        f"{len(skipped)} skipped{' (' + ', '.join(skipped) + ')' if skipped else ''}"
    )
    return 1 if counts["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
