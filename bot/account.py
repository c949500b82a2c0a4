"""The account dialogue's screens: what is stored (/privacy), erasing it (/delete), /export."""

from __future__ import annotations

import json

from bot.outputs import File
from bot.storage import Storage
from bot.telegram.texts import TelegramText
from flows.actions import DeleteAnswer
from flows.reply import Button, Reply, ReplyBuilder


class AccountScreens:
    def __init__(self, storage: Storage, words: TelegramText) -> None:
        self.storage = storage
        self.words = words

    def text(self, key: str) -> Reply:
        """A one-paragraph screen from content/telegram.yaml (privacy, deleted, hints…)."""
        return plain(self.words.messages[key])

    def ask_delete(self) -> Reply:
        b = self.words.buttons
        out = ReplyBuilder()
        out.add("text", self.words.messages["delete_confirm"])
        out.row(
            Button(b["delete_yes"], DeleteAnswer(yes=True)),
            Button(b["delete_no"], DeleteAnswer(yes=False)),
        )
        return out.build("confirm", "delete")

    async def export(self, user_id: int) -> File:
        """Everything stored about the person, as a JSON file."""
        data = await self.storage.export_user(user_id) or {}
        payload = json.dumps(data, indent=2, ensure_ascii=False).encode()
        return File("my-aipath-data.json", payload, self.words.messages["export_caption"])


def plain(text: str) -> Reply:
    out = ReplyBuilder()
    out.add("text", text)
    return out.build("info", "account")
