"""The Bot API client: PTB's ExtBot plus two guards no handler can provide.

- It remembers which callback queries were answered (a bounded table), so the error handler
  never answers one again (Telegram refuses a second answer with 400 "query is too old").
- It never lets one update that PTB cannot parse stop polling: such an update is replaced by an
  empty one with the same id, so the offset moves past it (Telegram forgets it) and it is
  logged once, by id and size only, never its content.

Each update is parsed once (here, item by item); PTB's own parse of the batch is handed an empty
list. Parsing a button press costs about half a millisecond, a sixth of the bot's CPU per update.
"""

from __future__ import annotations

import json
import logging
from collections import OrderedDict
from typing import Any

from telegram import Update
from telegram.ext import ExtBot

log = logging.getLogger("aipath.bot")

ANSWERED_KEPT = 4096
"""Callback query ids remembered as answered (a query lives for seconds; this is plenty)."""


class AdvisorBot(ExtBot[Any]):
    """ExtBot that tracks answered callback queries and skips unparseable updates."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._answered: OrderedDict[str, None] = OrderedDict()
        self._fetched: tuple[Update, ...] = ()

    def was_answered(self, callback_query_id: str) -> bool:
        """An answer to this query was already attempted (whether or not it arrived)."""
        return callback_query_id in self._answered

    async def answer_callback_query(
        self, callback_query_id: str, *args: Any, **kwargs: Any
    ) -> bool:
        self._answered[callback_query_id] = None
        while len(self._answered) > ANSWERED_KEPT:
            self._answered.popitem(last=False)
        return await super().answer_callback_query(callback_query_id, *args, **kwargs)

    async def get_updates(self, *args: Any, **kwargs: Any) -> tuple[Update, ...]:
        """PTB's get_updates, with the batch parsed by `_post` (once per update)."""
        self._fetched = ()
        await super().get_updates(*args, **kwargs)  # its own parse gets an empty list
        updates: tuple[Update, ...] = self._fetched
        self._fetched = ()
        for update in updates:
            self.insert_callback_data(update)
        return updates

    async def _post(self, endpoint: str, data: Any = None, **kwargs: Any) -> Any:
        result = await super()._post(endpoint, data, **kwargs)
        if endpoint == "getUpdates" and isinstance(result, list):
            self._fetched = tuple(u for u in map(self._parse, result) if u is not None)
            return []
        return result

    def _parse(self, item: Any) -> Update | None:
        """The update if PTB can read it; else an empty update with its id (None without one)."""
        try:
            return Update.de_json(item, self)
        except Exception as exc:  # any parse failure: skip, never stop polling
            update_id = item.get("update_id") if isinstance(item, dict) else None
            size = len(json.dumps(item, default=str).encode())
            log.warning(
                "event=update_unparseable update=%s bytes=%d error=%s",
                update_id,
                size,
                type(exc).__name__,
            )
            return Update(update_id) if isinstance(update_id, int) else None
