"""The Bot API client: PTB's ExtBot, with every callback answer going through one place.

Why a subclass: `answer_callback_query` is the one method every answer passes through, whoever
makes it (a handler, the error handler, PTB's `CallbackQuery.answer` shortcut). Overriding this
public method (same arguments) lets `CallbackAnswers` answer each press exactly once, repeat a
lost answer within Telegram's window and answer early when a turn is slow
(bot/telegram/callback_answers.py). Nothing else of PTB is overridden: updates are fetched by
bot/telegram/polling.py and parsed with the public `Update.de_json`.
"""

from __future__ import annotations

from typing import Any

from telegram.ext import ExtBot

from bot.telegram.callback_answers import ANSWER_BY, CallbackAnswers


class AdvisorBot(ExtBot[Any]):
    """ExtBot whose callback answers are made by its `callback_answers`."""

    def __init__(self, *args: Any, answer_by: float = ANSWER_BY, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # PTB freezes a bot's public attributes after __init__; exposed read-only below.
        self._callback_answers = CallbackAnswers(self._answer_once, answer_by=answer_by)

    @property
    def callback_answers(self) -> CallbackAnswers:
        return self._callback_answers

    async def answer_callback_query(
        self, callback_query_id: str, *args: Any, **kwargs: Any
    ) -> bool:
        return await self.callback_answers.answer(callback_query_id, *args, **kwargs)

    async def _answer_once(
        self, callback_query_id: str, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> bool:
        """One real answerCallbackQuery call (PTB's own method)."""
        return await super().answer_callback_query(callback_query_id, *args, **kwargs)
