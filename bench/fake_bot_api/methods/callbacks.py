"""answerCallbackQuery, and which button presses the bot has not answered yet.

Why its own module: every button press must be answered exactly once (Telegram shows a spinner
until it is, and refuses a second answer with "query is too old"); the ``tg`` fixture fails a
test that leaves a press unanswered.
"""

from __future__ import annotations

from typing import Any

from ..records import QUERY_INVALID, ApiError
from ..state import FakeState


class CallbackMethods(FakeState):
    """Answering button presses, and what tests ask about them."""

    async def _answer_callback_query(self, params: dict[str, Any]) -> bool:
        query_id = params["callback_query_id"]
        if query_id not in self._callback_users or query_id in self.answered_callbacks:
            repeat = self._lost_answers.expected_repeat("answerCallbackQuery", params)
            raise ApiError(400, QUERY_INVALID, violation=not repeat)
        self.answered_callbacks.add(query_id)
        return True

    def unanswered_callbacks(self) -> list[str]:
        """Callback query ids pushed but never answered with answerCallbackQuery."""
        return [qid for qid in self._callback_users if qid not in self.answered_callbacks]

    def callback_user(self, query_id: object) -> int | None:
        """The user who pressed the button behind callback query ``query_id`` (None: unknown)."""
        return self._callback_users.get(query_id) if isinstance(query_id, str) else None
