"""getMe, the bot's commands and descriptions, and the methods that only answer ``true``.

Why together: these set or read the bot's own profile (commands per scope and language,
descriptions within their length limits), not any chat.
"""

from __future__ import annotations

import json
from typing import Any

from ..records import ApiError, Command
from ..state import FakeState


class BotProfileMethods(FakeState):
    """The bot's identity and settings, as the start-up code sets them."""

    async def _true(self, params: dict[str, Any]) -> bool:
        return True

    async def _get_me(self, params: dict[str, Any]) -> dict[str, Any]:
        return dict(self.bot_user)

    @staticmethod
    def _scope_key(params: dict[str, Any]) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), params.get("language_code", "")

    async def _set_my_commands(self, params: dict[str, Any]) -> bool:
        key = self._scope_key(params)
        commands = [Command(c["command"], c["description"]) for c in params["commands"]]
        self.scoped_commands[key] = commands
        if key == self._scope_key({}):
            self.commands = commands
        return True

    async def _set_my_description(self, params: dict[str, Any]) -> bool:
        text = str(params.get("description", ""))
        if len(text) > 512:  # "0-512 characters"
            raise ApiError(400, "Bad Request: description is too long", violation=True)
        self.description = text
        return True

    async def _set_my_short_description(self, params: dict[str, Any]) -> bool:
        text = str(params.get("short_description", ""))
        if len(text) > 120:  # "0-120 characters"
            raise ApiError(400, "Bad Request: short description is too long", violation=True)
        self.short_description = text
        return True

    async def _delete_my_commands(self, params: dict[str, Any]) -> bool:
        key = self._scope_key(params)
        self.scoped_commands.pop(key, None)
        if key == self._scope_key({}):
            self.commands = []
        return True
