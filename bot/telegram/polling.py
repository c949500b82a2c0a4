"""Long polling: fetch updates, parse each once, hand them to the application; quiet outages.

Why not PTB's `Updater`: its `Bot.get_updates` parses a whole batch at once, so one update the
library cannot read fails the batch, is logged with its content, and is fetched again forever
(polling stops making progress); and every failed poll is logged at ERROR with a traceback. This
loop uses only public pieces: the Bot API over aiohttp, `Update.de_json` per update, and the
application's public `update_queue` (the application is built with `updater(None)`). So:

- an update that cannot be parsed is skipped (the offset moves past it, so Telegram forgets
  it) and logged once, by id and size, never its content;
- each update is parsed once (parsing a button press is a sixth of the bot's CPU per update);
- a network outage is one WARNING line when it starts and one INFO line when polling works
  again, with backoff in between; a token Telegram rejects stops the loop (`TokenRejected`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import Any, Final

import aiohttp
from telegram import Update
from telegram.error import InvalidToken
from telegram.ext import Application

from bot.telegram.startup import TokenRejected

log = logging.getLogger("aipath.polling")

BACKOFF: Final = (0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0)
"""Pauses after consecutive failed polls; the last repeats until a poll works."""
READ_SLACK: Final = 5.0
"""Seconds a long poll may take beyond its own timeout before it counts as failed."""


class PollFailed(Exception):
    """A poll that did not work for a reason worth retrying (network, 5xx, 409, bad answer)."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


