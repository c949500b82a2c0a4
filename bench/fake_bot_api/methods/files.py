"""sendPhoto and sendDocument (multipart uploads), and downloading what the bot uploaded.

Why its own module: uploads are the only calls whose payload is bytes; documents are kept so a
test can download them again from ``base_file_url``, as the bot's users would.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from ..message_kinds import file_object
from ..rules import UploadedFile
from ..state import FakeState


def _png_dimensions(data: bytes) -> tuple[int, int]:
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    return 100, 100


class FileMethods(FakeState):
    """Photos and documents the bot sends, and the file downloads it may offer."""

    async def _send_photo(self, params: dict[str, Any]) -> dict[str, Any]:
        photo = params["photo"]
        n = next(self._counter)
        width, height = (
            _png_dimensions(photo.data) if isinstance(photo, UploadedFile) else (100, 100)
        )
        size = photo.size if isinstance(photo, UploadedFile) else 1000
        content = {"photo": [file_object("photo", n, width=width, height=height, file_size=size)]}
        content |= self._text_content(params, "caption", "caption_entities")
        return self._store_bot_message(params, content)

    async def _send_document(self, params: dict[str, Any]) -> dict[str, Any]:
        document = params["document"]
        n = next(self._counter)
        info: dict[str, Any] = {}
        if isinstance(document, UploadedFile):
            info = {
                "file_name": document.filename,
                "mime_type": document.content_type,
                "file_size": document.size,
            }
            self.files[f"documents/file_{n}"] = document.data
        content = {"document": file_object("document", n, **info)}
        content |= self._text_content(params, "caption", "caption_entities")
        return self._store_bot_message(params, content)

    async def _handle_file(self, request: web.Request) -> web.Response:
        """Serve files the bot uploaded, as ``base_file_url`` downloads would."""
        data = self.files.get(request.match_info["path"])
        if request.match_info["token"] != self.token or data is None:
            return web.Response(status=404, text="Not Found")
        return web.Response(body=data)
