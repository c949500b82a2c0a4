"""The webhook endpoint: Telegram POSTs updates to /telegram (behind Caddy, deploy/Caddyfile).

Unlike PTB's built-in server it never reads a body it will refuse:
- the secret token header is checked as soon as the headers arrive; a wrong or missing one is
  answered 403 and the connection closed without reading the body;
- bodies are capped at MAX_BODY (Telegram's updates are a few KB; Caddy has the same limit);
- `application/json; charset=utf-8` is accepted like `application/json`;
- malformed JSON answers 400; an update the library cannot parse is skipped with 200 (so
  Telegram does not resend it forever) and logged by id and size, never its content.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from http import HTTPStatus
from typing import Any

import tornado.web
from telegram import Update
from tornado.httpserver import HTTPServer

from bot.settings import Settings

log = logging.getLogger("aipath.webhook")

MAX_BODY = 1 << 20
"""1 MiB: far above any real update, far below what would hurt memory."""
PATH = "/telegram"


@tornado.web.stream_request_body
class UpdateHandler(tornado.web.RequestHandler):
    def initialize(self, bot: Any, queue: asyncio.Queue[object], secret: str | None) -> None:
        self.bot, self.queue, self.secret = bot, queue, secret
        self.chunks: list[bytes] = []
        self.size = 0

    def _refuse(self, status: HTTPStatus) -> None:
        self.set_status(status)
        self.finish()  # before the body is read: tornado closes the connection after this

    def prepare(self) -> None:
        headers = self.request.headers
        if self.request.method != "POST":
            return self._refuse(HTTPStatus.METHOD_NOT_ALLOWED)
        given = headers.get("X-Telegram-Bot-Api-Secret-Token", "")
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
            update = Update.de_json(data, self.bot)
        except Exception as exc:  # skip it (200), exactly like polling does
            update_id = data.get("update_id") if isinstance(data, dict) else None
            log.warning(
                "event=update_unparseable update=%s bytes=%d error=%s",
                update_id,
                self.size,
                type(exc).__name__,
            )
            return self._refuse(HTTPStatus.OK)
        await self.queue.put(update)
        self._refuse(HTTPStatus.OK)

    def log_exception(self, *args: Any) -> None:
        """Quiet: a refused request is not an error worth a traceback (and holds no content)."""


def start_server(app: Any, settings: Settings) -> HTTPServer:
    """Listen for Telegram's POSTs and feed the application's update queue."""
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
    web = tornado.web.Application(
        [
            (
                rf"{PATH}/?",
                UpdateHandler,
                {"bot": app.bot, "queue": app.update_queue, "secret": secret},
            )
        ]
    )
    server = HTTPServer(web, max_body_size=MAX_BODY, xheaders=True)
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
        server = start_server(app, settings)
        try:
            await register(app, settings)
            await stop.wait()
        finally:
            server.stop()
            await app.stop()
    finally:
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)
