"""getUpdates (long polling with offsets) and the webhook methods: how updates leave the fake.

Why together: Telegram delivers updates one way at a time; getUpdates is refused (409) while a
webhook is set, a second poll supersedes the first (409 for the older one), and setWebhook /
deleteWebhook can drop the pending updates.
"""

from __future__ import annotations

import copy
from typing import Any

from ..records import ApiError
from ..state import FakeState


class UpdateMethods(FakeState):
    """Long polling and the webhook settings."""

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Long polling: confirm by offset, then hold until an update arrives or timeout."""
        if self.webhook_url:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
                violation=True,
            )
        self._poll_generation += 1
        generation = self._poll_generation
        self._updates_signal.notify()  # an older poll still waiting is now superseded
        if params.get("allowed_updates") is not None:
            self.allowed_updates = list(params["allowed_updates"])
        offset = self._confirm(params.get("offset"))

        def ready() -> bool:
            superseded = generation != self._poll_generation
            return self._closing or superseded or bool(self._pending(offset))

        self._polls_waiting += 1
        self._requests_signal.notify()  # wait_polling
        try:
            await self._updates_signal.wait_until(ready, float(params.get("timeout", 0)))
        finally:
            self._polls_waiting -= 1
        if generation != self._poll_generation:
            raise ApiError(
                409,
                "Conflict: terminated by other getUpdates request; "
                "make sure that only one bot instance is running",
            )
        updates = self._pending(offset)[: params.get("limit", 100)]
        if updates:
            self._delivered_upto = max(self._delivered_upto, updates[-1]["update_id"])
        return copy.deepcopy(updates)

    def _confirm(self, offset: int | None) -> int | None:
        """Forget confirmed updates; returns the offset to read from (None: from the start).

        An offset above every id issued (the bot's offset from before `restart_update_ids`)
        confirms nothing, as Telegram's own does once ids have restarted lower."""
        if offset is None or offset > self._next_update_id:
            return None
        if offset < 0:
            self._queue = self._queue[offset:]
            return None
        self._queue = [u for u in self._queue if u["update_id"] >= offset]
        return offset

    def _pending(self, offset: int | None) -> list[dict[str, Any]]:
        if offset is None or offset > self._next_update_id:
            return self._queue
        return [u for u in self._queue if u["update_id"] >= offset]

    async def _delete_webhook(self, params: dict[str, Any]) -> bool:
        self.webhook_url = ""
        if params.get("drop_pending_updates"):
            self._queue.clear()
        return True

    async def _set_webhook(self, params: dict[str, Any]) -> bool:
        self.webhook_url = params["url"]
        if params.get("allowed_updates") is not None:
            self.allowed_updates = list(params["allowed_updates"])
        if params.get("drop_pending_updates"):
            self._queue.clear()
        return True

    async def _get_webhook_info(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._queue),
        }
