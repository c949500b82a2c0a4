"""Uploaded files and the rules on them: photo format, size and proportions, upload size.

Why its own module: uploads arrive as multipart parts (:class:`UploadedFile`, the API's
``InputFile``) and are checked on their bytes, unlike every other parameter.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import Any, Final

from .limits import MAX_PHOTO_BYTES, MAX_PHOTO_DIMENSIONS_SUM, MAX_PHOTO_RATIO, MAX_UPLOAD_BYTES


@dataclass(frozen=True)
class UploadedFile:
    """A file the bot uploaded with multipart/form-data (the API's ``InputFile``)."""

    field_name: str
    filename: str
    content_type: str
    data: bytes = field(repr=False)

    @property
    def size(self) -> int:
        return len(self.data)


def _png_size(data: bytes) -> tuple[int, int] | None:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or len(data) < 24 or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


_IMAGE_MAGIC: Final = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF8", b"BM")


def check_photo(photo: Any) -> list[str]:
    if not isinstance(photo, UploadedFile):
        return []
    data = photo.data
    if len(data) > MAX_PHOTO_BYTES:
        return [f"photo is {len(data)} bytes (max {MAX_PHOTO_BYTES})"]
    is_webp = data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    if not (data.startswith(_IMAGE_MAGIC) or is_webp):
        return ["IMAGE_PROCESS_FAILED: uploaded photo is not a PNG/JPEG/GIF/BMP/WEBP image"]
    size = _png_size(data)
    if size is None:
        return []
    width, height = size
    if width + height > MAX_PHOTO_DIMENSIONS_SUM:
        return [f"PHOTO_INVALID_DIMENSIONS: {width}x{height} exceeds 10000 in total"]
    if min(width, height) == 0 or max(width, height) / min(width, height) > MAX_PHOTO_RATIO:
        return [f"PHOTO_INVALID_DIMENSIONS: {width}x{height} has a ratio above {MAX_PHOTO_RATIO}"]
    return []


def check_upload_size(value: Any, name: str) -> list[str]:
    if not isinstance(value, UploadedFile):
        return []
    if value.size == 0:
        return [f"{name}: file must be non-empty"]
    if value.size > MAX_UPLOAD_BYTES:
        return [f"{name}: file is {value.size} bytes (max {MAX_UPLOAD_BYTES} for uploads)"]
    return []
