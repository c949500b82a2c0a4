"""A failed Bot API call is made again only when that cannot show anything twice."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from telegram.error import BadRequest, NetworkError, RetryAfter

from bot.telegram.send_policy import NotSent, OutcomeUnknown, may_repeat, with_retries


class Calls:
    """A Bot API call that fails with the given errors first, then answers 'ok'."""

    def __init__(self, *failures: Exception) -> None:
        self.failures = list(failures)
        self.count = 0

    async def __call__(self) -> str:
        self.count += 1
        if self.failures:
            raise self.failures.pop(0)
        return "ok"


pauses: list[float] = []


async def no_wait(seconds: float) -> None:
    pauses.append(seconds)


def retried(call: Callable[[], Awaitable[str]]) -> Awaitable[str]:
    return with_retries(call, sleep=no_wait)


@pytest.mark.parametrize("method", ["sendMessage", "editMessageText", "sendPhoto"])
async def test_not_sent_is_repeated_for_every_method(method: str) -> None:
    call = Calls(NotSent(method, "refused"), NotSent(method, "refused"))
    assert await retried(call) == "ok" and call.count == 3


@pytest.mark.parametrize(
    "method", ["sendMessage", "sendPhoto", "sendDocument", "copyMessage", "unknownMethod"]
)
async def test_an_unknown_outcome_of_a_send_is_never_repeated(method: str) -> None:
    call = Calls(OutcomeUnknown(method, "read timeout"))
    with pytest.raises(OutcomeUnknown):
        await retried(call)
    assert call.count == 1


@pytest.mark.parametrize(
    "method", ["editMessageText", "deleteMessage", "answerCallbackQuery", "sendChatAction"]
)
async def test_an_unknown_outcome_of_a_repeatable_call_is_repeated(method: str) -> None:
    call = Calls(OutcomeUnknown(method, "reset"), OutcomeUnknown(method, "HTTP 502"))
    assert await retried(call) == "ok" and call.count == 3


async def test_repeats_are_bounded_with_doubling_pauses() -> None:
    pauses.clear()
    call = Calls(*[NotSent("sendMessage", "refused")] * 10)
    with pytest.raises(NotSent):
        await retried(call)
    assert call.count == 4 and pauses == [0.25, 0.5, 1.0]


@pytest.mark.parametrize(
    "error",
    [
        BadRequest("Bad Request: chat not found"),
        RetryAfter(3),  # the rate limiter already waited it out
        NetworkError("Unknown error in HTTP implementation"),  # cannot tell: not repeated
    ],
)
async def test_refusals_and_unclassified_errors_are_raised_at_once(error: Exception) -> None:
    call = Calls(error)
    with pytest.raises(type(error)):
        await retried(call)
    assert call.count == 1


def test_may_repeat_reads_the_method_from_the_error() -> None:
    assert may_repeat(OutcomeUnknown("editMessageText", "x"))
    assert not may_repeat(OutcomeUnknown("sendMessage", "x"))
    assert may_repeat(NotSent("sendMessage", "x"))
    assert not may_repeat(NetworkError("x"))