class Outage:
    """One WARNING line when polling starts failing, one INFO line when it works again."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self.since: float | None = None
        self.failures = 0

    def failed(self, reason: str) -> None:
        self.failures += 1
        if self.since is None:
            self.since = self._clock()
            log.warning("event=polling_interrupted error=%s", reason)
        else:
            log.debug("event=polling_still_failing failures=%d error=%s", self.failures, reason)

    def worked(self) -> None:
        if self.since is not None:
            log.info(
                "event=polling_resumed after=%.1fs failed_polls=%d",
                self._clock() - self.since,
                self.failures,
            )
        self.since, self.failures = None, 0


class Poller:
    """Long-polls getUpdates for one application until cancelled."""

    def __init__(
        self,
        app: Application,  # type: ignore[type-arg]
        *,
        poll_seconds: int = 10,
        backoff: Sequence[float] = BACKOFF,
        allowed_updates: Sequence[str] = Update.ALL_TYPES,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.app = app
        self.poll_seconds = poll_seconds
        self.backoff = tuple(backoff)
        self.allowed_updates = list(allowed_updates)
        self.offset: int | None = None
        self.outage = Outage()
        self._sleep = sleep
        self._session: aiohttp.ClientSession | None = None
        self._webhook_cleared = False

    @property
    def url(self) -> str:
        return f"{self.app.bot.base_url}/getUpdates"

    async def run(self) -> None:
        """Poll until cancelled; raises TokenRejected if Telegram refuses the token."""
        self._session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=1))
        failures = 0
        while True:
            try:
                if not self._webhook_cleared:  # polling and a webhook exclude each other
                    await self.app.bot.delete_webhook()
                    self._webhook_cleared = True
                batch = await self._fetch(self.poll_seconds)
            except (TokenRejected, InvalidToken):
                raise TokenRejected from None
            except Exception as exc:  # network, 5xx, 409, an unreadable answer: try again
                failed = exc if isinstance(exc, PollFailed) else PollFailed(type(exc).__name__)
                self.outage.failed(failed.reason)
                pause = self.backoff[min(failures, len(self.backoff) - 1)]
                failures += 1
                await self._sleep(max(pause, failed.retry_after or 0))
                continue
            failures = 0
            self.outage.worked()
            await self._deliver(batch)

    async def close(self) -> None:
        """Confirm what was fetched (so a restart does not fetch it again), then disconnect."""
        if self._session is None:
            return
        if self.offset is not None:
            try:
                await self._fetch(0)
            except Exception as exc:  # shutting down: the next start fetches them again
                log.info("event=polling_confirm_skipped error=%s", type(exc).__name__)
        await self._session.close()
        self._session = None

    # ------------------------------------------------------------------------------ inside

    async def _fetch(self, poll_seconds: int) -> list[Any]:
        """One getUpdates call: the raw updates, or PollFailed / TokenRejected."""
        assert self._session is not None
        params: dict[str, Any] = {"timeout": poll_seconds, "allowed_updates": self.allowed_updates}
        if self.offset is not None:
            params["offset"] = self.offset
        limits = aiohttp.ClientTimeout(sock_connect=READ_SLACK, sock_read=poll_seconds + READ_SLACK)
        try:
            async with self._session.post(self.url, json=params, timeout=limits) as response:
                status, body = response.status, await response.read()
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise PollFailed(type(exc).__name__) from None
        try:
            answer = json.loads(body)
        except ValueError:
            raise PollFailed(f"unreadable_answer_http_{status}") from None
        if status in (401, 404):
            raise TokenRejected
        if status == 200 and isinstance(answer, dict) and isinstance(answer.get("result"), list):
            return list(answer["result"])
        parameters = answer.get("parameters") if isinstance(answer, dict) else None
        retry_after = parameters.get("retry_after") if isinstance(parameters, dict) else None
        if status == 409:  # a webhook is set, or another process polls with this token
            self._webhook_cleared = False
        wait = float(retry_after) if isinstance(retry_after, int | float) else None
        raise PollFailed(f"http_{status}", retry_after=wait)

    async def _deliver(self, batch: list[Any]) -> None:
        bot = self.app.bot
        for item in batch:
            update_id = item.get("update_id") if isinstance(item, dict) else None
            if isinstance(update_id, int):
                # The last one's, not the highest: ids restart lower after a quiet week.
                self.offset = update_id + 1
            update = _parse(item, bot)
            if update is not None:
                bot.insert_callback_data(update)
                await self.app.update_queue.put(update)


@contextlib.asynccontextmanager
async def polling(
    app: Application,  # type: ignore[type-arg]
    *,
    poll_seconds: int = 10,
    backoff: Sequence[float] = BACKOFF,
) -> AsyncIterator[asyncio.Task[None]]:
    """The application started and fed by a Poller for the duration of the block (the task
    ends early only with TokenRejected). On the way out: stop fetching, let the application
    finish what it fetched, confirm it to Telegram, shut down."""
    await app.initialize()
    try:
        if app.post_init:
            await app.post_init(app)
        await app.start()
        poller = Poller(app, poll_seconds=poll_seconds, backoff=backoff)
        task = asyncio.get_running_loop().create_task(poller.run(), name="polling")
        try:
            yield task
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, TokenRejected):
                await task
            await app.stop()
            if app.post_stop:
                await app.post_stop(app)
            await poller.close()
    finally:
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)


async def serve_polling(app: Application, stop: asyncio.Event) -> None:  # type: ignore[type-arg]
    """Run the bot with long polling until `stop` is set; TokenRejected if Telegram refuses."""
    async with polling(app) as task:
        stopping = asyncio.get_running_loop().create_task(stop.wait())
        await asyncio.wait((task, stopping), return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if task.done() and not task.cancelled() and task.exception() is not None:
            raise TokenRejected


def _parse(item: Any, bot: Any) -> Update | None:
    """The update if PTB can read it; else None, logged once by id and size only."""
    try:
        return Update.de_json(item, bot)
    except Exception as exc:  # any parse failure: skip it, never stop polling
        update_id = item.get("update_id") if isinstance(item, dict) else None
        log.warning(
            "event=update_unparseable update=%s bytes=%d error=%s",
            update_id,
            len(json.dumps(item, default=str).encode()),
            type(exc).__name__,
        )
        return None
