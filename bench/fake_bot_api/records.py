"""What the fake records and answers: each call the bot made, Telegram's error answers.

Why its own module: :class:`Request` is what every test inspects (``tg.requests``,
``wait_for``), and the error texts are Telegram's exact wording, which the bot's error mapping
depends on; both are shared by the HTTP layer and every method family.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

# Methods that put (or change) a message in a chat: what FakeTelegram.sent_to lists.
SEND_METHODS: Final = frozenset(
    {"sendMessage", "editMessageText", "editMessageReplyMarkup", "sendPhoto", "sendDocument"}
)
NOT_MODIFIED: Final = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
QUERY_INVALID: Final = (
    "Bad Request: query is too old and response timeout expired or query ID is invalid"
)
DEFAULT_DESCRIPTIONS: Final = {
    400: "Bad Request: injected failure",
    403: "Forbidden: bot was blocked by the user",
    409: "Conflict: terminated by other getUpdates request",
    500: "Internal Server Error",
    502: "Bad Gateway",
}


@dataclass
class Request:
    """One call the bot made, recorded on arrival; the answer fields are filled in once known.

    For every method but a held getUpdates long poll the answer is computed without yielding to
    the event loop, so code woken by :meth:`FakeTelegram.wait_for` already sees it.
    """

    method: str
    params: dict[str, Any]
    time: float  # time.monotonic() when the request arrived
    index: int = -1  # position in FakeTelegram.requests
    ok: bool | None = None  # None while unanswered (a long poll being held)
    error_code: int | None = None
    description: str | None = None
    result: Any = None
    answered_at: float | None = None  # time.monotonic() when the answer was ready
    fault: str | None = None  # the injected fault (faults.KINDS), if any

    @property
    def acted(self) -> bool:
        """The call was carried out (whether or not the client got the answer)."""
        return bool(self.ok) and self.fault != "reset_before"

    @property
    def chat_id(self) -> int | str | None:
        value = self.params.get("chat_id")
        return value if isinstance(value, int | str) else None

    @property
    def text(self) -> str | None:
        """The raw (unparsed) text or caption the bot sent, if any."""
        value = self.params.get("text", self.params.get("caption"))
        return value if isinstance(value, str) else None


class ApiError(Exception):
    """A Telegram error answer; ``violation`` marks errors that mean the bot did something wrong."""

    def __init__(
        self,
        error_code: int,
        description: str,
        *,
        violation: bool = False,
        retry_after: int | None = None,
    ) -> None:
        super().__init__(description)
        self.error_code = error_code
        self.description = description
        self.violation = violation
        self.retry_after = retry_after

    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.error_code,
            "description": self.description,
        }
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


@dataclass(frozen=True)
class Command:
    """One entry of a setMyCommands list, attribute-accessible like ``telegram.BotCommand``."""

    command: str
    description: str
