"""python-telegram-bot's HTTP requests over aiohttp instead of httpx, saying what a failure means.

Why aiohttp: measured with the bot as its own process (bench/telegram_process_bench.py), httpx
and httpcore were the largest share of the bot's CPU per update: httpcore checks every pooled
connection on every request (is it idle, expired, readable — a `getpeername` system call each),
so the cost of one Bot API call grew with the pool. aiohttp keeps idle connections in a queue per
host (taking one costs the same with 1 or 100 in the pool) and parses HTTP in C. PTB supports
this through its documented extension point, `telegram.request.BaseRequest`: PTB still builds
the request and maps the answer to Telegram objects and errors; this class moves bytes.

Why it classifies failures: whether a failed call may be repeated depends on whether Telegram
could have acted (bot/telegram/send_policy.py). Only the transport knows: a connection that
never opened means "not sent"; a timeout or reset after the request was written, or a 5xx from
Telegram's edge, means "outcome unknown".

Timeouts keep PTB's meaning, except that aiohttp has no separate write timeout: a slow upload is
bounded by the read timeout that follows it.
"""

from __future__ import annotations

import aiohttp
from telegram.error import NetworkError
from telegram.request import BaseRequest, RequestData

from bot.telegram.send_policy import NotSent, OutcomeUnknown
from bot.telegram.update_outcome import note_call

_DefaultValue = type(BaseRequest.DEFAULT_NONE)
"""PTB passes this marker for "no timeout given" (`BaseRequest.DEFAULT_NONE` is public; its type
has no public name)."""
FORM_HEADERS = {"Content-Type": "application/x-www-form-urlencoded"}


def _given(value: object, default: float | None) -> float | None:
    if isinstance(value, _DefaultValue) or not isinstance(value, int | float | None):
        return default
    return value


def method_of(url: str) -> str:
    """The Bot API method a request URL calls (its last path segment)."""
    return url.rsplit("/", 1)[-1]


class AiohttpRequest(BaseRequest):
    """One aiohttp session with a connection pool of `connection_pool_size` to the Bot API."""

    __slots__ = ("_connect", "_pool", "_pool_size", "_read", "_session")

    def __init__(
        self,
        connection_pool_size: int = 64,
        *,
        read_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 10.0,
    ) -> None:
        self._pool_size = connection_pool_size
        self._read = read_timeout
        self._connect = connect_timeout
        self._pool = pool_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size),
                headers={"User-Agent": self.USER_AGENT},
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = BaseRequest.DEFAULT_NONE,
        write_timeout: object = BaseRequest.DEFAULT_NONE,
        connect_timeout: object = BaseRequest.DEFAULT_NONE,
        pool_timeout: object = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        connect = _given(connect_timeout, self._connect)
        pool = _given(pool_timeout, self._pool)
        timeout = aiohttp.ClientTimeout(
            # aiohttp's `connect` includes the wait for a free pooled connection.
            connect=None if connect is None or pool is None else connect + pool,
            sock_connect=connect,
            sock_read=_given(read_timeout, self._read),
        )
        body: aiohttp.FormData | bytes | None = None
        headers = None
        if request_data is not None:
            files = request_data.multipart_data
            if files:
                body = aiohttp.FormData(request_data.json_parameters)
                for name, (filename, content, mime_type) in files.items():
                    body.add_field(name, content, filename=filename, content_type=mime_type)
            else:  # encoded here: given a dict, aiohttp builds a whole multipart writer first
                body = request_data.url_encoded_parameters().encode()
                headers = FORM_HEADERS
        api_method = method_of(url)
        try:
            async with self._session.request(
                method, url, data=body, headers=headers, timeout=timeout
            ) as response:
                status, payload = response.status, await response.read()
        except (aiohttp.ConnectionTimeoutError, aiohttp.ClientConnectorError) as exc:
            # No connection was made (or none became free): nothing was written.
            raise NotSent(api_method, type(exc).__name__) from exc
        except aiohttp.InvalidURL:  # its message is the URL, which holds the bot's token
            raise NetworkError("aiohttp.InvalidURL: check TELEGRAM_API_BASE_URL") from None
        except (TimeoutError, aiohttp.ClientError) as exc:  # after the request was written
            note_call(api_method)  # it may have been carried out
            detail = "read timeout" if isinstance(exc, TimeoutError) else type(exc).__name__
            raise OutcomeUnknown(api_method, detail) from exc
        note_call(api_method)
        if status >= 500:
            # Telegram's edge failed; whether the Bot API acted first is not documented.
            raise OutcomeUnknown(api_method, f"HTTP {status}")
        return status, payload
