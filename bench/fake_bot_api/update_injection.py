"""Update injection: what users do (send text or other kinds, edit, press buttons), as updates.

Why its own module: this is the tests' side of the fake. Each ``push_*`` builds the update
Telegram would send for a user's action and queues it for getUpdates (or for a test that
delivers webhooks itself, :meth:`UpdateInjection.take_update`).
"""

from __future__ import annotations

import copy
from time import monotonic
from time import time as wall_clock
from typing import Any, Final

from .message_kinds import KINDS, command_entities
from .state import Chat, FakeState

# Update types Telegram withholds unless explicitly listed in allowed_updates.
_OPT_IN_UPDATES: Final = frozenset({"chat_member", "message_reaction", "message_reaction_count"})


class UpdateInjection(FakeState):
    """Users' actions turned into updates; the chats and users they come from."""

    def push_update(self, update: dict[str, Any]) -> int:
        """Queue a raw update (without update_id) for getUpdates; returns its update_id."""
        update_id = self._next_update_id
        self._next_update_id += 1
        full = {"update_id": update_id, **update}
        if self._allowed(full):
            self._queue.append(full)
            self._updates_signal.notify()
            self._requests_signal.notify()  # wait_idle watches the queue too
        else:
            self.dropped_updates.append(full)
        return update_id

    def take_update(self, update_id: int) -> dict[str, Any]:
        """Remove a pushed update from the getUpdates queue and return it, for a test that
        delivers updates to webhooks itself (as Telegram, or a proxy in front of workers)."""
        update = next(u for u in self._queue if u["update_id"] == update_id)
        self._queue.remove(update)
        return update

    def _allowed(self, update: dict[str, Any]) -> bool:
        kind = next(key for key in update if key != "update_id")
        if self.allowed_updates:
            return kind in self.allowed_updates
        return kind not in _OPT_IN_UPDATES

    def push_text(
        self,
        user_id: int,
        text: str,
        *,
        chat_id: int | None = None,
        chat_type: str = "private",
        first_name: str = "Ada",
        entities: list[dict[str, Any]] | None = None,
    ) -> int:
        """A user sends ``text``; commands get their bot_command entity automatically."""
        user = self._user(user_id, first_name)
        chat = self._user_chat(user, chat_id, chat_type)
        entities = command_entities(text) if entities is None else entities
        content: dict[str, Any] = {"text": text}
        if entities:
            content["entities"] = entities
        return self.push_update({"message": self._user_message(user, chat, content)})

    def push_kind(
        self,
        user_id: int,
        kind: str,
        *,
        chat_id: int | None = None,
        chat_type: str = "private",
    ) -> int:
        """A user sends a non-text message; ``kind`` is one of :data:`KINDS`."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}; choose from {sorted(KINDS)}")
        user = self._user(user_id)
        chat = self._user_chat(user, chat_id, chat_type)
        content = KINDS[kind](next(self._counter))
        return self.push_update({"message": self._user_message(user, chat, content)})

    def restart_update_ids(self, start: int) -> None:
        """Telegram picks a new, possibly lower, random update id after a week without updates
        (Bot API, `Update.update_id`); the next update pushed gets `start`."""
        self._next_update_id = start
        self._delivered_upto = start - 1

    def push_malformed(self, user_id: int, text: str = "a private answer") -> int:
        """An update the bot's library cannot parse (its message date is not a timestamp), as
        seen in the wild from emulators and future API fields; carries ``text`` so a test can
        check it never reaches the logs."""
        user = self._user(user_id)
        chat = self._user_chat(user, None, "private")
        message = self._user_message(user, chat, {"text": text})
        message["date"] = "not-a-timestamp"
        return self.push_update({"message": message})

    def push_edited_text(
        self, user_id: int, message_id: int, text: str, *, chat_id: int | None = None
    ) -> int:
        """The user edits one of their earlier messages (or a message id never pushed)."""
        user = self._user(user_id)
        chat_id = user_id if chat_id is None else chat_id
        original = self._user_messages.get((chat_id, message_id)) or {
            "message_id": message_id,
            "from": user,
            "chat": dict(self._chat(chat_id).data),
            "date": int(wall_clock()),
        }
        edited = {k: v for k, v in original.items() if k != "entities"}
        edited |= {"text": text, "edit_date": int(wall_clock())}
        if entities := command_entities(text):
            edited["entities"] = entities
        self._user_messages[(chat_id, message_id)] = edited
        return self.push_update({"edited_message": copy.deepcopy(edited)})

    def push_callback(
        self,
        user_id: int,
        data: str,
        message_id: int,
        *,
        chat_id: int | None = None,
        inaccessible: bool = False,
    ) -> int:
        """The user presses an inline button with ``data`` under bot message ``message_id``.

        ``inaccessible``: the message was deleted or is too old, so Telegram sends only its
        chat, id and ``date`` 0 (an InaccessibleMessage; the bot cannot edit it)."""
        user = self._user(user_id)
        chat_id = user_id if chat_id is None else chat_id
        message = self.messages.get(chat_id, {}).get(message_id) or {
            "message_id": message_id,
            "from": dict(self.bot_user),
            "chat": dict(self._chat(chat_id).data),
            "date": int(wall_clock()),
        }
        if inaccessible:
            message = {
                "message_id": message_id,
                "chat": dict(self._chat(chat_id).data),
                "date": 0,
            }
        query_id = f"cbq-{next(self._counter)}"
        self._callback_users[query_id] = user["id"]
        self._pressed.setdefault((chat_id, message_id), []).append(monotonic())
        self.last_callback_id = query_id
        query = {
            "id": query_id,
            "from": user,
            "message": copy.deepcopy(message),
            "chat_instance": f"ci-{chat_id}",
            "data": data,
        }
        return self.push_update({"callback_query": query})

    def push_button(
        self, user_id: int, message_id: int, button_text: str, *, chat_id: int | None = None
    ) -> int:
        """Press the button labelled ``button_text`` on a stored bot message (by its label)."""
        chat_id = user_id if chat_id is None else chat_id
        buttons = self.buttons(chat_id, message_id)
        for button in buttons:
            if button.get("text") == button_text and "callback_data" in button:
                return self.push_callback(
                    user_id, button["callback_data"], message_id, chat_id=chat_id
                )
        labels = [b.get("text") for b in buttons]
        raise LookupError(f"no callback button {button_text!r} on message {message_id}: {labels}")

    def buttons(self, chat_id: int, message_id: int) -> list[dict[str, Any]]:
        """All inline buttons currently shown under a stored bot message, row by row."""
        message = self.messages.get(chat_id, {}).get(message_id, {})
        rows = message.get("reply_markup", {}).get("inline_keyboard", [])
        return [button for row in rows for button in row]

    def add_chat(
        self, chat_id: int, *, chat_type: str = "private", first_name: str = "Ada"
    ) -> None:
        """Make a chat known without pushing an update (see ``require_known_chats``)."""
        if chat_type == "private":
            self._user_chat(self._user(chat_id, first_name), None, chat_type)
        else:
            self._chats.setdefault(
                chat_id, Chat({"id": chat_id, "type": chat_type, "title": "Test group"})
            )

    def _user(self, user_id: int, first_name: str | None = None) -> dict[str, Any]:
        user = self._users.setdefault(
            user_id, {"id": user_id, "is_bot": False, "first_name": "Ada", "language_code": "en"}
        )
        if first_name is not None:
            user["first_name"] = first_name
        return dict(user)

    def _user_chat(self, user: dict[str, Any], chat_id: int | None, chat_type: str) -> Chat:
        """The chat a user writes in: their private chat, or a group with a negative id."""
        if chat_type == "private":
            if chat_id not in (None, user["id"]):
                raise ValueError("a private chat's id is the user's id")
            data = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
        elif chat_type in {"group", "supergroup"}:
            chat_id = -user["id"] if chat_id is None else chat_id
            if chat_id >= 0:
                raise ValueError("group chat ids are negative")
            data = {"id": chat_id, "type": chat_type, "title": "Test group"}
        else:
            raise ValueError(f"unsupported chat_type {chat_type!r}")
        chat = self._chats.setdefault(data["id"], Chat(data))
        chat.data = data
        return chat

    def _user_message(
        self, user: dict[str, Any], chat: Chat, content: dict[str, Any]
    ) -> dict[str, Any]:
        message = {
            "message_id": self._take_message_id(chat.data["id"]),
            "from": user,
            "chat": dict(chat.data),
            "date": int(wall_clock()),
            **content,
        }
        self._user_messages[(chat.data["id"], message["message_id"])] = message
        return copy.deepcopy(message)
