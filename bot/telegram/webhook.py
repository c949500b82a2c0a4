"""The webhook endpoint: Telegram POSTs updates to /telegram (behind Caddy, deploy/Caddyfile).

Unlike PTB's built-in server it never reads a body it will refuse, and answers only once the
update was processed:
- the secret token header is checked as soon as the headers arrive; a wrong or missing one
  (also one that is not ASCII) is answered 403 and the connection closed without reading the
  body;
- a client gets HEADER_TIMEOUT seconds to send its headers and BODY_TIMEOUT for its body, so
  slow clients cannot hold connections open;
- bodies are capped at MAX_BODY (Telegram's updates are a few KB; Caddy has the same limit);
- `application/json; charset=utf-8` is accepted like `application/json`;
- malformed JSON answers 400; an update the library cannot parse is skipped with 200 (so
  Telegram does not resend it forever) and logged by id and size, never its content;
- the update is processed before the answer: 200 once it was handled, 503 when it failed with a
  transient error before anything reached the chat (the database or Telegram was away), so
  Telegram delivers it again; the recent-updates window drops true duplicates
  (bot/telegram/update_outcome.py).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import time
from http import HTTPStatus
from typing import Any

import tornado.web
from telegram import Update
from tornado.httpserver import HTTPServer

from bot.settings import Settings
from bot.telegram.update_outcome import stop_tracking, track

log = logging.getLogger("aipath.webhook")

MAX_BODY = 1 << 20
"""1 MiB: far above any real update, far below what would hurt memory."""
PATH = "/telegram"
HEADER_TIMEOUT = 10.0
BODY_TIMEOUT = 10.0
"""Seconds a client gets for its request headers and for its body (Telegram needs far less)."""
DRAIN_SECONDS = 30.0
"""On shutdown, how long updates being processed get to finish."""
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class InFlight:
    """Updates being processed by webhook requests, so shutdown can let them finish."""

    def __init__(self) -> None:
        self.count = 0
        self._idle = asyncio.Event()
        self._idle.set()

    def enter(self) -> None:
        self.count += 1
        self._idle.clear()

    def leave(self) -> None:
        self.count -= 1
        if self.count == 0:
            self._idle.set()

    async def drained(self, seconds: float) -> bool:
        try:
            async with asyncio.timeout(seconds):
                await self._idle.wait()
        except TimeoutError:
            return False
        return True


async def process(app: Any, update: Update) -> bool:
    """Process one update as polling would (per-user order, error handler); True when Telegram
    should deliver it again (see bot/telegram/update_outcome.py)."""
    outcome, token = track()
    try:
        await app.update_processor.process_update(update, app.process_update(update))
    finally:
        stop_tracking(token)
    return outcome.redeliver


@tornado.web.stream_request_body
class UpdateHandler(tornado.web.RequestHandler):
    def initialize(self, app: Any, secret: str | None, in_flight: InFlight) -> None:
        self.app, self.in_flight = app, in_flight
        self.secret = secret.encode() if secret is not None else None
        self.chunks: list[bytes] = []
        self.size = 0

    def _refuse(self, status: HTTPStatus) -> None:
        self.set_status(status)
        self.finish()  # before the body is read: tornado closes the connection after this

    def prepare(self) -> None:
        headers = self.request.headers
        if self.request.method != "POST":
            return self._refuse(HTTPStatus.METHOD_NOT_ALLOWED)
        # Compared as bytes: hmac refuses str with non-ASCII characters (a 500 otherwise).
        given = headers.get(SECRET_HEADER, "").encode("utf-8", "surrogateescape")
        if self.secret is not None and not hmac.compare_digest(given, self.secret):
            return self._refuse(HTTPStatus.FORBIDDEN)
        if int(headers.get("Content-Length") or 0) > MAX_BODY:
            return self._refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
        media_type = headers.get("Content-Type", "").split(";")[0].strip().lower()
        if media_type != "application/json":
            return self._refuse(HTTPStatus.UNSUPPORTED_MEDIA_TYPE)
        if self.request.connection is not None:
            self.request.connection.set_max_body_size(MAX_BODY)  # type: ignore[attr-defined]

    def data_received(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > MAX_BODY:
            raise tornado.web.HTTPError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
        self.chunks.append(chunk)

    async def post(self) -> None:
        try:
            data = json.loads(b"".join(self.chunks))
        except ValueError:
            log.warning("event=webhook_bad_json bytes=%d", self.size)
            return self._refuse(HTTPStatus.BAD_REQUEST)
        try:
            update = Update.de_json(data, self.app.bot)
        except Exception as exc:  # skip it (200), exactly like polling does
            update_id = data.get("update_id") if isinstance(data, dict) else None
            log.warning(
                "event=update_unparseable update=%s bytes=%d error=%s",
                update_id,
                self.size,
                type(exc).__name__,
            )
            return self._refuse(HTTPStatus.OK)
        self.in_flight.enter()
        started = time.monotonic()
        try:
            redeliver = await process(self.app, update)
        finally:
            self.in_flight.leave()
        if redeliver:
            log.warning(
                "event=webhook_redelivery_asked update=%s after=%.1fs",
                update.update_id,
                time.monotonic() - started,
            )
            return self._refuse(HTTPStatus.SERVICE_UNAVAILABLE)
        self._refuse(HTTPStatus.OK)

    def log_exception(self, *args: Any) -> None:
        """Quiet: a refused request is not an error worth a traceback (and holds no content)."""


def start_server(
    app: Any,
    settings: Settings,
    *,
    header_timeout: float = HEADER_TIMEOUT,
    body_timeout: float = BODY_TIMEOUT,
    in_flight: InFlight | None = None,
) -> HTTPServer:
    """Listen for Telegram's POSTs and process each before answering it."""
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
    handler_args = {"app": app, "secret": secret, "in_flight": in_flight or InFlight()}
    web = tornado.web.Application([(rf"{PATH}/?", UpdateHandler, handler_args)])
    server = HTTPServer(
        web,
        max_body_size=MAX_BODY,
        xheaders=True,
        idle_connection_timeout=header_timeout,  # tornado's limit for reading headers
        body_timeout=body_timeout,
    )
    server.listen(settings.webhook_port, address=settings.webhook_listen)
    return server


async def register(app: Any, settings: Settings) -> None:
    """Tell Telegram where to POST (and the secret it must send)."""
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
    await app.bot.set_webhook(
        str(settings.webhook_url), secret_token=secret, allowed_updates=Update.ALL_TYPES
    )


async def serve(app: Any, settings: Settings, stop: asyncio.Event) -> None:
    """Run the bot in webhook mode until `stop` is set (SIGINT/SIGTERM in `run_bot`)."""
    await app.initialize()
    try:
        if app.post_init:
            await app.post_init(app)
        await app.start()
        in_flight = InFlight()
        server = start_server(app, settings, in_flight=in_flight)
        try:
            await register(app, settings)
            await stop.wait()
        finally:
            server.stop()
            if not await in_flight.drained(DRAIN_SECONDS):
                log.warning("event=webhook_stopped_busy updates=%d", in_flight.count)
            await app.stop()
    finally:
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)
